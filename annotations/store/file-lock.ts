// The read-compare-write of a sidecar, made atomic across processes: two app windows on one
// corpus, two machines on a shared or synced folder, the git merge driver. The in-process
// queue in sidecar-store.ts cannot see another process; a lock on the file can.
// proper-lockfile takes the lock by mkdir (atomic on every file system, NFS included), keeps
// it fresh by touching it, and takes over a lock whose holder died (stale) instead of
// waiting for ever.
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';

/** A holder that stopped touching its lock this long ago is taken to have died. */
export const STALE_LOCK_MS = 10_000;

/**
 * Waits with growing, jittered pauses (5 ms up to 250 ms, about 25 s in all): longer than a
 * stale lock lives, so a crashed holder never makes a save fail.
 */
const RETRIES = { retries: 120, factor: 1.3, minTimeout: 5, maxTimeout: 250, randomize: true };

/** Another process held the lock for longer than it may; nothing was written. */
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

/** Runs `work` holding the lock of `path` (the file itself may not exist yet). */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(path, {
      realpath: false,
      lockfilePath: lockPathFor(path),
      stale: STALE_LOCK_MS,
      retries: RETRIES,
      // The default throws from a timer and would end the whole process. A lock is taken
      // over only after this process stopped touching it for STALE_LOCK_MS (a frozen
      // process, not a busy one); the save under way finishes as it would have.
      onCompromised: () => undefined,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new FileBusyError(basename(path));
    throw error;
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
