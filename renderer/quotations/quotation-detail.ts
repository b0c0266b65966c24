// The row under the cursor in full, below the table: the table clips long quotes to keep
// every row one height, so the whole quote, its sentence and the citation are shown here.
import type { Quotation } from '../../annotations/quotations/quotations';
import { clear, h, textAttrs } from '../dom';
import { withVisibleControls } from '../visible-controls';

/** The sentence with the quote marked inside it (the quote alone when it is not found). */
function sentenceWithQuote(q: Quotation): Node[] {
  const at = q.sentence.indexOf(q.quote);
  if (!q.quote || at < 0 || q.sentence === q.quote) return [];
  return [document.createTextNode(q.sentence.slice(0, at)), h('mark', {}, q.quote), document.createTextNode(q.sentence.slice(at + q.quote.length))];
}

export class QuotationDetail {
  readonly el = h('section', { class: 'q-detail', 'aria-label': 'The selected quotation', 'aria-live': 'polite', hidden: true });

  constructor(private readonly onOpen: (q: Quotation) => void) {}

  show(q: Quotation | null): void {
    clear(this.el);
    this.el.hidden = !q;
    if (!q) return;
    const sentence = sentenceWithQuote(q);
    const parts: Array<Node | null> = [
      h('blockquote', { class: 'q-detail-quote', ...textAttrs(q.language) }, q.quote),
      sentence.length ? h('p', { class: 'q-detail-sentence', ...textAttrs(q.language) }, ...sentence) : null,
      q.gloss ? h('p', { class: 'q-detail-gloss', lang: 'en', dir: 'auto' }, q.gloss) : null,
      q.note ? h('p', { class: 'q-detail-note', dir: 'auto' }, q.note) : null,
      h(
        'p',
        { class: 'q-detail-citation', lang: 'en', dir: 'ltr' },
        q.citation,
        h('span', { class: 'q-detail-file' }, ' · ', ...withVisibleControls(q.file)),
        q.anchor !== 'exact' ? h('span', { class: `anchor ${q.anchor}` }, ` · ${q.anchor === 'orphaned' ? 'could not be placed in the current text' : q.anchor}`) : null,
        ' ',
        h('button', { type: 'button', class: 'q-detail-open', onclick: () => this.onOpen(q) }, 'Open in article'),
      ),
    ];
    this.el.append(...parts.filter((p): p is Node => p !== null));
  }
}
