// The quotation browser's rows: every annotation of the corpus with the words it marks, the
// sentence around them, the article's metadata and a citation. Built once from the articles,
// then filtered and sorted many times (the browser and the exports share this code).
// No Node and no DOM here: the renderer runs it too.
import type { Language } from '../../corpus/text/language';
import type { Paragraph } from '../../corpus/text/paragraphs';
import { foldKey } from '../../corpus/text/normalise';
import { segmentSentences } from '../../corpus/text/segment';
import { citationParts, formatCitationParts } from './citation';
import { codePointCounter } from '../export/code-points';
import { QUOTE_CONTEXT } from '../anchoring/quote';
import type { AnchorStatus, Annotation, DateValue, Tag } from '../model/types';

export interface Quotation {
  /** The annotation's id. */
  id: string;
  /** Corpus-relative article file name. */
  file: string;
  language: Language;
  /** The marked words, exactly as in the article. */
  quote: string;
  /** The whole sentence (or sentences) around the quote, original characters. */
  sentence: string;
  /** A little text before and after the quote, as the W3C quote selector carries it. */
  prefix: string;
  suffix: string;
  gloss: string;
  note: string;
  /** Tag ids, and their names from the taxonomy (the id when the taxonomy has no such tag). */
  tags: string[];
  tagNames: string[];
  analyst: string;
  created: string;
  modified: string;
  headline: string;
  outlet: string | null;
  date: DateValue | null;
  /** UTF-16 offsets into the article text. */
  start: number;
  end: number;
  /** The same span in code points (for W3C exports); null when the annotation is orphaned. */
  codePoints: { start: number; end: number } | null;
  /** 1-based among the non-boilerplate paragraphs, as a reader counts; null when unknown. */
  paragraph: number | null;
  anchor: AnchorStatus;
  /** `Outlet, "Headline", 13 Sep 2021 (22 Shahrivar 1400), para. 4`, RTL parts isolated. */
  citation: string;
}

/** As much of an opened article (the API's ArticleDoc) as quotations need. */
export interface QuotationSourceDoc {
  file: string;
  text: string;
  language: Language;
  paragraphs: ReadonlyArray<Paragraph & { boilerplate: boolean }>;
  annotations: readonly Annotation[];
  metadata: { headline: string; outlet: string | null; date: DateValue | null };
}

interface ParagraphLocator {
  /** Index into doc.paragraphs of the paragraph holding `offset` (or the next one), -1 if none. */
  indexAt(offset: number): number;
  /** Reader's number of paragraph i, null for boilerplate. */
  number(i: number): number | null;
}

function paragraphLocator(doc: QuotationSourceDoc): ParagraphLocator {
  const paras = doc.paragraphs;
  const numbers: Array<number | null> = [];
  let n = 0;
  for (const p of paras) numbers.push(p.boilerplate ? null : ++n);
  return {
    indexAt(offset) {
      let lo = 0;
      let hi = paras.length;
      // First paragraph whose end is past the offset: the one holding it, or the next one
      // when the offset sits in the line break between two.
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (paras[mid]!.end <= offset) lo = mid + 1;
        else hi = mid;
      }
      return lo < paras.length ? lo : -1;
    },
    number: (i) => numbers[i] ?? null,
  };
}

function sentenceAround(doc: QuotationSourceDoc, first: number, last: number, start: number, end: number, cache: Map<number, Array<{ start: number; end: number }>>): string {
  const paras = doc.paragraphs;
  let sentences: Array<{ start: number; end: number }>;
  if (first === last) {
    sentences = cache.get(first) ?? segmentSentences(doc.text, paras[first]!.start, paras[first]!.end);
    cache.set(first, sentences);
  } else {
    sentences = segmentSentences(doc.text, paras[first]!.start, paras[last]!.end);
  }
  let from = -1;
  let to = -1;
  for (const s of sentences) {
    if (s.end > start && s.start < end) {
      if (from < 0) from = s.start;
      to = s.end;
    }
  }
  if (from < 0) return doc.text.slice(start, end);
  // Sentence spans come trimmed; the quote itself is never cut, even if it has spaces at its edges.
  return doc.text.slice(Math.min(from, start), Math.max(to, end));
}

/** The quotations of one article, in text order. */
export function articleQuotations(doc: QuotationSourceDoc, tagNames: ReadonlyMap<string, string>): Quotation[] {
  const locate = paragraphLocator(doc);
  const toCodePoint = codePointCounter(doc.text);
  const cache = new Map<number, Array<{ start: number; end: number }>>();
  const { headline, outlet, date } = doc.metadata;
  const source = citationParts({ outlet, headline, date, paragraph: null, language: doc.language });
  const annotations = [...doc.annotations].sort((a, b) => a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end);
  return annotations.map((a) => {
    const { start, end } = a.target.position;
    const placed = a.anchor.status !== 'orphaned' && start >= 0 && end <= doc.text.length && start < end;
    let quote = a.target.quote.exact;
    let sentence = quote;
    let prefix = a.target.quote.prefix;
    let suffix = a.target.quote.suffix;
    let paragraph: number | null = null;
    if (placed) {
      quote = doc.text.slice(start, end);
      prefix = doc.text.slice(Math.max(0, start - QUOTE_CONTEXT), start);
      suffix = doc.text.slice(end, end + QUOTE_CONTEXT);
      const first = locate.indexAt(start);
      const last = locate.indexAt(end - 1);
      if (first >= 0) {
        paragraph = locate.number(first);
        sentence = sentenceAround(doc, first, last >= first ? last : first, start, end, cache);
      }
    }
    return quotationOf(doc, a, {
      quote,
      sentence,
      prefix,
      suffix,
      paragraph,
      codePoints: placed ? { start: toCodePoint(start), end: toCodePoint(end) } : null,
      citation: formatCitationParts({ ...source, paragraph }),
      tagNames: a.tags.map((t) => tagNames.get(t) ?? t),
    });
  });
}

function quotationOf(
  doc: QuotationSourceDoc,
  a: Annotation,
  derived: Pick<Quotation, 'quote' | 'sentence' | 'prefix' | 'suffix' | 'paragraph' | 'codePoints' | 'citation' | 'tagNames'>,
): Quotation {
  return {
    id: a.id,
    file: doc.file,
    language: doc.language,
    quote: derived.quote,
    sentence: derived.sentence,
    prefix: derived.prefix,
    suffix: derived.suffix,
    gloss: a.gloss,
    note: a.note,
    tags: [...a.tags],
    tagNames: derived.tagNames,
    analyst: a.analyst,
    created: a.created,
    modified: a.modified,
    headline: doc.metadata.headline,
    outlet: doc.metadata.outlet,
    date: doc.metadata.date,
    start: a.target.position.start,
    end: a.target.position.end,
    codePoints: derived.codePoints,
    paragraph: derived.paragraph,
    anchor: a.anchor.status,
    citation: derived.citation,
  };
}

/** Every quotation of the given articles, article by article, each in text order. */
export function buildQuotations(docs: readonly QuotationSourceDoc[], taxonomy: readonly Tag[]): Quotation[] {
  const names = new Map(taxonomy.map((t) => [t.id, t.name]));
  return docs.flatMap((doc) => articleQuotations(doc, names));
}


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

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
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
