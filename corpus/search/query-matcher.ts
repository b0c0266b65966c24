// A query's terms as patterns over one alphabet, run on folded keys: the hits of an article,
// as key spans. The index counts and ranks with it on its one-byte keys, and the engine finds
// the hits in an article's text with it on the text's own key: one function decides what a
// hit is, so a count and the list of hits it counts agree.
import type { Alphabet } from './key-alphabet';
import { nextPlace, placeBefore, seeksOf, type Seek } from './anchor-seek';
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

const UNKNOWN = -2;
const NONE = -1;

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
