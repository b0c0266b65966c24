// How the scan with no index (scan-search.ts, scan-worker.ts) reads an article's bytes: one
// open, fstat and read into a buffer kept from file to file, rather than a stat of every
// file first, a realpath of each and a fresh buffer for each (together a third of the scan).
// The file must still be the corpus's own: the corpus folder and the article's folder are
// resolved once each, and the article is opened without following a link; one that is a link
// (or a system without O_NOFOLLOW) is read the old way, through its real path (contained-path.ts).
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { isInside } from '../folder/inside';
import { containedPath } from './contained-path';

const NO_FOLLOW: number | undefined = constants.O_NOFOLLOW;

export class ArticleReader {
  private buffer = Buffer.allocUnsafe(1 << 16);
  /** Folders (corpus-relative, '' for the corpus itself) that are their own real path. */
  private readonly realFolders = new Map<string, boolean>();

  /** The corpus folder with a separator after it: names are plain and '/'-separated (listNames), so a concatenation is their path. */
  private readonly prefix: string;

  constructor(private readonly root: string) {
    this.prefix = root.endsWith(sep) ? root : root + sep;
  }

  /**
   * The article's bytes, null when it is larger than `maxBytes` (it is not read then) or not a
   * file; the view is only valid until the next read. Throws when the file cannot be read or
   * leads outside the corpus.
   */
  read(file: string, maxBytes: number): Buffer | null {
    const fd = this.open(file);
    try {
      const info = fstatSync(fd);
      if (!info.isFile() || info.size > maxBytes) return null;
      const size = info.size;
      if (this.buffer.length < size) this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
      let got = 0;
      while (got < size) {
        const n = readSync(fd, this.buffer, got, size - got, null);
        if (n === 0) break;
        got += n;
      }
      return this.buffer.subarray(0, got);
    } finally {
      closeSync(fd);
    }
  }

  private open(file: string): number {
    const slash = file.lastIndexOf('/');
    const folder = slash < 0 ? '' : file.slice(0, slash);
    if (NO_FOLLOW !== undefined && this.isRealFolder(folder)) {
      try {
        return openSync(this.prefix + file, constants.O_RDONLY | NO_FOLLOW);
      } catch (error) {
        // ELOOP: the article is a link, which may still lead inside the corpus.
        if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
      }
    }
    return openSync(containedPath(this.root, file), 'r');
  }

  /** Whether the folder's path is its real path (below the corpus, for a subfolder): its files are then where they are named. */
  private isRealFolder(folder: string): boolean {
    let real = this.realFolders.get(folder);
    if (real === undefined) {
      const path = folder === '' ? this.root : join(this.root, folder);
      try {
        real = realpathSync(path) === path && (folder === '' || isInside(this.root, path));
      } catch {
        real = false;
      }
      this.realFolders.set(folder, real);
    }
    return real;
  }
}
