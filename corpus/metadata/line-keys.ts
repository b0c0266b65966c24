// A line's folded key (looseKey), kept while an article is read: the furniture rules, the
// headline and the outlet rules each compare the article's lines by it, and folding every
// paragraph three or four times over was a fifth of the list worker's time. Keyed by the
// line's own text, so a key is the same whoever asks; bounded, so a book-length file or a
// long session does not keep every line it ever read.
import { boundedMemo } from './bounded-memo';
import { looseKey } from '../text/letter-variants';
import { EXPAND, foldTables, KEEP, SURROGATE } from '../text/normalise';

export const lineKey = boundedMemo(looseKey, 4096);

let tables: ReturnType<typeof foldTables> | undefined;

/** The text folds to no key at all. */
const NO_KEY = -2;
/** The first key character is not told without folding (a ligature that expands). */
const UNTOLD = -1;

/**
 * The first character of `lineKey(text)`, read from the fold's tables without folding the line:
 * the headline compares a line with every line below it, and most differ in their first letter.
 */
function firstKeyChar(text: string): number {
  tables ??= foldTables();
  const { cls, map } = tables;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = cls[c];
    if (kind === KEEP) return map[c]!;
    if (kind === SURROGATE) return c;
    if (kind === EXPAND) return UNTOLD;
    // Marks, invisible characters and leading spaces leave nothing at the key's start (spaces are trimmed).
  }
  return NO_KEY;
}

/** `lineKey(a) === lineKey(b)`, without folding lines whose first letters already differ. */
export function sameLineKey(a: string, b: string): boolean {
  if (a === b) return true;
  const x = firstKeyChar(a);
  const y = firstKeyChar(b);
  if (x !== y && x !== UNTOLD && y !== UNTOLD) return false;
  return lineKey(a) === lineKey(b);
}

/** `lineKey(text).startsWith(stem)` for a folded `stem`, without folding a line whose first letter is not the stem's. */
export function lineKeyStartsWith(text: string, stem: string): boolean {
  if (stem === '') return true;
  const x = firstKeyChar(text);
  if (x !== stem.charCodeAt(0) && x !== UNTOLD) return false;
  return lineKey(text).startsWith(stem);
}
