// When an article changed on disk, each annotation is found again from its quote:
//   exact    the quote is still at its position (and its context agrees);
//   moved    the same quote elsewhere, told apart from other occurrences by its context
//            (prefix and suffix) and by how far the neighbouring annotations moved;
//   fuzzy    the quote was edited: found after folding (letter variants, ZWNJ, digits...)
//            with a bounded edit distance, and a score;
//   orphaned nothing good enough, or two places equally good. Kept, never dropped.
// Nothing anchors silently to the wrong text: a placement needs enough matching characters
// (quote and context together) and must be clearly better than the next best place.
// Runs in Node and in the browser.
import { fold, keyIndexAt, originalSpan, type Folded } from '../../corpus/text/normalise';
import { makeQuote } from './quote';
import type { Annotation } from '../model/types';

/** Lowest share of the folded quote that must survive for a fuzzy placement. */
export const MIN_FUZZY_SCORE = 0.75;
/** Quote characters plus context characters that must agree for a placement away from the old position. */
const MIN_SUPPORT = 20;
/** Context characters that must agree, unless the quote is long enough to speak for itself. */
const MIN_CONTEXT = 6;
const LONG_QUOTE = 40;
/** A place must beat every other by this many agreeing characters to win on evidence alone. */
const CLEAR_MARGIN = 6;
/** What it counts for that an exact quote sits exactly where its neighbours' shift puts it. */
const POSITION_SUPPORT = 10;
/** Occurrences of one quote beyond which it is too common to be worth weighing each one. */
const MAX_OCCURRENCES = 5000;
/** Quotes longer than this (folded) are placed exactly or from their context only. */
const MAX_FUZZY_LENGTH = 4000;
/** Key characters around the expected place searched first for an edited quote. */
const NEAR = 3000;

interface Placement {
  start: number;
  end: number;
  /** Quote characters that agree (folded for fuzzy ones). */
  quoteSupport: number;
  /** Context characters that agree. */
  contextSupport: number;
  /** 1 for an exact quote; else the fuzzy score. */
  score: number;
  exact: boolean;
}

export function reanchorAnnotations(text: string, annotations: Annotation[]): Annotation[] {
  const ctx = new Context(text);
  const shifts = estimateShifts(text, annotations);
  return annotations.map((a) => reanchorOne(ctx, a, shifts));
}

/** The text and, made once when first needed, its folded key. */
class Context {
  private folded: Folded | null = null;
  constructor(readonly text: string) {}
  get key(): Folded {
    this.folded ??= fold(this.text);
    return this.folded;
  }
}

function reanchorOne(ctx: Context, a: Annotation, shifts: Shifts): Annotation {
  const { text } = ctx;
  const { position, quote } = a.target;
  const len = quote.exact.length;
  if (len === 0) return orphan(a);
  const expected = shifts.expected(position.start);
  const full = quote.prefix.length + quote.suffix.length;

  // Still where it was, or exactly where its neighbours moved, with all its context: the
  // common cases, no search needed.
  for (const at of expected === position.start ? [position.start] : [position.start, expected]) {
    if (text.startsWith(quote.exact, at) && contextAt(text, at, at + len, quote.prefix, quote.suffix) === full) {
      return placed(a, text, at, at + len, { status: at === position.start ? 'exact' : 'moved', score: 1 });
    }
  }

  const exact = exactPlacements(text, quote.exact, quote.prefix, quote.suffix, expected);
  const choice = choose(exact, expected);
  if (choice && choice !== 'ambiguous') return placed(a, text, choice.start, choice.end, { status: statusOf(choice, a), score: 1 });

  // Edited, or the quote is common and its context must decide: weigh the exact places
  // together with approximate ones.
  // Edits are local: look near where the annotation should be first, then everywhere.
  let best = choose([...exact, ...fuzzyPlacements(ctx, a, expected, NEAR)], expected);
  if (!best) best = choose([...exact, ...fuzzyPlacements(ctx, a, expected, Infinity)], expected);
  if (!best || best === 'ambiguous') return orphan(a);
  if (best.exact) return placed(a, text, best.start, best.end, { status: statusOf(best, a), score: 1 });
  let score = Math.round(best.score * 1000) / 1000;
  if (score >= 1 && text.slice(best.start, best.end) !== quote.exact) score = 0.99;
  return placed(a, text, best.start, best.end, { status: 'fuzzy', score });
}

function statusOf(p: Placement, a: Annotation): 'exact' | 'moved' {
  return p.start === a.target.position.start && p.end === a.target.position.end ? 'exact' : 'moved';
}

function placed(a: Annotation, text: string, start: number, end: number, anchor: Annotation['anchor']): Annotation {
  const samePlace = start === a.target.position.start && end === a.target.position.end && text.slice(start, end) === a.target.quote.exact;
  // A fuzzy placement waits for a person to look at it: unrelated edits elsewhere do not clear it.
  const keep = samePlace && a.anchor.status === 'fuzzy' && anchor.status === 'exact';
  return {
    ...a,
    target: { position: { start, end }, quote: makeQuote(text, start, end) },
    anchor: keep ? a.anchor : anchor,
  };
}

function orphan(a: Annotation): Annotation {
  return { ...a, anchor: { status: 'orphaned', score: 0 } };
}

function support(p: Placement): number {
  return p.quoteSupport + p.contextSupport + (p.exact ? 0.5 : 0);
}

/**
 * Enough evidence to put an annotation somewhere: enough agreeing characters, and either
 * some agreeing context or a quote long enough to speak for itself.
 */
function acceptable(p: Placement): boolean {
  if (!p.exact && p.score < MIN_FUZZY_SCORE) return false;
  return p.quoteSupport + p.contextSupport >= MIN_SUPPORT && (p.contextSupport >= MIN_CONTEXT || p.quoteSupport >= LONG_QUOTE);
}

/**
 * The best acceptable placement, if it is clearly better than every other place; among
 * equals the one nearest to where the neighbours say it should be, if clearly nearer.
 * Null when nothing is acceptable; 'ambiguous' when two places are equally good.
 */
function choose(options: Placement[], expected: number): Placement | 'ambiguous' | null {
  const good = options.filter(acceptable);
  if (good.length === 0) return null;
  good.sort((x, y) => support(y) - support(x));
  const top = good[0]!;
  const rivals = good.filter((p) => p !== top && !overlaps(p, top) && support(top) - support(p) < CLEAR_MARGIN);
  if (rivals.length === 0) return top;
  const tied = [top, ...rivals].map((p) => ({ p, d: Math.abs(p.start - expected) })).sort((x, y) => x.d - y.d);
  const [first, second] = tied;
  if (first!.d * 2 < second!.d && second!.d - first!.d >= 10) return first!.p;
  return 'ambiguous';
}

function overlaps(a: Placement, b: Placement): boolean {
  return a.start < b.end && b.start < a.end;
}

function exactPlacements(text: string, exact: string, prefix: string, suffix: string, expected: number): Placement[] {
  const out: Placement[] = [];
  for (let i = text.indexOf(exact); i !== -1 && out.length < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1)) {
    const context = contextAt(text, i, i + exact.length, prefix, suffix) + (i === expected ? POSITION_SUPPORT : 0);
    out.push({ start: i, end: i + exact.length, quoteSupport: exact.length, contextSupport: context, score: 1, exact: true });
  }
  return out;
}

/** Characters of prefix (from its end) and suffix (from its start) that agree around [start, end). */
function contextAt(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let p = 0;
  while (p < prefix.length && start - 1 - p >= 0 && text.charCodeAt(start - 1 - p) === prefix.charCodeAt(prefix.length - 1 - p)) p++;
  let s = 0;
  while (s < suffix.length && end + s < text.length && text.charCodeAt(end + s) === suffix.charCodeAt(s)) s++;
  return p + s;
}

// --- fuzzy ---------------------------------------------------------------------------------

function fuzzyPlacements(ctx: Context, a: Annotation, expected: number, radius: number): Placement[] {
  const { quote } = a.target;
  const f = ctx.key;
  const K = f.key;
  const q = fold(quote.exact).key;
  const pre = fold(quote.prefix).key;
  const suf = fold(quote.suffix).key;
  const m = q.length;
  if (m === 0) return [];
  const out: Placement[] = [];
  const expectedKey = keyIndexAt(f, expected);
  const from = Math.max(0, expectedKey - radius);
  const to = Math.min(K.length, expectedKey + m + radius);

  if (m <= MAX_FUZZY_LENGTH) {
    const maxErrors = Math.floor(m * (1 - MIN_FUZZY_SCORE));
    for (const d of seedDiagonals(K, q, maxErrors, expectedKey, from, to)) {
      const found = alignInWindow(K, q, d - maxErrors, d + m + maxErrors, maxErrors);
      if (!found) continue;
      const score = 1 - found.cost / m;
      out.push(toPlacement(ctx, f, found.start, found.end, score, m - found.cost, contextAt(K, found.start, found.end, pre, suf)));
    }
  }

  // The quote's surroundings survived though the quote itself was rewritten: place it between them.
  const between = bracketByContext(K, pre, suf, m, expectedKey, from, to);
  if (between) {
    // Both sides agree, so an insertion inside the quote must not count against it as
    // harshly as an edit distance would: the similarity ratio of the common subsequence.
    const piece = K.slice(between.start, between.end);
    const common = lcsLength(q, piece);
    const score = (2 * common) / (m + piece.length);
    out.push(toPlacement(ctx, f, between.start, between.end, score, common, between.context));
  }
  return dedupe(out);
}

function toPlacement(ctx: Context, f: Folded, ks: number, ke: number, score: number, quoteSupport: number, contextSupport: number): Placement {
  let [start, end] = originalSpan(f, ks, ke);
  [start, end] = snapToWords(ctx.text, start, end);
  return { start, end, quoteSupport, contextSupport, score, exact: false };
}

function dedupe(list: Placement[]): Placement[] {
  const seen = new Map<string, Placement>();
  for (const p of list) {
    const k = `${p.start}:${p.end}`;
    const old = seen.get(k);
    if (!old || p.score + p.contextSupport > old.score + old.contextSupport) seen.set(k, p);
  }
  return [...seen.values()];
}

/**
 * Where the quote may start in the key (diagonals): any alignment with at most `maxErrors`
 * edits keeps one of maxErrors+1 pieces of the quote intact, so the intact pieces' places,
 * shifted back by their offset in the quote, are the only starts worth aligning.
 */
function seedDiagonals(K: string, q: string, maxErrors: number, expected: number, from: number, to: number): number[] {
  const m = q.length;
  const pieces = Math.min(maxErrors + 1, Math.max(1, Math.floor(m / 5)));
  const size = Math.floor(m / pieces);
  const votes = new Map<number, number>();
  for (let p = 0; p < pieces; p++) {
    const off = p * size;
    const piece = q.slice(off, p === pieces - 1 ? m : off + size);
    let n = 0;
    for (let i = K.indexOf(piece, from); i !== -1 && i < to && n < 2000; i = K.indexOf(piece, i + 1), n++) {
      // Diagonals within maxErrors of each other are one alignment: bucket them.
      const d = i - off;
      const bucket = Math.round(d / (maxErrors + 1));
      votes.set(bucket, (votes.get(bucket) ?? 0) + piece.length);
    }
  }
  return [...votes.entries()]
    .sort((x, y) => y[1] - x[1] || Math.abs(x[0] * (maxErrors + 1) - expected) - Math.abs(y[0] * (maxErrors + 1) - expected))
    .slice(0, 12)
    .map(([b]) => b * (maxErrors + 1));
}

/**
 * The best place for all of q inside K[from, to), by edit distance (Sellers' algorithm:
 * a free start and end in the text), with its start found by tracing back.
 */
function alignInWindow(K: string, q: string, from: number, to: number, maxErrors: number): { start: number; end: number; cost: number } | null {
  const a = Math.max(0, from);
  const b = Math.min(K.length, to);
  const w = b - a;
  const m = q.length;
  if (w <= 0) return null;
  // cost[i][j]: edits to align q[0..i) ending at K[a+j); start[i][j]: where that alignment began.
  let prevCost = new Int32Array(w + 1);
  let prevStart = new Int32Array(w + 1);
  for (let j = 0; j <= w; j++) prevStart[j] = j;
  let curCost = new Int32Array(w + 1);
  let curStart = new Int32Array(w + 1);
  for (let i = 1; i <= m; i++) {
    const qc = q.charCodeAt(i - 1);
    curCost[0] = i;
    curStart[0] = 0;
    let rowMin = i;
    for (let j = 1; j <= w; j++) {
      const diag = prevCost[j - 1]! + (K.charCodeAt(a + j - 1) === qc ? 0 : 1);
      const up = prevCost[j]! + 1; // q character missing from the text
      const left = curCost[j - 1]! + 1; // extra text character
      let c = diag;
      let s = prevStart[j - 1]!;
      if (up < c) {
        c = up;
        s = prevStart[j]!;
      }
      if (left < c) {
        c = left;
        s = curStart[j - 1]!;
      }
      curCost[j] = c;
      curStart[j] = s;
      if (c < rowMin) rowMin = c;
    }
    if (rowMin > maxErrors) return null;
    [prevCost, curCost] = [curCost, prevCost];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let best = -1;
  for (let j = 1; j <= w; j++) if (best < 0 || prevCost[j]! < prevCost[best]!) best = j;
  if (best < 0 || prevCost[best]! > maxErrors) return null;
  // Trim spaces the alignment swallowed at its edges.
  let start = a + prevStart[best]!;
  let end = a + best;
  while (start < end && K.charCodeAt(start) === 0x20) start++;
  while (end > start && K.charCodeAt(end - 1) === 0x20) end--;
  if (end <= start) return null;
  return { start, end, cost: prevCost[best]! };
}

/** Length of the longest common subsequence (characters of x kept, in order, in y). */
function lcsLength(x: string, y: string): number {
  if (x === y) return x.length;
  let prev = new Int32Array(y.length + 1);
  let cur = new Int32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    const xc = x.charCodeAt(i - 1);
    for (let j = 1; j <= y.length; j++) {
      cur[j] = y.charCodeAt(j - 1) === xc ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length]!;
}

/** Folded context characters that must be found on each side to place a quote between them. */
const BRACKET = 12;

function bracketByContext(K: string, pre: string, suf: string, m: number, expected: number, from: number, to: number): { start: number; end: number; context: number } | null {
  if (pre.length < BRACKET || suf.length < BRACKET) return null;
  const left = pre.slice(-BRACKET);
  const right = suf.slice(0, BRACKET);
  const maxGap = Math.ceil(m * 1.5) + 8;
  let best: { start: number; end: number; context: number; d: number } | null = null;
  let count = 0;
  for (let i = K.indexOf(left, Math.max(0, from - left.length)); i !== -1 && i < to && count < 1000; i = K.indexOf(left, i + 1), count++) {
    const start = i + left.length;
    const j = K.indexOf(right, start);
    if (j === -1 || j - start > maxGap) continue;
    let s = start;
    let e = j;
    while (s < e && K.charCodeAt(s) === 0x20) s++;
    while (e > s && K.charCodeAt(e - 1) === 0x20) e--;
    if (e <= s) continue;
    const context = contextAt(K, start, j, pre, suf);
    const d = Math.abs(s - expected);
    if (best && best.context === context && best.d <= d) continue;
    if (!best || context > best.context || d < best.d) {
      if (best && best.context === context && Math.abs(best.d - d) < 10) return null; // two equal brackets
      best = { start: s, end: e, context, d };
    }
  }
  return best && { start: best.start, end: best.end, context: best.context };
}

const WORD = /[\p{L}\p{M}\p{N}]/u;

/** A span that starts or ends one or two letters into a word is widened or narrowed to the word's edge. */
function snapToWords(text: string, start: number, end: number): [number, number] {
  const isWord = (i: number) => i >= 0 && i < text.length && WORD.test(text[i]!);
  const snap = (p: number, limit: number): number => {
    if (!isWord(p - 1) || !isWord(p)) return p;
    for (let k = 1; k <= 2; k++) {
      if (p - k >= limit && !isWord(p - k - 1)) return p - k;
      if (!isWord(p + k)) return p + k;
    }
    return p;
  };
  let s = snap(start, 0);
  let e = snap(end, 0);
  if (e <= s) [s, e] = [start, end];
  // Never hand back whitespace at the edges.
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? [s, e] : [start, end];
}

// --- where the neighbours went -------------------------------------------------------------

interface Shifts {
  expected(oldStart: number): number;
}

/**
 * How far the text moved around each old position, from the annotations found with all
 * their context: in the order of their old positions, each is looked for where the previous
 * one's shift puts it, then nearby, then (once its quote occurs just once) anywhere.
 */
function estimateShifts(text: string, annotations: Annotation[]): Shifts {
  const pairs: Array<[number, number]> = [];
  const order = annotations.filter((a) => a.target.quote.exact.length > 0).sort((x, y) => x.target.position.start - y.target.position.start);
  let delta = 0;
  for (const a of order) {
    const { exact, prefix, suffix } = a.target.quote;
    const old = a.target.position.start;
    const full = prefix.length + suffix.length;
    const fits = (i: number) => contextAt(text, i, i + exact.length, prefix, suffix) === full;
    let found = -1;
    if (text.startsWith(exact, old + delta) && fits(old + delta)) found = old + delta;
    else {
      const from = Math.max(0, old + delta - SHIFT_WINDOW);
      for (let i = text.indexOf(exact, from); i !== -1 && i <= old + delta + SHIFT_WINDOW; i = text.indexOf(exact, i + 1)) {
        if (fits(i)) {
          found = found === -1 ? i : -2; // two fitting places nearby: no evidence
          if (found === -2) break;
        }
      }
      if (found === -1) {
        // Moved far: only a quote that occurs once, with context, says where.
        const i = text.indexOf(exact);
        if (i !== -1 && text.indexOf(exact, i + 1) === -1) {
          const context = contextAt(text, i, i + exact.length, prefix, suffix);
          if (exact.length + context >= MIN_SUPPORT && (context >= MIN_CONTEXT || exact.length >= LONG_QUOTE)) found = i;
        }
      }
    }
    if (found < 0) continue;
    delta = found - old;
    pairs.push([old, delta]);
  }
  return {
    expected(oldStart: number): number {
      if (pairs.length === 0) return oldStart;
      let lo = 0;
      let hi = pairs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (pairs[mid]![0] < oldStart) lo = mid + 1;
        else hi = mid;
      }
      let best = pairs[lo]!;
      if (lo > 0 && Math.abs(pairs[lo - 1]![0] - oldStart) < Math.abs(best[0] - oldStart)) best = pairs[lo - 1]!;
      return oldStart + best[1];
    },
  };
}

/** How far from the running shift an annotation is looked for with all its context. */
const SHIFT_WINDOW = 2000;
