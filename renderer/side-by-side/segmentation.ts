// The user's cuts of an article into translation segments: merge the picked segment with the
// next one (or a picked range into one), split a segment at the caret, mark segments as not
// for translation. This works out the new cuts; the view saves them and shows the result.
import type { ArticleDoc, SegmentInfo } from '../../corpus/api/api';
import type { Span } from './alignment-set';
import { ArticleColumn } from './article-column';
import type { Column } from './column';
import type { Picks } from './picks';

export interface Cut {
  start: number;
  end: number;
  skip: boolean;
}

export interface SegmentationDeps {
  picks: Pick<Picks, 'last'>;
  columns(): readonly Column[];
  toast(message: string): void;
  /** Saves the article's new cuts, and picks the segment at `focus` once shown. */
  apply(file: string, cuts: Cut[], focus: Span): Promise<void>;
}

export class Segmentation {
  constructor(private readonly deps: SegmentationDeps) {}

  async merge(): Promise<void> {
    const p = this.deps.picks.last;
    if (!p) {
      this.deps.toast('Pick the segment to merge with the next one (or shift-click a range).');
      return;
    }
    const doc = p.column.doc;
    const segs = sortedSegments(doc);
    const inside = segs.filter((s) => s.start >= p.span.start && s.end <= p.span.end);
    let group = inside;
    if (inside.length === 1) {
      const i = segs.indexOf(inside[0]!);
      const next = segs[i + 1];
      if (!next || next.paragraph !== inside[0]!.paragraph) {
        this.deps.toast('This is the last segment of its paragraph: nothing to merge it with.');
        return;
      }
      group = [inside[0]!, next];
    }
    if (group.length < 2) return;
    if (new Set(group.map((s) => s.paragraph)).size > 1) {
      this.deps.toast('Segments of different paragraphs cannot be merged.');
      return;
    }
    const merged = { start: group[0]!.start, end: group[group.length - 1]!.end, skip: group.every((s) => s.skip) };
    const cuts = segs.filter((s) => !group.includes(s)).map(cut);
    cuts.push(merged);
    await this.deps.apply(doc.file, cuts, merged);
  }

  async split(): Promise<void> {
    let found: { column: ArticleColumn; offset: number } | null = null;
    for (const c of this.deps.columns()) {
      if (!(c instanceof ArticleColumn)) continue;
      const offset = c.caretOffset();
      if (offset !== null) found = { column: c, offset };
    }
    if (!found) {
      this.deps.toast('Click in a segment of an article where it should be split, then Split (S).');
      return;
    }
    const { column, offset } = found;
    const doc = column.doc;
    const segs = sortedSegments(doc);
    const seg = segs.find((s) => s.start < offset && offset < s.end);
    if (!seg) {
      this.deps.toast('The caret is at the edge of a segment: nothing to split.');
      return;
    }
    let leftEnd = offset;
    while (leftEnd > seg.start && /\s/.test(doc.text[leftEnd - 1]!)) leftEnd--;
    let rightStart = offset;
    while (rightStart < seg.end && /\s/.test(doc.text[rightStart]!)) rightStart++;
    if (leftEnd <= seg.start || rightStart >= seg.end) {
      this.deps.toast('The caret is at the edge of a segment: nothing to split.');
      return;
    }
    const cuts = segs.filter((s) => s !== seg).map(cut);
    cuts.push({ start: seg.start, end: leftEnd, skip: seg.skip }, { start: rightStart, end: seg.end, skip: seg.skip });
    await this.deps.apply(doc.file, cuts, { start: seg.start, end: leftEnd });
  }

  async toggleSkip(): Promise<void> {
    const p = this.deps.picks.last;
    if (!p) {
      this.deps.toast('Pick the segments to mark first.');
      return;
    }
    const segs = sortedSegments(p.column.doc);
    const inside = segs.filter((s) => s.start < p.span.end && s.end > p.span.start);
    if (inside.length === 0) return;
    const skip = !inside.every((s) => s.skip);
    const cuts = segs.map((s) => (inside.includes(s) ? { start: s.start, end: s.end, skip } : cut(s)));
    await this.deps.apply(p.column.doc.file, cuts, p.span);
  }
}

function sortedSegments(doc: ArticleDoc): SegmentInfo[] {
  return [...doc.segments].sort((x, y) => x.start - y.start);
}

function cut(s: SegmentInfo): Cut {
  return { start: s.start, end: s.end, skip: s.skip };
}
