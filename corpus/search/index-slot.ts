// An article as the search index holds it (its keys in the code page, its metadata), and
// the query's filters on that metadata.
import type { Language } from '../text/language';
import { foldKey } from '../text/normalise';
import type { CompiledQuery } from './search-query';

export interface DocMeta {
  language: Language | null;
  outlet: string | null;
  /** ISO date (YYYY-MM-DD…) or null. */
  date: string | null;
  tags: string[];
}

export interface Slot {
  file: string;
  /** The folded key, one byte per character (the patterns run on it; spaces and all). */
  key: string;
  /** The key reads as Arabic: one-letter proclitics apply (word-forms.ts, isArabicKey). */
  arabic: boolean;
  meta: DocMeta;
  outletKey: string | null;
}

/** The outlet folded once, for the outlet filter's substring test. */
export function outletKey(meta: DocMeta): string | null {
  return meta.outlet ? foldKey(meta.outlet) : null;
}

/** The query's filters as one test of a slot; a test that passes all when there are none. */
export function filterFn(query: CompiledQuery): (s: Slot) => boolean {
  const f = query.filters;
  const langs = f.language && f.language.length > 0 ? new Set(f.language) : null;
  const outlet = f.outlet ? foldKey(f.outlet).trim() : null;
  const from = f.from ?? null;
  const to = f.to ?? null;
  const tag = f.tag ?? null;
  if (!langs && !outlet && !from && !to && !tag) return () => true;
  return (s) => {
    const m = s.meta;
    if (langs && (m.language === null || !langs.has(m.language))) return false;
    if (outlet && !(s.outletKey ?? '').includes(outlet)) return false;
    if (from || to) {
      const day = m.date ? m.date.slice(0, 10) : null;
      if (!day) return false;
      if (from && day < from) return false;
      if (to && day > to) return false;
    }
    if (tag && !m.tags.includes(tag)) return false;
    return true;
  };
}
