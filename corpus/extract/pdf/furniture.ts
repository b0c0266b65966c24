// Page furniture: a running header or footer (the same line at the top or bottom of most
// pages, page numbers aside) and a page number standing alone. They are not the article's
// text, as a saved page's menus are not (issue 23).
import type { Line } from './lines';

/** A line that is only a page number: `12`, `- 12 -`, `۱۲`, `page 3`, `صفحه ۳`, `12 / 40`. */
export function isPageNumber(text: string): boolean {
  const t = text.trim().toLowerCase();
  return /^[-–—|(\[]?\s*(page|p\.|صفحه|صفحة|ص)?\s*[\d٠-٩۰-۹]{1,4}(\s*(\/|of|از|من)\s*[\d٠-٩۰-۹]{1,4})?\s*[-–—|)\]]?$/.test(t);
}

/** A running line's identity: digits of any script count as one, spaces do not count. */
function runningKey(text: string): string {
  return text.replace(/[\d٠-٩۰-۹]+/g, '#').replace(/\s+/g, '');
}

/** How many lines at each end of a page may be a page number (a running line is only the very first or last). */
const EDGE = 2;

/**
 * For each page's lines (top to bottom), which are furniture: page numbers among the first and
 * last two lines, and a first or last line that recurs at the same end of at least half the
 * pages (with at least three pages, so that a one-page PDF's headline is never a header).
 */
export function furnitureOf(pages: readonly (readonly Line[])[]): Set<Line> {
  const out = new Set<Line>();
  const top = new Map<string, number>();
  const bottom = new Map<string, number>();
  const ends = (lines: readonly Line[]) => ({
    head: lines.slice(0, Math.min(EDGE, lines.length)),
    foot: lines.slice(Math.max(lines.length - EDGE, Math.min(EDGE, lines.length))),
  });
  for (const lines of pages) {
    if (lines.length < 2) continue;
    const first = runningKey(lines[0]!.text);
    const last = runningKey(lines.at(-1)!.text);
    top.set(first, (top.get(first) ?? 0) + 1);
    bottom.set(last, (bottom.get(last) ?? 0) + 1);
  }
  const often = (n: number | undefined) => pages.length >= 3 && (n ?? 0) >= Math.max(2, pages.length / 2);
  for (const lines of pages) {
    const { head, foot } = ends(lines);
    for (const l of [...head, ...foot]) if (isPageNumber(l.text)) out.add(l);
    if (lines.length >= 2 && often(top.get(runningKey(lines[0]!.text)))) out.add(lines[0]!);
    if (lines.length >= 2 && often(bottom.get(runningKey(lines.at(-1)!.text)))) out.add(lines.at(-1)!);
  }
  return out;
}
