// The bundled sample corpus is copied into the user's data folder on first launch and
// opened from there: a packaged app's resources are read-only (an AppImage is a read-only
// mount), and annotating in a development checkout should not write into the repository.
import { chmod, cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const SAMPLE_CORPUS_FOLDER = 'Sample corpus';

/** Names that are the app's caches or half-written files, never part of the sample. */
function isShippable(path: string): boolean {
  const name = basename(path);
  return !(name === '.hashiya' || name.endsWith('.tmp') || name.startsWith('.~'));
}

/**
 * The writable copy of the sample corpus under `userDataDir`, made once from `bundled`.
 * An existing copy is left alone (it holds the user's annotations). Null when there is no
 * bundled sample to copy.
 */
export async function prepareSampleCorpus(bundled: string, userDataDir: string): Promise<string | null> {
  const target = join(userDataDir, SAMPLE_CORPUS_FOLDER);
  try {
    if ((await stat(target)).isDirectory()) return target;
  } catch {
    // Not there yet: copy below.
  }
  try {
    if (!(await stat(bundled)).isDirectory()) return null;
  } catch {
    return null;
  }
  await mkdir(dirname(target), { recursive: true });
  // Copied beside the target and renamed, so a crash mid-copy never leaves half a sample
  // that would then be "an existing copy".
  const partial = `${target}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await cp(bundled, partial, { recursive: true, filter: isShippable, errorOnExist: false, force: true });
  await makeFoldersWritable(partial);
  await rename(partial, target);
  return target;
}

/** cp keeps modes; a sample installed read-only must still take sidecars beside its articles. */
async function makeFoldersWritable(dir: string): Promise<void> {
  const info = await stat(dir);
  await chmod(dir, info.mode | 0o700);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) await makeFoldersWritable(join(dir, entry.name));
  }
}
