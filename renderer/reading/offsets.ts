// ProseMirror positions gain 2 at each paragraph boundary and skip the blank lines between
// paragraphs; annotations store offsets into the article text. Convert only at the view's edge.

export interface ParagraphSpan {
  start: number;
  end: number;
}

export class OffsetMap {
  /** PM position of the first character of each paragraph. */
  private readonly posStarts: number[];

  constructor(private readonly paragraphs: ParagraphSpan[]) {
    this.posStarts = [];
    let pos = 1;
    for (const p of paragraphs) {
      this.posStarts.push(pos);
      pos += p.end - p.start + 2;
    }
  }

  /** Index of the paragraph that holds `offset` (or the next one after a gap). */
  private paragraphAtOffset(offset: number): number {
    let lo = 0;
    let hi = this.paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.paragraphs[mid]!.end < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** PM position for a text offset; offsets in the gaps between paragraphs snap forward. */
  posOf(offset: number): number {
    if (this.paragraphs.length === 0) return 0;
    const i = this.paragraphAtOffset(offset);
    const p = this.paragraphs[i]!;
    const clamped = Math.min(Math.max(offset, p.start), p.end);
    return this.posStarts[i]! + (clamped - p.start);
  }

  /** Text offset for a PM position. */
  offsetOf(pos: number): number {
    if (this.paragraphs.length === 0) return 0;
    let lo = 0;
    let hi = this.posStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.posStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    const p = this.paragraphs[lo]!;
    return Math.min(p.start + Math.max(0, pos - this.posStarts[lo]!), p.end);
  }
}
