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
  /** While the index is being built: how far it is (hits may be incomplete). */
  indexing: { done: number; total: number } | null;
}

export interface SearchRequest {
  query: string;
  lenient?: boolean;
  filters?: SearchFilters;
  limit?: number;
}
