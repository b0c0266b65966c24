// The second core's share of a scan with no index (scan-search.ts): plain-text articles only,
// decoded as articleText decodes a .txt (the extractors are left out, so the worker starts
// quickly), the findings posted back once.
import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { prefilterOf, type RawPrefilter } from './raw-prefilter';
import { decodeIfMayHold, scanArticles, type ScanReply, type ScanStart, type ScanText, type WorkerEntry } from './scan-articles';
import { compileQuery } from './search-query';
import { matcherOf } from './text-hits';

const start = workerData as ScanStart;
const r = start.request;
const query = compileQuery(r.query, { lenient: r.lenient, wholeWord: r.wholeWord, filters: r.filters });
// The query's matcher and prefilter are built while the calling thread lists the folder.
if (query.terms.length > 0) {
  matcherOf(query);
  prefilterOf(query);
}
// article-read.ts's containedPath, written again: importing it brings in the extractors and
// the sidecar schema, a second of the worker's start; the sidecar's encoding comes with the entry.
const read = (e: WorkerEntry, prefilter: RawPrefilter): ScanText | null => {
  const real = realpathSync(join(start.root, e.file));
  const rel = relative(start.root, real);
  if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return null;
  return decodeIfMayHold(readFileSync(real), e.encoding, prefilter);
};
parentPort!.once('message', (entries: WorkerEntry[]) => {
  scanArticles(entries, query, r.limit ?? Infinity, read).then(
    (articles) => parentPort!.postMessage({ ok: true, articles } satisfies ScanReply),
    (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ScanReply),
  );
});
