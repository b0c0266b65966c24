// A query's answer from its ranked articles: the request checked and compiled, then the best
// articles read again to give each hit its original text and context. The same for the index
// in memory (search-engine.ts) and the index read in place (search-in-place.ts), so both give
// the same hits.
import { readFileSync } from 'node:fs';
import { isPlainTextName, plainArticleText } from '../extract/article-format';
import { containedPath } from './contained-path';
import { ArticleReader } from './scan-read';
import { MAX_ARTICLE_BYTES } from '../text/decode';
import type { IndexSearchResult } from './index-ranking';
import type { KeySpan } from './query-matcher';
import { checkFilters, checkQuerySize, compileQuery, type CompiledQuery, type SearchFilters } from './search-query';
import { findHits, findHitsInKey, type KeyPage, type TextHit } from './text-hits';

export interface EngineRequest {
  query: string;
  lenient?: boolean;
  /** Words only as typed: no proclitics or suffixes (search-query.ts). */
  wholeWord?: boolean;
  filters?: SearchFilters;
  /** Hits returned with text and context; the totals count all. Default: all. */
  limit?: number;
  /** Count every hit even when very many articles match (slower; the CLI wants it). */
  exactTotals?: boolean;
}

export interface EngineHit extends TextHit {
  file: string;
}

export interface EngineResult {
  hits: EngineHit[];
  totalHits: number;
  /** totalHits is a lower bound: hits were counted up to a cap in some articles. */
  approximate: boolean;
  totalArticles: number;
  lenient: boolean;
  wholeWord: boolean;
  /** The limit cut the hits short. */
  truncated: boolean;
}

export class SearchQueryError extends Error {}

/** Loaded when an article is read again or a page's hits are shown (article-reading.ts says why). */
export const articleReading = () => import('./article-reading');

/** The request's query compiled; throws SearchQueryError for one too long or with bad filters. */
export function compileRequest(request: EngineRequest): CompiledQuery {
  const query = compileQuery(request.query, { lenient: request.lenient, wholeWord: request.wholeWord, filters: request.filters });
  const problem = checkQuerySize(query) ?? checkFilters(query.filters);
  if (problem) throw new SearchQueryError(problem);
  return query;
}

/** How an article was indexed: the encoding it was decoded with, whether its key reads as Arabic, the key itself, and the matcher's spans in it when the ranking kept them. */
export type IndexedAs = (file: string) => { encoding: string | null | undefined; arabic: boolean; key?: string; spans?: readonly KeySpan[] };

/** The hits of the ranked articles, best first, up to the request's limit; the totals are the ranking's. */
export async function answer(root: string, query: CompiledQuery, ranked: IndexSearchResult, limit = Infinity, indexedAs: IndexedAs, page?: KeyPage): Promise<EngineResult> {
  const hits: EngineHit[] = [];
  let truncated = false;
  const reader = new ArticleReader(root);
  for (const a of ranked.articles) {
    if (hits.length >= limit) {
      truncated = true;
      break;
    }
    const { encoding, arabic, key, spans } = indexedAs(a.file);
    const text = await readText(root, reader, a.file, encoding);
    if (text === null) continue;
    const options = { limit: limit - hits.length, arabic };
    // With the index's key at hand the text need not be folded again to place the hits.
    const found = key !== undefined && page ? findHitsInKey(text, key, query, options, page, spans) : findHits(text, query, options);
    for (const h of found) hits.push({ file: a.file, ...h });
  }
  return { hits, totalHits: ranked.totalHits, approximate: ranked.approximate, totalArticles: ranked.articles.length, lenient: query.lenient, wholeWord: query.wholeWord, truncated };
}

async function readText(root: string, reader: ArticleReader, file: string, encoding: string | null | undefined): Promise<string | null> {
  try {
    // Plain text is decoded here, as articleText would: no extractor needs loading for it.
    if (isPlainTextName(file)) {
      // Read into the reader's own buffer (one open, no realpath where the folder is real); larger is refused by the decoder anyway.
      const bytes = reader.read(file, MAX_ARTICLE_BYTES);
      const decoded = bytes === null ? null : plainArticleText(bytes, encoding);
      return decoded?.ok ? decoded.text : null;
    }
    const bytes = readFileSync(containedPath(root, file));
    const { articleText, extractedTextCache } = await articleReading();
    const decoded = await articleText(file, bytes, encoding, extractedTextCache(root));
    return decoded.ok ? decoded.text : null;
  } catch {
    return null;
  }
}
