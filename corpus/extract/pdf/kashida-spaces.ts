// Justified Arabic whose kashida glyphs the text layer reads as spaces. LibreOffice stretches a
// word with kashida glyphs that have no Unicode of their own; a reader falls back on the glyph's
// code in the font subset, and when that code is a space's or a newline's, pdf.js (like
// pdftotext) reads the stretch as a space: `روح اني` for `روحاني`. The glyphs tell the two
// apart: the font then has two glyphs that read as a space, its own space, which stands beside
// punctuation every few sentences, and the kashida, which is drawn between two letters of a word
// (all but the text's own rare tatweels, typed before a quotation mark or a space).
import { endsJoiningNext, mayStandInForKashida, withoutControls } from './arabic-letters';

/** One glyph of a text-showing operation, as pdf.js's operator list gives it. */
export interface DrawnGlyph {
  unicode: string;
  /** The font, the glyph in it and its advance: two glyphs that read alike are told apart by these. */
  font: string;
  glyph: string;
  /** The text-showing operation that drew it: a word's letters are drawn by one (the next one may be another line). */
  run: number;
}

export interface GlyphOps {
  showText: ReadonlySet<number>;
  setFont: number;
}

/** The page's glyphs in drawing order, across its text-showing operations (spacing adjustments left out). */
export function drawnGlyphs(list: { fnArray: number[]; argsArray: unknown[] }, ops: GlyphOps): DrawnGlyph[] {
  const out: DrawnGlyph[] = [];
  let font = '';
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === ops.setFont) font = String(args?.[0]);
    if (!ops.showText.has(fn) || !Array.isArray(args?.[0])) return;
    for (const g of args[0] as unknown[]) {
      if (g === null || typeof g !== 'object') continue;
      const { unicode, fontChar, width } = g as { unicode?: unknown; fontChar?: unknown; width?: unknown };
      if (typeof unicode === 'string') out.push({ unicode: withoutControls(unicode), font, glyph: `${String(fontChar)}\u0000${String(width)}`, run: i });
    }
  });
  return out;
}

/** Letters and harakat of Arabic script (a kashida may stand before a shadda). */
const ARABIC = /^[\u0620-\u065F\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]+$/u;
const LETTERS = /^[\p{L}\p{M}]+$/u;
/** What a kashida's code falls back to when it reads as blank (a no-break space is a space typed as such). */
const BLANK = /^[ \t\n\r]$/;

const blank = (g: DrawnGlyph) => BLANK.test(g.unicode);
const arabic = (g: DrawnGlyph | undefined) => g !== undefined && ARABIC.test(g.unicode);
const identity = (g: DrawnGlyph) => `${g.font}\u0000${g.glyph}`;

interface Stretch {
  identity: string;
  font: string;
  /** Index of its first glyph and one past its last (kashidas drawn overlapping come several in a row). */
  from: number;
  to: number;
  inWord: boolean;
}

function blankStretches(glyphs: readonly DrawnGlyph[]): Stretch[] {
  const out: Stretch[] = [];
  for (let i = 0; i < glyphs.length; ) {
    const g = glyphs[i]!;
    if (!blank(g)) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < glyphs.length && identity(glyphs[j]!) === identity(g)) j += 1;
    out.push({ identity: identity(g), font: g.font, from: i, to: j, inWord: arabic(glyphs[i - 1]) && arabic(glyphs[j]) });
    i = j;
  }
  return out;
}

/** A glyph drawn at least this many times between letters before it is taken for a kashida. */
const MIN_STRETCHES = 3;

/**
 * The glyphs that are kashidas: in a font with two glyphs read as blank, the one drawn beside
 * something other than letters at most a third as often (per use) as the other, the font's own
 * space. A font with one such glyph, or whose spaces never stand beside anything but letters
 * (a table of names), has none.
 */
function kashidaGlyphs(stretches: readonly Stretch[]): Set<string> {
  const uses = new Map<string, { font: string; inWord: number; other: number }>();
  for (const s of stretches) {
    const u = uses.get(s.identity) ?? { font: s.font, inWord: 0, other: 0 };
    if (s.inWord) u.inWord += 1;
    else u.other += 1;
    uses.set(s.identity, u);
  }
  const outside = (u: { inWord: number; other: number }) => u.other / (u.inWord + u.other);
  const kashidas = new Set<string>();
  for (const [id, u] of uses) {
    const spaces = [...uses].filter(([other, v]) => other !== id && v.font === u.font && v.other > 0);
    if (u.inWord >= MIN_STRETCHES && spaces.some(([, v]) => outside(u) * 3 <= outside(v))) kashidas.add(id);
  }
  return kashidas;
}

/** The letters drawn next to a glyph by the same operation, up to the first glyph that is no letter, going by `step`. */
function lettersFrom(glyphs: readonly DrawnGlyph[], at: number, step: 1 | -1): string {
  const parts: string[] = [];
  const run = glyphs[at]?.run;
  for (let i = at; i >= 0 && i < glyphs.length && glyphs[i]!.run === run && LETTERS.test(glyphs[i]!.unicode); i += step) parts.push(glyphs[i]!.unicode);
  return (step === 1 ? parts : parts.reverse()).join('');
}

const reversed = (s: string) => [...s].reverse().join('');

/**
 * Where a kashida read as a space split a word: for each such place, the half after the space
 * in the line's text and the halves that stand before it. A run's glyphs are drawn left to
 * right and pdf.js reverses a right-to-left run, so the text's first half is the one drawn
 * on the right; it must end in a letter that joins the next, as a stretched word's does.
 */
export function kashidaSplits(glyphs: readonly DrawnGlyph[]): Map<string, Set<string>> {
  const stretches = blankStretches(glyphs);
  const kashidas = kashidaGlyphs(stretches);
  if (kashidas.size === 0) return new Map();
  const splits = new Map<string, Set<string>>();
  const add = (before: string, after: string) => {
    if (after === '' || !endsJoiningNext(before)) return;
    splits.set(after, (splits.get(after) ?? new Set<string>()).add(before));
  };
  for (const s of stretches) {
    if (!s.inWord || !kashidas.has(s.identity)) continue;
    const left = lettersFrom(glyphs, s.from - 1, -1);
    const right = lettersFrom(glyphs, s.to, 1);
    add(reversed(right), reversed(left));
  }
  return splits;
}

/** The line with each space a kashida left inside a word taken out: `روح اني` → `روحاني`. */
export function joinKashidaSplits(text: string, splits: ReadonlyMap<string, ReadonlySet<string>>): string {
  if (splits.size === 0) return text;
  return text.replace(/([\p{L}\p{M}]+) (?=([\p{L}\p{M}]+))/gu, (match, before: string, after: string) => {
    const befores = splits.get(after);
    return befores?.has(before) ? before : match;
  });
}

/**
 * The Unicode of each text-showing operation's glyphs, kashidas left out (those read as a
 * space, and a run of stand-ins alone), for `ligature-order.ts`: a stretched word's letters
 * are then one word, as a lam-alef in it must be to be found.
 */
export function letterRuns(glyphs: readonly DrawnGlyph[]): string[][] {
  const kashidas = kashidaGlyphs(blankStretches(glyphs));
  const runs = new Map<number, string[]>();
  for (const g of glyphs) {
    if (g.unicode === '' || kashidas.has(identity(g))) continue;
    runs.set(g.run, [...(runs.get(g.run) ?? []), g.unicode]);
  }
  return [...runs.values()].filter((run) => !run.every((u) => u === run[0] && mayStandInForKashida(u)));
}
