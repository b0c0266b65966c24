// The quotation table: a grid whose rows all have one fixed height, so that only the rows on
// screen (and a few around them) exist in the DOM, however many the filter matches.
import type { Quotation } from '../../annotations/quotations/quotations';
import type { QuotationColumn, QuotationSort } from '../../annotations/quotations/quotation-sort';
import type { Tag } from '../../annotations/model/types';
import { h } from '../dom';
import { COLUMNS } from './columns';
import type { QuotationRows } from './quotation-rows';
import type { RowSelection } from './selection';

/** Pixels; the stylesheet reads it from --q-row-height, so the two cannot disagree. */
export const ROW_HEIGHT = 66;
const OVERSCAN = 8;

export interface TableHandlers {
  onOpen(q: Quotation): void;
  onSort(column: QuotationColumn): void;
  /** The row under the keyboard cursor (shown in full below the table). */
  onCurrent(q: Quotation | null): void;
}

interface DrawnRow {
  el: HTMLElement;
  row: Quotation | undefined;
  box: HTMLInputElement | null;
}

export class QuotationTable {
  readonly el: HTMLElement;
  private readonly head: HTMLElement;
  private readonly body: HTMLElement;
  private readonly headBox: HTMLInputElement;
  private readonly sortButtons = new Map<QuotationColumn, HTMLElement>();
  private drawn = new Map<number, DrawnRow>();
  private current = -1;
  private shown: Quotation | null = null;
  private frame = 0;

  constructor(
    private readonly rows: QuotationRows,
    private readonly selection: RowSelection,
    private readonly taxonomy: () => readonly Tag[],
    private readonly handlers: TableHandlers,
  ) {
    this.headBox = h('input', { type: 'checkbox', class: 'q-select-all', 'aria-label': 'Select all matching quotations' });
    this.headBox.addEventListener('change', () => {
      if (this.selection.allMatching || this.selection.count(this.rows.total) > 0) this.selection.clear();
      else this.selection.selectAllMatching();
    });
    this.head = h(
      'div',
      { class: 'q-head q-grid-row', role: 'row', 'aria-rowindex': 1 },
      h('div', { class: 'q-cell q-c-select', role: 'columnheader' }, this.headBox),
      ...COLUMNS.map((c) => {
        if (!c.sort) return h('div', { class: `q-cell q-c-${c.key}`, role: 'columnheader' }, c.label);
        const sort = c.sort;
        const cell = h(
          'div',
          { class: `q-cell q-c-${c.key}`, role: 'columnheader', 'aria-sort': 'none', 'data-sort': sort },
          h('button', { type: 'button', class: 'q-sort', title: `Sort by ${c.label.toLowerCase()}`, onclick: () => this.handlers.onSort(sort) }, c.label, h('span', { class: 'q-sort-mark', 'aria-hidden': 'true' })),
        );
        this.sortButtons.set(sort, cell);
        return cell;
      }),
      h('div', { class: 'q-cell q-c-open', role: 'columnheader' }, h('span', { class: 'visually-hidden' }, 'Open')),
    );
    this.body = h('div', { class: 'q-body', role: 'rowgroup' });
    this.el = h('div', { class: 'q-scroller', role: 'grid', tabindex: 0, 'aria-label': 'Quotations', 'aria-multiselectable': 'true' }, h('div', { role: 'rowgroup', class: 'q-head-group' }, this.head), this.body);
    this.el.style.setProperty('--q-row-height', `${ROW_HEIGHT}px`);
    this.el.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.el);
  }

  /** The order shown in the header (arrow and aria-sort). */
  showSort(sort: QuotationSort | undefined): void {
    for (const [column, cell] of this.sortButtons) {
      const on = sort?.column === column;
      const dir = on ? (sort.direction ?? 'asc') : null;
      cell.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none');
      cell.querySelector('.q-sort-mark')!.textContent = dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '';
    }
  }

  /** A new result set: back to the top, nothing drawn is reused. */
  reset(keepScroll = false): void {
    for (const d of this.drawn.values()) d.el.remove();
    this.drawn.clear();
    if (!keepScroll) {
      this.el.scrollTop = 0;
      this.setCurrent(-1);
    } else if (this.current >= this.rows.total) this.setCurrent(this.rows.total - 1);
    this.draw();
  }

  /** Rows arrived or the selection changed: redraw what is on screen. */
  refresh(): void {
    this.draw();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private range(): [number, number] {
    const total = this.rows.total;
    const first = Math.max(0, Math.floor(this.el.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const seen = Math.ceil(Math.max(this.el.clientHeight, ROW_HEIGHT * 10) / ROW_HEIGHT);
    return [Math.min(first, total), Math.min(total, first + seen + 2 * OVERSCAN)];
  }

  private draw(): void {
    const total = this.rows.total;
    this.body.style.height = `${total * ROW_HEIGHT}px`;
    this.el.setAttribute('aria-rowcount', String(total + 1));
    const [from, to] = this.range();
    this.rows.want(from, to);
    for (const [i, d] of this.drawn) {
      if (i < from || i >= to) {
        d.el.remove();
        this.drawn.delete(i);
      }
    }
    for (let i = from; i < to; i++) {
      const row = this.rows.row(i);
      const old = this.drawn.get(i);
      if (old && old.row === row) {
        this.mark(i, old);
        continue;
      }
      const d = this.drawRow(i, row);
      if (old) old.el.replaceWith(d.el);
      else this.body.append(d.el);
      this.drawn.set(i, d);
      this.mark(i, d);
    }
    this.syncHeadBox();
    this.announceCurrent();
  }

  private announceCurrent(): void {
    const q = this.current >= 0 ? (this.rows.row(this.current) ?? null) : null;
    if (q === this.shown) return;
    this.shown = q;
    this.handlers.onCurrent(q);
  }

  private drawRow(i: number, q: Quotation | undefined): DrawnRow {
    const el = h('div', { class: 'q-row q-grid-row', role: 'row', id: `q-row-${i}`, 'aria-rowindex': i + 2, 'data-index': i });
    el.style.transform = `translateY(${i * ROW_HEIGHT}px)`;
    if (!q) {
      el.classList.add('loading');
      el.append(h('div', { class: 'q-cell q-c-loading', role: 'gridcell' }, 'Loading…'));
      return { el, row: q, box: null };
    }
    el.dataset.id = q.id;
    const box = h('input', { type: 'checkbox', 'aria-label': 'Select this quotation' });
    box.addEventListener('change', () => this.selection.set(q.id, box.checked));
    const taxonomy = this.taxonomy();
    el.append(
      h('div', { class: 'q-cell q-c-select', role: 'gridcell' }, box),
      ...COLUMNS.map((c) => h('div', { class: `q-cell q-c-${c.key}`, role: 'gridcell' }, c.render(q, taxonomy))),
      h(
        'div',
        { class: 'q-cell q-c-open', role: 'gridcell' },
        h('button', { type: 'button', class: 'q-open', title: q.anchor === 'orphaned' ? 'Open the article (this quotation could not be placed in its current text)' : 'Open this quotation in its article', onclick: () => this.handlers.onOpen(q) }, 'Open'),
      ),
    );
    el.addEventListener('click', (e) => {
      if ((e.target as Element).closest('input, button')) return;
      this.setCurrent(i);
      this.el.focus({ preventScroll: true });
    });
    el.addEventListener('dblclick', (e) => {
      if ((e.target as Element).closest('input, button')) return;
      this.handlers.onOpen(q);
    });
    return { el, row: q, box };
  }

  private mark(i: number, d: DrawnRow): void {
    const selected = !!d.row && this.selection.has(d.row.id);
    if (d.box) d.box.checked = selected;
    d.el.classList.toggle('selected', selected);
    d.el.setAttribute('aria-selected', String(selected));
    d.el.classList.toggle('current', i === this.current);
  }

  private syncHeadBox(): void {
    const count = this.selection.count(this.rows.total);
    this.headBox.checked = this.rows.total > 0 && count === this.rows.total;
    this.headBox.indeterminate = count > 0 && count < this.rows.total;
    this.headBox.disabled = this.rows.total === 0;
  }

  private setCurrent(i: number): void {
    this.current = i;
    for (const [j, d] of this.drawn) d.el.classList.toggle('current', j === i);
    if (i >= 0) this.el.setAttribute('aria-activedescendant', `q-row-${i}`);
    else this.el.removeAttribute('aria-activedescendant');
    this.announceCurrent();
  }

  /** Moves the keyboard cursor and scrolls it into view. */
  private moveTo(i: number): void {
    const total = this.rows.total;
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, i));
    const top = next * ROW_HEIGHT;
    const visible = this.el.clientHeight - this.head.offsetHeight;
    if (top < this.el.scrollTop) this.el.scrollTop = top;
    else if (top + ROW_HEIGHT > this.el.scrollTop + visible) this.el.scrollTop = top + ROW_HEIGHT - visible;
    this.setCurrent(next);
    this.draw();
  }

  /** Keys while the table has focus; true when handled. */
  onKey(e: KeyboardEvent): boolean {
    if (document.activeElement !== this.el || e.ctrlKey || e.metaKey || e.altKey) return false;
    const page = Math.max(1, Math.floor((this.el.clientHeight - this.head.offsetHeight) / ROW_HEIGHT) - 1);
    const at = this.current;
    const q = at >= 0 ? this.rows.row(at) : undefined;
    switch (e.key) {
      case 'ArrowDown':
        this.moveTo(at + 1);
        break;
      case 'ArrowUp':
        this.moveTo(at < 0 ? 0 : at - 1);
        break;
      case 'PageDown':
        this.moveTo(at + page);
        break;
      case 'PageUp':
        this.moveTo(at - page);
        break;
      case 'Home':
        this.moveTo(0);
        break;
      case 'End':
        this.moveTo(this.rows.total - 1);
        break;
      case 'Enter':
        if (!q) return false;
        this.handlers.onOpen(q);
        break;
      case ' ':
        if (!q) return false;
        this.selection.set(q.id, !this.selection.has(q.id));
        break;
      default:
        return false;
    }
    e.preventDefault();
    return true;
  }
}
