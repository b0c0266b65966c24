// File → New Article from Clipboard, from the menu command to the opened article: read the
// clipboard (the shell's, or the page's own in the browser harness), let the corpus turn it
// into paragraphs and a name, ask the person, create, open.
import { api, readClipboard } from '../bridge';
import { newArticleDialog } from './new-article-dialog';

export interface PasteContext {
  toast(message: string): void;
  /** Lists the new article and opens it in the reader. */
  open(file: string): Promise<void>;
}

export async function pasteAsNewArticle(ctx: PasteContext): Promise<void> {
  let clip;
  try {
    clip = await readClipboard();
  } catch (error) {
    ctx.toast(`Could not read the clipboard: ${(error as Error).message}`);
    return;
  }
  let preview;
  try {
    preview = await api.previewNewArticle({ text: clip.text, html: clip.html });
  } catch (error) {
    ctx.toast((error as Error).message);
    return;
  }
  if (!preview.text) {
    ctx.toast('The clipboard holds no text: copy a passage from a page first.');
    return;
  }
  const url = clip.url;
  const file = await newArticleDialog({ text: preview.text, name: preview.name, url }, (name) =>
    api.createArticleFromText({ name, text: preview.text, ...(url ? { url } : {}) }),
  );
  if (file) await ctx.open(file);
}
