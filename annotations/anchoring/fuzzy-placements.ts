// Where an edited quote may be now: approximate matches of its folded key (seeded by its
// intact pieces, aligned by edit distance), or the place between its surviving context.
import { fold, keyIndexAt, originalSpan, type Folded } from '../../corpus/text/normalise';
import { contextAt, MIN_FUZZY_SCORE, type Placement } from './placement';
import type { Annotation } from '../model/types';

/** Quotes longer than this (folded) are placed exactly or from their context only. */
const MAX_FUZZY_LENGTH = 4000;

/** The text and, made once when first needed, its folded key. */
export class Context {
  private folded: Folded | null = null;
  constructor(readonly text: string) {}
  get key(): Folded {
    this.folded ??= fold(this.text);
    return this.folded;
  }
}

/** Approximate places of the quote within `radius` key characters of the expected place. */
export function fuzzyPlacements(ctx: Context, a: Annotation, expected: number, radius: number): Placement[] {
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
