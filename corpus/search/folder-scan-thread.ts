// The folder scan for a one-off search (the command line) on the second core: statting
// 20,000 articles costs the calling thread ~80 ms, which it can spend reading the index and
// ranking meanwhile, since neither needs the scan until the index is checked as current.
// Below THREAD_MIN articles, or when the thread cannot start, the scan runs here as before.
import { Worker } from 'node:worker_threads';
import { scanCorpus, type ScanEntry } from './index-store';
import { unpackScan, type ScanReply } from './folder-scan-pack';

/** Fewer articles than this are statted sooner than a thread starts. */
export const THREAD_MIN = 2000;

/** scanCorpus(root), in a thread of its own when the folder holds `articles` or more. */
export function scanCorpusFor(root: string, articles: number): Promise<ScanEntry[]> {
  if (articles < THREAD_MIN) return scanCorpus(root);
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker(root);
    } catch {
      scanCorpus(root).then(resolve, reject);
      return;
    }
    let settled = false;
    const here = () => {
      if (settled) return;
      settled = true;
      scanCorpus(root).then(resolve, reject);
    };
    worker.once('message', (reply: ScanReply) => {
      if (settled) return;
      if (!reply.ok) return here();
      settled = true;
      resolve(unpackScan(reply.names, reply.numbers));
      void worker.terminate();
    });
    worker.once('error', here);
    worker.once('exit', here);
  });
}

function startWorker(root: string): Worker {
  const url = import.meta.url;
  if (url.endsWith('.ts')) {
    // Node cannot start a .ts worker by itself: tsx first, then the module (as scan-search.ts does).
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./folder-scan-worker.ts', url).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(code, { eval: true, workerData: root });
  }
  return new Worker(new URL('./folder-scan-worker.mjs', url), { workerData: root });
}
