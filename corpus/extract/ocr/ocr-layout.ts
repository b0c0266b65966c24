// The page's own lines (ocr-lines.ts) given their words from Tesseract's TSV, and its
// paragraphs from their geometry: Tesseract's blank lines mean nothing on a page whose lines
// were set apart by hand, so a paragraph ends where the page shows it, at a wider gap or a short line.
import type { LineBand } from './ocr-lines';

/** Tesseract's `tsv` words as the text of each line band, by where each word's middle falls on the spaced page. */
export function bandTexts(tsv: string, tops: readonly number[], bands: readonly LineBand[]): string[] {
  const texts: string[][] = bands.map(() => []);
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    // level 5 is a word; its text is the last cell.
    if (cells.length < 12 || cells[0] !== '5' || !cells[11]!.trim()) continue;
    const middle = Number(cells[7]) + Number(cells[9]) / 2;
    let band = 0;
    for (let i = 0; i < tops.length; i++) if (tops[i]! <= middle + 1) band = i;
    texts[band]!.push(cells[11]!.trim());
  }
  return texts.map((words) => words.join(' '));
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** How far each line's edge on one side is from the text's edge there, as a share of the text's width. */
const raggedness = (offsets: readonly number[], width: number) => offsets.filter((o) => o > width * 0.03).length;

/**
 * Whether a paragraph ends after each line: the step to the next line's baseline is longer than
 * the usual step by more than an eighth (paragraph spacing), or the line stops short of the
 * text's far side by more than 30% of its width (a paragraph's last line; a wrapped line lacks at
 * most one word). The far side is the ragged one (a right-to-left text may be set flush left);
 * with both flush, `rtl` says which is the lines' end.
 */
export function paragraphEnds(bands: readonly LineBand[], rtl: boolean): boolean[] {
  const base = (b: LineBand) => b.baseline ?? b.bottom;
  const steps = bands.slice(1).map((b, i) => base(b) - base(bands[i]!));
  const usualStep = median(steps);
  const left = Math.min(...bands.map((b) => b.left));
  const right = Math.max(...bands.map((b) => b.right));
  const width = right - left;
  const leftRagged = raggedness(bands.map((b) => b.left - left), width);
  const rightRagged = raggedness(bands.map((b) => right - b.right), width);
  const endIsLeft = leftRagged === rightRagged ? rtl : leftRagged > rightRagged;
  return bands.map((b, i) => {
    if (i === bands.length - 1) return true;
    if (steps[i]! > usualStep * 1.125) return true;
    const short = endIsLeft ? b.left - left : right - b.right;
    return short > width * 0.3;
  });
}

/** The lines as Tesseract's plain output would be with its blocks right: a blank line after each paragraph. */
export function asOcrOutput(texts: readonly string[], ends: readonly boolean[]): string {
  // A band Tesseract read nothing in (a rule, a smudge) adds no line, but may still end a paragraph.
  return texts.map((t, i) => (t ? `${t}\n${ends[i] ? '\n' : ''}` : ends[i] ? '\n' : '')).join('');
}
