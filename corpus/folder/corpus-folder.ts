// Every path the renderer names is resolved against the corpus root, realpath'd, and
// checked for containment again, so `..`, absolute paths and symlinks out are refused.
import { realpath, readdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { articleFormatOf } from '../extract/article-format';
import { ApiError } from './errors';
import { isInside } from './inside';

export const SIDECAR_SUFFIX = '.annotations.json';
export const CORPUS_SETTINGS_FILE = 'hashiya-corpus.json';
/** The app's own hidden folder beside the articles (search index, caches). */
export const APP_FOLDER = '.hashiya';

export function sidecarPathFor(articlePath: string): string {
  return articlePath + SIDECAR_SUFFIX;
}

export { isInside } from './inside';

/**
 * The absolute, real path of a corpus-relative article name, or an ApiError 'forbidden'.
 * `root` must itself be a realpath.
 */
export async function resolveArticlePath(root: string, file: string): Promise<string> {
  if (typeof file !== 'string' || file.length === 0 || file.includes('\0') || isAbsolute(file) || /^[a-zA-Z]:/.test(file) || file.startsWith('\\')) {
    throw new ApiError('forbidden', `refused: ${JSON.stringify(String(file).slice(0, 80))} is not a file of this corpus`);
  }
  if (!isArticleName(file.split(/[\\/]/).pop() ?? '')) {
    // Sidecars, the corpus settings and the app's own files are not articles: no API call may treat them as one.
    throw new ApiError('forbidden', `refused: ${JSON.stringify(file.slice(0, 80))} is not an article (.txt, saved page or Word file) of this corpus`);
  }
  const lexical = resolve(root, file);
  if (!isInside(root, lexical)) {
    throw new ApiError('forbidden', `refused: ${JSON.stringify(file.slice(0, 80))} is outside the corpus folder`);
  }
  if (await isInPageFilesFolder(lexical)) {
    throw new ApiError('forbidden', `refused: ${JSON.stringify(file.slice(0, 80))} is part of a saved page (its _files folder), not an article`);
  }
  let real: string;
  try {
    real = await realpath(lexical);
  } catch {
    throw new ApiError('not-found', `no such article: ${file.slice(0, 200)}`);
  }
  if (!isInside(root, real)) {
    throw new ApiError('forbidden', `refused: ${JSON.stringify(file.slice(0, 80))} leads outside the corpus folder`);
  }
  const info = await stat(real);
  if (!info.isFile()) throw new ApiError('not-found', `not a file: ${file.slice(0, 200)}`);
  return real;
}

/** Plain text files, saved web pages and Word files (see extract/article-text.ts); never a dot-file nor Word's lock file. */
export function isArticleName(name: string): boolean {
  return !name.startsWith('.') && !isOfficeLockFile(name) && articleFormatOf(name) !== null;
}

/**
 * `~$report.docx`: the small file Word keeps beside a document while it is open (it holds who
 * has it open). Not a document: listing it would show a broken article whenever the person
 * has the real one open in Word.
 */
export function isOfficeLockFile(name: string): boolean {
  return name.startsWith('~$');
}

/** Pages whose browser-saved `X_files` folder beside them holds the page's images and scripts, not documents. */
const PAGE_EXTENSIONS = ['.html', '.htm'];

/**
 * True when `dir` is the `X_files` folder a browser saved beside `X.html` or `X.htm` in the
 * same folder (`siblings`: the lower-case names of the files there). Its pages are parts of
 * that page, not articles or documents of their own.
 */
export function isPageFilesFolder(dir: string, siblings: ReadonlySet<string>): boolean {
  if (!dir.toLowerCase().endsWith('_files')) return false;
  const page = dir.slice(0, -'_files'.length).toLowerCase();
  return PAGE_EXTENSIONS.some((ext) => siblings.has(page + ext));
}

/** True when the file at `path` lies in a saved page's `X_files` folder (never listed, never opened). */
async function isInPageFilesFolder(path: string): Promise<boolean> {
  const folder = dirname(path);
  if (!basename(folder).toLowerCase().endsWith('_files')) return false;
  const siblings = await readdir(dirname(folder), { withFileTypes: true }).catch(() => []);
  return isPageFilesFolder(basename(folder), new Set(siblings.filter((e) => e.isFile()).map((e) => e.name.toLowerCase())));
}

/** Corpus-relative names of the article files, sorted, one level of subfolders deep at most. */
export async function listArticleFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, depth: number) => {
    const entries = await readdir(dir, { withFileTypes: true });
    const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name.toLowerCase()));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      if (e.isDirectory() && depth < 1 && !isPageFilesFolder(e.name, files)) await walk(join(dir, e.name), depth + 1);
      else if (e.isFile() && isArticleName(e.name)) out.push(relative(root, join(dir, e.name)).split(sep).join('/'));
    }
  };
  await walk(root, 0);
  return out.sort();
}
