// The user's say over their files: a sidecar, or the folder holding it, with no write bit for
// anyone was made read-only on purpose (`chmod a-w`, a file manager's "read-only", a checkout
// of a protected share). Hashiya honours the mode itself, not an EACCES from the system: an
// administrator, root, or a file system that ignores modes would be let through, and a rename
// over the file would even keep its 0444 mode while changing it.
import { lstat, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

function withoutWriteBits(mode: number): boolean {
  return (mode & 0o222) === 0;
}

/**
 * Why `path` must not be written, in a sentence naming it by its base name; null when neither
 * the file (if it exists) nor its folder is marked read-only.
 */
export async function markedReadOnly(path: string): Promise<string | null> {
  const name = basename(path);
  // lstat: a link is not followed here; what a link is refused for is said where it is read.
  const file = await lstat(path).catch(() => null);
  if (file?.isFile() && withoutWriteBits(file.mode)) {
    return `${name} is marked read-only on disk; Hashiya will not change it. Make it writable to annotate.`;
  }
  const folder = await stat(dirname(path)).catch(() => null);
  if (folder?.isDirectory() && withoutWriteBits(folder.mode) && process.platform !== 'win32') {
    return `The folder holding ${name} is marked read-only on disk; Hashiya will not change anything in it. Make the folder writable to annotate.`;
  }
  return null;
}
