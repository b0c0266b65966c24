// A one-off search (the command line) answered from the index file read in place
// (index-in-place.ts), when that index is current: every article it lists unchanged since it
// was written, nothing new, nothing to read again. Otherwise null, and the caller loads the
// index and brings it up to date as before. The ranking and the hits are the in-memory
// index's own (rankForQuery, engine-answer.ts), so both give the same answer.
import { answer, compileRequest, type EngineRequest, type EngineResult } from './engine-answer';
import { fromStoredExtra } from './file-records';
import { IndexFormatError } from './index-format';
import { IndexInPlace } from './index-in-place';
import { noResult, rankForQuery } from './index-ranking';
import { planRefresh, type ScanEntry } from './index-store';
import { QueryMatcher } from './query-matcher';
import { hasFilters } from './search-query';

/** The answer from the index on disk, or null when it is missing, stale, or the request needs more than it holds. */
export async function searchInPlace(root: string, request: EngineRequest, scan: ScanEntry[]): Promise<EngineResult | null> {
  // Filters read the list's metadata, which may be newer than the index's copy.
  if (hasFilters(request.filters)) return null;
  let index: IndexInPlace | null;
  try {
    index = IndexInPlace.open(root);
  } catch (error) {
    if (error instanceof IndexFormatError) return null;
    throw error;
  }
  if (!index) return null;
  try {
    const stored = currentRecords(index, scan);
    if (!stored) return null;
    const query = compileRequest(request);
    const matcher = QueryMatcher.compile(query.terms, index.page.alphabet());
    const slots = matcher === null ? [] : index.slots(index.candidates(query.terms));
    const ranked = matcher === null ? noResult() : rankForQuery(slots, query, matcher, { exactTotals: request.exactTotals });
    const bySlot = new Map(slots.map((s) => [s.file, s]));
    const page = matcher === null ? undefined : { matcher, spelling: index.page.spelling() };
    return await answer(root, query, ranked, request.limit, (file) => ({ encoding: stored.records.get(file)?.encoding, arabic: bySlot.get(file)?.arabic ?? false, key: bySlot.get(file)?.key }), page);
  } catch (error) {
    if (error instanceof IndexFormatError) return null;
    throw error;
  } finally {
    index.close();
  }
}

/**
 * What the index recorded of the articles, when it answers for the folder as scanned (what
 * SearchEngine.refresh would find nothing to do for); otherwise null.
 */
function currentRecords(index: IndexInPlace, scan: ScanEntry[]): ReturnType<typeof fromStoredExtra> {
  const stored = fromStoredExtra(index.header.extra);
  if (!stored) return null;
  const { records, writtenAt } = stored;
  const files = index.header.files;
  // The engine drops an article it has no record of, and reads a scan's OCR text again when newer.
  if (records.size !== files.length || files.some((f) => !records.has(f))) return null;
  for (const r of records.values()) if (r.ocrKey) return null;
  const plan = planRefresh(scan, records, writtenAt);
  return plan.articles.length === 0 && plan.sidecars.length === 0 && plan.removed.length === 0 ? stored : null;
}
