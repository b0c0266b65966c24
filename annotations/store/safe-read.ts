// Reading a file of the user's (a sidecar, a settings file, a cache) only when it is an
// ordinary file of a sane size. A corpus can come from git, a zip or a shared drive, and
// can carry a link to /dev/zero (which never ends), a FIFO (whose read waits for ever and
// holds a thread of the pool that every other request needs) or a link to a file outside.
// The checks are made on the opened handle, not on the name, so nothing can be swapped in
// between: O_NOFOLLOW refuses a link, O_NONBLOCK opens a FIFO without waiting for a writer,
// fstat says what was opened, and the read stops one byte past the limit.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { lstat, open } from 'node:fs/promises';

export type RefusedKind = 'symlink' | 'fifo' | 'device' | 'socket' | 'directory' | 'too-large' | 'other';

/** The file is not an ordinary file Hashiya may read; it was not read, and is never written over. */
export class RefusedFileError extends Error {
  constructor(
    readonly path: string,
    readonly kind: RefusedKind,
    message: string,
  ) {
    super(message);
    this.name = 'RefusedFileError';
  }
}

export interface SafeReadOptions {
  /** Larger files are refused (a sidecar, settings and caches each state theirs). */
  maxBytes: number;
  /** How the message names the file (default: the path; callers strip the corpus root). */
  name?: string;
}

// Windows has neither flag; there a link is caught by lstat before the open (below).
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const HAS_NOFOLLOW = constants.O_NOFOLLOW !== undefined;

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function refusal(path: string, name: string, kind: RefusedKind, size = 0, limit = 0): RefusedFileError {
  const what: Record<Exclude<RefusedKind, 'too-large'>, string> = {
    symlink: 'is a symbolic link',
    fifo: 'is a named pipe (FIFO), not a file',
    device: 'is a device, not a file',
    socket: 'is a socket, not a file',
    directory: 'is a folder, not a file',
    other: 'is not an ordinary file',
  };
  const message =
    kind === 'too-large'
      ? `${name} is ${describeSize(size)}, larger than the ${describeSize(limit)} such a file may have; it was not read and is kept as it is.`
      : `${name} ${what[kind]}; Hashiya reads and writes only ordinary files, so it was neither read nor changed. Replace it with the file itself to use it.`;
  return new RefusedFileError(path, kind, message);
}

function kindOf(s: Stats): RefusedKind | null {
  if (s.isFile()) return null;
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isFIFO()) return 'fifo';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  if (s.isSocket()) return 'socket';
  if (s.isDirectory()) return 'directory';
  return 'other';
}

/** ELOOP (Linux, macOS) or EMLINK (FreeBSD) from O_NOFOLLOW: the name is a link. */
function isLinkRefusal(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ELOOP' || code === 'EMLINK';
}

function checkOpened(s: Stats, path: string, name: string, maxBytes: number): void {
  const kind = kindOf(s);
  if (kind) throw refusal(path, name, kind);
  if (s.size > maxBytes) throw refusal(path, name, 'too-large', s.size, maxBytes);
}

/**
 * The reading of one opened file, for the async and the sync path alike: refused unless the
 * handle is an ordinary file within the limit, and read to its end (its size may change while
 * a colleague saves), never past the limit.
 */
class BoundedRead {
  /** The next read goes into `chunk` from `at`: a file of the size fstat gave is read in place, not copied. */
  chunk: Buffer;
  at = 0;
  total = 0;
  private readonly chunks: Buffer[] = [];

  constructor(
    s: Stats,
    private readonly path: string,
    private readonly name: string,
    private readonly maxBytes: number,
  ) {
    checkOpened(s, path, name, maxBytes);
    this.chunk = Buffer.allocUnsafe(Math.min(Math.max(s.size, 1), maxBytes) + 1);
  }

  /** Takes `n` bytes just read into `chunk`; true at the end of the file. */
  took(n: number): boolean {
    if (n === 0) return true;
    this.total += n;
    if (this.total > this.maxBytes) throw refusal(this.path, this.name, 'too-large', this.total, this.maxBytes);
    this.at += n;
    if (this.at === this.chunk.length) {
      // The file grew while it was read: on into another chunk.
      this.chunks.push(this.chunk);
      this.chunk = Buffer.allocUnsafe(this.chunk.length);
      this.at = 0;
    }
    return false;
  }

  all(): Buffer {
    const last = this.chunk.subarray(0, this.at);
    return this.chunks.length === 0 ? last : Buffer.concat([...this.chunks, last], this.total);
  }
}

/**
 * The file's bytes, or null when there is no such file. Throws RefusedFileError for a link,
 * a FIFO, a device, a folder or a file over the limit, and the fs error for anything else.
 */
export async function readOrdinaryFile(path: string, options: SafeReadOptions): Promise<Buffer | null> {
  const name = options.name ?? path;
  if (!HAS_NOFOLLOW) {
    const s = await lstat(path).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
    if (s === null) return null;
    if (s.isSymbolicLink()) throw refusal(path, name, 'symlink');
  }
  let handle;
  try {
    handle = await open(path, FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (isLinkRefusal(error)) throw refusal(path, name, 'symlink');
    throw error;
  }
  try {
    const bytes = new BoundedRead(await handle.stat(), path, name, options.maxBytes);
    for (;;) {
      const { bytesRead } = await handle.read(bytes.chunk, bytes.at, bytes.chunk.length - bytes.at, bytes.total);
      if (bytes.took(bytesRead)) return bytes.all();
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** readOrdinaryFile for the worker threads' synchronous scans. */
export function readOrdinaryFileSync(path: string, options: SafeReadOptions): Buffer | null {
  const name = options.name ?? path;
  const fd = openNoFollowSync(path, name);
  if (fd === null) return null;
  try {
    const bytes = new BoundedRead(fstatSync(fd), path, name, options.maxBytes);
    for (;;) {
      if (bytes.took(readSync(fd, bytes.chunk, bytes.at, bytes.chunk.length - bytes.at, bytes.total))) return bytes.all();
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * An ordinary file opened to be read at offsets (a large cache read in place, a part at a
 * time), with its size; null when there is no such file. Refuses as readOrdinaryFile does;
 * the caller closes the descriptor.
 */
export function openOrdinaryFileSync(path: string, options: SafeReadOptions): { fd: number; size: number } | null {
  const name = options.name ?? path;
  const fd = openNoFollowSync(path, name);
  if (fd === null) return null;
  try {
    const s = fstatSync(fd);
    checkOpened(s, path, name, options.maxBytes);
    return { fd, size: s.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The opened file's descriptor (no link followed), or null when there is none. */
function openNoFollowSync(path: string, name: string): number | null {
  if (!HAS_NOFOLLOW) {
    const s = lstatSync(path, { throwIfNoEntry: false });
    if (!s) return null;
    if (s.isSymbolicLink()) throw refusal(path, name, 'symlink');
  }
  try {
    return openSync(path, FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (isLinkRefusal(error)) throw refusal(path, name, 'symlink');
    throw error;
  }
}
