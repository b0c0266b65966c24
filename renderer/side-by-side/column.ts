// What the side-by-side view needs of any column, article or draft: its text's segments as
// elements (each with data-start/data-end offsets into the article it stands for) in a
// scrolling box.
import type { ArticleDoc, SegmentInfo } from '../../corpus/api/api';
import type { Span } from './alignment-set';

export interface Column {
  readonly kind: 'article' | 'draft';
  /** The article whose offsets the column's segments use (a draft uses its source's). */
  readonly file: string;
  readonly doc: ArticleDoc;
  /** The whole column (head and text). */
  readonly el: HTMLElement;
  /** The box that scrolls. */
  readonly scroller: HTMLElement;
  /** Segment elements in reading order; a segment may have more than one. */
  segmentEls(): HTMLElement[];
  destroy(): void;
}

export function spanOfEl(el: Element): Span {
  return { start: Number((el as HTMLElement).dataset.start), end: Number((el as HTMLElement).dataset.end) };
}

export function segmentKey(s: Span): string {
  return `${s.start}:${s.end}`;
}

/** The segment of `doc` an element stands for. */
export function segmentOfEl(doc: ArticleDoc, el: Element): SegmentInfo | null {
  const s = spanOfEl(el);
  return doc.segments.find((x) => x.start === s.start && x.end === s.end) ?? null;
}

/** The language attribute for a paragraph: its article's language, English for an LTR line in an RTL article. */
export function paragraphLang(doc: ArticleDoc, dir: 'rtl' | 'ltr'): string {
  if (doc.language === 'en') return dir === 'ltr' ? 'en' : 'und';
  return dir === 'rtl' ? doc.language : 'en';
}

/** Top and bottom of a set of elements, relative to the scroller's content. */
export function verticalExtent(scroller: HTMLElement, els: readonly Element[]): { top: number; bottom: number } | null {
  if (els.length === 0) return null;
  const box = scroller.getBoundingClientRect();
  let top = Infinity;
  let bottom = -Infinity;
  for (const el of els) {
    const r = el.getBoundingClientRect();
    if (r.height === 0 && r.width === 0) continue;
    top = Math.min(top, r.top);
    bottom = Math.max(bottom, r.bottom);
  }
  if (!Number.isFinite(top)) return null;
  return { top: top - box.top + scroller.scrollTop, bottom: bottom - box.top + scroller.scrollTop };
}

/** The column's segment elements that overlap any of the spans. */
export function elsOverlapping(column: Column, spans: readonly Span[]): HTMLElement[] {
  return column.segmentEls().filter((el) => {
    const s = spanOfEl(el);
    return spans.some((t) => s.start < t.end && s.end > t.start);
  });
}
