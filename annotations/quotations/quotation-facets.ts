// The values the quotation filter controls offer, gathered from the rows.
import type { Quotation } from './quotations';
import { collator } from './quotation-sort';

export interface QuotationFacets {
  analysts: string[];
  outlets: string[];
  articles: Array<{ file: string; headline: string }>;
  /** Tag ids in use, with their names. */
  tags: Array<{ id: string; name: string }>;
  /** Earliest and latest known ISO dates, for a date-range control. */
  dates: { from: string; to: string } | null;
}

/** The values the filter controls offer, each once, sorted for a reader. */
export function quotationFacets(rows: readonly Quotation[]): QuotationFacets {
  const analysts = new Set<string>();
  const outlets = new Set<string>();
  const articles = new Map<string, string>();
  const tags = new Map<string, string>();
  let from: string | null = null;
  let to: string | null = null;
  for (const q of rows) {
    if (q.analyst) analysts.add(q.analyst);
    if (q.outlet) outlets.add(q.outlet);
    if (!articles.has(q.file)) articles.set(q.file, q.headline);
    q.tags.forEach((id, i) => tags.set(id, q.tagNames[i] ?? id));
    const iso = q.date?.iso;
    if (iso) {
      if (from === null || iso < from) from = iso;
      if (to === null || iso > to) to = iso;
    }
  }
  const sorted = (values: Iterable<string>) => [...values].sort(collator.compare);
  return {
    analysts: sorted(analysts),
    outlets: sorted(outlets),
    articles: [...articles].map(([file, headline]) => ({ file, headline })).sort((a, b) => collator.compare(a.file, b.file)),
    tags: [...tags].map(([id, name]) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name)),
    dates: from !== null && to !== null ? { from, to } : null,
  };
}
