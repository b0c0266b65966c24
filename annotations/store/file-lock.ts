// The read-compare-write of a sidecar, made atomic across processes: two app windows on one
// corpus, two machines on a shared or synced folder. The in-process queue in
// sidecar-store.ts cannot see another process; a lock on the file can.
// proper-lockfile takes the lock by mkdir (atomic on every file system, NFS included), keeps
// it fresh by touching it, and takes over a lock whose holder stopped touching it (stale).
// A holder killed on this machine (a crash, a SIGKILL) is also recognised at once, from the
// owner note beside the lock, so the next save does not wait out the stale time.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { readFile, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

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

async function readOwner(lock: string): Promise<Owner | null> {
  try {
    const o = JSON.parse(await readFile(ownerPathFor(lock), 'utf8')) as Owner;
    return typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.ino === 'number' ? o : null;
  } catch {
    return null;
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
  const [owner, info] = await Promise.all([readOwner(lock), stat(lock).catch(() => null)]);
  if (!info) return true;
  if (!owner || owner.host !== hostname() || owner.ino !== info.ino || isAlive(owner.pid)) return false;
  // A dot-name ending in .tmp: one left by a remover killed half-way counts as a temporary file.
  const claimed = `${lock}.${randomBytes(4).toString('hex')}.dead.tmp`;
  try {
    await rename(lock, claimed);
  } catch {
    return false;
  }
  if ((await stat(claimed).catch(() => null))?.ino === owner.ino) {
    await rmdir(claimed).catch(() => undefined);
    return true;
  }
  // A new holder's folder was taken by mistake (made between the look and the rename): give it back.
  await rename(claimed, lock).catch(() => undefined);
  return false;
}

/**
 * The fs the library uses, with one change: the moment its mkdir makes the lock folder, the
 * owner note is written, in the same turn of the event loop, so that a holder killed just
 * after taking the lock is recognised too (else its lock blocks saves until it goes stale).
 */
function fsNotingOwner(lock: string): typeof fs {
  const mkdir = (path: fs.PathLike, ...rest: unknown[]) => {
    const callback = rest.pop() as (error: NodeJS.ErrnoException | null) => void;
    fs.mkdir(path, ...(rest as []), (error: NodeJS.ErrnoException | null) => {
      if (!error && String(path) === lock) {
        try {
          const note: Owner = { host: hostname(), pid: process.pid, ino: fs.statSync(lock).ino };
          fs.writeFileSync(ownerPathFor(lock), JSON.stringify(note));
        } catch {
          // Without a note the lock is still released as usual, or taken over once stale.
        }
      }
      callback(error);
    });
  };
  return { ...fs, mkdir } as typeof fs;
}

/** Runs `work` holding the lock of `path` (the file itself may not exist yet). */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lock = lockPathFor(path);
  const lockOnce = await properLock();
  const deadline = Date.now() + WAIT_MS;
  let release: () => Promise<void>;
  for (let attempt = 0; ; attempt++) {
    try {
      release = await lockOnce(path, {
        realpath: false,
        lockfilePath: lock,
        stale: STALE_LOCK_MS,
        // The default throws from a timer and would end the whole process. A lock is taken
        // over only after this process stopped touching it for STALE_LOCK_MS (a frozen
        // process, not a busy one); the save under way finishes as it would have.
        onCompromised: () => undefined,
        fs: fsNotingOwner(lock),
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
    await unlink(ownerPathFor(lock)).catch(() => undefined);
    await release().catch(() => undefined);
  }
}
