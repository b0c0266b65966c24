// The folder scan as it crosses between threads (folder-scan-thread.ts): the names joined by
// NUL (which no file name holds) and four numbers per article: its size and time, and its
// sidecar's (a size of -1: no sidecar).
import type { ScanEntry } from './index-store';

export type ScanReply = { ok: true; names: string; numbers: Float64Array } | { ok: false; message: string };

export function packScan(scan: readonly ScanEntry[]): { names: string; numbers: Float64Array } {
  const numbers = new Float64Array(scan.length * 4);
  scan.forEach((e, i) => {
    numbers[i * 4] = e.article.size;
    numbers[i * 4 + 1] = e.article.mtimeMs;
    numbers[i * 4 + 2] = e.sidecar ? e.sidecar.size : -1;
    numbers[i * 4 + 3] = e.sidecar ? e.sidecar.mtimeMs : 0;
  });
  return { names: scan.map((e) => e.file).join('\0'), numbers };
}

export function unpackScan(names: string, numbers: Float64Array): ScanEntry[] {
  if (names === '') return [];
  return names.split('\0').map((file, i) => ({
    file,
    article: { size: numbers[i * 4]!, mtimeMs: numbers[i * 4 + 1]! },
    sidecar: numbers[i * 4 + 2]! < 0 ? null : { size: numbers[i * 4 + 2]!, mtimeMs: numbers[i * 4 + 3]! },
  }));
}
