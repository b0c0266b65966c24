// A query's terms as patterns over one alphabet, run on folded keys: the hits of an article,
// as key spans. The index counts and ranks with it on its one-byte keys, and the engine finds
// the hits in an article's text with it on the text's own key: one function decides what a
// hit is, so a count and the list of hits it counts agree.
import type { Alphabet } from './key-alphabet';
import { runProgram, type Program } from './pattern-program';
import { termPattern, type PatternTerm, type TermPattern } from './term-pattern';

export interface KeySpan {
  start: number;
  end: number;
  /** Index of the query term that matched. */
  term: number;
}

/** Enough for any article a person reads; stops a one-letter query on a huge file. */
export const MAX_SPANS = 100_000;

interface RunnableTerm {
  /** Tried only where a hit may start (pattern-program.ts). */
  program: Program;
  /** The anchors in the alphabet's spelling. */
  anchors: string[];
  /** How the anchors' places are found (see Seek). */
  seeks: Seek[];
  /** What may stand between a hit's start and its anchor, and the longest of it. */
  before: Set<string>;
  lead: number;
  /** The key units that may follow the first anchor inside a hit (besides non-word ones), or null for any. */
  follow: Set<number> | null;
  wordStart: boolean;
}

/**
 * Where places are looked for with indexOf. indexOf stops wherever its first letter occurs,
 * and an anchor's first letter is often ا (a tenth of all letters): «است» is looked for as
 * «ست», then checked for its ا. Either each anchor is looked for on its own (`anchor` its
 * index), or all at once by what they begin with (`anchor` -1: a place may hold any of them).
 */
interface Seek {
  anchor: number;
  /** What starts at a place found. */
  text: string;
  /** What indexOf looks for: `text` from `offset` on. */
  piece: string;
  offset: number;
  /**
   * For all anchors at once: the anchors, a place found is one only where one of them starts
   * (a shared start of two letters, ان, is found some fifty times in an article for each
   * anchor it begins), and the units that may follow `text` in them, the cheap check first.
   */
  shared: { anchors: string[]; next: number[] | null; letter: Letter | null } | null;
}

/**
 * A letter every anchor holds, rarer than their shared start (رو of روحانی and its spaced
 * forms, where ح is in all): its places are found, and each anchor checked at its own offset
 * before them.
 */
interface Letter {
  unit: string;
  /** Per anchor, where the letter is in it. */
  offsets: number[];
  min: number;
  max: number;
}

/**
 * About how many of a thousand folded letters of Persian and Arabic news are each of these
 * (the space too); others are rarer. Only speed depends on it.
 */
const PER_MILLE: Record<string, number> = {
  ' ': 170, ا: 110, ی: 80, ن: 50, ل: 50, ر: 45, ه: 45, و: 45, م: 45, د: 30, ت: 30, ب: 30, س: 20, ع: 15, ک: 15, ف: 10, ق: 10, ش: 10, ز: 10,
};

function frequency(ch: string): number {
  return PER_MILLE[ch] ?? 5;
}

/**
 * About what looking for `folded` from `offset` on costs per key character, in units of one
 * stream's scan (about 0.1 ns a character on one-byte keys). For a piece of more than one
 * letter, indexOf stops at each of its first letter (memchr again, some 65 units) and returns
 * at each whole piece (another call, some 270); a piece of one letter returns at each of it
 * (the builtin's own loop, some 100). A piece that does not start the folded text is checked
 * at each place found (some 90). Measured on the bench's 20,000 articles: «اس» costs 1.15 ns
 * a character, «س» 0.51, «حانی» 0.27.
 */
function seekCost(folded: string, offset: number): number {
  let whole = 1;
  for (let i = offset; i < folded.length; i++) whole *= frequency(folded[i]!) / 1000;
  const check = offset > 0 ? 90 : 0;
  if (folded.length - offset === 1) return 1 + (100 + check) * whole;
  return 1 + 65 * (frequency(folded[offset]!) / 1000) + (270 + check) * whole;
}

/** Where in `folded` looking for the rest of it costs least (the first of equals). */
function cheapestOffset(folded: string): number {
  let best = 0;
  for (let i = 1; i < folded.length; i++) if (seekCost(folded, i) < seekCost(folded, best)) best = i;
  return best;
}

function seek(anchor: number, text: string, folded: string, anchors: string[] | null = null): Seek & { cost: number } {
  const offset = cheapestOffset(folded);
  // An anchor no longer than the shared start lets any unit follow it.
  const next = anchors === null || anchors.some((x) => x.length === text.length) ? null : [...new Set(anchors.map((x) => x.charCodeAt(text.length)))];
  return { anchor, text, piece: text.slice(offset), offset, shared: anchors && { anchors, next, letter: null }, cost: seekCost(folded, offset) };
}

/** A seek of all anchors by the rarest letter they all hold, or null when none is cheaper than `than`. */
function letterSeek(pairs: ReadonlyArray<{ folded: string; text: string }>, shared: Seek & { cost: number }): (Seek & { cost: number }) | null {
  const first = pairs[0]!;
  let best: { at: number; f: number } | null = null;
  for (let i = 0; i < first.text.length; i++) {
    const unit = first.text[i]!;
    if (unit === ' ' || !pairs.every((x) => x.text.includes(unit))) continue;
    const f = frequency(first.folded[i]!) / 1000;
    if (best === null || f < best.f) best = { at: i, f };
  }
  if (best === null) return null;
  // Each place of the letter is checked for each anchor.
  const cost = 1 + (100 + 30 * pairs.length) * best.f;
  if (cost >= shared.cost) return null;
  const unit = first.text[best.at]!;
  const offsets = pairs.map((x) => x.text.indexOf(unit));
  const letter = { unit, offsets, min: Math.min(...offsets), max: Math.max(...offsets) };
  return { ...shared, shared: { ...shared.shared!, letter }, cost };
}

/** One stream for all anchors (their shared start), or one for each, whichever costs less. */
function seeksOf(pairs: ReadonlyArray<{ folded: string; text: string }>): Seek[] {
  const prefix = commonPrefix(pairs.map((x) => x.text));
  // Anchors share their first letters; with none shared, only the first's places were ever looked at.
  if (prefix === '') return [seek(0, pairs[0]!.text, pairs[0]!.folded)];
  const each = pairs.map((x, i) => seek(i, x.text, x.folded));
  if (pairs.length === 1) return each;
  const byPrefix = seek(-1, prefix, pairs[0]!.folded.slice(0, prefix.length), pairs.map((x) => x.text));
  const shared = letterSeek(pairs, byPrefix) ?? byPrefix;
  return each.reduce((n, s) => n + s.cost, 0) < shared.cost ? each : [shared];
}

function commonPrefix(list: readonly string[]): string {
  let p = list[0]!;
  for (const x of list) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function spellAll(list: readonly string[], a: Alphabet): string[] {
  return list.map((x) => a.spell(x)).filter((x): x is string => x !== null);
}

function runnable(p: TermPattern, a: Alphabet): RunnableTerm | null {
  // An anchor the alphabet cannot spell cannot occur; the others still may.
  const first = a.spell(p.anchors[0]!);
  // Each spelled anchor with its folded form (an alphabet spells one character as one unit).
  const pairs = (first === null ? p.anchors.slice(1) : p.anchors).map((f) => ({ folded: f, text: a.spell(f) })).filter((x): x is { folded: string; text: string } => x.text !== null && x.text !== '');
  if (pairs.length === 0) return null;
  const before = spellAll(p.before, a);
  return {
    program: p.program,
    anchors: pairs.map((x) => x.text),
    seeks: seeksOf(pairs),
    before: new Set(before),
    lead: Math.max(0, ...before.map((x) => x.length)),
    // `follow` is about the first anchor, the word written whole.
    follow: p.follow === null || first === null ? null : new Set(spellAll([...p.follow], a).map((x) => x.charCodeAt(0))),
    wordStart: p.wordStart,
  };
}

/** The next place at or after `from` where the seek's anchor (one of its anchors) starts, or -1. */
function nextPlace(key: string, s: Seek, from: number): number {
  if (s.shared !== null) return nextShared(key, s, s.shared, from);
  const whole = s.offset === 0;
  for (let q = key.indexOf(s.piece, from + s.offset); q >= 0; q = key.indexOf(s.piece, q + 1)) {
    const p = q - s.offset;
    if (whole || key.startsWith(s.text, p)) return p;
  }
  return -1;
}

function nextShared(key: string, s: Seek, shared: { anchors: string[]; next: number[] | null; letter: Letter | null }, from: number): number {
  if (shared.letter !== null) return nextByLetter(key, shared.anchors, shared.letter, from);
  const { piece, offset, text } = s;
  const { anchors, next } = shared;
  for (let q = key.indexOf(piece, from + offset); q >= 0; q = key.indexOf(piece, q + 1)) {
    const p = q - offset;
    if (offset !== 0 && !key.startsWith(text, p)) continue;
    if (next !== null && !next.includes(key.charCodeAt(p + text.length))) continue;
    for (let i = 0; i < anchors.length; i++) if (key.startsWith(anchors[i]!, p)) return p;
  }
  return -1;
}

function nextByLetter(key: string, anchors: string[], letter: Letter, from: number): number {
  const { unit, max } = letter;
  for (let q = key.indexOf(unit, from + letter.min); q >= 0; q = key.indexOf(unit, q + 1)) {
    let best = anchorBefore(key, anchors, letter.offsets, q, from, Infinity);
    if (best < 0) continue;
    // A place of the letter a little further on may be in an anchor that starts before.
    const code = unit.charCodeAt(0);
    for (let r = q + 1; r < best + max && r < key.length; r++) {
      if (key.charCodeAt(r) !== code) continue;
      const p = anchorBefore(key, anchors, letter.offsets, r, from, best);
      if (p >= 0) best = p;
    }
    return best;
  }
  return -1;
}

/** The first place in [from, limit) where an anchor starts that holds the letter at `q`, or -1. */
function anchorBefore(key: string, anchors: string[], offsets: number[], q: number, from: number, limit: number): number {
  let best = -1;
  for (let i = 0; i < anchors.length; i++) {
    const p = q - offsets[i]!;
    if (p < from || p >= limit || (best >= 0 && p >= best)) continue;
    if (key.startsWith(anchors[i]!, p)) best = p;
  }
  return best;
}

const UNKNOWN = -2;
const NONE = -1;

/** The first place in [from, limit) where the seek's anchor starts, or -1; with a negative limit, nextPlace. Only for a seek of one anchor. */
function placeBefore(key: string, s: Seek, from: number, limit: number): number {
  if (limit < 0) return nextPlace(key, s, from);
  const lo = from + s.offset;
  const hi = Math.min(key.length, limit + s.offset + s.piece.length - 1);
  if (hi - lo < s.piece.length) return -1;
  // A slice shares the key's characters: indexOf then stops at the limit.
  const part = key.slice(lo, hi);
  const whole = s.offset === 0;
  for (let q = part.indexOf(s.piece); q >= 0; q = part.indexOf(s.piece, q + 1)) {
    const p = lo + q - s.offset;
    if (whole || key.startsWith(s.text, p)) return p;
  }
  return -1;
}

interface RunnablePair {
  arabic: RunnableTerm;
  other: RunnableTerm;
}

/**
 * Terms made runnable, per alphabet: a query is asked again and again (as it is typed, page
 * after page, by the index and then for the text's hits), and building a term's patterns
 * cost more than running them on every candidate.
 */
const runnables = new WeakMap<Alphabet, Map<string, RunnablePair | null>>();
/** Terms kept per alphabet; the oldest go first. */
const MAX_RUNNABLES = 500;

function runnableTerm(t: PatternTerm, a: Alphabet): RunnablePair | null {
  let made = runnables.get(a);
  if (made === undefined) runnables.set(a, (made = new Map()));
  const id = JSON.stringify([t.phrase, t.words, t.lenient, t.wholeWord]);
  const known = made.get(id);
  if (known !== undefined) return known;
  const ar = termPattern(t, a, true);
  const fa = termPattern(t, a, false);
  const arRun = ar && runnable(ar, a);
  const faRun = fa && (fa.source === ar?.source ? arRun : runnable(fa, a));
  const run = arRun && faRun ? { arabic: arRun, other: faRun } : null;
  if (made.size >= MAX_RUNNABLES) made.delete(made.keys().next().value!);
  made.set(id, run);
  return run;
}

export class QueryMatcher {
  private constructor(
    private readonly alphabet: Alphabet,
    /** Per term: the pattern for Arabic articles (one-letter proclitics too), and for the others. */
    private readonly arabic: RunnableTerm[],
    private readonly other: RunnableTerm[],
  ) {}

  /** Null when a term cannot occur in any key of the alphabet (then nothing matches: every term must). */
  static compile(terms: readonly PatternTerm[], a: Alphabet): QueryMatcher | null {
    const arabic: RunnableTerm[] = [];
    const other: RunnableTerm[] = [];
    for (const t of terms) {
      const run = runnableTerm(t, a);
      if (run === null) return null;
      arabic.push(run.arabic);
      other.push(run.other);
    }
    return new QueryMatcher(a, arabic, other);
  }

  get terms(): number {
    return this.arabic.length;
  }

  /**
   * The hits of one term, leftmost first and none overlapping the one before (as a global
   * regex would find them), at most `cap`. Hits are looked for only where they may start: at
   * each place an anchor occurs, the start of its written word, if that is no more than `lead`
   * characters before it (the place itself, for a phrase). The anchors' places are taken in
   * text order, lazily, so that a first look stops at the first hit.
   */
  private each(key: string, t: RunnableTerm, cap: number, found: (start: number, end: number) => void): number {
    const isWord = this.alphabet.isWord;
    const { anchors, seeks, follow } = t;
    const firstLength = anchors[0]!.length;
    const k = seeks.length;
    // The next place of each anchor, taken in key order, lazily: a place is looked for only
    // before the nearest one known (UNKNOWN: none before upTo[i]), so that a first look that
    // hits early does not search the whole key for an anchor that seldom occurs (رو حانی).
    const at = k === 1 ? null : new Array<number>(k).fill(UNKNOWN);
    const upTo = k === 1 ? null : new Array<number>(k).fill(0);
    let which = 0;
    let p = -1;
    // With one seek, where its next place is looked for from: only once the one before is done with (a first look that hits stops there).
    let from = 0;
    let n = 0;
    let reached = 0;
    let last = -1;
    for (;;) {
      if (at === null) p = nextPlace(key, seeks[0]!, from);
      else {
        p = -1;
        for (let i = 0; i < k; i++) {
          const x = at[i]!;
          if (x >= 0 && (p < 0 || x < p)) {
            p = x;
            which = i;
          }
        }
        for (let i = 0; i < k; i++) {
          if (at[i] !== UNKNOWN) continue;
          const x = placeBefore(key, seeks[i]!, upTo![i]!, p);
          if (x >= 0) {
            at[i] = x;
            if (p < 0 || x < p || (x === p && i < which)) {
              p = x;
              which = i;
            }
          } else if (p < 0) at[i] = NONE;
          else upTo![i] = p;
        }
      }
      if (p < 0) break;
      const here = p;
      if (at === null) from = here + 1;
      else {
        at[which] = UNKNOWN;
        upTo![which] = here + 1;
      }
      // An anchor is here (a shared start's places are only those that hold one). When it is
      // the first, the word written whole, what follows it is known, and most places fail that
      // cheap check (است inside استقرار): a try of the pattern costs more.
      const s = seeks[which]!;
      const isFirst = s.anchor === 0 || key.startsWith(anchors[0]!, here);
      if (isFirst && follow !== null) {
        const after = here + firstLength;
        if (after < key.length && isWord(key.charCodeAt(after)) && !follow.has(key.charCodeAt(after))) continue;
      }
      let start = here;
      if (t.wordStart) {
        while (start > 0 && here - start < t.lead && isWord(key.charCodeAt(start - 1))) start--;
        if (start > 0 && isWord(key.charCodeAt(start - 1))) continue;
        if (!t.before.has(start === here ? '' : key.slice(start, here))) continue;
      }
      if (start < reached || start === last) continue;
      last = start;
      const end = runProgram(t.program, key, start, isWord);
      if (end < 0) continue;
      found(start, end);
      reached = end;
      if (++n >= cap) break;
    }
    return n;
  }

  /**
   * Every hit in key order, a hit that overlaps an earlier (or longer) one left out; null when
   * some term has no hit at all. At most `capPerTerm` hits of each term are looked for.
   */
  spans(key: string, arabicArticle: boolean, capPerTerm = MAX_SPANS): KeySpan[] | null {
    const terms = arabicArticle ? this.arabic : this.other;
    const all: KeySpan[] = [];
    for (let t = 0; t < terms.length; t++) {
      if (this.each(key, terms[t]!, capPerTerm, (start, end) => all.push({ start, end, term: t })) === 0) return null;
    }
    // One term's hits are in key order and never overlap already.
    if (terms.length === 1) return all;
    all.sort((x, y) => x.start - y.start || y.end - x.end || x.term - y.term);
    const out: KeySpan[] = [];
    let reached = 0;
    for (const s of all) {
      if (s.start < reached) continue; // one term's hit inside another's: shown once, as the longer
      out.push(s);
      reached = s.end;
    }
    return out;
  }

  /** Where each term first hits, or null when one has none: the cheap first look of ranking. */
  firsts(key: string, arabicArticle: boolean): number[] | null {
    const terms = arabicArticle ? this.arabic : this.other;
    const out: number[] = [];
    for (const t of terms) {
      let at = -1;
      if (this.each(key, t, 1, (start) => (at = start)) === 0) return null;
      out.push(at);
    }
    return out;
  }
}
