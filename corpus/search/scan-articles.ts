// One share of a corpus searched with no index: each article's text folded and put through
// the very matcher, scoring and hit mapping the indexed search uses, so that a one-off search
// and the app agree on every hit and count. Runs in the CLI's own thread and in
// scan-worker.ts; it imports no extractor, so that the worker starts in a fraction of the time.
import { fold, foldKey } from '../text/normalise';
import { scoreSpans } from './index-ranking';
import type { EngineRequest } from './search-engine';
import type { CompiledQuery } from './search-query';
import { hitsOfSpans, matcherOf, type TextHit } from './text-hits';
import { isArabicKey } from './word-forms';

export interface ScannedArticle {
  file: string;
  score: number;
  /** Every hit of the article, as the index counts them. */
  count: number;
  /** The first `limit` of them, in the original text. */
  hits: TextHit[];
}

/** What the worker starts with; its articles (WorkerEntry[]) follow in one message. */
export interface ScanStart {
  root: string;
  request: EngineRequest;
}

/** A plain-text article of the worker's share, with the encoding its sidecar chooses. */
export interface WorkerEntry {
  file: string;
  encoding: string | null;
}

export type ScanReply = { ok: true; articles: ScannedArticle[] } | { ok: false; message: string };

/** An article's text as the index has it, or null when it has none (then it never matches). */
export type ReadText<E> = (e: E) => string | null | Promise<string | null>;

/** The articles among `entries` that hold every term, in the order given (not ranked). */
export async function scanArticles<E extends { file: string }>(entries: readonly E[], query: CompiledQuery, limit: number, read: ReadText<E>): Promise<ScannedArticle[]> {
  const matcher = query.terms.length === 0 ? null : matcherOf(query);
  if (matcher === null) return [];
  const rank = { matcher, weights: query.terms.map((t) => (t.phrase ? 1.5 : 1)) };
  const out: ScannedArticle[] = [];
  for (const e of entries) {
    let text: string | null;
    try {
      text = await read(e);
    } catch {
      continue;
    }
    if (text === null) continue;
    // The key as the index folds it; the offset map, which costs more, only for an article that matches.
    const key = foldKey(text);
    const spans = matcher.spans(key, isArabicKey(key));
    if (spans === null) continue;
    const scored = scoreSpans(e.file, key.length, spans, rank);
    out.push({ file: e.file, score: scored.score, count: scored.hits, hits: hitsOfSpans(text, fold(text), spans, limit) });
  }
  return out;
}
