// The line under the article list that names the documents Hashiya does not read (yet), so a
// folder of saved pages or Word files is never an empty list with no word of why. It opens to
// name each file with its reason.
import type { UnreadDocument } from '../../corpus/api/api';
import { clear, h } from '../dom';
import { withVisibleControls } from '../visible-controls';

export function unreadSummary(count: number): string {
  return `${count} ${count === 1 ? 'file' : 'files'} not read`;
}

/** A folder of thousands of PDFs names the first ones; the count says how many there are. */
const SHOWN_AT_MOST = 500;

export class UnreadDocumentsLine {
  readonly el = h('div', { class: 'unread-documents' });

  /** Shows the unread documents; `articles` is how many articles the list holds beside them. */
  show(unread: UnreadDocument[], articles: number): void {
    clear(this.el);
    if (articles === 0) {
      this.el.append(h('p', { class: 'unread-empty' }, unread.length ? 'No articles Hashiya can read in this folder yet.' : 'No articles in this folder.'));
    }
    if (unread.length === 0) return;
    const items = unread.slice(0, SHOWN_AT_MOST).map((u) =>
      h(
        'li',
        { class: 'unread', 'data-file': u.file },
        // A file name from the corpus, isolated from the reason and its bidi controls shown; laid out
        // left to right with its extension at the right, as the article list shows file names.
        h('bdi', { class: 'unread-file', dir: 'ltr' }, ...withVisibleControls(u.file)),
        h('span', { class: 'unread-reason' }, u.reason),
      ),
    );
    const more = unread.length - items.length;
    this.el.append(
      h(
        'details',
        {},
        h('summary', {}, unreadSummary(unread.length)),
        h('ul', { 'aria-label': 'Files not read' }, ...items),
        more > 0 ? h('p', { class: 'unread-more' }, `and ${more} more (hashiya info --corpus lists them all)`) : null,
      ),
    );
  }
}
