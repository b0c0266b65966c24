// Checks of an English draft against its Persian or Arabic source segment: what a reviewer
// looks for first (a number dropped, a segment left empty, a term rendered unlike its gloss,
// a source attribution lost). They advise and never block. Runs in Node and in the browser.
import type { SegmentStatus } from '../model/types';
import { isGlossaryPhrase } from '../../corpus/text/glossary-terms';
import { fold, foldKey, originalSpan } from '../../corpus/text/normalise';

export type DraftCheckKind = 'untranslated' | 'empty' | 'number-missing' | 'gloss-inconsistent' | 'attribution-missing';

export interface DraftCheck {
  kind: DraftCheckKind;
  /** One line for the user. */
  message: string;
  /** What the check is about: the number, the term, the attribution phrase (original text). */
  subject?: string;
}

export interface GlossaryTerm {
  term: string;
  gloss: string;
}

export interface GlossMatch {
  /** Offsets into the source text given to findGlossedTerms. */
  start: number;
  end: number;
  term: string;
  /** The glosses this term has been given, most used first. */
  glosses: string[];
}

export interface SegmentCheckInput {
  source: string;
  draft: string;
  status: SegmentStatus;
  /** Glossed terms of the corpus; `glossIndex(glossary)` once, then reuse it for every segment. */
  glossary?: GlossIndex;
}

// ---- numbers

const NUMBER = /\d+(?:[.,]\d+)*/g;

/** 07 and 7 are one number, and so are 1,000 and 1000 (and 1.000 in the Arabic style). */
function normaliseNumber(raw: string): string {
  let n = raw;
  if (/^\d{1,3}(?:,\d{3})+$/.test(n) || /^\d{1,3}(?:\.\d{3}){2,}$/.test(n)) n = n.replace(/[.,]/g, '');
  n = n.replace(/,/g, '.');
  return n.replace(/^0+(?=\d)/, '');
}

/** The numbers of a text in any digit set (Persian, Arabic-Indic, Latin), as ASCII, once each, in order. */
export function numbersIn(text: string): string[] {
  const folded = foldKey(text);
  return [...new Set(Array.from(folded.matchAll(NUMBER), (m) => normaliseNumber(m[0])))];
}

// A count in the source is often a word in English ("two ministers", "a dozen").
const NUMBER_WORDS: Record<string, string[]> = {
  '0': ['zero', 'no'],
  '1': ['one', 'a', 'an', 'single', 'first'],
  '2': ['two', 'both', 'second', 'twice', 'pair'],
  '3': ['three', 'third', 'thrice'],
  '4': ['four', 'fourth', 'quarter'],
  '5': ['five', 'fifth'],
  '6': ['six', 'sixth'],
  '7': ['seven', 'seventh'],
  '8': ['eight', 'eighth'],
  '9': ['nine', 'ninth'],
  '10': ['ten', 'tenth'],
  '11': ['eleven', 'eleventh'],
  '12': ['twelve', 'twelfth', 'dozen'],
  '13': ['thirteen'],
  '14': ['fourteen'],
  '15': ['fifteen'],
  '16': ['sixteen'],
  '17': ['seventeen'],
  '18': ['eighteen'],
  '19': ['nineteen'],
  '20': ['twenty'],
  '30': ['thirty'],
  '40': ['forty'],
  '50': ['fifty', 'half'],
  '100': ['hundred'],
  '1000': ['thousand'],
};

function hasNumber(draftNumbers: ReadonlySet<string>, draftWords: ReadonlySet<string>, n: string): boolean {
  if (draftNumbers.has(n)) return true;
  return (NUMBER_WORDS[n] ?? []).some((w) => draftWords.has(w));
}

// ---- attribution

interface AttributionPhrase {
  /** Folded form, matched at a word start. */
  pattern: RegExp;
}

// Written in the original spelling; folded once below so that hamza, tanwin and tatweel
// variants (وفقاً لـ, وفقا ل) all match.
const SOURCE_ATTRIBUTIONS = [
  // Persian
  'به گزارش', 'به نقل از', 'به گفته', 'طبق گزارش', 'بنا بر گزارش', 'بنابر گزارش', 'بنا به گزارش', 'از قول', 'به اعلام', 'به ادعای',
  // Arabic
  'وفقاً لـ', 'وفقا ل', 'نقلاً عن', 'بحسب', 'حسب', 'طبقاً لـ', 'وفق', 'أفاد', 'أفادت', 'ذكرت', 'قالت', 'صرح', 'صرّح', 'أعلن', 'أعلنت', 'بيان صادر',
];

const ATTRIBUTIONS: AttributionPhrase[] = [...new Set(SOURCE_ATTRIBUTIONS.map((p) => foldKey(p).trim()))].map((key) => ({
  // An Arabic phrase often comes joined to و or ف (وبحسب, ونقلاً عن).
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])[وف]?${escapeRegExp(key).replace(/ /g, '\\s*')}`, 'gu'),
}));

const ENGLISH_ATTRIBUTION =
  /\b(according to|reported|reports?|reporting|reportedly|cited|cites?|citing|quoted|quotes?|quoting|said|says|saying|told|tells|stated|states|announced|announces|declared|as per|per|in the words of|statement|claimed|claims|added|noted|wrote|source[sd]?)\b/i;

/** The attribution phrases of a Persian or Arabic text (original characters), in order. */
export function attributionsIn(text: string): string[] {
  const f = fold(text);
  const found: Array<{ at: number; text: string }> = [];
  for (const { pattern } of ATTRIBUTIONS) {
    for (const m of f.key.matchAll(pattern)) {
      const [s, e] = originalSpan(f, m.index, m.index + m[0].length);
      if (!found.some((x) => x.at === s)) found.push({ at: s, text: text.slice(s, e) });
    }
  }
  return found.sort((x, y) => x.at - y.at).map((x) => x.text);
}

// ---- glossed terms

interface IndexedTerm {
  key: string;
  term: string;
  glosses: string[];
  /** The glosses as whole-phrase patterns, for finding them in an English draft. */
  patterns: RegExp[];
}

/** Glossed terms prepared once for matching: keys folded leniently (joined, spaced and ZWNJ words alike). */
export class GlossIndex {
  readonly terms: readonly IndexedTerm[];

  constructor(glossary: readonly (GlossaryTerm & { count?: number })[]) {
    const byKey = new Map<string, { term: string; glosses: Map<string, { gloss: string; count: number }> }>();
    for (const entry of glossary) {
      // A gloss of a paragraph is a note, not a term to check a draft for.
      if (!isGlossaryPhrase(entry.term) || !isGlossaryPhrase(entry.gloss)) continue;
      const key = foldKey(entry.term, { lenient: true });
      const gloss = entry.gloss.trim().replace(/\s+/g, ' ');
      if (key.length < 2 || gloss === '') continue;
      let slot = byKey.get(key);
      if (!slot) byKey.set(key, (slot = { term: entry.term.trim(), glosses: new Map() }));
      const gk = gloss.toLowerCase();
      const g = slot.glosses.get(gk);
      if (g) g.count += entry.count ?? 1;
      else slot.glosses.set(gk, { gloss, count: entry.count ?? 1 });
    }
    // Longer terms first, so that a phrase wins over a word inside it.
    this.terms = [...byKey.entries()]
      .map(([key, slot]) => {
        const glosses = [...slot.glosses.values()].sort((x, y) => y.count - x.count).map((g) => g.gloss);
        return { key, term: slot.term, glosses, patterns: glosses.map(glossPattern) };
      })
      .sort((x, y) => y.key.length - x.key.length);
  }

  get size(): number {
    return this.terms.length;
  }
}

export function glossIndex(glossary: readonly (GlossaryTerm & { count?: number })[]): GlossIndex {
  return new GlossIndex(glossary);
}

function glossPattern(gloss: string): RegExp {
  const words = gloss.toLowerCase().split(' ').map(escapeRegExp).join('[\\s\\-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu');
}

// Arabic clitics written joined to the next word: و ف ب ل ک and the article ال.
const PROCLITIC = /^(?:و|ف)?(?:ب|ل|ک)?(?:ال|ل)?$/;
const LETTER = /[\p{L}\p{M}]/u;

function startsAWord(text: string, start: number): boolean {
  let s = start;
  while (s > 0 && LETTER.test(text[s - 1]!) && start - s <= 4) s--;
  if (s === start) return true;
  if (s > 0 && LETTER.test(text[s - 1]!)) return false;
  return PROCLITIC.test(foldKey(text.slice(s, start)));
}

/**
 * Where glossed terms occur in a Persian or Arabic text, after folding (letter variants,
 * diacritics, ZWNJ and spaces inside the term do not matter). A term must start a word (an
 * Arabic proclitic such as و or ال may come before it); suffixes after it are allowed.
 * Matches do not overlap; a longer term wins.
 */
export function findGlossedTerms(text: string, index: GlossIndex): GlossMatch[] {
  if (index.size === 0 || text.length === 0) return [];
  const f = fold(text, { lenient: true });
  const taken: Array<[number, number]> = [];
  const out: GlossMatch[] = [];
  for (const t of index.terms) {
    let from = 0;
    for (;;) {
      const k = f.key.indexOf(t.key, from);
      if (k < 0) break;
      from = k + 1;
      const [start, end] = originalSpan(f, k, k + t.key.length);
      if (!startsAWord(text, start)) continue;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      out.push({ start, end, term: t.term, glosses: t.glosses });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Where the glosses of the index occur in an English text (whole phrases, any case); longer first, no overlaps. */
export function findGlossPhrases(text: string, index: GlossIndex): GlossMatch[] {
  const taken: Array<[number, number]> = [];
  const out: GlossMatch[] = [];
  const phrases = index.terms
    .flatMap((t) => t.glosses.map((g, k) => ({ t, g, pattern: new RegExp(t.patterns[k]!.source, 'giu') })))
    .sort((x, y) => y.g.length - x.g.length);
  for (const { t, g, pattern } of phrases) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      out.push({ start, end, term: t.term, glosses: [g] });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

function glossUsed(draft: string, term: IndexedTerm | undefined, glosses: readonly string[]): boolean {
  const patterns = term?.patterns ?? glosses.map(glossPattern);
  return patterns.some((p) => p.test(draft));
}

// ---- one segment

/** The checks of one segment's draft against its source; an empty list when all is well. */
export function checkSegment(input: SegmentCheckInput): DraftCheck[] {
  const draft = input.draft.trim();
  if (draft === '') {
    if (input.status === 'untranslated') return [{ kind: 'untranslated', message: 'Not translated yet' }];
    return [{ kind: 'empty', message: `Marked ${input.status} but the draft is empty` }];
  }
  const out: DraftCheck[] = [];
  if (input.status === 'untranslated') out.push({ kind: 'untranslated', message: 'Has a draft but is still marked untranslated' });

  const draftNumbers = new Set(numbersIn(draft));
  const draftWords = new Set(draft.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean));
  for (const n of numbersIn(input.source)) {
    if (!hasNumber(draftNumbers, draftWords, n)) out.push({ kind: 'number-missing', message: `The number ${n} of the source is not in the draft`, subject: n });
  }

  if (input.glossary && input.glossary.size > 0) {
    const byTerm = new Map(input.glossary.terms.map((t) => [t.term, t]));
    const reported = new Set<string>();
    for (const m of findGlossedTerms(input.source, input.glossary)) {
      if (reported.has(m.term)) continue;
      if (glossUsed(draft, byTerm.get(m.term), m.glosses)) continue;
      reported.add(m.term);
      const glosses = m.glosses.slice(0, 3).map((g) => `“${g}”`).join(' or ');
      out.push({ kind: 'gloss-inconsistent', message: `${m.term} is glossed ${glosses} elsewhere; the draft does not use it`, subject: m.term });
    }
  }

  const attributions = attributionsIn(input.source);
  if (attributions.length > 0 && !ENGLISH_ATTRIBUTION.test(draft)) {
    out.push({ kind: 'attribution-missing', message: `The source attributes (${attributions.join('، ')}); the draft names no source`, subject: attributions[0] });
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
