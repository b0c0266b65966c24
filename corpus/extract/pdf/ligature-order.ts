// Words whose letters a ligature glyph put back in the wrong order, found from the glyphs
// themselves. A font's lam-alef glyph maps to "لا" (logical order), but it sits in a run drawn
// left to right; reversing the run letter by letter, as pdf.js does, turns it into "ال":
// `سلام` comes out `سالم`, `تلاش` `تالش` (pdfminer 850, pypdf 1589, PDFBOX-4531). From text
// alone both are words; from the glyphs it is certain which word held the ligature.
import { mayStandInForKashida, withoutControls } from './arabic-letters';

const RTL_LETTERS = /^[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+$/u;

function reversed(s: string): string {
  return [...s].reverse().join('');
}

/** A word as the text compares it: punctuation around it left out. */
export function wordCore(token: string): string {
  return token.replace(/^[^\p{L}\p{M}]+|[^\p{L}\p{M}]+$/gu, '');
}

/** Its letters only: a haraka's place among the glyphs differs from its place in the text. */
function bare(word: string): string {
  return word.replace(/\p{M}/gu, '');
}

/**
 * From the page's text-showing runs (each the Unicode of its glyphs, in drawing order), the
 * words the text layer gets wrong and what they should be, by their letters. A word that also
 * occurs, drawn without a ligature, exactly as the wrong form reads is a real word: left out.
 */
export function ligatureRepairs(runs: readonly (readonly string[])[], mend: (s: string) => string): Map<string, string> {
  const repairs = new Map<string, string>();
  const real = new Set<string>();
  // A justified line may be drawn in several runs that split a word: each run is read alone
  // and joined with the next, on either side (LibreOffice draws a right-to-left line's runs
  // right to left); a junction that was a space only makes a word no line holds.
  const joined = runs.slice(1).flatMap((next, i) => [[...runs[i]!, ...next], [...next, ...runs[i]!]]);
  for (const glyphs of [...runs, ...joined]) {
    const asDrawn = glyphs.join('');
    const fixedGlyphs = glyphs.map((g) => ([...g].length > 1 && RTL_LETTERS.test(g) ? reversed(g) : g)).join('');
    const wrong = reversed(asDrawn).split(/\s+/).map((w) => bare(wordCore(mend(w))));
    const right = reversed(fixedGlyphs).split(/\s+/).map((w) => bare(wordCore(mend(w))));
    if (wrong.length !== right.length) continue;
    wrong.forEach((w, i) => {
      if (w === '') return;
      if (w === right[i]) real.add(w);
      else if (w.length === right[i]!.length) repairs.set(w, right[i]!);
    });
  }
  for (const w of real) repairs.delete(w);
  return repairs;
}

/** The line with each wrong word's letters put right, its harakat and the punctuation around it kept in place. */
export function applyRepairs(text: string, repairs: ReadonlyMap<string, string>): string {
  if (repairs.size === 0) return text;
  return text.replace(/\S+/g, (token) => {
    const fix = repairs.get(bare(wordCore(token)));
    if (fix === undefined) return token;
    let k = 0;
    return [...token].map((c) => (/[\p{L}]/u.test(c) && k < fix.length ? fix[k++]! : c)).join('');
  });
}

/** Glyph runs of an operator list: the Unicode of each glyph of each text-showing operation. */
export function glyphRuns(list: { fnArray: number[]; argsArray: unknown[] }, showOps: ReadonlySet<number>): string[][] {
  const runs: string[][] = [];
  list.fnArray.forEach((fn, i) => {
    if (!showOps.has(fn)) return;
    const glyphs = (list.argsArray[i] as unknown[] | null)?.[0];
    if (!Array.isArray(glyphs)) return;
    const unicode = glyphs.flatMap((g: unknown) => (g !== null && typeof g === 'object' && typeof (g as { unicode?: unknown }).unicode === 'string' ? [withoutControls((g as { unicode: string }).unicode)] : []));
    // A run of kashida glyphs only (a justified line's stretch, read as a control character or
    // as the glyph's own code: `==`) is no run of letters: the runs on its two sides hold one word.
    const kept = unicode.filter((u) => u !== '');
    if (kept.length > 0 && !kept.every((u) => u === kept[0] && mayStandInForKashida(u))) runs.push(kept);
  });
  return runs;
}
