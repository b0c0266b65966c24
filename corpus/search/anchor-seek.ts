// Where a term's anchors are looked for in a key (query-matcher.ts runs its patterns only at
// those places): which piece of which anchor indexOf looks for, chosen by what each costs on
// Persian and Arabic news, and the next place at or after an offset.

/**
 * Where places are looked for with indexOf. indexOf stops wherever its first letter occurs,
 * and an anchor's first letter is often ا (a tenth of all letters): «است» is looked for as
 * «ست», then checked for its ا. Either each anchor is looked for on its own (`anchor` its
 * index), or all at once by what they begin with (`anchor` -1: a place may hold any of them).
 */
export interface Seek {
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
export function seeksOf(pairs: ReadonlyArray<{ folded: string; text: string }>): Seek[] {
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

/** The next place at or after `from` where the seek's anchor (one of its anchors) starts, or -1. */
export function nextPlace(key: string, s: Seek, from: number): number {
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
  const n = text.length;
  for (let q = key.indexOf(piece, from + offset); q >= 0; q = key.indexOf(piece, q + 1)) {
    const p = q - offset;
    // Unit by unit: most places fail on the first, and a call of startsWith costs more than the look.
    let i = 0;
    while (i < offset && key.charCodeAt(p + i) === text.charCodeAt(i)) i++;
    if (i < offset) continue;
    const u = key.charCodeAt(p + n);
    if (next !== null && !next.includes(u)) continue;
    for (let a = 0; a < anchors.length; a++) {
      const x = anchors[a]!;
      if ((x.length === n || x.charCodeAt(n) === u) && key.startsWith(x, p)) return p;
    }
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
  // The anchors share their first unit (a shared seek's start): most places of the letter
  // fail on it, and a look at one unit costs a fraction of a call of startsWith.
  const first = anchors[0]!.charCodeAt(0);
  for (let i = 0; i < anchors.length; i++) {
    const p = q - offsets[i]!;
    if (p < from || p >= limit || (best >= 0 && p >= best)) continue;
    if (key.charCodeAt(p) === first && key.startsWith(anchors[i]!, p)) best = p;
  }
  return best;
}

/** The first place in [from, limit) where the seek's anchor starts, or -1; with a negative limit, nextPlace. Only for a seek of one anchor. */
export function placeBefore(key: string, s: Seek, from: number, limit: number): number {
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
