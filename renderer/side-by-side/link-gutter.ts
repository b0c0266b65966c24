// The connector gutter between two columns: one band per link, from its segments on the left
// to its segments on the right, coloured like them, drawn for what is on screen.
import type { Span } from './alignment-set';
import { spanOfEl, type Column } from './column';

export interface GutterLink {
  a: Span;
  b: Span;
  /** Class names: the link's colour and its state (confirmed, doubtful). */
  cls: string;
}

const SVG = 'http://www.w3.org/2000/svg';

export class LinkGutter {
  readonly el: HTMLElement;
  private readonly svg: SVGSVGElement;
  private frame = 0;

  constructor(
    private readonly left: Column,
    private readonly right: Column,
    private readonly links: () => readonly GutterLink[],
  ) {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'gutter-svg');
    this.svg.setAttribute('aria-hidden', 'true');
    this.el = document.createElement('div');
    this.el.className = 'sbs-gutter';
    this.el.append(this.svg);
  }

  /** Redraws at the next frame (scrolls come many per frame). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  draw(): void {
    const box = this.el.getBoundingClientRect();
    const width = box.width;
    const height = box.height;
    this.svg.setAttribute('viewBox', `0 0 ${Math.max(1, width)} ${Math.max(1, height)}`);
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('height', String(height));
    const left = new Side(this.left, box.top);
    const right = new Side(this.right, box.top);
    // Only the links with a side on screen are drawn; a long article has thousands.
    const seenLeft = left.visibleSpan(height);
    const seenRight = right.visibleSpan(height);
    const shapes: SVGElement[] = [];
    for (const link of this.links()) {
      const onScreen = (seenLeft && link.a.start < seenLeft.end && link.a.end > seenLeft.start) || (seenRight && link.b.start < seenRight.end && link.b.end > seenRight.start);
      if (!onScreen) continue;
      const a = left.extent(link.a);
      const b = right.extent(link.b);
      if (!a || !b) continue;
      if ((a.bottom < 0 && b.bottom < 0) || (a.top > height && b.top > height)) continue;
      const p = document.createElementNS(SVG, 'path');
      const w = width;
      const m = w / 2;
      p.setAttribute('d', `M0,${a.top} C${m},${a.top} ${m},${b.top} ${w},${b.top} L${w},${b.bottom} C${m},${b.bottom} ${m},${a.bottom} 0,${a.bottom} Z`);
      p.setAttribute('class', `band ${link.cls}`);
      shapes.push(p);
    }
    this.svg.replaceChildren(...shapes);
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.el.remove();
  }
}

/**
 * One column's segments for drawing: their spans in reading order (read from the DOM without
 * layout), and their boxes measured only when asked for.
 */
class Side {
  private readonly els: HTMLElement[];
  private readonly spans: Span[];
  private readonly boxes = new Map<number, { top: number; bottom: number }>();

  constructor(
    column: Column,
    private readonly origin: number,
  ) {
    this.els = column.segmentEls();
    this.spans = this.els.map(spanOfEl);
  }

  private box(i: number): { top: number; bottom: number } {
    let b = this.boxes.get(i);
    if (!b) {
      const r = this.els[i]!.getBoundingClientRect();
      b = { top: r.top - this.origin, bottom: r.bottom - this.origin };
      this.boxes.set(i, b);
    }
    return b;
  }

  /** First element index whose span ends after `offset`. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.end > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The text span of the elements between the top and the bottom of the gutter. */
  visibleSpan(height: number): Span | null {
    const firstBelow = (y: number) => {
      let lo = 0;
      let hi = this.els.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.box(mid).bottom > y) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const first = firstBelow(0);
    if (first >= this.els.length) return null;
    let last = firstBelow(height);
    if (last >= this.els.length) last = this.els.length - 1;
    return { start: this.spans[first]!.start, end: this.spans[last]!.end };
  }

  extent(s: Span): { top: number; bottom: number } | null {
    let top = Infinity;
    let bottom = -Infinity;
    for (let i = this.firstEndingAfter(s.start); i < this.spans.length && this.spans[i]!.start < s.end; i++) {
      const b = this.box(i);
      top = Math.min(top, b.top);
      bottom = Math.max(bottom, b.bottom);
    }
    return Number.isFinite(top) ? { top, bottom } : null;
  }
}
