// File → New Article from Clipboard: the first lines of what will be created, the page's
// address when the clipboard gave one, and the file name (suggested from the headline, and the
// person's to change). Enter creates, Escape cancels; a taken name is said in the dialog with a
// free one put in its place, and nothing is written over.
import type { NewArticleResult } from '../../corpus/api/api';
import { detectLanguage, paragraphDirection } from '../../corpus/text/language';
import { modal } from '../dialogs';
import { h } from '../dom';
import { clip } from '../text-clip';

/** How many paragraphs of the new article the dialog shows. */
const PREVIEW_PARAGRAPHS = 4;

export interface NewArticleDraft {
  /** The article's text: paragraphs apart by a blank line. */
  text: string;
  /** The suggested file name, with `.txt`. */
  name: string;
  url: string | null;
}

/**
 * Shows the dialog; `create` is called with the name on Enter or Create, and the dialog stays
 * open (with the reason) until it succeeds. Resolves with the created file, or null when cancelled.
 */
export function newArticleDialog(draft: NewArticleDraft, create: (name: string) => Promise<NewArticleResult>): Promise<string | null> {
  return new Promise((resolve) => {
    const paragraphs = draft.text.split(/\n\n+/);
    const preview = h(
      'div',
      // The language picks the bundled Persian or Arabic face; direction is each paragraph's own.
      { class: 'new-article-preview', 'aria-label': 'The new article begins', lang: detectLanguage(draft.text) },
      ...paragraphs.slice(0, PREVIEW_PARAGRAPHS).map((p) => h('p', { dir: paragraphDirection(p, 'rtl') }, clip(p, 240))),
      paragraphs.length > PREVIEW_PARAGRAPHS ? h('p', { class: 'more', dir: 'ltr', lang: 'en' }, `… ${paragraphs.length - PREVIEW_PARAGRAPHS} more paragraphs`) : null,
    );
    const source = draft.url ? h('p', { class: 'new-article-source' }, 'From ', h('bdi', { dir: 'ltr' }, draft.url)) : null;
    // Left to right, as the lists show file names: a Persian name, then its extension at the right.
    const input = h('input', { type: 'text', name: 'name', value: draft.name, dir: 'ltr', required: true, spellcheck: false, 'aria-label': 'File name' });
    const error = h('p', { class: 'error', role: 'alert' });
    const createButton = h('button', { type: 'submit', class: 'primary' }, 'Create');
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const form = h('form', { method: 'dialog', class: 'new-article' }, preview, source, h('label', {}, 'File name', input), error);
    const dialog = modal('New article from clipboard', form, [cancel, createButton]);
    dialog.classList.add('new-article-dialog');
    let busy = false;
    let created: string | null = null;
    const submit = async () => {
      if (busy) return;
      const name = input.value.trim();
      if (!name) {
        error.textContent = 'Give the article a name.';
        input.focus();
        return;
      }
      busy = true;
      createButton.disabled = true;
      try {
        const result = await create(name);
        if ('created' in result) {
          created = result.created;
          dialog.close();
          return;
        }
        // Nothing was written: a free name takes the place of the taken one, for Enter to accept.
        error.replaceChildren(h('bdi', { dir: 'ltr' }, result.taken), ' is already in the corpus and was left as it is. Create it as ', h('bdi', { dir: 'ltr' }, result.suggestion), '?');
        input.value = result.suggestion;
      } catch (e) {
        error.textContent = (e as Error).message;
      } finally {
        busy = false;
        createButton.disabled = false;
      }
      input.focus();
      input.select();
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void submit();
    });
    createButton.addEventListener('click', (e) => {
      e.preventDefault();
      void submit();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => resolve(created));
    input.focus();
    // The name without `.txt` selected: typing replaces it, the extension stays.
    input.setSelectionRange(0, draft.name.replace(/\.txt$/i, '').length);
  });
}
