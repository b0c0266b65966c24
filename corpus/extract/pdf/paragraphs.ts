// A PDF's lines joined into paragraphs: a line that falls short of the column's width, a
// wider gap to the next line, or a change of type size ends a paragraph; otherwise the next
// line continues it after a space (a PDF keeps no line-end hyphen for Arabic or Persian).
import type { Line } from './lines';

export interface PdfParagraph {
  text: string;
  /** The page (1-based) its first line is on: what a citation's "p. 3" needs. */
  page: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

/**
 * Whether the line falls short of the column's width: its last word is the paragraph's last.
 * Measured by width, not by one edge, so that it holds for right-aligned, left-aligned and
 * centred right-to-left text alike (LibreOffice sets Persian left-aligned from HTML).
 */
function endsShort(line: Line, left: number, right: number): boolean {
  const slack = Math.max(0.12 * (right - left), 2 * line.size);
  return right - left - (line.x1 - line.x0) > slack;
}

/** About how wide the line's first word is, with the space before it: its share of the line's letters. */
function firstWordWidth(line: Line): number {
  const first = line.text.split(' ')[0] ?? '';
  return ((line.x1 - line.x0) * (first.length + 1)) / Math.max(1, line.text.length);
}

/**
 * A line in a column (narrow, often ragged) ends its paragraph when it falls short and the
 * next line of the same column does not start with a word that would have fitted in the room
 * left: a typesetter moves a word down only when it does not fit.
 */
function endsInColumn(line: Line, next: Line | undefined, column: { x0: number; x1: number }): boolean {
  if (!endsShort(line, column.x0, column.x1)) return false;
  if (!next || next.column !== column) return true;
  return column.x1 - column.x0 - (line.x1 - line.x0) > firstWordWidth(next);
}

/**
 * The paragraphs of the pages' lines (each page's lines top to bottom, furniture already left
 * out). A paragraph may run on to the next page when the page's last line is full.
 */
export function linesToParagraphs(pages: readonly (readonly Line[])[]): PdfParagraph[] {
  const out: PdfParagraph[] = [];
  let open: { parts: string[]; page: number } | null = null;
  let previous: Line | null = null;
  const close = () => {
    if (open) out.push({ text: open.parts.join(' '), page: open.page });
    open = null;
  };
  pages.forEach((lines, index) => {
    if (lines.length === 0) return;
    const left = Math.min(...lines.map((l) => l.x0));
    const right = Math.max(...lines.map((l) => l.x1));
    const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g) => g > 0);
    const step = median(gaps);
    lines.forEach((line, i) => {
      const sameSize = previous === null || Math.abs(previous.size - line.size) <= 0.15 * Math.max(previous.size, line.size);
      const wideGap = i > 0 && step > 0 && lines[i - 1]!.y - line.y > 1.3 * step;
      if (!sameSize || wideGap) close();
      if (!open) open = { parts: [], page: index + 1 };
      open.parts.push(line.text);
      previous = line;
      // A line set in a column is judged against its column's width, not the page's.
      if (line.column ? endsInColumn(line, lines[i + 1], line.column) : endsShort(line, left, right)) close();
    });
    // A page of one line gives no column to measure it against: it ends its paragraph.
    if (lines.length < 2) close();
  });
  close();
  return out;
}
