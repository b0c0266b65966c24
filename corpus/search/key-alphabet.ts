// How a search pattern spells the characters of a folded key. The same pattern runs on two
// spellings of one key: the key itself (to find hits in an article's text) and the index's
// one-byte copy of it (to count and rank without reading the article). Both decide word
// boundaries with the one predicate below, so that they find the same hits.

export interface Alphabet {
  /** Regex source for one folded key code unit, or null when no key of this alphabet holds it. */
  char(code: number): string | null;
  /** Folded text as keys of this alphabet hold it, or null when one of its characters cannot occur. */
  spell(text: string): string | null;
  /** Whether a code unit of a key of this alphabet is part of a word. */
  isWord(unit: number): boolean;
  /** Body of a regex class of the code units that are not part of a word (the space, punctuation, symbols). */
  readonly nonWord: string;
}

const NON_WORD = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]/u;

/**
 * Whether a folded key code unit is part of a word: letters, digits and marks are, the space,
 * punctuation and symbols are not. Surrogates count as word characters (a key may hold a lone
 * one, and a pair's meaning is not known one unit at a time).
 */
export function isWordUnit(code: number): boolean {
  if (code === 0x20) return false;
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return !NON_WORD.test(String.fromCharCode(code));
}

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

/** `\uXXXX` for any code unit: no escaping rules to get wrong, lone surrogates included. */
export function unitSource(code: number): string {
  return `\\u${hex(code, 4)}`;
}

/** `\xNN` for a byte. */
export function byteSource(byte: number): string {
  return `\\x${hex(byte, 2)}`;
}

let unicode: Alphabet | null = null;

/** The alphabet of folded keys as strings (every code unit stands for itself). */
export function keyAlphabet(): Alphabet {
  if (unicode) return unicode;
  // The non-word code units of the whole BMP as a table and as ranges (a class of a few
  // hundred), worked out once: about 65,000 tests, some milliseconds.
  const table = new Uint8Array(0x10000);
  const parts: string[] = [];
  let from = -1;
  for (let c = 0; c <= 0x10000; c++) {
    const non = c < 0x10000 && !isWordUnit(c);
    if (c < 0x10000 && !non) table[c] = 1;
    if (non && from < 0) from = c;
    else if (!non && from >= 0) {
      parts.push(from === c - 1 ? unitSource(from) : `${unitSource(from)}-${unitSource(c - 1)}`);
      from = -1;
    }
  }
  const words = table;
  unicode = { char: unitSource, spell: (text) => text, isWord: (u) => words[u] === 1, nonWord: parts.join('') };
  return unicode;
}
