// The index file read back, as the search worker reopens a corpus: the header first, then the
// posting lists in one read through the thread pool, into a buffer of their own where they are
// used, while this thread reads the keys a few megabytes at a time and decodes them. Read
// whole, the file kept the keys twice or cost a copy of the lists (31 MB at 20,000 articles);
// the keys read into a buffer of their own on the pool left this thread waiting for them, and
// cost 65 MB of buffer that the pool wrote and the collector counted (two full collections).
import { Buffer } from 'node:buffer';
import { closeSync, read, readSync } from 'node:fs';
import { headerLength, indexFromSlots, readHeader, slotsFromKeyPieces, type StoredIndex } from './index-format';
import { openCacheSync, SEARCH_INDEX } from './index-store';

/** The keys are read and decoded this many bytes at a time. */
const KEY_PIECE = 2 << 20;

/**
 * The corpus's index, or null when it has none or it cannot be read (as readCacheBytes: the
 * caller rebuilds). Throws IndexFormatError when the file is not an index of this format.
 */
export async function loadIndexFile(root: string): Promise<StoredIndex | null> {
  const file = openCacheSync(root, SEARCH_INDEX);
  if (!file) return null;
  const { fd, size } = file;
  let lists: Promise<Buffer> | null = null;
  try {
    const top = readAtSync(fd, 0, Math.min(8, size));
    if (!top) return null;
    const headerBytes = readAtSync(fd, 0, Math.min(8 + headerLength(top), size));
    if (!headerBytes) return null;
    const header = readHeader(headerBytes);
    lists = readAt(fd, header.tableAt, size - header.tableAt);
    lists.catch(() => undefined); // awaited below, or settled before the descriptor is closed
    const slots = slotsFromKeyPieces(header, (offset, length, into) => readAtSync(fd, header.keysAt + offset, length, into) ?? unreadable(), KEY_PIECE);
    const listBytes = await lists.catch(() => null);
    return listBytes && indexFromSlots(header, slots, listBytes);
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  } finally {
    // Settled before the descriptor is closed, even when the keys failed.
    if (lists) await lists.catch(() => undefined);
    closeSync(fd);
  }
}

/** The keys could not be read (an I/O error, not a file of another format). */
class Unreadable extends Error {}

function unreadable(): never {
  throw new Unreadable();
}

/** Up to `length` bytes at `position` (fewer only at the end of the file); null when they cannot be read. */
function readAtSync(fd: number, position: number, length: number, into?: Buffer): Buffer | null {
  const out = into ?? Buffer.allocUnsafe(length);
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
