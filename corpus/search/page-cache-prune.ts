// Removes the extracted text of pages that are gone: a page edited, re-saved or deleted leaves
// its old entry (`page-KEY.json`, KEY from its old bytes) in the corpus's `.hashiya/`, and
// a corpus of pages saved again and again would otherwise keep every version.
import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { usableAppFolder } from './index-store';

const ENTRY = /^page-([0-9a-f]{64})\.json$/;

/**
 * An entry younger than this is kept whatever: another worker may just have written it for a
 * page the caller has not read yet (removing it would only cost an extraction, but needlessly).
 */
export const KEEP_RECENT_MS = 60 * 60 * 1000;

/** Removes the entries not in `inUse` and older than `KEEP_RECENT_MS`; returns how many. */
export async function prunePageCache(root: string, inUse: ReadonlySet<string>, now = Date.now()): Promise<number> {
  const dir = await usableAppFolder(root);
  if (!dir) return 0;
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const key = ENTRY.exec(name)?.[1];
    if (!key || inUse.has(key)) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => null);
    // Only our own ordinary files: a link or anything else someone put there is left alone.
    if (!info?.isFile() || now - info.mtimeMs < KEEP_RECENT_MS) continue;
    if (await unlink(path).then(() => true, () => false)) removed++;
  }
  return removed;
}
