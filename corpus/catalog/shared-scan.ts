// The search worker's first folder scan, handed to the main thread for the list: reopening, the
// two made the same 20,000 stat calls at once on two cores (~100 ms of the main thread's CPU,
// while the worker loads its index). Sent packed (names joined by NUL, which no file name
// holds, and the fingerprints in one array): 20,000 small objects cost a structured clone on
// the worker's thread, which is the one the corpus waits for.
import type { ScanEntry } from '../search/index-store';

export interface PackedScan {
  names: string;
  /** Per entry: article size, mtime, sidecar size (-1: none), sidecar mtime. */
  prints: Float64Array;
}

export function packScan(scan: ScanEntry[]): PackedScan {
  const prints = new Float64Array(scan.length * 4);
  const names: string[] = [];
  for (let i = 0; i < scan.length; i++) {
    const e = scan[i]!;
    names.push(e.file);
    prints[4 * i] = e.article.size;
    prints[4 * i + 1] = e.article.mtimeMs;
    prints[4 * i + 2] = e.sidecar ? e.sidecar.size : -1;
    prints[4 * i + 3] = e.sidecar ? e.sidecar.mtimeMs : 0;
  }
  return { names: names.join('\0'), prints };
}

export function unpackScan({ names, prints }: PackedScan): ScanEntry[] {
  if (names === '') return [];
  const files = names.split('\0');
  const out: ScanEntry[] = [];
  for (let i = 0; i < files.length; i++) {
    const sidecarSize = prints[4 * i + 2]!;
    out.push({
      file: files[i]!,
      article: { size: prints[4 * i]!, mtimeMs: prints[4 * i + 1]! },
      sidecar: sidecarSize >= 0 ? { size: sidecarSize, mtimeMs: prints[4 * i + 3]! } : null,
    });
  }
  return out;
}

/** The main thread's side: the search worker's scan, for the first list that asks. */
export class WorkerScan {
  private settle: (scan: ScanEntry[] | null) => void = () => {};
  private readonly scan: Promise<ScanEntry[] | null>;
  private taken = false;

  /** `gone`: settles when the worker has ended (failed, stopped), whatever it sent. */
  constructor(gone: Promise<unknown>) {
    this.scan = new Promise((resolve) => (this.settle = resolve));
    void gone.then(() => this.settle(null));
  }

  receive(packed: PackedScan | null): void {
    this.settle(packed && unpackScan(packed));
  }

  /** The scan (null: none, scan the folder yourself) the first time; null after, when it would be stale. */
  take(): Promise<ScanEntry[] | null> {
    if (this.taken) return Promise.resolve(null);
    this.taken = true;
    return this.scan;
  }
}
