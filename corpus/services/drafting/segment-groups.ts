// An article's translation segments grouped by paragraph, as the aligner and the hand-off
// formats want them.
import type { ArticleDoc } from '../../api/api';
import type { SegmentedParagraph } from '../../text/segment';

/** The segments grouped by paragraph; wholly skipped paragraphs are furniture (by index). */
export function segmentGroups(doc: ArticleDoc): { paragraphs: SegmentedParagraph[]; furniture: Set<number> } {
  const paragraphs: SegmentedParagraph[] = [];
  const furniture = new Set<number>();
  let current = -1;
  let all: typeof doc.segments = [];
  const flush = () => {
    if (current < 0 || all.length === 0) return;
    const p = doc.paragraphs[current]!;
    const kept = all.filter((s) => !s.skip);
    if (kept.length === 0) furniture.add(paragraphs.length);
    const spans = (kept.length ? kept : all).map((s) => ({ start: s.start, end: s.end }));
    paragraphs.push({ start: Math.min(p.start, spans[0]!.start), end: Math.max(p.end, spans[spans.length - 1]!.end), sentences: spans });
  };
  for (const s of doc.segments) {
    if (s.paragraph !== current) {
      flush();
      current = s.paragraph;
      all = [];
    }
    all.push(s);
  }
  flush();
  return { paragraphs, furniture };
}
