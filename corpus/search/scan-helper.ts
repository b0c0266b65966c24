// The folder scan with its stat calls made on a thread of their own, for the search worker's
// reopening: it reads the index meanwhile, which on one thread took the sum of the two (of
// ~490 ms to searchable at 20,000 articles, ~170 ms were the stat calls). Not through the
// thread pool: 20,000 fs.stat callbacks cost the calling thread more than the statSync calls
// (index-store.ts scanCorpus). The helper is a script of a few lines, not the worker's bundle,
// so that it starts in a fraction of the time the bundle's modules take.
import { Worker } from 'node:worker_threads';
import { SIDECAR_SUFFIX } from '../folder/corpus-folder';
import { listNames, rootPrefix, scanNames, type ScanEntry } from './index-store';

/**
 * Paths joined by NUL (which no file name holds: one string to copy over, not 20,000) in;
 * size and modification time of each out, size -1 where it is gone or not a file. A stat
 * that fails otherwise fails the helper, and the caller's own scan reports the error.
 */
const HELPER = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const paths = workerData.split('\\0');
const out = new Float64Array(paths.length * 2);
for (let i = 0; i < paths.length; i++) {
  const s = statSync(paths[i], { throwIfNoEntry: false });
  if (s && s.isFile()) { out[2 * i] = s.size; out[2 * i + 1] = s.mtimeMs; } else out[2 * i] = -1;
}
parentPort.postMessage(out, [out.buffer]);
`;

/** Folders with fewer articles are statted sooner than a thread starts (the command line scans them itself). */
export const HELPER_SCAN_MIN = 2000;

/** What scanCorpus gives, the stat calls made by a helper thread; made here when the helper cannot. */
export async function scanInHelper(root: string): Promise<ScanEntry[]> {
  const names = await listNames(root);
  const prefix = rootPrefix(root);
  const paths: string[] = [];
  /** Per article, the index of its sidecar's path, or -1. */
  const sidecarAt: number[] = [];
  for (const file of names.articles) paths.push(prefix + file);
  for (const file of names.articles) {
    const sidecar = file + SIDECAR_SUFFIX;
    sidecarAt.push(names.sidecars.has(sidecar) ? paths.push(prefix + sidecar) - 1 : -1);
  }
  if (paths.length === 0) return [];
  const stats = await statInHelper(paths.join('\0'));
  if (!stats || stats.length !== paths.length * 2) return scanNames(root, names);
  const out: ScanEntry[] = [];
  for (let i = 0; i < names.articles.length; i++) {
    if (stats[2 * i]! < 0) continue; // removed while we looked
    const s = sidecarAt[i]!;
    const sidecar = s >= 0 && stats[2 * s]! >= 0 ? { size: stats[2 * s]!, mtimeMs: stats[2 * s + 1]! } : null;
    out.push({ file: names.articles[i]!, article: { size: stats[2 * i]!, mtimeMs: stats[2 * i + 1]! }, sidecar });
  }
  return out;
}

/** The helper's answer, or null when it could not start or failed. */
function statInHelper(paths: string): Promise<Float64Array | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      // No flags of this process (a loader such as tsx): the script needs none.
      worker = new Worker(HELPER, { eval: true, workerData: paths, execArgv: [] });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', (stats: Float64Array) => resolve(stats));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}
