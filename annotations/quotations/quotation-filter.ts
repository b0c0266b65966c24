// Filtering quotation rows by tag, analyst, article, outlet, date and folded text, with the
// search keys prepared once for a browser that filters on every keystroke.
import { foldKey } from '../../corpus/text/normalise';
import type { Quotation } from './quotations';

export const TAG_MODES = ['any', 'all'] as const;
export type TagMode = (typeof TAG_MODES)[number];

export interface QuotationFilter {
  /** Tag ids; `tagMode` says whether a row needs any of them (default) or all. */
  tags?: readonly string[];
  tagMode?: TagMode;
  analysts?: readonly string[];
  files?: readonly string[];
  outlets?: readonly string[];
  /** Inclusive ISO dates (YYYY-MM-DD); rows without a known date drop out when either is set. */
  from?: string;
  to?: string;
  /** Matched in quote, gloss, note and headline across letter variants, diacritics, tatweel, ZWNJ and digit sets. */
  text?: string;
}

const FIELD_SEPARATOR = '\u0000';

/**
 * A prepared set of rows: search keys are folded once, lazily, so that typing in the filter
 * box of a browser holding tens of thousands of quotations costs only substring tests.
 */
export class QuotationIndex {
  private keys: string[] | null = null;
  private compactKeys: string[] | null = null;

  constructor(readonly quotations: readonly Quotation[]) {}

  private searchKeys(): { keys: string[]; compact: string[] } {
    if (!this.keys || !this.compactKeys) {
      // Every quotation of an article repeats its headline: fold each headline once.
      const headlines = new Map<string, string>();
      const headlineKey = (h: string) => {
        let k = headlines.get(h);
        if (k === undefined) headlines.set(h, (k = foldKey(h)));
        return k;
      };
      this.keys = this.quotations.map((q) => [foldKey(q.quote), foldKey(q.gloss), foldKey(q.note), headlineKey(q.headline)].join(FIELD_SEPARATOR));
      // Without spaces too: Persian writes compounds joined or spaced (`کمک‌های`, `کمکهای`, `کمک های`).
      this.compactKeys = this.keys.map((k) => k.replace(/\s+/g, ''));
    }
    return { keys: this.keys, compact: this.compactKeys };
  }

  filter(filter: QuotationFilter): Quotation[] {
    const tags = filter.tags?.length ? filter.tags : null;
    const all = filter.tagMode === 'all';
    const analysts = filter.analysts?.length ? new Set(filter.analysts) : null;
    const files = filter.files?.length ? new Set(filter.files) : null;
    const outlets = filter.outlets?.length ? new Set(filter.outlets) : null;
    const from = filter.from || null;
    const to = filter.to || null;
    const query = filter.text ? foldKey(filter.text).trim() : '';
    const terms = query ? query.split(/\s+/) : [];
    const compactQuery = query.replace(/\s+/g, '');
    const search = terms.length > 0 ? this.searchKeys() : null;

    const out: Quotation[] = [];
    this.quotations.forEach((q, i) => {
      if (tags && !(all ? tags.every((t) => q.tags.includes(t)) : tags.some((t) => q.tags.includes(t)))) return;
      if (analysts && !analysts.has(q.analyst)) return;
      if (files && !files.has(q.file)) return;
      if (outlets && !outlets.has(q.outlet ?? '')) return;
      if (from || to) {
        const iso = q.date?.iso;
        if (!iso) return;
        // A partial date (`2021-09`) is in range when its period touches the range.
        if (from && iso < from.slice(0, iso.length)) return;
        if (to && iso > to.slice(0, iso.length)) return;
      }
      if (search) {
        const key = search.keys[i]!;
        if (!terms.every((t) => key.includes(t)) && !search.compact[i]!.includes(compactQuery)) return;
      }
      out.push(q);
    });
    return out;
  }
}

/** One-off filtering; keep a QuotationIndex when filtering the same rows repeatedly. */
export function filterQuotations(quotations: readonly Quotation[], filter: QuotationFilter): Quotation[] {
  return new QuotationIndex(quotations).filter(filter);
}
