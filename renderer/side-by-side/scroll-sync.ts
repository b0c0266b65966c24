// Reading in step: when one column scrolls, the others follow to the aligned place. The
// segment at the top of the column that moved is found, its counterpart in each other column
// is looked up, and that column is scrolled so the counterpart sits at the same height, as
// far into it as the reader is into the segment.
import type { Span } from './alignment-set';
import { spanOfEl, verticalExtent, type Column } from './column';

export type CounterpartLookup = (from: Column, to: Column, span: Span) => Span[];

/** How far below the top edge the reading line lies (px). */
const READING_LINE = 12;

export class ScrollSync {
  enabled = true;
  /** The scrollTop each column was last moved to by us, to tell our scrolls from the reader's. */
  private readonly expected = new Map<HTMLElement, number>();
  private readonly detach: Array<() => void> = [];

  constructor(
    private readonly columns: () => readonly Column[],
    private readonly counterparts: CounterpartLookup,
  ) {}

  attach(column: Column): void {
    const listener = () => this.onScroll(column);
    column.scroller.addEventListener('scroll', listener, { passive: true });
    this.detach.push(() => column.scroller.removeEventListener('scroll', listener));
  }

  clear(): void {
    for (const d of this.detach.splice(0)) d();
    this.expected.clear();
  }

  private onScroll(column: Column): void {
    const expected = this.expected.get(column.scroller);
    if (expected !== undefined) {
      this.expected.delete(column.scroller);
      if (Math.abs(column.scroller.scrollTop - expected) < 2) return;
    }
    if (!this.enabled) return;
    for (const other of this.columns()) if (other !== column) this.follow(column, other);
  }

  /** Scrolls `other` to the place aligned with what is at the top of `lead`. */
  follow(lead: Column, other: Column): void {
    const line = lead.scroller.scrollTop + READING_LINE;
    const els = lead.segmentEls();
    const extentAt = (i: number) => verticalExtent(lead.scroller, [els[i]!]);
    // Segments come in reading order, so the first one reaching below the reading line is
    // found by bisection: a long article has thousands, and scroll events come every frame.
    let lo = 0;
    let hi = els.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const ext = extentAt(mid);
      if (ext && ext.bottom > line) hi = mid;
      else lo = mid + 1;
    }
    let k = lo;
    if (k >= els.length) return;
    let lead0 = extentAt(k);
    if (!lead0) return;
    let fraction = line > lead0.top ? Math.min(1, (line - lead0.top) / Math.max(1, lead0.bottom - lead0.top)) : 0;
    // A segment with no counterpart (a line only this text has): the next one that has one.
    let spans: Span[] = [];
    for (let tries = 0; k < els.length && tries < 40; k++, tries++) {
      spans = this.counterparts(lead, other, spanOfEl(els[k]!));
      if (spans.length > 0) break;
      fraction = 0;
    }
    if (spans.length === 0) return;
    lead0 = extentAt(k);
    if (!lead0) return;
    const targets = other.segmentEls().filter((el) => {
      const s = spanOfEl(el);
      return spans.some((t) => s.start < t.end && s.end > t.start);
    });
    const target = verticalExtent(other.scroller, targets);
    if (!target) return;
    // The same point of the two segments at the same height on screen.
    const anchor = lead0.top + fraction * (lead0.bottom - lead0.top);
    const onScreen = anchor - lead.scroller.scrollTop;
    this.scrollTo(other, Math.round(target.top + fraction * (target.bottom - target.top) - onScreen));
  }

  scrollTo(column: Column, top: number): void {
    const before = column.scroller.scrollTop;
    column.scroller.scrollTop = Math.max(0, top);
    if (column.scroller.scrollTop !== before) this.expected.set(column.scroller, column.scroller.scrollTop);
  }
}
