// One line of a saved page as the furniture rules see it, and the word count they all share, so
// that "a short line" means the same thing in every rule.
import { compact, SENTENCE_END, SENTENCE_PUNCT } from './boilerplate-phrases';

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

export function lineOf(text: string): Line {
  const trimmed = text.trim();
  return { text: trimmed, key: compact(trimmed), words: words(trimmed).length };
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
