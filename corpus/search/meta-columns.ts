// The index header's distinct metadata as columns: thousands of small objects (one per distinct
// date) cost reopening and every command-line search 9 ms of JSON parsing at 20,000 articles;
// as columns of numbers into the few distinct languages, outlets and tag sets, and the dates as
// one string, about 1 ms.
import type { DocMeta } from './index-slot';
import { splitNulJoined } from './nul-joined';

export interface MetaColumns {
  languages: Array<DocMeta['language']>;
  outlets: Array<string | null>;
  tagSets: string[][];
  /** Per metadata, its language's, outlet's and tag set's number in the lists above. */
  language: number[];
  outlet: number[];
  tags: number[];
  /** Per metadata, its date or '' for none, joined by NUL (an ISO date holds neither). */
  dates: string;
}

/** A list of the distinct values and, per item, the number of its value. */
function numbered<T>(items: readonly T[], keyOf: (x: T) => unknown): { values: T[]; numbers: number[] } {
  const values: T[] = [];
  const seen = new Map<unknown, number>();
  const numbers = items.map((x) => {
    const k = keyOf(x);
    let n = seen.get(k);
    if (n === undefined) seen.set(k, (n = values.push(x) - 1));
    return n;
  });
  return { values, numbers };
}

export function toMetaColumns(metas: readonly DocMeta[]): MetaColumns {
  const languages = numbered(metas.map((m) => m.language), (x) => x);
  const outlets = numbered(metas.map((m) => m.outlet), (x) => x);
  const tagSets = numbered(metas.map((m) => m.tags), (x) => JSON.stringify(x));
  return {
    languages: languages.values,
    outlets: outlets.values,
    tagSets: tagSets.values,
    language: languages.numbers,
    outlet: outlets.numbers,
    tags: tagSets.numbers,
    dates: metas.map((m) => m.date ?? '').join('\0'),
  };
}

const isIndex = (n: unknown, size: number): boolean => Number.isInteger(n) && (n as number) >= 0 && (n as number) < size;

/**
 * The metadata the columns hold, or null when they are not what toMetaColumns writes. Metadata
 * with the same tags share one array of them (nothing changes a metadata's tags in place).
 */
export function fromMetaColumns(x: unknown): DocMeta[] | null {
  if (x === null || typeof x !== 'object') return null;
  const c = x as Partial<MetaColumns>;
  const { languages, outlets, tagSets, language, outlet, tags, dates } = c;
  if (!Array.isArray(languages) || !Array.isArray(outlets) || !Array.isArray(tagSets) || !Array.isArray(language) || !Array.isArray(outlet) || !Array.isArray(tags) || typeof dates !== 'string') return null;
  if (!languages.every((l) => l === null || typeof l === 'string') || !outlets.every((o) => o === null || typeof o === 'string')) return null;
  if (!tagSets.every((t) => Array.isArray(t) && t.every((s) => typeof s === 'string'))) return null;
  const n = language.length;
  const dateList = splitNulJoined(dates, n);
  if (outlet.length !== n || tags.length !== n || dateList === null) return null;
  const out: DocMeta[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const l = language[i];
    const o = outlet[i];
    const t = tags[i];
    if (!isIndex(l, languages.length) || !isIndex(o, outlets.length) || !isIndex(t, tagSets.length)) return null;
    out[i] = { language: languages[l!]!, outlet: outlets[o!]!, date: dateList[i] || null, tags: tagSets[t!]! };
  }
  return out;
}
