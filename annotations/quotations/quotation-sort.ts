// The columns of the quotation rows and their order: a stable sort by any column, empty
// values last, text by a reader's collation and dates as plain strings.
import type { Quotation } from './quotations';

export const QUOTATION_COLUMNS = [
  'quote',
  'sentence',
  'gloss',
  'note',
  'tags',
  'analyst',
  'created',
  'modified',
  'headline',
  'outlet',
  'date',
  'file',
  'language',
  'start',
  'end',
  'paragraph',
  'anchor',
  'citation',
] as const;
export type QuotationColumn = (typeof QUOTATION_COLUMNS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface QuotationSort {
  column: QuotationColumn;
  direction?: SortDirection;
}

type SortValue = string | number | null;

function sortValue(q: Quotation, column: QuotationColumn): SortValue {
  switch (column) {
    case 'tags':
      return q.tagNames.join(', ') || null;
    case 'date':
      return q.date?.iso ?? null;
    case 'outlet':
      return q.outlet || null;
    case 'start':
    case 'end':
    case 'paragraph':
      return q[column];
    default:
      return q[column] || null;
  }
}

/** Text as a reader orders it: numbers by value, case and accents aside. */
export const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
/** ISO dates and timestamps sort as plain strings. */
const CODE_ORDER: ReadonlySet<QuotationColumn> = new Set(['date', 'created', 'modified']);

function compareValues(a: string | number, b: string | number, column: QuotationColumn): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  if (CODE_ORDER.has(column)) return x < y ? -1 : x > y ? 1 : 0;
  return collator.compare(x, y);
}

/**
 * Sorted copy, stable (equal rows keep their order, so sorting by outlet after sorting by
 * date gives dates within each outlet). Empty values go last in either direction.
 */
export function sortQuotations(rows: readonly Quotation[], sort: QuotationSort): Quotation[] {
  const sign = sort.direction === 'desc' ? -1 : 1;
  const decorated = rows.map((q, i) => ({ q, i, v: sortValue(q, sort.column) }));
  decorated.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
    const c = compareValues(a.v, b.v, sort.column);
    return c !== 0 ? sign * c : a.i - b.i;
  });
  return decorated.map((d) => d.q);
}
