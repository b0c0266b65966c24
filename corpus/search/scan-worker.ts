// The second core's share of a scan with no index (scan-search.ts): plain-text articles only,
// decoded as articleText decodes a .txt (the extractors are left out, so the worker starts
// quickly), taken a few at a time from the queue it shares with the calling thread
// (scan-queue.ts), the findings posted back once.
import { parentPort, workerData } from 'node:worker_threads';
import { prefilterOf } from './raw-prefilter';
import { scanArticles, unpackShare, type ScanReply, type ScanStart, type WorkerEntry, type WorkerShare } from './scan-articles';
import { decodeIfMayHold } from './scan-decode';
import { take, WORKER } from './scan-queue';
import { ArticleReader } from './scan-read';
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
const reader = new ArticleReader(start.root);
parentPort!.once('message', (share: WorkerShare) => {
  const read = (e: WorkerEntry, prefilter: ReturnType<typeof prefilterOf>) => {
    const bytes = reader.read(e.file, share.maxBytes);
    return bytes === null ? null : decodeIfMayHold(bytes, e.encoding, prefilter);
  };
  scanArticles(unpackShare(share), query, r.limit ?? Infinity, read, take(share.queue, WORKER)).then(
    (articles) => parentPort!.postMessage({ ok: true, articles } satisfies ScanReply),
    (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ScanReply),
  );
});
