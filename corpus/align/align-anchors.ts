// Anchors that cross scripts: what a segment and its translation must share whatever their
// lengths. Numbers in any digit set (folded to ASCII), Latin tokens inside Persian or Arabic
// text (CNN, PKK, 5G), terms that already have a gloss (the term on one side, its gloss on the
// other), and, between two texts in one script, the words they share after folding.
import { isGlossaryPhrase } from '../text/glossary-terms';
import { foldKey } from '../text/normalise';

export interface GlossEntry {
  /** The term as written in the source (Persian or Arabic); matched after folding. */
  term: string;
  /** Its English gloss; matched as a whole phrase, ignoring case. */
  gloss: string;
}

export interface UnitFeatures {
  len: number;
  /** Page furniture (navigation, widgets, news codes): cheap to leave unmatched, never merged into text. */
  furniture: boolean;
  numbers: string[];
  /** Latin tokens of a text that is not itself in Latin script. */
  latin: string[];
  /** Every Latin word of a Latin-script text, to look the other side's Latin tokens up in. */
  vocabulary: Set<string> | null;
  /** Gloss keys whose term (or, in a Latin-script text, whose gloss) the segment contains. */
  glosses: string[];
  /** Content words after folding, for two texts in the same script. */
  words: string[];
}

export type Script = 'latin' | 'arabic';

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

export function scriptOf(text: string): Script {
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  const arabic = sample.match(ARABIC_LETTER)?.length ?? 0;
  const latin = sample.match(LATIN_LETTER)?.length ?? 0;
  return latin > arabic ? 'latin' : 'arabic';
}

const NUMBER = /\d+(?:[.,]\d+)*/g;
const LATIN_TOKEN = /[a-z][a-z0-9]*(?:['’-][a-z0-9]+)*/g;

/** 07 and 7 are one number, and so are 1,000 and 1000. */
function normaliseNumber(raw: string): string {
  const plain = /^\d{1,3}(?:,\d{3})+$/.test(raw) ? raw.replace(/,/g, '') : raw;
  return plain.replace(/^0+(?=\d)/, '');
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

// Words so common that sharing them says nothing (folded forms: ی for ي, ک for ك, ه for ة).
const STOPWORDS = new Set(
  [
    'از', 'به', 'با', 'در', 'که', 'را', 'این', 'آن', 'اين', 'است', 'برای', 'بر', 'تا', 'هم', 'نیز', 'شد', 'کرد', 'گفت', 'وی', 'های', 'می', 'یک', 'دو', 'خود', 'کند', 'کرده', 'شده', 'باید',
    'فی', 'من', 'علی', 'الی', 'عن', 'مع', 'هذا', 'هذه', 'ذلک', 'التی', 'الذی', 'ان', 'او', 'قد', 'کان', 'بین', 'کما', 'لم', 'لا', 'ما', 'الا', 'حتی', 'بعد', 'قبل', 'عند',
    'the', 'and', 'for', 'that', 'with', 'from', 'this', 'was', 'were', 'are', 'has', 'have', 'had', 'its', 'his', 'her', 'their', 'said', 'also', 'which', 'who', 'not', 'but', 'been', 'will', 'would',
  ].map((w) => foldKey(w)),
);

function contentWords(folded: string): string[] {
  const out: string[] = [];
  for (let w of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (w.length > 4 && w.startsWith('ال')) w = w.slice(2);
    if (w.length < 3 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push(w);
  }
  return unique(out);
}

interface PreparedGloss {
  key: string;
  term: string;
  gloss: RegExp;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function prepareGlossary(glossary: readonly GlossEntry[]): PreparedGloss[] {
  const out: PreparedGloss[] = [];
  for (const { term, gloss } of glossary) {
    // A gloss of a paragraph is a note, not an anchor (and one pattern of its every word would overflow).
    if (!isGlossaryPhrase(term) || !isGlossaryPhrase(gloss)) continue;
    const termKey = foldKey(term, { lenient: true });
    const glossText = gloss.trim().toLowerCase().replace(/\s+/g, ' ');
    if (termKey.length < 2 || glossText === '') continue;
    const words = glossText.split(' ').map(escapeRegExp).join('\\s+');
    out.push({ key: glossText, term: termKey, gloss: new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu') });
  }
  return out;
}

export function unitFeatures(text: string, script: Script, sameScript: boolean, glossary: readonly PreparedGloss[], len: number): UnitFeatures {
  const folded = foldKey(text);
  const numbers = unique(Array.from(folded.matchAll(NUMBER), (m) => normaliseNumber(m[0])));
  const latinTokens = Array.from(folded.matchAll(LATIN_TOKEN), (m) => m[0]).filter((t) => t.length >= 2);
  const glosses: string[] = [];
  if (glossary.length > 0) {
    const lenient = script === 'arabic' ? foldKey(text, { lenient: true }) : '';
    for (const g of glossary) {
      const found = script === 'latin' ? g.gloss.test(text) : lenient.includes(g.term);
      if (found) glosses.push(g.key);
    }
  }
  return {
    len,
    furniture: false,
    numbers,
    latin: script === 'latin' ? [] : unique(latinTokens),
    vocabulary: script === 'latin' ? new Set(latinTokens) : null,
    glosses: unique(glosses),
    words: sameScript ? contentWords(folded) : [],
  };
}

/** How much evidence beyond length says that two groups of segments translate each other. */
export interface EvidenceWeights {
  numberShared: number;
  numberMissing: number;
  latinShared: number;
  latinMissing: number;
  glossShared: number;
  glossMissing: number;
  /** Weight of the shared-word (Dice) score between texts in one script. */
  words: number;
}

export const TRANSLATION_WEIGHTS: EvidenceWeights = {
  numberShared: 2.5,
  numberMissing: 1.2,
  latinShared: 2,
  latinMissing: 0.7,
  glossShared: 2,
  glossMissing: 0.6,
  words: 8,
};

// Between comparable reports, what the two share is the only evidence that they tell the same
// thing; missing anchors are normal (one report gives a date the other leaves out).
export const COMPARABLE_WEIGHTS: EvidenceWeights = {
  numberShared: 2.5,
  numberMissing: 0.3,
  latinShared: 2,
  latinMissing: 0.2,
  glossShared: 2,
  glossMissing: 0.1,
  words: 12,
};

function numberWeight(n: string): number {
  // One digit is as often a count written out in words on the other side ("two") as a digit.
  return n.replace(/\D/g, '').length <= 1 ? 0.4 : 1;
}

type IdField = 'numbers' | 'latin' | 'latinWords' | 'glosses' | 'words';

interface CompactUnit {
  numbers: Int32Array;
  latin: Int32Array;
  /** Latin words of a Latin-script segment plus the Latin tokens of any segment. */
  latinWords: Int32Array;
  glosses: Int32Array;
  words: Int32Array;
  /** Whether the unit has anything that could count for or against a bead it is in. */
  active: boolean;
}

/** Marks every id of `field` in units[from, from+count) with `stamp`; returns how many are distinct. */
function markAll(units: readonly CompactUnit[], from: number, count: number, field: IdField, mark: Int32Array, stamp: number): number {
  let distinct = 0;
  for (let k = from; k < from + count; k++) {
    const ids = units[k]![field];
    for (let x = 0; x < ids.length; x++) {
      const id = ids[x]!;
      if (mark[id] !== stamp) {
        mark[id] = stamp;
        distinct++;
      }
    }
  }
  return distinct;
}

/**
 * The anchors of two sequences of segments as small integer arrays, so that the evidence of
 * any bead is counted with stamp arrays instead of sets: the dynamic programme asks for it
 * hundreds of thousands of times on a long article.
 */
export class EvidenceIndex {
  private readonly a: CompactUnit[];
  private readonly b: CompactUnit[];
  private readonly ids = new Map<string, number>();
  private readonly numberWeight: Float64Array;
  private readonly markA: Int32Array;
  private readonly markB: Int32Array;
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(
    unitsA: readonly UnitFeatures[],
    unitsB: readonly UnitFeatures[],
    private readonly weights: EvidenceWeights,
  ) {
    const weightsById: number[] = [];
    const id = (kind: string, value: string): number => {
      const key = `${kind}:${value}`;
      let found = this.ids.get(key);
      if (found === undefined) {
        found = this.ids.size + 1;
        this.ids.set(key, found);
        if (kind === 'n') weightsById[found] = numberWeight(value);
      }
      return found;
    };
    const compact = (u: UnitFeatures): CompactUnit => {
      const ids = (kind: string, values: Iterable<string>) => Int32Array.from(new Set(values), (v) => id(kind, v));
      const latinWords = new Set<string>(u.latin);
      if (u.vocabulary) for (const w of u.vocabulary) latinWords.add(w);
      const c: CompactUnit = {
        numbers: ids('n', u.numbers),
        latin: ids('l', u.latin),
        latinWords: ids('l', latinWords),
        glosses: ids('g', u.glosses),
        words: ids('w', u.words),
        active: false,
      };
      c.active = c.numbers.length + c.latin.length + c.glosses.length + c.words.length > 0;
      return c;
    };
    this.a = unitsA.map(compact);
    this.b = unitsB.map(compact);
    const size = this.ids.size + 1;
    this.numberWeight = Float64Array.from({ length: size }, (_, k) => weightsById[k] ?? 1);
    this.markA = new Int32Array(size);
    this.markB = new Int32Array(size);
    this.seen = new Int32Array(size);
  }

  private next(): number {
    if (this.stamp >= 0x7ffffff0) {
      this.markA.fill(0);
      this.markB.fill(0);
      this.seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /**
   * For each distinct id of `field` on one side: +hit if the other side has it (marked with
   * `otherStamp` in `other`), -miss if not. Number ids are weighted by their length.
   */
  private sweep(units: readonly CompactUnit[], from: number, count: number, field: IdField, other: Int32Array, otherStamp: number, hit: number, miss: number): number {
    const seen = this.seen;
    const stamp = this.next();
    const weighted = field === 'numbers';
    let score = 0;
    for (let k = from; k < from + count; k++) {
      const ids = units[k]![field];
      for (let x = 0; x < ids.length; x++) {
        const id = ids[x]!;
        if (seen[id] === stamp) continue;
        seen[id] = stamp;
        const v = other[id] === otherStamp ? hit : -miss;
        score += weighted ? v * this.numberWeight[id]! : v;
      }
    }
    return score;
  }

  private static any(units: readonly CompactUnit[], from: number, count: number, field: IdField | 'active'): boolean {
    for (let k = from; k < from + count; k++) {
      const u = units[k]!;
      if (field === 'active' ? u.active : u[field].length > 0) return true;
    }
    return false;
  }

  /** The log-odds contribution of the anchors of the bead A[i0, i0+da) with B[j0, j0+db). */
  evidence(i0: number, da: number, j0: number, db: number): number {
    const { a, b, markA, markB, weights: w } = this;
    const any = EvidenceIndex.any;
    if (!any(a, i0, da, 'active') && !any(b, j0, db, 'active')) return 0;
    let score = 0;

    // Numbers and glossed terms: shared ones count for the bead, ones on one side only against it.
    for (let f = 0; f < 2; f++) {
      const field = f === 0 ? 'numbers' : 'glosses';
      const inA = any(a, i0, da, field);
      const inB = any(b, j0, db, field);
      if (!inA && !inB) continue;
      const hit = f === 0 ? w.numberShared : w.glossShared;
      const miss = f === 0 ? w.numberMissing : w.glossMissing;
      const sa = this.next();
      if (inA) markAll(a, i0, da, field, markA, sa);
      const sb = this.next();
      if (inB) markAll(b, j0, db, field, markB, sb);
      if (inA) score += this.sweep(a, i0, da, field, markB, sb, hit, miss);
      if (inB) score += this.sweep(b, j0, db, field, markA, sa, 0, miss);
    }

    // Latin tokens of a Persian or Arabic segment, looked up among the other side's Latin words.
    if (any(a, i0, da, 'latin')) {
      const sb = this.next();
      markAll(b, j0, db, 'latinWords', markB, sb);
      score += this.sweep(a, i0, da, 'latin', markB, sb, w.latinShared, w.latinMissing);
    }
    if (any(b, j0, db, 'latin')) {
      const sa = this.next();
      markAll(a, i0, da, 'latinWords', markA, sa);
      score += this.sweep(b, j0, db, 'latin', markA, sa, w.latinShared, w.latinMissing);
    }

    // Shared words between texts in one script: their Dice coefficient.
    if (da > 0 && db > 0 && any(a, i0, da, 'words') && any(b, j0, db, 'words')) {
      const wb = this.next();
      const nb = markAll(b, j0, db, 'words', markB, wb);
      const wa = this.next();
      const na = markAll(a, i0, da, 'words', markA, wa);
      if (na > 0 && nb > 0) {
        const shared = this.sweep(a, i0, da, 'words', markB, wb, 1, 0);
        score += w.words * ((2 * shared) / (na + nb) - 0.12);
      }
    }
    return score;
  }
}

/** The log-odds contribution of the anchors of one bead (either side may be empty). */
export function beadEvidence(a: readonly UnitFeatures[], b: readonly UnitFeatures[], w: EvidenceWeights): number {
  return new EvidenceIndex(a, b, w).evidence(0, a.length, 0, b.length);
}
