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
 * Paths joined by NUL (which no file name holds: one string to copy over, not 20,000) in, as
 * the one message; size and modification time of each out, size -1 where it is gone or not a
 * file. A stat that fails otherwise fails the helper, and the caller's own scan reports the
 * error. The thread is started before the folder is listed, so that its start-up (~20 ms)
 * passes while the names are read.
 */
const HELPER = `
const { parentPort } = require('node:worker_threads');
const { statSync } = require('node:fs');
parentPort.once('message', (joined) => {
  const paths = joined.split('\\0');
  const out = new Float64Array(paths.length * 2);
  for (let i = 0; i < paths.length; i++) {
    const s = statSync(paths[i], { throwIfNoEntry: false });
    if (s && s.isFile()) { out[2 * i] = s.size; out[2 * i + 1] = s.mtimeMs; } else out[2 * i] = -1;
  }
  parentPort.postMessage(out, [out.buffer]);
});
`;

/** Folders with fewer articles are statted sooner than a thread starts (the command line scans them itself). */
export const HELPER_SCAN_MIN = 2000;

/** What scanCorpus gives, the stat calls made by a helper thread; made here when the helper cannot. */
export function scanInHelper(root: string): Promise<ScanEntry[]> {
  return startScanInHelper(root).scan;
}

export interface HelperScan {
  /** Settles once the helper has the paths (or this thread has taken the scan on): until then it needs this thread's turn. */
  listed: Promise<void>;
  scan: Promise<ScanEntry[]>;
}

/**
 * scanInHelper, telling when the folder is listed: a caller that then runs long without
 * yielding (ranking a query) waits for that first, or the helper gets its paths only after.
 * A folder of fewer than `min` articles is statted on this thread.
 */
export function startScanInHelper(root: string, min = 0): HelperScan {
  let listed = () => {};
  const listedNow = new Promise<void>((resolve) => (listed = resolve));
  const scan = scanWith(root, min, () => listed());
  scan.then(listed, listed);
  return { listed: listedNow, scan };
}

async function scanWith(root: string, min: number, listed: () => void): Promise<ScanEntry[]> {
  const helper = startHelper();
  let names: Awaited<ReturnType<typeof listNames>>;
  try {
    names = await listNames(root);
  } catch (error) {
    void helper?.worker.terminate();
    throw error;
  }
  const prefix = rootPrefix(root);
  const paths: string[] = [];
  /** Per article, the index of its sidecar's path, or -1. */
  const sidecarAt: number[] = [];
  for (const file of names.articles) paths.push(prefix + file);
  for (const file of names.articles) {
    const sidecar = file + SIDECAR_SUFFIX;
    sidecarAt.push(names.sidecars.has(sidecar) ? paths.push(prefix + sidecar) - 1 : -1);
  }
  if (paths.length === 0 || names.articles.length < min || !helper) {
    void helper?.worker.terminate();
    return scanNames(root, names);
  }
  const answer = statInHelper(helper, paths.join('\0'));
  listed();
  const stats = await answer;
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

interface Helper {
  worker: Worker;
  /** Its answer once the paths are posted, or null when it failed or ended (listened for from the start). */
  answer: Promise<Float64Array | null>;
}

/** The helper thread, or null when it cannot start. */
function startHelper(): Helper | null {
  let worker: Worker;
  try {
    // No flags of this process (a loader such as tsx): the script needs none.
    worker = new Worker(HELPER, { eval: true, execArgv: [] });
  } catch {
    return null;
  }
  const answer = new Promise<Float64Array | null>((resolve) => {
    worker.once('message', (stats: Float64Array) => resolve(stats));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return { worker, answer };
}

/** The helper's answer for these paths, or null when it failed. */
function statInHelper(helper: Helper, paths: string): Promise<Float64Array | null> {
  helper.worker.postMessage(paths);
  return helper.answer;
}
