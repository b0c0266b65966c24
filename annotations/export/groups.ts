// Reports list quotations in sections: one per article, one per tag, or one for all.
import { isolate } from './bidi';
import { formatCitation } from '../quotations/citation';
import type { Quotation } from '../quotations/quotations';
import type { GroupBy } from './options';

export interface QuotationGroup {
  /** Null when the report has a single, untitled section. */
  title: string | null;
  /** The language the title is written in (an article's headline is Persian or Arabic). */
  titleLanguage: string;
  /** A line under the title: outlet and date of an article, or a count; RTL parts isolated. */
  subtitle: string | null;
  rows: Quotation[];
}

const UNTAGGED = 'Untagged';
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Sections in a stable order: articles as they come, tags alphabetically (untagged last).
 * A quotation with two tags appears under each of them, as a reader of one section expects.
 */
export function groupQuotations(quotations: readonly Quotation[], groupBy: GroupBy): QuotationGroup[] {
  if (quotations.length === 0) return [];
  if (groupBy === 'none') return [{ title: null, titleLanguage: 'en', subtitle: null, rows: [...quotations] }];
  if (groupBy === 'article') {
    const byFile = new Map<string, Quotation[]>();
    for (const q of quotations) {
      const rows = byFile.get(q.file);
      if (rows) rows.push(q);
      else byFile.set(q.file, [q]);
    }
    return [...byFile.values()].map((rows) => {
      const first = rows[0]!;
      const source = formatCitation({ outlet: first.outlet, headline: '', date: first.date, paragraph: null, language: first.language });
      return {
        title: first.headline || first.file,
        titleLanguage: first.headline ? first.language : 'en',
        // The file name isolated too: a Persian name would otherwise pull the ` · ` and the date around it.
        subtitle: [source, isolate(first.file)].filter(Boolean).join(' · '),
        rows,
      };
    });
  }
  const byTag = new Map<string, Quotation[]>();
  for (const q of quotations) {
    const names = q.tagNames.length > 0 ? q.tagNames : [UNTAGGED];
    for (const name of new Set(names)) {
      const rows = byTag.get(name);
      if (rows) rows.push(q);
      else byTag.set(name, [q]);
    }
  }
  const names = [...byTag.keys()].sort((a, b) => (a === UNTAGGED ? 1 : b === UNTAGGED ? -1 : collator.compare(a, b)));
  return names.map((name) => {
    const rows = byTag.get(name)!;
    return { title: name, titleLanguage: 'en', subtitle: `${rows.length} ${rows.length === 1 ? 'quotation' : 'quotations'}`, rows };
  });
}
