// One line of a saved page as the furniture rules see it, and the word count they all share, so
// that "a short line" means the same thing in every rule.
import { compact, SENTENCE_END, SENTENCE_PUNCT } from './boilerplate-phrases';
import { isSpace } from '../text/words';

/** Why a line is furniture. */
export type BoilerplateKind =
  | 'weather'
  | 'skip-link'
  | 'label'
  | 'date-line'
  | 'news-code'
  | 'field'
  | 'number'
  | 'symbols'
  | 'counter'
  | 'comments'
  | 'subscribe'
  | 'prompt'
  | 'share'
  | 'size-picker'
  | 'legal'
  | 'navigation'
  | 'menu'
  | 'section'
  | 'list'
  | 'read-more'
  | 'end-marker'
  | 'caption'
  | 'masthead'
  | 'link'
  | 'token'
  | 'among-furniture'
  | 'repeated'
  | 'tags';

/** A line with what every rule needs computed once. */
export interface Line {
  /** The line, trimmed. */
  text: string;
  /** compact(text): no spaces, ZWNJ, punctuation or letter variants. */
  key: string;
  words: number;
}

/** Words with a letter or digit in them; a lone `-` or `|` is not a word. */
export function words(text: string): string[] {
  return text.trim().split(/[\s\u00A0]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

// Each BMP character's answer to /[\p{L}\p{N}]/u, found the first time it is met.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UNKNOWN = 0;
const YES = 1;
const NO = 2;
const letterOrDigit = new Uint8Array(0x10000);

function isLetterOrDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // A surrogate pair is one character to the regex; a lone surrogate is none.
  if (c >= 0xd800 && c <= 0xdfff) return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!)) && text.codePointAt(i)! > 0xffff;
  if (letterOrDigit[c] === UNKNOWN) letterOrDigit[c] = LETTER_OR_DIGIT.test(text[i]!) ? YES : NO;
  return letterOrDigit[c] === YES;
}

/** words(text).length in one pass, for the word count every line needs (words() splits the whole article otherwise). */
function wordsIn(text: string): number {
  let count = 0;
  let inWord = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (!counted && isLetterOrDigitAt(text, i)) {
      count++;
      counted = true;
    }
  }
  return count;
}

/** A line whose key is folded only when a rule asks for it: most rules, and every rule for a long line, never do. */
class FurnitureLine implements Line {
  private folded: string | undefined;
  constructor(
    readonly text: string,
    readonly words: number,
  ) {}

  get key(): string {
    this.folded ??= compact(this.text);
    return this.folded;
  }
}

export function lineOf(text: string): Line {
  const trimmed = text.trim();
  return new FurnitureLine(trimmed, wordsIn(trimmed));
}

/** A line a reader takes for article text: long, or ending a sentence. */
export function isProse(line: Line): boolean {
  return line.words >= 8 || SENTENCE_END.test(line.text);
}

/** A short bare line: a link, a tag, a section name. */
export function isShortLabel(line: Line, maxWords = 4): boolean {
  return line.words >= 1 && line.words <= maxWords && line.text.length <= 10 * maxWords && !SENTENCE_PUNCT.test(line.text) && !SENTENCE_END.test(line.text);
}

/** Arabic-script letters (Persian and Arabic alike). */
export const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
