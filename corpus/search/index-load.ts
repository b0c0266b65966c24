// The index file read back whole, as the search worker reopens a corpus: the header first,
// then the keys and the posting lists in two reads at once through the thread pool, each into
// a buffer of its own. The lists are used in their buffer and the keys' is dropped once
// decoded: one read of the whole file either kept the keys twice or cost a copy of the lists
// (31 MB at 20,000 articles), and left this thread nothing to do meanwhile (the worker scans
// the folder while the pool reads).
import { Buffer } from 'node:buffer';
import { closeSync, read, readSync } from 'node:fs';
import { headerLength, indexFromParts, readHeader, type IndexHeader, type StoredIndex } from './index-format';
import { openCacheSync, SEARCH_INDEX } from './index-store';

/**
 * The corpus's index, or null when it has none or it cannot be read (as readCacheBytes: the
 * caller rebuilds). Throws IndexFormatError when the file is not an index of this format.
 */
export async function loadIndexFile(root: string): Promise<StoredIndex | null> {
  const file = openCacheSync(root, SEARCH_INDEX);
  if (!file) return null;
  const { fd, size } = file;
  let parts: { header: IndexHeader; keys: Buffer; lists: Buffer } | null;
  try {
    parts = await readParts(fd, size);
  } finally {
    closeSync(fd);
  }
  return parts && indexFromParts(parts.header, parts.keys, parts.lists);
}

async function readParts(fd: number, size: number): Promise<{ header: IndexHeader; keys: Buffer; lists: Buffer } | null> {
  const top = readAtSync(fd, 0, Math.min(8, size));
  if (!top) return null;
  const headerBytes = readAtSync(fd, 0, Math.min(8 + headerLength(top), size));
  if (!headerBytes) return null;
  const header = readHeader(headerBytes);
  // Both settled before the descriptor is closed, even when one fails.
  const [keys, lists] = await Promise.allSettled([readAt(fd, header.keysAt, Math.min(header.tableAt, size) - header.keysAt), readAt(fd, header.tableAt, size - header.tableAt)]);
  if (keys.status === 'rejected' || lists.status === 'rejected') return null;
  return { header, keys: keys.value, lists: lists.value };
}

/** Up to `length` bytes at `position` (fewer only at the end of the file); null when they cannot be read. */
function readAtSync(fd: number, position: number, length: number): Buffer | null {
  const out = Buffer.allocUnsafe(length);
  let got = 0;
  try {
    while (got < length) {
      const n = readSync(fd, out, got, length - got, position + got);
      if (n === 0) break;
      got += n;
    }
  } catch {
    return null;
  }
  return out.subarray(0, got);
}

/** Up to `length` bytes at `position` (fewer only at the end of the file), read through the thread pool. */
async function readAt(fd: number, position: number, length: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(Math.max(0, length));
  let got = 0;
  while (got < out.length) {
    const n = await new Promise<number>((resolve, reject) => read(fd, out, got, out.length - got, position + got, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))));
    if (n === 0) break;
    got += n;
  }
  return out.subarray(0, got);
}
