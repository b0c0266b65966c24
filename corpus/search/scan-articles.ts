// One share of a corpus searched with no index: each article's text folded and put through
// the very matcher, scoring and hit mapping the indexed search uses, so that a one-off search
// and the app agree on every hit and count. Runs in the CLI's own thread and in
// scan-worker.ts; it imports no extractor, so that the worker starts in a fraction of the time.
import { fold } from '../text/normalise';
import { isArabicKeyFast } from './arabic-key';
import { scoreSpans } from './index-ranking';
import { prefilterOf, type RawPrefilter } from './raw-prefilter';
import type { ScanText } from './scan-decode';
import type { ScanQueue } from './scan-queue';
import type { EngineRequest } from './search-engine';
import type { CompiledQuery } from './search-query';
import { hitsOfSpans, matcherOf, type TextHit } from './text-hits';

export interface ScannedArticle {
  file: string;
  score: number;
  /** Every hit of the article, as the index counts them. */
  count: number;
  /** The first `limit` of them, in the original text. */
  hits: TextHit[];
}

/** What the worker starts with; its articles (WorkerShare) follow in one message. */
export interface ScanStart {
  root: string;
  request: EngineRequest;
}

/** A plain-text article of the worker's share, with the encoding its sidecar chooses. */
export interface WorkerEntry {
  file: string;
  encoding: string | null;
}

/**
 * The plain-text articles, shared out through `queue` (scan-queue.ts); larger ones are not read.
 * Their names go as one string joined by NUL (no file name holds one), the few encodings a
 * sidecar chooses by index: 12,000 objects took the worker 19 ms to unpack on a quiet machine
 * and over 100 ms on a busy one, and the calling thread as long again to pack.
 */
export interface WorkerShare {
  names: string;
  /** [index, encoding] of each article a sidecar chooses an encoding for. */
  encodings: Array<[number, string]>;
  queue: ScanQueue;
  maxBytes: number;
}

/** The share of these articles, as posted to the worker. */
export function packShare(entries: readonly WorkerEntry[], queue: ScanQueue, maxBytes: number): WorkerShare {
  const encodings: Array<[number, string]> = [];
  entries.forEach((e, i) => {
    if (e.encoding !== null) encodings.push([i, e.encoding]);
  });
  return { names: entries.map((e) => e.file).join('\0'), encodings, queue, maxBytes };
}

/** The articles of a share, as packShare was given them. */
export function unpackShare(share: WorkerShare): WorkerEntry[] {
  const entries: WorkerEntry[] = share.names === '' ? [] : share.names.split('\0').map((file) => ({ file, encoding: null }));
  for (const [i, encoding] of share.encodings) entries[i]!.encoding = encoding;
  return entries;
}

export type ScanReply = { ok: true; articles: ScannedArticle[] } | { ok: false; message: string };

/**
 * An article's text as the index has it, or null when it has none or when the prefilter rules
 * it out from its bytes (then it never matches); `checked` when the prefilter has passed it.
 */
export type ReadText<E> = (e: E, prefilter: RawPrefilter) => ScanText | null | Promise<ScanText | null>;

/** The articles among `entries` (those at `order`, when given) that hold every term, in the order read (not ranked). */
export async function scanArticles<E extends { file: string }>(entries: readonly E[], query: CompiledQuery, limit: number, read: ReadText<E>, order?: Iterable<number>): Promise<ScannedArticle[]> {
  const matcher = query.terms.length === 0 || entries.length === 0 ? null : matcherOf(query);
  if (matcher === null) return [];
  const rank = { matcher, weights: query.terms.map((t) => (t.phrase ? 1.5 : 1)) };
  const prefilter = prefilterOf(query);
  const out: ScannedArticle[] = [];
  for (const i of order ?? entries.keys()) {
    const e = entries[i]!;
    let got: ScanText | null;
    try {
      got = await read(e, prefilter);
    } catch {
      continue;
    }
    if (got === null || (!got.checked && !prefilter.textMayHold(got.text))) continue;
    const text = got.text;
    // The key as the index folds it, with the offset map at once: most articles the prefilter
    // passes have a hit, and one pass costs less than a key and then the map.
    const folded = got.folded ?? fold(text);
    const spans = matcher.spans(folded.key, isArabicKeyFast(folded.key));
    if (spans === null) continue;
    const scored = scoreSpans(e.file, folded.key.length, spans, rank);
    out.push({ file: e.file, score: scored.score, count: scored.hits, hits: hitsOfSpans(text, folded, spans, limit) });
  }
  return out;
}
