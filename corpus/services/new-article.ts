// A new article the person makes from the clipboard: a .txt created in the corpus folder, whole
// and never over a file already there, with the page's address (when the clipboard gave one)
// kept in its sidecar, where a citation of any quotation from it finds it.
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileDurable } from '../../annotations/store/durable-write';
import { ApiError, type NewArticlePreview, type NewArticleRequest, type NewArticleResult } from '../api/api';
import { clipboardArticleText, type ClipboardContent } from '../extract/clipboard-text';
import { sidecarPathFor } from '../folder/corpus-folder';
import { checkNewArticleName, numberedName, suggestArticleName } from '../folder/new-article-name';
import type { WorkspaceContext } from './workspace-context';

/** How many numbered names are tried for a suggestion before giving up. */
const MAX_NUMBER = 999;

/** An address worth citing: http or https, parsed whole, no spaces or controls in it. */
export function citableUrl(url: string): boolean {
  if (url.length > 2048 || /[\s\u0000-\u001f\u007f]/.test(url) || !/^https?:\/\//i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

export class NewArticleService {
  constructor(private readonly ctx: WorkspaceContext) {}

  /** What would be created from the clipboard: its text as paragraphs and a name from its headline. */
  preview(clip: ClipboardContent): NewArticlePreview {
    const text = clipboardArticleText(clip);
    return { text, name: text ? suggestArticleName(text) : '' };
  }

  async create(request: NewArticleRequest): Promise<NewArticleResult> {
    const checked = checkNewArticleName(request.name);
    if (!checked.ok) throw new ApiError('bad-request', checked.reason);
    // Written as the corpus's .txt are: LF line ends, paragraphs apart by a blank line. A NUL
    // (from a broken copy) would make the file read as binary and never open.
    const text = request.text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '').trim();
    if (text === '') throw new ApiError('bad-request', 'There is no text to make an article of.');
    const url = request.url?.trim() || undefined;
    if (url !== undefined && !citableUrl(url)) throw new ApiError('bad-request', 'The address is not a web address (http or https).');
    const root = this.ctx.root();
    // A sidecar left from a deleted article of that name would hand its notes to the new text.
    const created = !(await taken(root, checked.file)) && (await createFileDurable(join(root, checked.file), text));
    if (!created) return { taken: checked.file, suggestion: await freeName(root, checked.stem) };
    if (url !== undefined) {
      const article = await this.ctx.open(checked.file);
      await this.ctx.write(article, (data) => {
        data.metadata = { ...data.metadata, url };
      });
    }
    this.ctx.changed(checked.file);
    return { created: checked.file };
  }
}

async function taken(root: string, file: string): Promise<boolean> {
  const exists = (path: string) =>
    lstat(path).then(
      () => true,
      (e: NodeJS.ErrnoException) => e.code !== 'ENOENT',
    );
  return (await exists(join(root, file))) || (await exists(sidecarPathFor(join(root, file))));
}

/** `stem (n).txt` with the smallest n ≥ 2 whose file and sidecar are both free now. */
async function freeName(root: string, stem: string): Promise<string> {
  for (let n = 2; n <= MAX_NUMBER; n++) {
    const name = numberedName(stem, n);
    if (!(await taken(root, name))) return name;
  }
  throw new ApiError('bad-request', `Too many files are named ${stem}; choose another name.`);
}
