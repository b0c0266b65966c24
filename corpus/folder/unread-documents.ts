// The documents in a corpus folder that Hashiya does not read (yet): named in the list with
// the reason, so that a folder of saved pages or Word files is never an empty list with no
// word of why. What is not a document (a page's `_files` folder, sidecars, the app's own
// files, dot-files) stays out of the count.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { APP_FOLDER, CORPUS_SETTINGS_FILE, isArticleName, isOfficeLockFile, isPageFilesFolder, SIDECAR_SUFFIX } from './corpus-folder';

export interface UnreadDocument {
  /** Corpus-relative name, `/`-separated, as articles are named. */
  file: string;
  /** Why it is not in the list, one short phrase a person reads. */
  reason: string;
}

/** By extension, lower case. An extension the catalog reads as articles is never reported, whatever this says. */
const REASONS: ReadonlyMap<string, string> = new Map([
  ['.doc', 'old Word (.doc) files cannot be read: save it as .docx'],
  ['.odt', 'OpenDocument text files are not read yet'],
  ['.rtf', 'RTF files are not read yet'],
  // A template is where documents start, not an article: its text is a letterhead or placeholders.
  ['.dotx', 'Word templates (.dotx) are not articles: a document made from it and saved as .docx is read'],
  ['.dotm', 'Word templates (.dotm) are not articles: a document made from it and saved as .docx is read'],
  ['.epub', 'e-books (.epub) are not read'],
  ['.pages', 'Apple Pages documents cannot be read: export it as .docx'],
]);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * Why a file of this name is a document Hashiya does not read, or null when it is read (an
 * article) or is not a document at all (dot-files, sidecars, the corpus settings file).
 */
export function unreadReason(name: string): string | null {
  if (name.startsWith('.') || isOfficeLockFile(name) || name === CORPUS_SETTINGS_FILE || name.toLowerCase().endsWith(SIDECAR_SUFFIX)) return null;
  if (isArticleName(name)) return null;
  return REASONS.get(extensionOf(name)) ?? null;
}

/**
 * The unread documents of the corpus at `root` (a realpath), sorted by name. Walks the folder
 * as the article list does (one level of subfolders), so what is counted is what a person
 * would have expected to see listed.
 */
export async function listUnreadDocuments(root: string): Promise<UnreadDocument[]> {
  const out: UnreadDocument[] = [];
  const walk = async (dir: string, depth: number) => {
    // A subfolder that cannot be read (no permission, gone meanwhile) hides nothing the article list shows: skip it.
    const entries = depth === 0 ? await readdir(dir, { withFileTypes: true }) : await readdir(dir, { withFileTypes: true }).catch(() => []);
    const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name.toLowerCase()));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === APP_FOLDER || e.name === 'node_modules') continue;
      const file = relative(root, join(dir, e.name)).split(sep).join('/');
      if (e.isDirectory()) {
        if (isPageFilesFolder(e.name, names)) continue;
        // A Pages document saved by older macOS is a folder (a package): one document, not a subfolder.
        if (extensionOf(e.name) === '.pages') out.push({ file, reason: REASONS.get('.pages')! });
        else if (depth < 1) await walk(join(dir, e.name), depth + 1);
        continue;
      }
      if (!e.isFile()) continue;
      const reason = unreadReason(e.name);
      if (reason) out.push({ file, reason });
    }
  };
  await walk(root, 0);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** "3 files not read", as the list and the command line say it. */
export function unreadCountLine(count: number): string {
  return `${count} ${count === 1 ? 'file' : 'files'} not read`;
}
