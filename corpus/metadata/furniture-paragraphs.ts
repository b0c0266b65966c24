// Page furniture among a text's segmented paragraphs: what alignment and the translation
// exports leave out.
import { classifyBoilerplate } from './boilerplate';
import { paragraphDirection } from '../text/language';
import type { SegmentedParagraph } from '../text/segment';

/** Indexes of the paragraphs that look like page furniture rather than article text. */
export function furnitureParagraphs(text: string, paragraphs: readonly SegmentedParagraph[]): Set<number> {
  const lines = paragraphs.map((p) => {
    const line = text.slice(p.start, p.end);
    return { start: p.start, end: p.end, text: line, dir: paragraphDirection(line, 'rtl') };
  });
  return new Set(classifyBoilerplate(lines).keys());
}
