// Most rules ask only whether a line is longer than a few words (a credit line, a follow
// prompt, a headline): counting every word of a long paragraph to learn that it has more than
// six was a large part of the outlet and headline rules' time.
import { isSpace } from '../text/words';

/**
 * wordCount(text) when it is at most `limit`, otherwise a number above `limit` (counting stops
 * there): the same answer to any comparison with a threshold up to `limit`.
 */
export function wordsUpTo(text: string, limit: number): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord && ++count > limit) return count;
    inWord = !space;
  }
  return count;
}
