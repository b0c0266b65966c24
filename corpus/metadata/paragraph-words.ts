// A paragraph's word count as the outlet and date rules ask for it, counted once per
// paragraph: the source, follow, rights, domain, masthead, prose and layout rules each asked
// wordsUpTo of the same paragraph with their own limit, and those recounts were about a
// twentieth of the list worker's detection time. Kept by the paragraph object (a WeakMap), so
// an article's paragraphs share it and drop out with it.
import type { Paragraph } from '../text/paragraphs';
import { wordsUpTo } from './word-limit';

/** The highest limit any rule asks with (rightsAt's); counting stops just above it. */
export const PARAGRAPH_WORDS_COUNTED = 45;

const counted = new WeakMap<Paragraph, number>();

/** wordsUpTo(p.text, limit), the same answer for every limit, with the paragraph counted once. */
export function paragraphWordsUpTo(p: Paragraph, limit: number): number {
  if (limit > PARAGRAPH_WORDS_COUNTED) return wordsUpTo(p.text, limit);
  let n = counted.get(p);
  if (n === undefined) {
    n = wordsUpTo(p.text, PARAGRAPH_WORDS_COUNTED);
    counted.set(p, n);
  }
  // n is the count when it is at most the ceiling, ceiling + 1 otherwise: wordsUpTo's answer for a lower limit follows.
  return n > limit ? limit + 1 : n;
}
