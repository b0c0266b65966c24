// A query's terms as patterns over one alphabet, run on folded keys: the hits of an article,
// as key spans. The index counts and ranks with it on its one-byte keys, and the engine finds
// the hits in an article's text with it on the text's own key: one function decides what a
// hit is, so a count and the list of hits it counts agree.
import type { Alphabet } from './key-alphabet';
import { nextPlace, placeBefore, seeksOf, type Seek } from './anchor-seek';
import { maxLength, runProgram, type Program } from './pattern-program';
import { termPattern, termStems, type PatternTerm, type TermPattern } from './term-pattern';

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
  /** The longest anchor's length. */
  longest: number;
  /** Per later word of a sequence, how its anchors' places are found (null when none can be spelled). */
  later: Array<Seek[] | null>;
  /** The longest a hit can be: how far from a later word's place the first word's may be. */
  span: number;
}

function spellAll(list: readonly string[], a: Alphabet): string[] {
  return list.map((x) => a.spell(x)).filter((x): x is string => x !== null);
}

/** Each spelled anchor with its folded form (an alphabet spells one character as one unit); an anchor the alphabet cannot spell cannot occur, the others still may. */
function spelledPairs(anchors: readonly string[], a: Alphabet): Array<{ folded: string; text: string }> {
  return anchors.map((f) => ({ folded: f, text: a.spell(f) })).filter((x): x is { folded: string; text: string } => x.text !== null && x.text !== '');
}

function runnable(p: TermPattern, a: Alphabet): RunnableTerm | null {
  const first = a.spell(p.anchors[0]!);
  const pairs = spelledPairs(p.anchors, a);
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
    longest: Math.max(...pairs.map((x) => x.text.length)),
    later: p.wordAnchors.slice(1).map((list) => {
      const spelled = spelledPairs(list, a);
      return spelled.length === 0 ? null : seeksOf(spelled);
    }),
    span: maxLength(p.program),
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
    /** Per term, the word of a sequence whose places are looked for (0: the first). */
    private readonly via: number[],
  ) {}

  /**
   * Null when a term cannot occur in any key of the alphabet (then nothing matches: every term
   * must). With `rarity` (how many articles hold a stem, say), a sequence is sought by its
   * rarest word: «این وزارت» by وزارت, whose places are few, not by این, which every article
   * holds many times. The hits are the same either way.
   */
  static compile(terms: readonly PatternTerm[], a: Alphabet, rarity?: (stem: string) => number): QueryMatcher | null {
    const arabic: RunnableTerm[] = [];
    const other: RunnableTerm[] = [];
    const via: number[] = [];
    for (const t of terms) {
      const run = runnableTerm(t, a);
      if (run === null) return null;
      arabic.push(run.arabic);
      other.push(run.other);
      const w = rarity === undefined || t.phrase || t.words.length < 2 ? 0 : rarestWord(t, rarity);
      via.push(w > 0 && run.arabic.later[w - 1] && run.other.later[w - 1] ? w : 0);
    }
    return new QueryMatcher(a, arabic, other, via);
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
  private each(key: string, t: RunnableTerm, cap: number, found: (start: number, end: number) => void, via = 0): number {
    if (via > 0) return this.eachVia(key, t, t.later[via - 1]!, cap, found);
    const isWord = this.alphabet.isWord;
    const seeks = t.seeks;
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
      // An anchor is here (a shared start's places are only those that hold one).
      const start = startFor(key, t, here, seeks[which]!.anchor === 0, isWord);
      if (start < 0 || start < reached || start === last) continue;
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
   * `each` for a sequence sought by a later word: the first word's places are looked at only
   * within a hit's length of that word's places (a hit holds both), in key order, each once,
   * and tried as `each` tries them; the places left out could start no hit.
   */
  private eachVia(key: string, t: RunnableTerm, seeks: Seek[], cap: number, found: (start: number, end: number) => void): number {
    const isWord = this.alphabet.isWord;
    const { span, lead, longest } = t;
    const k = seeks.length;
    const at = seeks.map((s) => nextPlace(key, s, 0));
    const here: number[] = [];
    let from = 0;
    let n = 0;
    let reached = 0;
    let last = -1;
    for (;;) {
      let q = -1;
      for (let i = 0; i < k; i++) if (at[i]! >= 0 && (q < 0 || at[i]! < q)) q = at[i]!;
      if (q < 0) break;
      for (let i = 0; i < k; i++) if (at[i] === q) at[i] = nextPlace(key, seeks[i]!, q + 1);
      // A hit starts at most `lead` before its first word's place and holds the later word's within `span` of its start.
      const lo = Math.max(from, q - span);
      const hi = Math.min(key.length - 1, q + lead);
      // The first word's places in [lo, hi], looked for as `each` looks for them, in a slice
      // that holds every anchor starting there (a slice shares the key's characters).
      here.length = 0;
      if (lo <= hi) {
        const part = key.slice(lo, Math.min(key.length, hi + longest + 1));
        for (const s of t.seeks) for (let x = nextPlace(part, s, 0); x >= 0 && x <= hi - lo; x = nextPlace(part, s, x + 1)) here.push(lo + x);
        if (t.seeks.length > 1) here.sort((x, y) => x - y);
      }
      for (let j = 0; j < here.length; j++) {
        const p = here[j]!;
        if (j > 0 && p === here[j - 1]) continue;
        const start = startFor(key, t, p, false, isWord);
        if (start < 0 || start < reached || start === last) continue;
        last = start;
        const end = runProgram(t.program, key, start, isWord);
        if (end < 0) continue;
        found(start, end);
        reached = end;
        if (++n >= cap) return n;
      }
      from = Math.max(from, hi + 1);
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
      if (this.each(key, terms[t]!, capPerTerm, (start, end) => all.push({ start, end, term: t }), this.via[t]) === 0) return null;
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
    for (let i = 0; i < terms.length; i++) {
      let at = -1;
      if (this.each(key, terms[i]!, 1, (start) => (at = start), this.via[i]) === 0) return null;
      out.push(at);
    }
    return out;
  }
}

/**
 * Where a hit that holds the first word's anchor at `here` would start, or -1 when none can:
 * the start of the written word, with only a proclitic before the anchor. When the anchor is
 * the first, the word written whole, what follows it is known, and most places fail that
 * cheap check (است inside استقرار): a try of the pattern costs more.
 */
function startFor(key: string, t: RunnableTerm, here: number, isFirstSeek: boolean, isWord: (u: number) => boolean): number {
  const { anchors, follow } = t;
  if (follow !== null && (isFirstSeek || key.startsWith(anchors[0]!, here))) {
    const after = here + anchors[0]!.length;
    if (after < key.length && isWord(key.charCodeAt(after)) && !follow.has(key.charCodeAt(after))) return -1;
  }
  let start = here;
  if (t.wordStart) {
    while (start > 0 && here - start < t.lead && isWord(key.charCodeAt(start - 1))) start--;
    if (start > 0 && isWord(key.charCodeAt(start - 1))) return -1;
    if (!t.before.has(start === here ? '' : key.slice(start, here))) return -1;
  }
  return start;
}

/** The word of a sequence whose stem the fewest hold (the first of equals). */
function rarestWord(t: PatternTerm, rarity: (stem: string) => number): number {
  const stems = termStems(t);
  let best = 0;
  let least = rarity(stems[0]!);
  for (let i = 1; i < stems.length; i++) {
    const r = rarity(stems[i]!);
    if (r < least) {
      best = i;
      least = r;
    }
  }
  return best;
}
