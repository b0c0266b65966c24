// What the window gets for a search: each hit with the headline and language its article has
// in the list, so that a result line reads as the list does.
import type { EngineResult } from '../search/search-engine';
import type { SearchResponse } from '../search/search-types';
import type { ArticleSummary } from './article-summary';

export function searchResponse(result: EngineResult, summaryOf: (file: string) => ArticleSummary | null, indexing: SearchResponse['indexing']): SearchResponse {
  const hits = result.hits.map((h) => {
    const s = summaryOf(h.file);
    return { file: h.file, start: h.start, end: h.end, text: h.text, context: h.context, contextStart: h.contextStart, headline: s?.headline ?? h.file, language: s?.language ?? null };
  });
  return { hits, totalHits: result.totalHits, approximate: result.approximate, totalArticles: result.totalArticles, indexing };
}
