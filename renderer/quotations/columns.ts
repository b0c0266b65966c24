// The quotation table's columns: what each shows and which service column it sorts by.
// Every piece of article or user text goes in as a text node with its own direction, so an
// RTL quote inside the LTR interface is isolated and right-aligned.
import type { Quotation } from '../../annotations/quotations/quotations';
import type { QuotationColumn } from '../../annotations/quotations/quotation-sort';
import type { Tag } from '../../annotations/model/types';
import { h, textAttrs } from '../dom';
import { tagClass } from '../tag-styles';
import { visibleControlsText, withVisibleControls } from '../visible-controls';
import { dateAsShown } from '../../corpus/text/english-date';

export interface Column {
  /** Class suffix of the column's cells (`q-c-quote`). */
  key: string;
  label: string;
  /** The service column it sorts by; null for columns that do not sort. */
  sort: QuotationColumn | null;
  render(q: Quotation, taxonomy: readonly Tag[]): Node | null;
}

function text(cls: string, value: string, lang: string, title = false): HTMLElement {
  return h('div', { class: `q-text ${cls}`, ...textAttrs(lang), title: title ? visibleControlsText(value) : null }, value);
}

/** A headline or file name from the corpus: its bidi controls shown as markers, not applied. */
function nameText(cls: string, value: string, lang: string): HTMLElement {
  return h('div', { class: `q-text ${cls}`, ...textAttrs(lang), title: visibleControlsText(value) }, ...withVisibleControls(value));
}

function tagChips(q: Quotation, taxonomy: readonly Tag[]): HTMLElement {
  const list = taxonomy as Tag[];
  return h(
    'div',
    { class: 'q-tags' },
    ...q.tags.map((t, i) => {
      const c = tagClass(list, t);
      return h('span', { class: `chip small ${c}` }, h('span', { class: `swatch ${c}` }), q.tagNames[i] ?? t);
    }),
  );
}

function dateCell(q: Quotation): HTMLElement | null {
  if (!q.date) return null;
  return h(
    'div',
    { class: 'q-date' },
    // A page's timestamp (or a day given as ISO) is not words the article wrote: the ISO day alone says it.
    dateAsShown(q.date).written ? h('bdi', { class: 'q-date-original', dir: 'auto', lang: q.language }, q.date.original) : null,
    q.date.iso ? h('span', { class: 'q-date-iso', dir: 'ltr', lang: 'en' }, q.date.iso) : null,
  );
}

export const COLUMNS: readonly Column[] = [
  {
    key: 'quote',
    label: 'Quote',
    sort: 'quote',
    render: (q) =>
      h(
        'div',
        { class: `q-text q-quote${q.anchor === 'orphaned' ? ' orphaned' : ''}`, ...textAttrs(q.language), title: q.quote },
        q.quote,
      ),
  },
  { key: 'gloss', label: 'Gloss', sort: 'gloss', render: (q) => (q.gloss ? text('q-gloss', q.gloss, 'en', true) : null) },
  { key: 'tags', label: 'Tags', sort: 'tags', render: tagChips },
  { key: 'note', label: 'Note', sort: 'note', render: (q) => (q.note ? text('q-note', q.note, 'und', true) : null) },
  { key: 'analyst', label: 'Analyst', sort: 'analyst', render: (q) => h('bdi', { class: 'q-analyst', dir: 'auto' }, q.analyst) },
  { key: 'article', label: 'Article', sort: 'headline', render: (q) => nameText('q-headline', q.headline || q.file, q.language) },
  { key: 'outlet', label: 'Outlet', sort: 'outlet', render: (q) => (q.outlet ? h('bdi', { class: 'q-outlet', dir: 'auto', lang: q.language }, q.outlet) : null) },
  { key: 'date', label: 'Date', sort: 'date', render: dateCell },
];
