// The read-compare-write of a sidecar, made atomic across processes: two app windows on one
// corpus, two machines on a shared or synced folder. The in-process queue in
// sidecar-store.ts cannot see another process; a lock on the file can.
// proper-lockfile takes the lock by mkdir (atomic on every file system, NFS included), keeps
// it fresh by touching it, and takes over a lock whose holder stopped touching it (stale).
// A holder killed on this machine (a crash, a SIGKILL) is also recognised at once, from the
// owner note beside the lock, so the next save does not wait out the stale time.
//
// A corpus can also carry things at the lock's names that Hashiya did not make (git brings
// `.lock/keep`, a plain file, a link, a FIFO): they are never followed, read blocking,
// written or removed. The article is then locked by something else (LockedElsewhereError).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { lstat, readdir, rename, rmdir, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { RefusedFileError, readOrdinaryFile, readOrdinaryFileSync, type RefusedKind } from './safe-read';

/** A holder that stopped touching its lock this long ago is taken to have died. */
export const STALE_LOCK_MS = 10_000;
/** How long a save waits for the lock in all: longer than a stale lock lives. */
const WAIT_MS = 25_000;

type LockFn = typeof import('proper-lockfile').lock;
let lockFn: Promise<LockFn> | null = null;

/**
 * Loaded on first use: the library patches fs and installs exit handlers when loaded, which
 * a V8 startup snapshot (the crash test's writers) cannot hold.
 */
function properLock(): Promise<LockFn> {
  lockFn ??= import('proper-lockfile').then((m) => (m as unknown as { lock?: LockFn; default: { lock: LockFn } }).lock ?? m.default.lock);
  return lockFn;
}

/** Another process held the lock for longer than a save may wait; nothing was written. */
export class FileBusyError extends Error {
  constructor(readonly file: string) {
    super(`${file} is being saved by another copy of Hashiya and stayed locked; nothing was saved, try again.`);
    this.name = 'FileBusyError';
  }
}

/**
 * At the lock's place is something Hashiya did not make: the file is locked by something
 * else, for good until someone removes it. Nothing was written, followed or removed.
 */
export class LockedElsewhereError extends Error {
  constructor(
    readonly file: string,
    /** What stands at that name instead ("is a named pipe (FIFO)"). */
    readonly what: string,
  ) {
    super(
      `${file} ${what}, not a lock Hashiya made, so these annotations are read-only and nothing was saved. To annotate again, delete it (if no other copy of Hashiya is running on this corpus).`,
    );
    this.name = 'LockedElsewhereError';
  }
}

/** An owner note is a line of JSON; a larger file at its name is not one. */
const MAX_NOTE_BYTES = 4096;

/**
 * The lock of `path`: `.<name>.lock` beside it, a dot-name so that listings, the watcher and
 * `git status` (an empty folder) pass it by.
 */
export function lockPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.lock`);
}

/** Ends in .tmp so that the ignore lines of `hashiya git-setup` cover one a crash left behind. */
function ownerPathFor(lock: string): string {
  return `${lock}-owner.tmp`;
}

interface Owner {
  host: string;
  pid: number;
  /** The lock folder's inode: the note speaks of that folder only, not of a later one. */
  ino: number;
}

function parseOwner(bytes: Buffer): Owner | null {
  try {
    const o = JSON.parse(bytes.toString('utf8')) as Partial<Owner> | null;
    return typeof o?.pid === 'number' && typeof o.host === 'string' && typeof o.ino === 'number' ? (o as Owner) : null;
  } catch {
    return null;
  }
}

/** A note as Hashiya writes it; empty too (a holder killed between creating and writing it). */
function isOwnNote(bytes: Buffer): boolean {
  return bytes.length === 0 || parseOwner(bytes) !== null;
}

/** Never follows a link or waits on a FIFO: the note's name is one a corpus can carry. */
async function readOwner(lock: string): Promise<Owner | null> {
  try {
    const bytes = await readOrdinaryFile(ownerPathFor(lock), { maxBytes: MAX_NOTE_BYTES });
    return bytes ? parseOwner(bytes) : null;
  } catch {
    return null;
  }
}

const KIND_WORDS: Record<RefusedKind, string> = {
  symlink: 'is a symbolic link',
  fifo: 'is a named pipe (FIFO)',
  device: 'is a device',
  socket: 'is a socket',
  directory: 'is a folder',
  'too-large': 'is a file too large to be a lock note',
  other: 'is not an ordinary file',
};

function kindWords(s: fs.Stats): string {
  if (s.isSymbolicLink()) return KIND_WORDS.symlink;
  if (s.isFIFO()) return KIND_WORDS.fifo;
  if (s.isFile()) return 'is a file';
  if (s.isCharacterDevice() || s.isBlockDevice()) return KIND_WORDS.device;
  if (s.isSocket()) return KIND_WORDS.socket;
  return KIND_WORDS.other;
}

/** The owner note's bytes, read without following or waiting: a foreign one if not Hashiya's. */
function foreignNoteBytes(owner: string, bytes: Buffer | null): LockedElsewhereError | null {
  return bytes === null || isOwnNote(bytes) ? null : new LockedElsewhereError(owner, 'is a file that is not a lock note');
}

/** A refusal to read the owner note (a link, a FIFO, a folder) says it is not Hashiya's. */
function foreignNoteError(owner: string, error: unknown): LockedElsewhereError | null {
  // Unreadable for another reason (permissions): the lock's own steps report it if it matters.
  return error instanceof RefusedFileError ? new LockedElsewhereError(owner, KIND_WORDS[error.kind]) : null;
}

/**
 * Something at the lock's names that Hashiya did not make, or null. Ours are an empty folder
 * (as proper-lockfile makes it) and an owner note; anything else (a plain file, a link, a FIFO,
 * a folder holding a file) is not, and is looked at without being followed or opened blocking.
 */
export async function findForeignLock(path: string): Promise<LockedElsewhereError | null> {
  const lock = lockPathFor(path);
  const info = await lstat(lock).catch(() => null);
  if (info && !info.isDirectory()) return new LockedElsewhereError(lock, kindWords(info));
  if (info) {
    const entries = await readdir(lock).catch(() => []);
    if (entries.length > 0) return new LockedElsewhereError(lock, `is a folder holding ${entries.length === 1 ? entries[0] : `${entries.length} files`}`);
  }
  const owner = ownerPathFor(lock);
  try {
    return foreignNoteBytes(owner, await readOrdinaryFile(owner, { maxBytes: MAX_NOTE_BYTES }));
  } catch (error) {
    return foreignNoteError(owner, error);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a lock whose holder, by its note, was a process of this machine that is gone.
 * The folder is first renamed away (only one remover can win) and removed only if it is
 * still the folder the note spoke of. Returns true when the lock is gone.
 */
async function breakDeadLock(lock: string): Promise<boolean> {
  const [owner, info] = await Promise.all([readOwner(lock), lstat(lock).catch(() => null)]);
  if (!info) return true;
  if (!info.isDirectory()) return false;
  if (!owner || owner.host !== hostname() || owner.ino !== info.ino || isAlive(owner.pid)) return false;
  // A dot-name ending in .tmp: one left by a remover killed half-way counts as a temporary file.
  const claimed = `${lock}.${randomBytes(4).toString('hex')}.dead.tmp`;
  try {
    await rename(lock, claimed);
  } catch {
    return false;
  }
  if ((await lstat(claimed).catch(() => null))?.ino === owner.ino) {
    await rmdir(claimed).catch(() => undefined);
    return true;
  }
  // A new holder's folder was taken by mistake (made between the look and the rename): give it back.
  await rename(claimed, lock).catch(() => undefined);
  return false;
}

/** Which file the note this process made is, so that only that one is ever removed. */
interface NoteMade {
  dev: number;
  ino: number;
}

const NOTE_FLAGS =
  fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Creates the owner note exclusively: O_EXCL neither follows a link nor opens what is there.
 * A leftover note of a holder gone (a crash) is replaced; anything else at its name means the
 * lock is not ours alone, and is refused.
 */
function writeOwnerNote(lock: string): NoteMade | LockedElsewhereError | null {
  const owner = ownerPathFor(lock);
  const note: Owner = { host: hostname(), pid: process.pid, ino: fs.lstatSync(lock).ino };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(owner, NOTE_FLAGS, 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null;
      let bytes: Buffer | null;
      try {
        bytes = readOrdinaryFileSync(owner, { maxBytes: MAX_NOTE_BYTES });
      } catch (readError) {
        // What cannot be read is not removed either: the lock goes on without a note.
        return foreignNoteError(owner, readError);
      }
      const foreign = foreignNoteBytes(owner, bytes);
      if (foreign) return foreign;
      try {
        fs.unlinkSync(owner);
      } catch {
        // Gone meanwhile: the next attempt creates it.
      }
      continue;
    }
    try {
      const made = fs.fstatSync(fd);
      fs.writeSync(fd, JSON.stringify(note));
      return { dev: made.dev, ino: made.ino };
    } catch {
      return null;
    } finally {
      fs.closeSync(fd);
    }
  }
  return null;
}

/**
 * The fs the library uses, with one change: the moment its mkdir makes the lock folder, the
 * owner note is written, in the same turn of the event loop, so that a holder killed just
 * after taking the lock is recognised too (else its lock blocks saves until it goes stale).
 * Without a note the lock is still released as usual, or taken over once stale; when the
 * note's name holds something Hashiya did not make, the folder just made is removed and the
 * lock refused with a LockedElsewhereError.
 */
function fsNotingOwner(lock: string, made: { note: NoteMade | null }): typeof fs {
  const mkdir = (path: fs.PathLike, ...rest: unknown[]) => {
    const callback = rest.pop() as (error: NodeJS.ErrnoException | null) => void;
    fs.mkdir(path, ...(rest as []), (error: NodeJS.ErrnoException | null) => {
      if (error || String(path) !== lock) return callback(error);
      let noted: NoteMade | LockedElsewhereError | null = null;
      try {
        noted = writeOwnerNote(lock);
      } catch {
        // The folder vanished at once (another process broke it): the library sees that itself.
      }
      if (noted instanceof LockedElsewhereError) {
        fs.rmdir(lock, () => callback(noted));
        return;
      }
      made.note = noted;
      callback(null);
    });
  };
  return { ...fs, mkdir } as typeof fs;
}

/** Removes the owner note only if it is still the very file this process made. */
async function removeOwnNote(lock: string, note: NoteMade | null): Promise<void> {
  if (!note) return;
  const owner = ownerPathFor(lock);
  const now = await lstat(owner).catch(() => null);
  if (now?.isFile() && now.ino === note.ino && now.dev === note.dev) await unlink(owner).catch(() => undefined);
}

/**
 * Runs `work` holding the lock of `path` (the file itself may not exist yet). Throws a
 * LockedElsewhereError, before writing anything, when the lock's place holds what Hashiya did
 * not make, and a FileBusyError when another Hashiya held it longer than a save may wait.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lock = lockPathFor(path);
  const lockOnce = await properLock();
  const deadline = Date.now() + WAIT_MS;
  const made: { note: NoteMade | null } = { note: null };
  let release: () => Promise<void>;
  for (let attempt = 0; ; attempt++) {
    const foreign = await findForeignLock(path);
    if (foreign) throw foreign;
    try {
      release = await lockOnce(path, {
        realpath: false,
        lockfilePath: lock,
        stale: STALE_LOCK_MS,
        // The default throws from a timer and would end the whole process. A lock is taken
        // over only after this process stopped touching it for STALE_LOCK_MS (a frozen
        // process, not a busy one); the save under way finishes as it would have.
        onCompromised: () => undefined,
        fs: fsNotingOwner(lock, made),
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (await breakDeadLock(lock)) continue;
      if (Date.now() > deadline) throw new FileBusyError(basename(path));
      // Growing, jittered pauses (5 ms up to 250 ms): two waiting processes do not keep colliding.
      const pause = Math.min(250, 5 * 1.3 ** attempt) * (0.5 + Math.random());
      await new Promise((r) => setTimeout(r, pause));
    }
  }
  try {
    return await work();
  } finally {
    await removeOwnNote(lock, made.note);
    await release().catch(() => undefined);
  }
}
