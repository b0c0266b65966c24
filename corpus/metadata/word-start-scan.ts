// A global scan with a long name alternation (office-holders' names, outlet and month names) is
// too large for V8 to compile to machine code: its interpreter tries every alternative at every
// character of the text. Here the pattern is tried, sticky, only where one of its words can
// start: where the text's next letters (harakat and tatweel between them skipped) open one of
// its names, not after a letter or mark (the patterns open with such a guard). Same matches,
// same order, a small part of the work.
import { flexPattern } from '../text/letter-variants';

/** Letters of a name checked before its pattern is tried: enough to tell most words of a text from every name. */
const CHECKED_LETTERS = 5;

/** A trie of the names' first letters, each with its variants (`[یيىئ]`); `true` where a name's checked letters end. */
type Trie = Map<number, Trie | true>;

/** The trie, and its first level as a table by UTF-16 code for the scan's inner loop. */
export interface Opening {
  trie: Trie;
  first: Uint8Array;
}

/** The opening letters of `flexPattern(word)` for each of `words`. */
export function namesOpening(words: readonly string[]): Opening {
  const root: Trie = new Map();
  for (const word of words) {
    const letters: string[] = [];
    for (const ch of word) {
      // A space or ZWNJ may be left out (`امیرعبداللهیان`) or be a space: the check stops there.
      if (ch === ' ' || ch === '\u200C' || letters.length === CHECKED_LETTERS) break;
      const pattern = flexPattern(ch);
      // A letter with variants gives its class, any other character itself.
      letters.push(pattern.startsWith('[') ? pattern.slice(1, pattern.indexOf(']')) : ch);
    }
    if (letters.length === 0) throw new Error(`a name cannot open with a space: «${word}»`);
    let level = [root];
    letters.forEach((variants, k) => {
      const next: Trie[] = [];
      for (const node of level) {
        for (const v of variants) {
          const code = v.charCodeAt(0);
          const seen = node.get(code);
          if (k === letters.length - 1 || seen === true) node.set(code, true);
          else if (seen) next.push(seen);
          else {
            const child: Trie = new Map();
            node.set(code, child);
            next.push(child);
          }
        }
      }
      level = next;
    });
  }
  const first = new Uint8Array(0x10000);
  for (const code of root.keys()) first[code] = 1;
  return { trie: root, first };
}

/** Harakat, superscript alef, tatweel: flexPattern lets any run of them follow a letter. */
function isMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}

function opensName(text: string, i: number, trie: Trie): boolean {
  let node = trie;
  for (let j = i; ; ) {
    const next = node.get(text.charCodeAt(j));
    if (next === undefined) return false;
    if (next === true) return true;
    node = next;
    j++;
    while (isMark(text.charCodeAt(j))) j++;
  }
}

// Each BMP character's answer to /[\p{L}\p{M}]/u, found the first time it is met.
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const letterOrMark = new Uint8Array(0x10000);
const UNKNOWN = 0;
const YES = 1;
const NO = 2;

/** True when the character is surely a letter or a mark (half a surrogate pair is never ruled on: not skipped). */
function isLetterOrMark(c: number): boolean {
  let known = letterOrMark[c]!;
  if (known === UNKNOWN) {
    known = c >= 0xd800 && c <= 0xdfff ? NO : LETTER_OR_MARK.test(String.fromCharCode(c)) ? YES : NO;
    letterOrMark[c] = known;
  }
  return known === YES;
}

/**
 * What a global scan with `re` finds, for a sticky `re` made of `flexPattern`s of names (`opening`)
 * whose every match is not preceded by a letter or mark.
 */
export function* matchesAtWordStarts(re: RegExp, text: string, opening: Opening): Generator<RegExpExecArray> {
  const { first, trie } = opening;
  let afterLetter = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const opens = !afterLetter && first[c] === 1;
    afterLetter = letterOrMark[c] === YES || (letterOrMark[c] === UNKNOWN && isLetterOrMark(c));
    if (!opens || !opensName(text, i, trie)) continue;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) continue;
    yield m;
    // The global scan goes on after the match (the names are never empty).
    i = re.lastIndex - 1;
    afterLetter = isLetterOrMark(text.charCodeAt(i));
  }
}
