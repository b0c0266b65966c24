// A page set in columns side by side (a newspaper's or journal's 2–4 columns) read one column
// after the other, in the page's direction: a Persian or Arabic page's rightmost column first,
// an English page's leftmost. Lines that cross the gutter above the columns (a headline, a
// byline) or below them (a page number) stay where they are, before and after. A page with no
// gutter, or whose "columns" are a table's cells, gives the lines it gave before: a row at a time.
import { itemRows, lineDirection, rowToLine, usefulItems, type Line, type TextItem } from './lines';

/** Newspapers set at most four columns on a page; more, narrower ones are a table's cells. */
const MAX_COLUMNS = 4;
/** A gutter is at least this many ems (of the page's usual type size) with no text across it. */
const MIN_GUTTER_EM = 0.8;
/** A column of running text holds at least a few words a line, and a few lines. */
const MIN_COLUMN_EM = 6;
const MIN_COLUMN_LINES = 3;
/** In running text most lines fill their column; a table's cells mostly do not. */
const FULL_LINE = 0.7;
const FULL_SHARE = 0.5;

export interface ColumnLayout {
  /** Rows above the columns (a headline) and below them (a page number), each a whole line. */
  above: TextItem[][];
  below: TextItem[][];
  /** The columns from left to right, each its rows' items top to bottom. */
  columns: TextItem[][][];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

/**
 * The gutters among these rows: x ranges, inside the text, that at most `crossing` rows cover
 * (none, for a gutter proper), at least `minWidth` wide. Each is given as its left and right edges.
 */
function gutters(rows: readonly (readonly TextItem[])[], minWidth: number, crossing = 0): [number, number][] {
  const items = rows.flat();
  if (items.length === 0) return [];
  let left = Infinity;
  let right = -Infinity;
  for (const i of items) {
    left = Math.min(left, i.x);
    right = Math.max(right, i.x + i.width);
  }
  // One-point bins, fewer for a huge page, so a page costs the same whatever its units.
  const unit = Math.max(1, (right - left) / 2000);
  const bins = Math.ceil((right - left) / unit) + 1;
  const count = new Uint16Array(bins);
  const mark = new Int32Array(bins).fill(-1);
  rows.forEach((row, r) => {
    for (const i of row) {
      const from = Math.max(0, Math.floor((i.x - left) / unit));
      const to = Math.min(bins - 1, Math.ceil((i.x + i.width - left) / unit));
      // Each row counts once per bin, however many of its items cover it.
      for (let b = from; b <= to; b += 1) {
        if (mark[b] === r) continue;
        mark[b] = r;
        count[b] += 1;
      }
    }
  });
  const out: [number, number][] = [];
  for (let b = 0; b < bins; ) {
    if (count[b]! > crossing) {
      b += 1;
      continue;
    }
    let e = b;
    while (e + 1 < bins && count[e + 1]! <= crossing) e += 1;
    if ((e - b + 1) * unit >= minWidth) out.push([left + b * unit, left + (e + 1) * unit]);
    b = e + 1;
  }
  return out;
}

/** Each row's items split between the columns the gutters make (an item lies wholly in one). */
function splitRows(rows: readonly (readonly TextItem[])[], cuts: readonly [number, number][]): TextItem[][][] {
  const columns: TextItem[][][] = cuts.map(() => []).concat([[]]);
  for (const row of rows) {
    const pieces: TextItem[][] = columns.map(() => []);
    for (const item of row) {
      const middle = item.x + item.width / 2;
      const k = cuts.filter(([, r]) => r <= middle).length;
      pieces[k]!.push(item);
    }
    pieces.forEach((p, k) => {
      if (p.length > 0) columns[k]!.push(p);
    });
  }
  return columns;
}

/**
 * Whether these are columns of running text, not a table: two to four, each at least six ems
 * wide, one of three lines or more, and most of their lines (all columns counted together)
 * filling their column. A table's cells hold a word or a figure each, ragged, or are narrow;
 * a column's lines run from edge to edge, save a paragraph's last (the last column of an
 * article may hold only its closing lines, so it is not judged alone).
 */
function runningText(columns: readonly TextItem[][][], em: number): boolean {
  if (columns.length < 2 || columns.length > MAX_COLUMNS) return false;
  if (!columns.some((rows) => rows.length >= MIN_COLUMN_LINES)) return false;
  let lines = 0;
  let full = 0;
  for (const rows of columns) {
    const width = Math.max(...rows.flat().map((i) => i.x + i.width)) - Math.min(...rows.flat().map((i) => i.x));
    if (width < MIN_COLUMN_EM * em) return false;
    for (const r of rows) {
      lines += 1;
      if (Math.max(...r.map((i) => i.x + i.width)) - Math.min(...r.map((i) => i.x)) >= FULL_LINE * width) full += 1;
    }
  }
  return full >= FULL_SHARE * lines;
}

/**
 * The page's column layout, or null when it has none. The columns are the rows between some
 * rows at the top and some at the bottom (together at most a quarter of the page's rows, or
 * three) in which a gutter runs from top to bottom; the fewest rows are set aside that way.
 */
export function columnLayout(items: readonly TextItem[]): ColumnLayout | null {
  const rows = itemRows(items);
  if (rows.length < 2 * MIN_COLUMN_LINES) return null;
  const em = median(usefulItems(items).map((i) => i.size)) || 1;
  const trim = Math.max(3, Math.floor(rows.length / 4));
  // A gutter among the rows left is an x range that at most the rows set aside cross: where
  // no range of the whole page is crossed so seldom (a page of one column), there is none.
  if (gutters(rows, MIN_GUTTER_EM * em, trim).length === 0) return null;
  for (let spared = 0; spared <= trim; spared += 1) {
    for (let top = spared; top >= 0; top -= 1) {
      const body = rows.slice(top, rows.length - (spared - top));
      const cuts = gutters(body, MIN_GUTTER_EM * em);
      if (cuts.length === 0) continue;
      const columns = splitRows(body, cuts);
      if (runningText(columns, em)) return { above: rows.slice(0, top), below: rows.slice(rows.length - (spared - top)), columns };
    }
  }
  return null;
}

/** Whether most of the page's letters are Arabic-script: its columns are then read right to left. */
function pageDirection(items: readonly TextItem[]): 'ltr' | 'rtl' {
  return lineDirection(items.map((i) => i.str).join(' '));
}

/**
 * The page's lines in reading order: the rows above the columns, each column's lines (each
 * knowing its column's edges, the measure a paragraph's last line is judged against; only its
 * width counts, the widest column's), then
 * the rows below. A page without columns gives its rows as lines, as before.
 */
export function pageLines(items: readonly TextItem[]): Line[] {
  const layout = columnLayout(items);
  if (!layout) return itemRows(items).map(rowToLine).filter((l) => l.text !== '');
  const ordered = pageDirection(items) === 'rtl' ? [...layout.columns].reverse() : layout.columns;
  const lined = ordered.map((rows) => rows.map(rowToLine));
  // The columns of a page share one measure: the last column may hold only a few short lines
  // (an article's closing lines), which its own extent would count as full.
  const measure = Math.max(...lined.map((lines) => Math.max(...lines.map((l) => l.x1)) - Math.min(...lines.map((l) => l.x0))));
  const inColumns = lined.flatMap((lines) => {
    const x1 = Math.max(...lines.map((l) => l.x1));
    const column = { x0: x1 - measure, x1 };
    return lines.map((l) => ({ ...l, column }));
  });
  return [...layout.above.map(rowToLine), ...inColumns, ...layout.below.map(rowToLine)].filter((l) => l.text !== '');
}
