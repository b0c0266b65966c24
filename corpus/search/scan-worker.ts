// The second core's share of a scan with no index (scan-search.ts): plain-text articles only,
// decoded as articleText decodes a .txt (the extractors are left out, so the worker starts
// quickly), the findings posted back once.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { decodeArticle } from '../text/decode';
import { containedPath, encodingOverride } from './article-read';
import type { ScanEntry } from './index-store';
import { scanArticles, type ScanReply, type ScanStart } from './scan-articles';
import { compileQuery } from './search-query';

const start = workerData as ScanStart;
const r = start.request;
const query = compileQuery(r.query, { lenient: r.lenient, wholeWord: r.wholeWord, filters: r.filters });
const read = (e: ScanEntry): string | null => {
  const decoded = decodeArticle(readFileSync(containedPath(start.root, e.file)), encodingOverride(start.root, e));
  return decoded.ok ? decoded.text : null;
};
parentPort!.once('message', (entries: ScanEntry[]) => {
  scanArticles(entries, query, r.limit ?? Infinity, read).then(
    (articles) => parentPort!.postMessage({ ok: true, articles } satisfies ScanReply),
    (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ScanReply),
  );
});
