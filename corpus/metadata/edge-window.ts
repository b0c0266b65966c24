// A book-length text (a whole archive pasted into one file) is read for its details only near
// its edges: headline, kicker, dateline, credits, share bars and related-news lists stand in
// the first and last pages of a saved article. Reading the middle of a 19 MB text for them
// held every other request for tens of seconds and finds nothing an analyst would take.
import type { Paragraph } from '../text/paragraphs';

/** Characters read at each end of a long text; a 100,000-word article has its edges well inside. */
export const EDGE_CHARS = 64 * 1024;

/**
 * The paragraph list with every paragraph far from both ends emptied (same length and
 * offsets, so indexes and positions found in it are the text's own). A short text is
 * returned as it is.
 */
export function nearEdges(paragraphs: readonly Paragraph[], textLength: number): readonly Paragraph[] {
  if (textLength <= 4 * EDGE_CHARS) return paragraphs;
  const tailFrom = textLength - EDGE_CHARS;
  return paragraphs.map((p) => (p.start < EDGE_CHARS || p.end > tailFrom ? p : { start: p.start, end: p.start, text: '', dir: p.dir }));
}

/** The first and last EDGE_CHARS of a long text, for detectors that read text rather than paragraphs. */
export function edgeText(text: string): string {
  if (text.length <= 4 * EDGE_CHARS) return text;
  return `${text.slice(0, EDGE_CHARS)}\n${text.slice(text.length - EDGE_CHARS)}`;
}
