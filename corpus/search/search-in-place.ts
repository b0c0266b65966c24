// A one-off search (the command line) answered from the index file read in place
// (index-in-place.ts), when that index is current: every article it lists unchanged since it
// was written, nothing new, nothing to read again (checked once the query is ranked, before any
// article is read). Otherwise null, and the caller loads the index and brings it up to date as
// before. The ranking and the hits are the in-memory index's own (index-ranking.ts,
// engine-answer.ts), so both give the same answer.
import { candidateSlots, stemRarity, type TrigramLists } from './candidate-slots';
import { answer, compileRequest, type EngineRequest, type EngineResult } from './engine-answer';
import { fromStoredExtra } from './file-records';
import { IndexFormatError } from './index-format';
import { IndexInPlace } from './index-in-place';
import type { Slot } from './index-slot';
import { noResult, rankEach, rankQuery, type IndexSearchResult } from './index-ranking';
import { planRefresh, type ScanEntry } from './index-store';
import type { HelperScan } from './scan-helper';
import { QueryMatcher, type KeySpan } from './query-matcher';
import { hasFilters, type CompiledQuery } from './search-query';

/**
 * The answer from the index on disk, with exact totals, or null when it is missing, stale, or
 * the request needs more than it holds.
 */
export async function searchInPlace(root: string, request: EngineRequest, folder: HelperScan): Promise<EngineResult | null> {
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
    const query = compileRequest(request);
    // The folder's stat calls (on the second core, for a large one) run while the query is ranked, once they are handed over.
    await folder.listed;
    // A sequence is sought by its rarest word, as the loaded index seeks it.
    const lists = index.trigramLists(query.terms);
    const matcher = QueryMatcher.compile(query.terms, index.page.alphabet(), stemRarity(index.page, lists));
    const { ranked, matched } = matcher === null ? { ranked: noResult(), matched: new Map<string, Matched>() } : rankInPlace(index, lists, query, matcher);
    const stored = currentRecords(index, await folder.scan);
    if (!stored) return null;
    const page = matcher === null ? undefined : { matcher, spelling: index.page.spelling() };
    return await answer(root, query, ranked, request.limit, (file) => {
      const m = matched.get(file);
      return { encoding: stored.records.get(file)?.encoding, arabic: m?.slot.arabic ?? false, key: m?.slot.key, spans: m?.spans };
    }, page);
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

/** A ranked article's slot and the spans the ranking found in it. */
interface Matched {
  slot: Slot;
  spans: KeySpan[];
}

/**
 * The candidates ranked as the loaded index ranks them with exact totals (what the command line
 * asks for; a first look would cap the spans counted). Each candidate's key is read, scored and
 * dropped in turn, and only the articles with hits keep theirs, with their spans: the hits are
 * not sought a second time.
 */
function rankInPlace(index: IndexInPlace, lists: TrigramLists, query: CompiledQuery, matcher: QueryMatcher): { ranked: IndexSearchResult; matched: Map<string, Matched> } {
  const matched = new Map<string, Matched>();
  const candidates = candidateSlots(query.terms, index.page, lists);
  const ranked = rankEach((visit) => index.eachSlot(candidates, visit), rankQuery(query, matcher), (slot, spans) => void matched.set(slot.file, { slot, spans }));
  return { ranked, matched };
}
