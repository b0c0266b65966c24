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
  /** The trie's steps on Arabic-block letters as a table (see stepTable): a Map lookup per letter was most of the scan. */
  steps: Int32Array;
  /** The trie's nodes by number (the root is 0), for the steps the table does not hold. */
  nodes: Trie[];
}

/** The Arabic block, where the names' letters lie: steps on its letters are read from the table. */
const BLOCK_START = 0x0600;
const BLOCK_SIZE = 0x100;
/** A step's entry: no name goes on with this letter. */
const NO_STEP = 0;
/** A step's entry: a name's checked letters end with this letter. */
const NAME_OPENS = -1;

/** For node n and an Arabic-block letter c, `steps[n * BLOCK_SIZE + c - BLOCK_START]`: NO_STEP, NAME_OPENS, or the next node's number plus one. */
function stepTable(root: Trie): { steps: Int32Array; nodes: Trie[] } {
  const nodes: Trie[] = [];
  const number = new Map<Trie, number>();
  const visit = (node: Trie): void => {
    number.set(node, nodes.length);
    nodes.push(node);
    for (const next of node.values()) if (next !== true) visit(next);
  };
  visit(root);
  const steps = new Int32Array(nodes.length * BLOCK_SIZE);
  nodes.forEach((node, n) => {
    for (const [code, next] of node) {
      if (code >= BLOCK_START && code < BLOCK_START + BLOCK_SIZE) steps[n * BLOCK_SIZE + code - BLOCK_START] = next === true ? NAME_OPENS : number.get(next)! + 1;
    }
  });
  return { steps, nodes };
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
  return { trie: root, first, ...stepTable(root) };
}

/** Harakat, superscript alef, tatweel: flexPattern lets any run of them follow a letter. */
function isMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}

function opensName(text: string, i: number, opening: Opening): boolean {
  const { steps, nodes } = opening;
  let node = 0;
  for (let j = i; ; ) {
    const c = text.charCodeAt(j);
    let step: number;
    if (c >= BLOCK_START && c < BLOCK_START + BLOCK_SIZE) step = steps[node * BLOCK_SIZE + c - BLOCK_START]!;
    else {
      // A letter outside the block (none of today's names has one), or past the text's end (NaN).
      const next = nodes[node]!.get(c);
      step = next === undefined ? NO_STEP : next === true ? NAME_OPENS : nodes.indexOf(next) + 1;
    }
    if (step === NO_STEP) return false;
    if (step === NAME_OPENS) return true;
    node = step - 1;
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
  // The global scan goes on after the match (the names are never empty).
  for (let m = nextAtWordStart(re, text, opening, 0); m; m = nextAtWordStart(re, text, opening, m.index + m[0].length)) yield m;
}

// The scan is a plain function, not the generator's body: V8 optimised the generator's
// character loop poorly.
function nextAtWordStart(re: RegExp, text: string, opening: Opening, from: number): RegExpExecArray | null {
  const { first } = opening;
  let afterLetter = from > 0 && isLetterOrMark(text.charCodeAt(from - 1));
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const opens = !afterLetter && first[c] === 1;
    afterLetter = letterOrMark[c] === YES || (letterOrMark[c] === UNKNOWN && isLetterOrMark(c));
    if (!opens || !opensName(text, i, opening)) continue;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}
