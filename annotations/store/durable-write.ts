// A crash or power cut at any moment must leave either the old file or the new one.
// Write a temporary file in the same folder, fsync it, rename it over the target, then
// fsync the folder so that the rename itself is on disk.
import { link, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temporary files start with a dot and end in .tmp, so no listing takes them for articles. */
export function isTemporaryFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

/** `.<name>.<pid>.<8 hex>.tmp`: unique per process and write, and recognisably ours. */
export function temporaryNameFor(path: string): string {
  return `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function temporaryPattern(path: string): RegExp {
  return new RegExp(`^\\.${escapeRegExp(basename(path))}\\.\\d+\\.[0-9a-f]{8}\\.tmp$`);
}

export async function writeFileDurable(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, temporaryNameFor(path));
  // Keep the permissions the user gave the file; a new file gets the usual 0644 (less umask).
  const mode = await stat(path).then(
    (s) => s.mode & 0o777,
    () => 0o644,
  );
  const file = await open(tmp, 'wx', mode);
  let closed = false;
  try {
    await file.writeFile(data, 'utf8');
    await file.sync();
    closed = true;
    await file.close();
    await renameOver(tmp, path);
  } catch (error) {
    // Disk full, quota, EFBIG, a vanished folder: the old file stays, the temporary goes.
    if (!closed) await file.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir);
}

/**
 * Creates `path` with `data`, whole, and never over a file already there: false when the name
 * is taken. A folder watcher (Hashiya's own, a sync tool) never sees it empty or half
 * written: the data goes to a temporary file first, which is then hard-linked into place
 * (a link, unlike a rename, fails when the name exists).
 */
export async function createFileDurable(path: string, data: string | Uint8Array): Promise<boolean> {
  const dir = dirname(path);
  const tmp = join(dir, temporaryNameFor(path));
  const file = await open(tmp, 'wx', 0o644);
  try {
    try {
      await file.writeFile(data, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await link(tmp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
      // A file system without hard links (FAT, some network shares): claim the name, then fill it.
      const claim = await open(path, 'wx').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EEXIST') return null;
        throw e;
      });
      if (!claim) return false;
      await claim.close();
      await renameOver(tmp, path);
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  await syncFolder(dir);
  return true;
}

/**
 * On Windows a virus scanner or indexer briefly holding the target makes rename fail with
 * EPERM/EACCES/EBUSY; a few short retries get past it. Elsewhere rename over a file is atomic.
 */
async function renameOver(from: string, to: string): Promise<void> {
  const transient = new Set(['EPERM', 'EACCES', 'EBUSY']);
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !transient.has(code) || attempt >= 8) throw error;
      await new Promise((r) => setTimeout(r, 10 * 2 ** Math.min(attempt, 5)));
    }
  }
}

async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot open or fsync a folder; the rename is still atomic there.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Removes temporary files of `path` that a crashed writer left behind. Only files older than
 * `olderThanMs` go, so a write in progress in another window or process is never disturbed.
 * Returns the names removed.
 */
export async function removeStaleTemporaryFiles(path: string, olderThanMs = 10 * 60_000, now = Date.now()): Promise<string[]> {
  const dir = dirname(path);
  const pattern = temporaryPattern(path);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!pattern.test(name)) continue;
    const full = join(dir, name);
    try {
      const info = await stat(full);
      if (!info.isFile() || now - info.mtimeMs < olderThanMs) continue;
      await unlink(full);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
