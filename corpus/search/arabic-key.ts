// word-forms.ts's isArabicKey, worked out with native string searches rather than a call per
// key character: the scan with no index asks it of every article it matches, where the loop
// cost more than matching. The same counts, so the same answer: the letters only Persian has
// (پ چ ژ گ), and ال where a word starts (at the key's start or after a unit that is not part
// of a word, keyAlphabet's isWord, as ArabicEvidence reads it).
import { keyAlphabet } from './key-alphabet';

const PERSIAN_ONLY = ['\u067e', '\u0686', '\u0698', '\u06af'];
const ARTICLE = '\u0627\u0644';


/** Whether a whole folded key reads as Arabic: the answer of word-forms.ts's isArabicKey. */
export function isArabicKeyFast(key: string): boolean {
  const isWord = keyAlphabet().isWord;
  let article = 0;
  for (let i = key.indexOf(ARTICLE); i >= 0; i = key.indexOf(ARTICLE, i + 1)) if (i === 0 || !isWord(key.charCodeAt(i - 1))) article++;
  if (article < 3) return false;
  // Counted only as far as they can change the answer: a Persian article stops at once.
  let persian = 0;
  for (const letter of PERSIAN_ONLY) {
    for (let i = key.indexOf(letter); i >= 0; i = key.indexOf(letter, i + 1)) if (2 * ++persian >= article) return false;
  }
  return true;
}
