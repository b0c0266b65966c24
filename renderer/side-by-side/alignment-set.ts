// The links between two texts as the view edits them: counterparts of a span, link, unlink,
// confirm, and the queue of doubtful links to review. No DOM.
import type { AlignmentLink, PairingKind } from '../../annotations/model/types';

export interface Span {
  start: number;
  end: number;
}

export type Side = 'a' | 'b';

export function overlaps(s: Span, r: readonly [number, number]): boolean {
  return s.start < r[1] && s.end > r[0];
}

const other = (side: Side): Side => (side === 'a' ? 'b' : 'a');

/** Links below this score, not yet confirmed, go to the review queue. */
export const REVIEW_BELOW = 0.8;

export class AlignmentSet {
  constructor(
    readonly a: string,
    readonly b: string,
    readonly kind: PairingKind,
    private list: AlignmentLink[],
  ) {
    this.list = sortLinks(list);
  }

  get links(): readonly AlignmentLink[] {
    return this.list;
  }

  /** Which side `file` is on, or null when this alignment is not about it. */
  sideOf(file: string): Side | null {
    return file === this.a ? 'a' : file === this.b ? 'b' : null;
  }

  /** Indexes of the links whose `side` span overlaps `span`. */
  linksAt(side: Side, span: Span): number[] {
    const out: number[] = [];
    this.list.forEach((l, i) => {
      if (overlaps(span, l[side])) out.push(i);
    });
    return out;
  }

  /** The spans of the other text linked to `span` of `side`. */
  counterparts(side: Side, span: Span): Span[] {
    const o = other(side);
    return this.linksAt(side, span).map((i) => {
      const r = this.list[i]![o];
      return { start: r[0], end: r[1] };
    });
  }

  /**
   * Links `spanA` (of text a) with `spanB` (of text b) as the user says: confirmed, and in
   * place of every link that touched either span.
   */
  link(spanA: Span, spanB: Span): void {
    this.list = sortLinks([
      ...this.list.filter((l) => !overlaps(spanA, l.a) && !overlaps(spanB, l.b)),
      { a: [spanA.start, spanA.end], b: [spanB.start, spanB.end], score: 1, confirmed: true },
    ]);
  }

  unlink(side: Side, span: Span): number {
    const before = this.list.length;
    this.list = this.list.filter((l) => !overlaps(span, l[side]));
    return before - this.list.length;
  }

  confirm(side: Side, span: Span): number {
    let n = 0;
    this.list = this.list.map((l) => {
      if (!overlaps(span, l[side]) || l.confirmed) return l;
      n++;
      return { ...l, confirmed: true };
    });
    return n;
  }

  confirmLink(index: number): void {
    const l = this.list[index];
    if (l) this.list[index] = { ...l, confirmed: true };
  }

  unlinkAt(index: number): void {
    this.list = this.list.filter((_, i) => i !== index);
  }

  replace(links: AlignmentLink[]): void {
    this.list = sortLinks(links);
  }

  /** Doubtful links, least sure first (indexes into `links`). */
  reviewQueue(threshold = REVIEW_BELOW): number[] {
    return this.list
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => !l.confirmed && l.score < threshold)
      .sort((x, y) => x.l.score - y.l.score || x.l.a[0] - y.l.a[0])
      .map(({ i }) => i);
  }

  /** The links oriented from `file`'s point of view (a = file). */
  from(file: string): AlignmentLink[] {
    if (file === this.a) return [...this.list];
    return this.list.map((l) => ({ a: [l.b[0], l.b[1]], b: [l.a[0], l.a[1]], score: l.score, confirmed: l.confirmed }));
  }
}

function sortLinks(links: AlignmentLink[]): AlignmentLink[] {
  return [...links].sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0]);
}
