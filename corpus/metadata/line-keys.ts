// A line's folded key (looseKey), kept while an article is read: the furniture rules, the
// headline and the outlet rules each compare the article's lines by it, and folding every
// paragraph three or four times over was a fifth of the list worker's time. Keyed by the
// line's own text, so a key is the same whoever asks; bounded, so a book-length file or a
// long session does not keep every line it ever read.
import { looseKey } from '../text/letter-variants';

const MAX_KEPT = 4096;
const kept = new Map<string, string>();

export function lineKey(text: string): string {
  let key = kept.get(text);
  if (key === undefined) {
    if (kept.size >= MAX_KEPT) kept.clear();
    key = looseKey(text);
    kept.set(text, key);
  }
  return key;
}
