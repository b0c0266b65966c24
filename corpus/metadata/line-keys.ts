// A line's folded key (looseKey), kept while an article is read: the furniture rules, the
// headline and the outlet rules each compare the article's lines by it, and folding every
// paragraph three or four times over was a fifth of the list worker's time. Keyed by the
// line's own text, so a key is the same whoever asks; bounded, so a book-length file or a
// long session does not keep every line it ever read.
import { boundedMemo } from './bounded-memo';
import { looseKey } from '../text/letter-variants';

export const lineKey = boundedMemo(looseKey, 4096);
