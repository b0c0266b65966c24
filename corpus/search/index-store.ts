// The app's caches beside the corpus, in its hidden folder: the article list with headlines
// and metadata (catalog.json) and the search index (search.idx). Both are rebuilt from the
// articles whenever they are missing, of another format, unreadable, or stale: an entry is
// trusted only while its file keeps the size and modification time it was read with, and a
// file touched around the time the cache was written is read again and compared by hash.
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { writeFileDurable } from '../../annotations/store/durable-write';
import { openOrdinaryFileSync, readOrdinaryFile, readOrdinaryFileSync } from '../../annotations/store/safe-read';
import { APP_FOLDER, SIDECAR_SUFFIX, isArticleName, isPageFilesFolder } from '../folder/corpus-folder';

export const CATALOG_CACHE = 'catalog.json';
export const SEARCH_INDEX = 'search.idx';
/** A file modified this close to when a cache was written may have changed unseen (same size, same mtime tick). */
export const RACY_MS = 3000;
/** A cache larger than this is not one Hashiya wrote (the index of 20,000 articles is ~100 MB). */
export const MAX_CACHE_BYTES = 1024 * 1024 * 1024;

export interface Fingerprint {
  size: number;
  mtimeMs: number;
}

export interface ScanEntry {
  /** Corpus-relative name with `/` separators, as listArticleFiles gives it. */
  file: string;
  article: Fingerprint;
  sidecar: Fingerprint | null;
}

export function appFolder(root: string): string {
  return join(root, APP_FOLDER);
}

/**
 * Why the hidden folder cannot hold the caches, or null when it can (or does not exist yet).
 * A `.hashiya` that is a link (git and zips carry links) would put the caches, and what they
 * hold of the articles, wherever it points: it is left alone and the caches stay in memory.
 */
export async function appFolderProblem(root: string): Promise<string | null> {
  const info = await lstat(appFolder(root)).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : error));
  if (info === null) return null;
  const what = info instanceof Error ? `cannot be read (${info.code ?? 'error'})` : info.isSymbolicLink() ? 'is a symbolic link' : info.isDirectory() ? null : 'is not a folder';
  if (what === null) return null;
  return `${APP_FOLDER} in the corpus folder ${what}, so Hashiya does not keep its caches (article list, search index) there: they are kept in memory and worked out again at each start. The link or file was left as it is; remove it to let Hashiya cache again.`;
}

/** The hidden folder, only when it is a real folder of the corpus (root is a realpath). */
export async function usableAppFolder(root: string): Promise<string | null> {
  if (await appFolderProblem(root)) return null;
  const dir = appFolder(root);
  const real = await realpath(dir).catch(() => null);
  return real === dir ? dir : null;
}

export function sameFingerprint(a: Fingerprint | null | undefined, b: Fingerprint | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** Whether an entry recorded at `writtenAt` must be checked by content even though size and mtime agree. */
export function isRacy(fp: Fingerprint, writtenAt: number): boolean {
  return fp.mtimeMs >= writtenAt - RACY_MS;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * The hash a cache keeps of an article read during a scan that began at `scanStart`: only
 * a file modified around then can later change unseen (same size, same clock tick), so only
 * its content is hashed; for the others size and time say enough ('').
 */
export function hashIfRacy(bytes: Uint8Array, fp: Fingerprint, scanStart: number): string {
  return isRacy(fp, scanStart) ? contentHash(bytes) : '';
}

/** Time the scan may hold the thread before it lets other work run (it runs on the main thread). */
const SCAN_SLICE_MS = 8;

/**
 * Articles and their sidecars with sizes and modification times; the same files as
 * listArticleFiles (one level of subfolders, no dot-names), sorted by name. The stat calls
 * are synchronous in short slices: through the thread pool, 20,000 of them take several
 * times longer.
 */
export async function scanCorpus(root: string): Promise<ScanEntry[]> {
  return scanNames(root, await listNames(root));
}

/** scanCorpus's stat calls, over names listNames gave. */
export async function scanNames(root: string, { articles, sidecars }: { articles: string[]; sidecars: Set<string> }): Promise<ScanEntry[]> {
  const out: ScanEntry[] = [];
  // Names are plain and '/'-separated (listNames): a concatenation, where 20,000 path.joins show.
  const prefix = rootPrefix(root);
  let slice = performance.now();
  for (const file of articles) {
    const a = fingerprintSync(prefix + file);
    if (!a) continue; // removed while we looked
    const sidecarName = file + SIDECAR_SUFFIX;
    const s = sidecars.has(sidecarName) ? fingerprintSync(prefix + sidecarName) : null;
    out.push({ file, article: a, sidecar: s });
    if (performance.now() - slice > SCAN_SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  return out;
}

/** The root with a separator after it, to which listNames's names are appended. */
export function rootPrefix(root: string): string {
  return root.endsWith(sep) ? root : root + sep;
}

/**
 * Corpus-relative names of the articles and sidecars, articles sorted: what
 * listArticleFiles gives, without a path.relative per file (20,000 of them show).
 */
export async function listNames(root: string): Promise<{ articles: string[]; sidecars: Set<string> }> {
  const articles: string[] = [];
  const sidecars = new Set<string>();
  const walk = async (dir: string, prefix: string, depth: number) => {
    const entries = await readdir(dir, { withFileTypes: true });
    // Only a subfolder needs its siblings' names (is it a saved page's files?): made once, when one is met.
    let files: Set<string> | null = null;
    for (const e of entries) {
      const name = e.name;
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (e.isDirectory()) {
        files ??= new Set(entries.filter((f) => f.isFile()).map((f) => f.name.toLowerCase()));
        if (depth < 1 && !isPageFilesFolder(name, files)) await walk(join(dir, name), `${prefix}${name}/`, depth + 1);
        continue;
      }
      if (!e.isFile()) continue;
      if (isArticleName(name)) articles.push(prefix + name);
      else if (name.endsWith(SIDECAR_SUFFIX)) sidecars.add(prefix + name);
    }
  };
  await walk(root, '', 0);
  articles.sort();
  return { articles, sidecars };
}

function fingerprintSync(path: string): Fingerprint | null {
  const s = statSync(path, { throwIfNoEntry: false });
  return s && s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null;
}

/**
 * Creates the hidden folder with a .gitignore, so a corpus kept in git never commits the
 * caches; null when what is there is not a real folder of the corpus.
 */
async function ensureAppFolder(root: string): Promise<string | null> {
  if (await appFolderProblem(root)) return null;
  await mkdir(appFolder(root), { recursive: true });
  // Checked again after mkdir, which succeeds on a link to a folder made meanwhile.
  const dir = await usableAppFolder(root);
  if (!dir) return null;
  const ignore = join(dir, '.gitignore');
  await writeFile(ignore, '*\n', { flag: 'wx' }).catch(() => undefined);
  return dir;
}

/** Whether the corpus has an index file to search with (one the engine cannot read is rebuilt, as before). */
export async function indexOnDisk(root: string): Promise<boolean> {
  const dir = await usableAppFolder(root);
  if (!dir) return false;
  const info = await stat(join(dir, SEARCH_INDEX)).catch(() => null);
  return info !== null && info.isFile() && info.size > 0;
}

/** Reads a cache file; null when it is absent, unreadable or not an ordinary file (the caller rebuilds). */
export async function readCacheBytes(root: string, name: string): Promise<Buffer | null> {
  try {
    const dir = await usableAppFolder(root);
    return dir ? await readOrdinaryFile(join(dir, name), { maxBytes: MAX_CACHE_BYTES }) : null;
  } catch {
    return null;
  }
}

/** The hidden folder when it is a real folder of the corpus (never through a link, see appFolderProblem). */
function usableAppFolderSync(root: string): string | null {
  const dir = appFolder(root);
  const info = lstatSync(dir, { throwIfNoEntry: false });
  return info && info.isDirectory() && realpathSync(dir) === dir ? dir : null;
}

/** readCacheBytes for the synchronous readers (the workers' scans, a search's hits). */
export function readCacheBytesSync(root: string, name: string, maxBytes = MAX_CACHE_BYTES): Buffer | null {
  try {
    const dir = usableAppFolderSync(root);
    return dir ? readOrdinaryFileSync(join(dir, name), { maxBytes }) : null;
  } catch {
    return null;
  }
}

/** A cache file opened to be read in place, a part at a time (the caller closes it); null as readCacheBytes. */
export function openCacheSync(root: string, name: string): { fd: number; size: number } | null {
  try {
    const dir = usableAppFolderSync(root);
    return dir ? openOrdinaryFileSync(join(dir, name), { maxBytes: MAX_CACHE_BYTES }) : null;
  } catch {
    return null;
  }
}

/**
 * Writes a cache file atomically and durably. A corpus on a read-only medium simply gets
 * no cache: returns false instead of throwing.
 */
export async function writeCache(root: string, name: string, data: string | Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<boolean> {
  try {
    // A folder without write permission is left alone, even for a user (root) who could write.
    if (((await stat(root)).mode & 0o222) === 0) return false;
    const dir = await ensureAppFolder(root);
    if (!dir) return false;
    const path = join(dir, name);
    if (typeof data === 'string') await writeFileDurable(path, data);
    else await writeBytesDurable(path, data);
    return true;
  } catch {
    return false;
  }
}

/** writeFileDurable for binary data written in pieces: temporary file, fsync, rename, fsync folder. */
async function writeBytesDurable(path: string, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const file = await open(tmp, 'wx', 0o644);
  try {
    for await (const c of chunks) {
      let off = 0;
      while (off < c.length) {
        const { bytesWritten } = await file.write(c, off, c.length - off);
        off += bytesWritten;
      }
    }
    await file.sync();
  } catch (error) {
    await file.close();
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await file.close();
  try {
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  const handle = await open(dir, 'r').catch(() => null);
  if (handle) {
    await handle.sync().catch(() => undefined);
    await handle.close();
  }
}

/** What a cache recorded of one article when it last read it. */
export interface KnownFile {
  /** `hash` is '' unless the file was modified around the time it was read (see hashIfRacy). */
  article: Fingerprint & { hash: string };
  sidecar: Fingerprint | null;
}

export interface RefreshPlan {
  /** New or changed articles, and unchanged-looking ones to check by hash (`verify`). */
  articles: Array<ScanEntry & { verify: boolean }>;
  /** Articles that did not change whose sidecar did (or appeared, or went). */
  sidecars: ScanEntry[];
  removed: string[];
}

/** Compares a folder scan with what a cache knows; nothing is trusted on the cache's word alone. */
export function planRefresh(scan: ScanEntry[], known: ReadonlyMap<string, KnownFile>, writtenAt: number): RefreshPlan {
  const plan: RefreshPlan = { articles: [], sidecars: [], removed: [] };
  const present = new Set<string>();
  for (const e of scan) {
    present.add(e.file);
    const k = known.get(e.file);
    if (!k || !sameFingerprint(k.article, e.article)) plan.articles.push({ ...e, verify: false });
    else if (isRacy(e.article, writtenAt)) plan.articles.push({ ...e, verify: true });
    else if (!sameFingerprint(k.sidecar, e.sidecar) || (e.sidecar && isRacy(e.sidecar, writtenAt))) plan.sidecars.push(e);
  }
  for (const file of known.keys()) if (!present.has(file)) plan.removed.push(file);
  return plan;
}

/** Runs `work` over the items, giving the event loop a turn every few milliseconds. */
export async function runChunked<T>(items: readonly T[], work: (item: T) => void | Promise<void>, onProgress?: (done: number) => void, sliceMs = 12): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    await work(items[i]!);
    if (performance.now() - sliceStart > sliceMs) {
      onProgress?.(i + 1);
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  onProgress?.(items.length);
}
