// The folder scan (scanCorpus: every article's and sidecar's size and time) in a thread of its
// own, for folder-scan-thread.ts: posted back as one string of names and one array of numbers,
// which cross between threads as a copy of two blocks rather than 20,000 objects.
import { parentPort, workerData } from 'node:worker_threads';
import { scanCorpus } from './index-store';
import { packScan, type ScanReply } from './folder-scan-pack';

scanCorpus(workerData as string).then(
  (scan) => {
    const packed = packScan(scan);
    parentPort!.postMessage({ ok: true, ...packed } satisfies ScanReply, [packed.numbers.buffer as ArrayBuffer]);
  },
  (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ScanReply),
);
