// Persian and Arabic spell the same word with different letters (ی/ي/ى, ک/ك, ه/ة, the alef
// family), write compounds joined, spaced or with ZWNJ, and any CMS may swap them. The
// detectors in this folder match words through these helpers so that one list of names serves
// both languages and every spelling.
import { foldKey } from './normalise';

const DIGIT_ZERO = { persian: 0x06f0, arabic: 0x0660 };

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII; nothing else changes, lengths stay equal. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= DIGIT_ZERO.persian ? DIGIT_ZERO.persian : DIGIT_ZERO.arabic;
    return String(code - zero);
  });
}

/** Digits of any of the three sets, as a regex character class body. */
export const DIGIT = '[0-9\\u06F0-\\u06F9\\u0660-\\u0669]';

// Harakat, superscript alef, tatweel: a letter may carry any of them.
const MARKS = '[\\u064B-\\u065F\\u0670\\u0640]*';
const JOINER = '[\\s\\u200C\\u200D]*';

const LETTER_CLASS: Record<string, string> = {
  'ی': '[یيىئ]',
  'ي': '[یيىئ]',
  'ى': '[یيىئ]',
  'ک': '[کك]',
  'ك': '[کك]',
  'ا': '[اأإآٱ]',
  'أ': '[اأإآٱ]',
  'إ': '[اأإآٱ]',
  'آ': '[اأإآٱ]',
  'ه': '[هةۀ]',
  'ة': '[هةۀ]',
  'ۀ': '[هةۀ]',
};

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * Regex source matching `word` in any of its usual spellings: letter variants, harakat and
 * tatweel anywhere, and a space, ZWNJ or nothing where the word has a space or ZWNJ.
 */
export function flexPattern(word: string): string {
  let out = '';
  for (const ch of word) {
    if (ch === ' ' || ch === '\u200C') {
      out += JOINER;
      continue;
    }
    out += (LETTER_CLASS[ch] ?? escapeRegex(ch)) + MARKS;
  }
  return out;
}

/** Alternation of several words, longest first so that a short name never hides a long one. */
export function flexAlternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(flexPattern).join('|');
}

/**
 * A comparison key for short lines and names: the search fold (normalise.ts), so that a
 * detector and the search box agree on which spellings are one word.
 */
export function looseKey(text: string): string {
  return foldKey(text).trim();
}

/** Start-of-word and end-of-word guards for Arabic-script words (`\b` knows only ASCII). */
export const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';

/**
 * Every match of a global regex. Unlike String.prototype.matchAll this does not clone the
 * regex, which for the long alternations built here costs more than the search itself.
 */
export function* execAll(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') re.lastIndex++;
    yield m;
  }
}
