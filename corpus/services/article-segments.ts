// Translation segments of an article: the sentences of its paragraphs, or the cuts the user
// made (merge, split), with boilerplate and user-marked segments skipped.
import type { MetadataOverrides } from '../../annotations/model/types';
import type { SegmentInfo } from '../api/api';
import type { Paragraph } from '../text/paragraphs';
import { segmentSentences } from '../text/segment';

export function articleSegments(text: string, paragraphs: Array<Paragraph & { boilerplate: boolean }>, overrides: MetadataOverrides): SegmentInfo[] {
  const paragraphAt = (offset: number): number => {
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paragraphs[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  if (overrides.segments && overrides.segments.length > 0) {
    return overrides.segments
      .filter((s) => s.end > s.start && s.end <= text.length)
      .map((s) => {
        const paragraph = paragraphAt(s.start);
        return { start: s.start, end: s.end, paragraph, skip: s.skip ?? paragraphs[paragraph]?.boilerplate ?? false };
      });
  }
  return paragraphs.flatMap((p, paragraph) =>
    segmentSentences(text, p.start, p.end).map((s) => ({ start: s.start, end: s.end, paragraph, skip: p.boilerplate })),
  );
}
