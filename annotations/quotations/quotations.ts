// The quotation browser's rows: every annotation of the corpus with the words it marks, the
// sentence around them, the article's metadata and a citation. Built once from the articles,
// then filtered and sorted many times (the browser and the exports share this code).
// No Node and no DOM here: the renderer runs it too.
// Filtering is quotation-filter.ts's, sorting quotation-sort.ts's, the filter controls'
// values quotation-facets.ts's.
import type { Language } from '../../corpus/text/language';
import type { Paragraph } from '../../corpus/text/paragraphs';
import { segmentSentences } from '../../corpus/text/segment';
import { citationParts, citationUrl, formatCitationParts } from './citation';
import { pageLocator, pageSpan, type PageSpan } from './pdf-pages';
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
  /** A PDF quotation's pages (`p. 3` in its citation); absent for other articles or when unknown. */
  pages?: PageSpan;
  anchor: AnchorStatus;
  /** `Outlet, "Headline", 13 Sep 2021 (22 Shahrivar 1400), para. 4`, RTL parts isolated, then `. URL (accessed 7 Dec 2026)` when the article has an address. */
  citation: string;
  /** The article's web address as the citation prints it (citationUrl()); absent when it has none. */
  url?: string;
  /** When the page was saved (ISO), the citation's access date; absent when unknown. */
  accessed?: string;
}

/** As much of an opened article (the API's ArticleDoc) as quotations need. */
export interface QuotationSourceDoc {
  file: string;
  text: string;
  language: Language;
  paragraphs: ReadonlyArray<Paragraph & { boilerplate: boolean }>;
  annotations: readonly Annotation[];
  metadata: { headline: string; outlet: string | null; date: DateValue | null; url?: string | null; accessed?: string | null; author?: string | null };
  /** A PDF's page of each paragraph (block between blank lines), as the extractor kept it. */
  source?: { pages?: readonly number[] | undefined; ocr?: string | undefined };
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
  const pages = pageLocator(doc.text, doc.source?.pages);
  const toCodePoint = codePointCounter(doc.text);
  const cache = new Map<number, Array<{ start: number; end: number }>>();
  const { headline, outlet, date, url, accessed, author } = doc.metadata;
  const source = citationParts({ author, outlet, headline, date, paragraph: null, language: doc.language, url, accessed, ocr: doc.source?.ocr !== undefined });
  const annotations = [...doc.annotations].sort((a, b) => a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end);
  return annotations.map((a) => {
    const { start, end } = a.target.position;
    // Offsets are trusted only where their words are: anything else is exported by its quote alone, as orphaned.
    const placed = a.anchor.status !== 'orphaned' && start >= 0 && end <= doc.text.length && start < end && doc.text.slice(start, end) === a.target.quote.exact;
    let quote = a.target.quote.exact;
    let sentence = quote;
    let prefix = a.target.quote.prefix;
    let suffix = a.target.quote.suffix;
    let paragraph: number | null = null;
    let span: PageSpan | null = null;
    if (placed) {
      span = pageSpan(pages, start, end);
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
      ...(span ? { pages: span } : {}),
      citation: formatCitationParts({ ...source, paragraph, pages: span }),
      tagNames: a.tags.map((t) => tagNames.get(t) ?? t),
      anchor: placed ? a.anchor.status : 'orphaned',
    });
  });
}

function quotationOf(
  doc: QuotationSourceDoc,
  a: Annotation,
  derived: Pick<Quotation, 'quote' | 'sentence' | 'prefix' | 'suffix' | 'paragraph' | 'pages' | 'codePoints' | 'citation' | 'tagNames' | 'anchor'>,
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
    ...(derived.pages ? { pages: derived.pages } : {}),
    anchor: derived.anchor,
    citation: derived.citation,
    ...addressOf(doc),
  };
}

/** The address and access date, as fields only when the article has them. */
function addressOf(doc: QuotationSourceDoc): Pick<Quotation, 'url' | 'accessed'> {
  const url = citationUrl(doc.metadata.url);
  const accessed = doc.metadata.accessed?.trim();
  return { ...(url !== null ? { url } : {}), ...(accessed ? { accessed } : {}) };
}

/** Every quotation of the given articles, article by article, each in text order. */
export function buildQuotations(docs: readonly QuotationSourceDoc[], taxonomy: readonly Tag[]): Quotation[] {
  const names = new Map(taxonomy.map((t) => [t.id, t.name]));
  return docs.flatMap((doc) => articleQuotations(doc, names));
}
