// A page's text items (pdf.js gives runs of glyphs with a position, in the order the content
// stream draws them) gathered into lines by their baseline, and each line's items put in
// logical order: for a right-to-left line the rightmost item comes first, and a run of
// left-to-right items inside it (an English name, a number) keeps its own left-to-right order.

/** One run of text as pdf.js's getTextContent gives it, reduced to what lines need. */
export interface TextItem {
  str: string;
  /** pdf.js's direction of the run, when it gives one. */
  dir?: string;
  /** Left edge and baseline, in page units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's scale). */
  size: number;
}

export interface Line {
  text: string;
  dir: 'ltr' | 'rtl';
  /** The line's left and right edges and its baseline. */
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** The left and right edges of the column the line is set in, when the page has columns: the measure a short line is judged against. */
  column?: { x0: number; x1: number };
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g;
const LTR_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/g;
const DIGITS_ONLY = /^[\s\d.,:/\-–+%()]+$/;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** A line is right-to-left when it has more Arabic-script letters than Latin ones. */
export function lineDirection(text: string): 'ltr' | 'rtl' {
  return count(text, RTL_LETTER) > count(text, LTR_LETTER) ? 'rtl' : 'ltr';
}

/**
 * An item that reads left to right inside a right-to-left line: Latin words and European
 * numbers. Punctuation alone (a bracket, a dot) is neutral: it stays where it was drawn.
 */
function readsLeftToRight(item: TextItem): boolean {
  if (count(item.str, RTL_LETTER) > 0) return false;
  return count(item.str, LTR_LETTER) > 0 || (DIGITS_ONLY.test(item.str) && /\d/.test(item.str));
}

/** Items in the order a person reads them, for a line of this direction. */
export function logicalOrder(items: readonly TextItem[], dir: 'ltr' | 'rtl'): TextItem[] {
  const visual = [...items].sort((a, b) => a.x + a.width / 2 - (b.x + b.width / 2));
  if (dir === 'ltr') return visual;
  const out = visual.reverse();
  // Put each left-to-right run back in its own order.
  for (let i = 0; i < out.length; ) {
    if (!readsLeftToRight(out[i]!)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < out.length && readsLeftToRight(out[j + 1]!)) j += 1;
    out.splice(i, j - i + 1, ...out.slice(i, j + 1).reverse());
    i = j + 1;
  }
  return out;
}

/** Whether two items drawn apart by more than a thin space are separate words. */
function spaced(a: TextItem, b: TextItem): boolean {
  const gap = Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width);
  return gap > 0.15 * Math.max(a.size, b.size);
}

function joinItems(items: readonly TextItem[]): string {
  let text = '';
  items.forEach((item, i) => {
    if (i > 0 && spaced(items[i - 1]!, item) && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
    text += item.str;
  });
  return text.replace(/\s+/g, ' ').trim();
}

/** Items worth placing: some text, at a finite position. */
export function usefulItems(items: readonly TextItem[]): TextItem[] {
  return items.filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y));
}

/**
 * The page's items in rows from top to bottom. Items whose baselines lie within half a font
 * size of a row's are on that row (a tanween drawn a little higher stays with its word).
 */
export function itemRows(items: readonly TextItem[]): TextItem[][] {
  const byHeight = usefulItems(items).sort((a, b) => b.y - a.y);
  const groups: TextItem[][] = [];
  for (const item of byHeight) {
    const last = groups.at(-1);
    const ref = last?.[0];
    if (last && ref && Math.abs(ref.y - item.y) <= 0.5 * Math.max(ref.size, item.size, 1)) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/** One row's items as a line, read in its own direction. */
export function rowToLine(group: readonly TextItem[]): Line {
  const raw = group.map((i) => i.str).join(' ');
  const dir = lineDirection(raw);
  const size = Math.max(...group.map((i) => i.size));
  // The baseline of the line is that of its biggest item (a raised mark does not move it).
  const main = group.reduce((a, b) => (b.size * Math.max(b.width, 0.01) > a.size * Math.max(a.width, 0.01) ? b : a));
  return {
    text: joinItems(logicalOrder(group, dir)),
    dir,
    x0: Math.min(...group.map((i) => i.x)),
    x1: Math.max(...group.map((i) => i.x + i.width)),
    y: main.y,
    size,
  };
}

/** The page's lines from top to bottom, each row across the whole page one line. */
export function itemsToLines(items: readonly TextItem[]): Line[] {
  return itemRows(items).map(rowToLine).filter((l) => l.text !== '');
}
