// What a search asks and answers, as the API carries it.
import type { Language } from '../text/language';
import type { SearchFilters } from './search-query';

export interface SearchHit {
  file: string;
  /** UTF-16 offsets into the article text; `text` is the original characters there. */
  start: number;
  end: number;
  text: string;
  /** Original text around the hit, on one line; `contextStart` is its offset in the article. */
  context: string;
  contextStart: number;
  headline: string;
  language: Language | null;
}

export interface SearchResponse {
  hits: SearchHit[];
  totalHits: number;
  /**
   * totalHits is a lower bound: so many articles matched that hits were counted only up to a
   * cap in some (the CLI, which asks for exact totals, counts them all).
   */
  approximate: boolean;
  /** Articles with hits (all of them, not only those of the hits returned). */
  totalArticles: number;
  /** While the index is being built: how far it is (hits may be incomplete). */
  indexing: { done: number; total: number } | null;
}

export interface SearchRequest {
  query: string;
  lenient?: boolean;
  /** Words only as typed (letter variants folded): no proclitics, no suffixes. */
  wholeWord?: boolean;
  filters?: SearchFilters;
  limit?: number;
}
