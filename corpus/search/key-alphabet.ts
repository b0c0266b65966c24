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

/** Every BMP code unit but the surrogates, in order: one string for one regex pass. */
function bmpWithoutSurrogates(): string {
  const units = new Uint16Array(0x10000 - 0x800);
  for (let i = 0; i < units.length; i++) units[i] = i < 0xd800 ? i : i + 0x800;
  return new TextDecoder('utf-16le').decode(units);
}

/**
 * The non-word code units of the BMP as [from, to] runs, ascending: what isWordUnit says of
 * each, found by one global regex over the whole BMP (a native pass) rather than a test of
 * each of 65,536 strings, which took a thread starting a search some 15 ms.
 */
function nonWordRuns(): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const text = bmpWithoutSurrogates();
  const unitAt = (i: number) => (i < 0xd800 ? i : i + 0x800);
  // isWordUnit's class: the space is in \p{Z}; surrogates are not in the text, so are words.
  const re = new RegExp(`${NON_WORD.source}+`, 'gu');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const from = m.index;
    const to = from + m[0].length - 1;
    // A run across the surrogates' place is two runs (the surrogates between are words).
    if (from < 0xd800 && to >= 0xd800) runs.push([from, 0xd7ff], [0xe000, unitAt(to)]);
    else runs.push([unitAt(from), unitAt(to)]);
  }
  return runs;
}

/** The alphabet of folded keys as strings (every code unit stands for itself). */
export function keyAlphabet(): Alphabet {
  if (unicode) return unicode;
  // The non-word code units of the whole BMP as a table and as ranges (a class of a few
  // hundred), worked out once.
  const words = new Uint8Array(0x10000).fill(1);
  const parts: string[] = [];
  for (const [from, to] of nonWordRuns()) {
    words.fill(0, from, to + 1);
    parts.push(from === to ? unitSource(from) : `${unitSource(from)}-${unitSource(to)}`);
  }
  unicode = { char: unitSource, spell: (text) => text, isWord: (u) => words[u] === 1, nonWord: parts.join('') };
  return unicode;
}
