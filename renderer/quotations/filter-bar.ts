// The quotation browser's filters: tags (any/all), analyst, article, outlet, date range and
// words. The service folds letter variants, diacritics and digits; the box sends what was typed.
import type { QuotationFilter } from '../../annotations/quotations/quotation-filter';
import type { Tag } from '../../annotations/model/types';
import type { ArticleSummary, QuotationPage } from '../../corpus/api/api';
import { h, showChosenDirection, textAttrs } from '../dom';
import { clip } from '../text-clip';
import { tagClass } from '../tag-styles';
import { DateField, type ParseDate } from './date-field';

/** Typing pauses this long before the table is asked again. */
export const TEXT_DEBOUNCE_MS = 250;

function choice(label: string, cls: string, all: string): HTMLSelectElement {
  return h('select', { class: cls, 'aria-label': label }, h('option', { value: '' }, all));
}

/** Replaces a select's options, keeping its value when it is still offered. */
function fill(select: HTMLSelectElement, all: string, options: Array<{ value: string; label: string; lang?: string }>): void {
  const value = select.value;
  select.replaceChildren(
    h('option', { value: '' }, all),
    ...options.map((o) => h('option', { value: o.value, ...(o.lang ? textAttrs(o.lang) : { dir: 'auto' }) }, o.label)),
  );
  select.value = options.some((o) => o.value === value) ? value : '';
  showChosenDirection(select);
}

export class FilterBar {
  readonly el: HTMLElement;
  private readonly text = h('input', { type: 'search', class: 'q-filter-text', dir: 'auto', 'aria-label': 'Filter by words', placeholder: 'Words in quote, gloss, note or headline' });
  private readonly chips = h('div', { class: 'q-filter-tags', role: 'group', 'aria-label': 'Tags' });
  private readonly tagMode = h(
    'select',
    { class: 'q-filter-tagmode', 'aria-label': 'How tags combine' },
    h('option', { value: 'any' }, 'any of these tags'),
    h('option', { value: 'all' }, 'all of these tags'),
  );
  private readonly analyst = choice('Analyst', 'q-filter-analyst', 'All analysts');
  private readonly article = choice('Article', 'q-filter-article', 'All articles');
  private readonly outlet = choice('Outlet', 'q-filter-outlet', 'All outlets');
  private readonly from: DateField;
  private readonly to: DateField;
  private readonly clearButton = h('button', { type: 'button', class: 'q-filter-clear' }, 'Clear filters');
  private tags = new Set<string>();
  private timer = 0;

  constructor(private readonly onChange: () => void, parseDate: ParseDate) {
    this.from = new DateField('From date', 'q-filter-from', 'From ', parseDate, () => this.changed());
    this.to = new DateField('To date', 'q-filter-to', 'to ', parseDate, () => this.changed());
    // A date typed that is not one yet filters nothing, but Clear filters must still clear it.
    for (const field of [this.from, this.to]) field.input.addEventListener('input', () => this.syncControls());
    this.text.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.changed(), TEXT_DEBOUNCE_MS);
    });
    this.text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        clearTimeout(this.timer);
        this.changed();
      }
    });
    for (const control of [this.tagMode, this.analyst, this.article, this.outlet]) control.addEventListener('change', () => this.changed());
    this.clearButton.addEventListener('click', () => this.clear());
    this.el = h(
      'div',
      { class: 'q-filters', role: 'search', 'aria-label': 'Filter quotations' },
      h('div', { class: 'q-filter-line' }, this.text, this.analyst, this.article, this.outlet, this.from.el, this.to.el, this.clearButton),
      h('div', { class: 'q-filter-line' }, h('span', { class: 'q-label' }, 'Tags:'), this.chips, this.tagMode),
    );
    this.syncControls();
  }

  private changed(): void {
    this.syncControls();
    this.onChange();
  }

  private syncControls(): void {
    this.tagMode.disabled = this.tags.size < 2;
    this.clearButton.disabled = this.isEmpty() && this.from.input.value.trim() === '' && this.to.input.value.trim() === '';
  }

  setTaxonomy(taxonomy: readonly Tag[]): void {
    const list = taxonomy as Tag[];
    for (const id of [...this.tags]) if (!taxonomy.some((t) => t.id === id)) this.tags.delete(id);
    this.chips.replaceChildren(
      ...taxonomy.map((tag) => {
        const c = tagClass(list, tag.id);
        const chip = h('button', { type: 'button', class: `chip ${c}`, 'data-tag': tag.id, 'aria-pressed': String(this.tags.has(tag.id)) }, h('span', { class: `swatch ${c}` }), tag.name);
        chip.addEventListener('click', () => {
          if (this.tags.has(tag.id)) this.tags.delete(tag.id);
          else this.tags.add(tag.id);
          chip.setAttribute('aria-pressed', String(this.tags.has(tag.id)));
          this.changed();
        });
        return chip;
      }),
    );
  }

  /** Offers the analysts, articles and outlets the corpus has. */
  setFacets(facets: QuotationPage['facets'], articles: readonly ArticleSummary[]): void {
    const byFile = new Map(articles.map((a) => [a.file, a]));
    fill(this.analyst, 'All analysts', facets.analysts.map((a) => ({ value: a, label: a })));
    fill(
      this.article,
      'All articles',
      facets.files.map((f) => {
        const a = byFile.get(f);
        return { value: f, label: clip(a?.headline || f, 70), lang: a?.language ?? undefined };
      }),
    );
    fill(this.outlet, 'All outlets', facets.outlets.map((o) => ({ value: o, label: o })));
  }

  get value(): QuotationFilter {
    const filter: QuotationFilter = {};
    if (this.tags.size) {
      filter.tags = [...this.tags];
      filter.tagMode = this.tagMode.value === 'all' ? 'all' : 'any';
    }
    if (this.analyst.value) filter.analysts = [this.analyst.value];
    if (this.article.value) filter.files = [this.article.value];
    if (this.outlet.value) filter.outlets = [this.outlet.value];
    if (this.from.iso) filter.from = this.from.iso;
    if (this.to.iso) filter.to = this.to.iso;
    const text = this.text.value.trim();
    if (text) filter.text = text.slice(0, 1000);
    return filter;
  }

  isEmpty(): boolean {
    return Object.keys(this.value).length === 0;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.tags.clear();
    for (const chip of this.chips.querySelectorAll('[aria-pressed]')) chip.setAttribute('aria-pressed', 'false');
    this.text.value = '';
    for (const s of [this.analyst, this.article, this.outlet]) s.value = '';
    this.tagMode.value = 'any';
    this.from.clear();
    this.to.clear();
    this.changed();
  }
}

