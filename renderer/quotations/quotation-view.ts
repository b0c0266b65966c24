// The quotation browser: every annotation of the corpus in one table, filtered, sorted and
// paged by the quotation service; rows can be ticked, opened in their article and exported.
import type { Quotation } from '../../annotations/quotations/quotations';
import type { QuotationColumn, QuotationSort } from '../../annotations/quotations/quotation-sort';
import type { QuotationPage } from '../../corpus/api/api';
import { h } from '../dom';
import type { View, ViewContext } from '../view-context';
import { exportRequest, openExportDialog, type ExportChoice } from './export-dialog';
import { FilterBar } from './filter-bar';
import { QuotationDetail } from './quotation-detail';
import { QuotationRows } from './quotation-rows';
import { QuotationTable, ROW_HEIGHT } from './quotation-table';
import { RowSelection } from './selection';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

class QuotationBrowser implements View {
  readonly el: HTMLElement;
  private sort: QuotationSort | undefined;
  private readonly filters: FilterBar;
  private readonly selection: RowSelection;
  private readonly rows: QuotationRows;
  private readonly table: QuotationTable;
  private readonly detail: QuotationDetail;
  private readonly notice = h('div', { class: 'q-notice', role: 'status', hidden: true });
  private readonly empty = h('div', { class: 'q-empty', hidden: true });
  private readonly status = h('span', { class: 'q-count', 'aria-live': 'polite' });
  private readonly selectionInfo = h('span', { class: 'q-selection' });
  private readonly exportButton = h('button', { type: 'button', class: 'q-export' }, 'Export…');
  private loaded = false;

  constructor(private readonly ctx: ViewContext) {
    this.filters = new FilterBar(() => void this.reload(false), (text, language) => ctx.api.parseDate(text, language));
    this.selection = new RowSelection(() => this.redraw());
    this.rows = new QuotationRows(
      (query) => ctx.api.queryQuotations(query),
      () => this.redraw(),
      (error) => ctx.toast(error.message),
    );
    this.detail = new QuotationDetail((q) => void this.open(q));
    this.table = new QuotationTable(this.rows, this.selection, () => ctx.taxonomy(), {
      onOpen: (q) => void this.open(q),
      onSort: (column) => void this.toggleSort(column),
      onCurrent: (q) => this.detail.show(q),
    });
    this.exportButton.addEventListener('click', () => void this.exportDialog());
    this.el = h(
      'section',
      { class: 'view quotations-view', 'aria-label': 'Quotations' },
      this.filters.el,
      h('div', { class: 'q-toolbar' }, this.status, this.selectionInfo, h('span', { class: 'spacer' }), this.exportButton),
      this.notice,
      this.empty,
      this.table.el,
      this.detail.el,
    );
  }

  async show(): Promise<void> {
    this.filters.setTaxonomy(this.ctx.taxonomy());
    // Annotations may have changed in the reader since the last visit: ask again, same place.
    await this.reload(this.loaded);
  }

  hide(): void {}

  onKey(e: KeyboardEvent): boolean {
    return this.table.onKey(e);
  }

  private async reload(keepPlace: boolean): Promise<void> {
    if (!keepPlace) this.selection.filterChanged();
    const firstRow = keepPlace ? Math.floor(this.table.el.scrollTop / ROW_HEIGHT) : 0;
    let page: QuotationPage | null;
    try {
      page = await this.rows.restart({ filter: this.filters.value, sort: this.sort }, firstRow);
    } catch (error) {
      this.ctx.toast((error as Error).message);
      return;
    }
    if (!page) return;
    this.loaded = true;
    this.filters.setFacets(page.facets, this.ctx.articles());
    this.showProblems(page.problems);
    this.table.showSort(this.sort);
    this.table.reset(keepPlace);
    this.renderCounts();
    this.el.dataset.total = String(page.total);
    // For tests and tools: the shown result set is complete once this flips.
    this.el.dataset.loaded = String(Number(this.el.dataset.loaded ?? '0') + 1);
  }

  private redraw(): void {
    this.table.refresh();
    this.renderCounts();
  }

  private renderCounts(): void {
    const total = this.rows.total;
    const filtered = !this.filters.isEmpty();
    this.status.textContent = filtered ? `${count(total, 'quotation matches', 'quotations match')} the filters` : count(total, 'quotation', 'quotations');
    const picked = this.selection.count(total);
    const parts: Array<Node | string> = [];
    if (picked > 0) parts.push(`${picked.toLocaleString('en')} selected`);
    if (total > 0 && !(this.selection.allMatching && picked === total)) {
      parts.push(h('button', { type: 'button', class: 'link q-select-matching', onclick: () => this.selection.selectAllMatching() }, `Select all ${total.toLocaleString('en')}${filtered ? ' matching' : ''}`));
    }
    if (picked > 0) parts.push(h('button', { type: 'button', class: 'link q-clear-selection', onclick: () => this.selection.clear() }, 'Clear selection'));
    this.selectionInfo.replaceChildren(...parts);
    this.exportButton.disabled = total === 0 && picked === 0;

    const nothing = total === 0;
    this.table.el.hidden = nothing;
    this.empty.hidden = !nothing;
    if (nothing) {
      this.empty.replaceChildren(
        ...(filtered
          ? [h('p', {}, 'No quotation matches these filters.'), h('button', { type: 'button', onclick: () => this.filters.clear() }, 'Clear filters')]
          : [
              h('p', { class: 'q-empty-title' }, 'Nothing is annotated yet.'),
              h('p', {}, 'Select words in an article in the Read view and press a tag’s number key (or Enter): every annotation of the corpus then shows here, ready to filter and export.'),
            ]),
      );
    }
  }

  private showProblems(problems: readonly string[]): void {
    this.notice.hidden = problems.length === 0;
    this.notice.replaceChildren(
      h('p', {}, problems.length === 1 ? 'The annotations of one article could not be read; the rest of the corpus is shown:' : `The annotations of ${problems.length} articles could not be read; the rest of the corpus is shown:`),
      h('ul', {}, ...problems.map((p) => h('li', { dir: 'auto' }, p))),
    );
  }

  private async toggleSort(column: QuotationColumn): Promise<void> {
    // Ascending, then descending, then back to corpus order.
    if (this.sort?.column !== column) this.sort = { column, direction: 'asc' };
    else if (this.sort.direction !== 'desc') this.sort = { column, direction: 'desc' };
    else this.sort = undefined;
    this.table.showSort(this.sort);
    await this.reload(false);
  }

  private async open(q: Quotation): Promise<void> {
    if (q.anchor === 'orphaned') {
      this.ctx.toast('This quotation could not be placed in the article’s current text; the article opens without it.');
      await this.ctx.openInReader(q.file);
    } else {
      await this.ctx.openInReader(q.file, { start: q.start, end: q.end });
    }
  }

  private async exportDialog(): Promise<void> {
    const matching = this.rows.total;
    await openExportDialog({ selected: this.selection.count(matching), matching }, (choice) => this.export(choice));
  }

  private async export(choice: ExportChoice): Promise<void> {
    let ids: string[] | null = null;
    if (choice.scope === 'selected') {
      if (!this.selection.allMatching) ids = this.selection.picked;
      else if (this.selection.excluded.size > 0) {
        const excluded = this.selection.excluded;
        ids = (await this.rows.all()).map((q) => q.id).filter((id) => !excluded.has(id));
      }
    }
    const file = await this.ctx.api.exportQuotations(exportRequest(choice, this.rows.currentQuery, ids));
    await this.ctx.saveExport(file);
  }
}

export function createQuotationView(ctx: ViewContext): View {
  return new QuotationBrowser(ctx);
}
