// The columns of the tabular exports (CSV, XLSX): every field a quotation carries, in the
// order an analyst reads them; columns added later go at the end.
import type { PageSpan } from '../quotations/pdf-pages';
import type { Quotation } from '../quotations/quotations';
import { directionOf } from './bidi';
import type { ResolvedOptions } from './options';

export interface TableColumn {
  header: string;
  /** Character width in a spreadsheet. */
  width: number;
  /** Text in the article's language: right-to-left in Persian and Arabic articles. */
  articleText?: boolean;
  /** An address: a spreadsheet cell links to it when it is http or https. */
  link?: boolean;
  /** Figures, even where a cell is text (a page range): right-aligned like numbers. */
  figures?: boolean;
  value(q: Quotation): string | number | null;
}

export function tableColumns(options: Pick<ResolvedOptions, 'includeSentence'>): TableColumn[] {
  const columns: Array<TableColumn | null> = [
    { header: 'Quote', width: 50, articleText: true, value: (q) => q.quote },
    options.includeSentence ? { header: 'Sentence', width: 60, articleText: true, value: (q) => q.sentence } : null,
    { header: 'Gloss', width: 45, value: (q) => q.gloss },
    { header: 'Note', width: 35, value: (q) => q.note },
    { header: 'Tags', width: 20, value: (q) => q.tagNames.join('; ') },
    { header: 'Analyst', width: 14, value: (q) => q.analyst },
    { header: 'Headline', width: 40, articleText: true, value: (q) => q.headline },
    { header: 'Outlet', width: 20, articleText: true, value: (q) => q.outlet },
    { header: 'Date (original)', width: 20, articleText: true, value: (q) => q.date?.original ?? null },
    { header: 'Date (ISO)', width: 12, value: (q) => q.date?.iso ?? null },
    { header: 'Citation', width: 60, value: (q) => q.citation },
    { header: 'URL', width: 40, link: true, value: (q) => q.url ?? null },
    { header: 'Accessed', width: 12, value: (q) => q.accessed ?? null },
    { header: 'File', width: 28, value: (q) => q.file },
    { header: 'Language', width: 9, value: (q) => q.language },
    { header: 'Paragraph', width: 10, value: (q) => q.paragraph },
    { header: 'Start (UTF-16)', width: 10, value: (q) => q.start },
    { header: 'End (UTF-16)', width: 10, value: (q) => q.end },
    { header: 'Anchor', width: 10, value: (q) => q.anchor },
    { header: 'Created', width: 22, value: (q) => q.created },
    { header: 'ID', width: 38, value: (q) => q.id },
    // Last, so that every earlier column keeps its letter in sheets and macros made from older exports.
    { header: 'Page', width: 8, figures: true, value: (q) => pageCell(q.pages) },
  ];
  return columns.filter((c): c is TableColumn => c !== null);
}

/**
 * A PDF quotation's page as a number a spreadsheet sorts and filters, or `2–3` across a page
 * break: an en dash, because Excel reads `2-3` in a CSV, quoted or not, as a date (3 Feb).
 */
export function pageCell(pages: PageSpan | undefined): number | string | null {
  if (!pages) return null;
  return pages.last > pages.first ? `${pages.first}–${pages.last}` : pages.first;
}

/** Whether a cell of this column in this row reads right to left. */
export function cellIsRtl(column: TableColumn, q: Quotation, value: string): boolean {
  return column.articleText === true && directionOf(q.language, value) === 'rtl';
}
