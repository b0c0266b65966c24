// The page a PDF quotation is on, for its citation's `p. 3`. The extractor keeps one page per
// paragraph (a block between blank lines of the text: `meta.pages`); the offset's block gives
// its page, so nothing per character is stored or cached.
import { forEachLine } from '../../corpus/text/paragraphs';

/** The pages a quotation runs over: `first === last` for one page. */
export interface PageSpan {
  first: number;
  last: number;
}

export interface PageLocator {
  /** The page of the block holding `offset` (or of the block before it, in a blank line); null if unknown. */
  pageAt(offset: number): number | null;
}

/**
 * Blocks are counted as the extractor writes them: a non-empty line after an empty one (or
 * the text's start) begins the next block. A text whose block count does not match `pages`
 * (a file changed since, an older cache) gets no pages rather than wrong ones.
 */
export function pageLocator(text: string, pages: readonly number[] | undefined): PageLocator | null {
  if (!pages || pages.length === 0) return null;
  const starts: number[] = [];
  let afterBlank = true;
  forEachLine(text, (start, end) => {
    const blank = text.slice(start, end).trim() === '';
    if (!blank && afterBlank) starts.push(start);
    afterBlank = blank;
  });
  if (starts.length !== pages.length) return null;
  return {
    pageAt(offset) {
      // Last block starting at or before the offset.
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= offset) lo = mid + 1;
        else hi = mid;
      }
      const page = pages[Math.max(0, lo - 1)];
      return typeof page === 'number' && Number.isInteger(page) && page > 0 ? page : null;
    },
  };
}

/** The pages of `[start, end)`, or null when unknown. */
export function pageSpan(locator: PageLocator | null, start: number, end: number): PageSpan | null {
  if (!locator) return null;
  const first = locator.pageAt(start);
  const last = locator.pageAt(Math.max(start, end - 1));
  if (first === null) return null;
  return { first, last: last !== null && last > first ? last : first };
}

/** `p. 3`, or `pp. 3–4` across a page break. */
export function formatPages(span: PageSpan): string {
  return span.last > span.first ? `pp. ${span.first}–${span.last}` : `p. ${span.first}`;
}
