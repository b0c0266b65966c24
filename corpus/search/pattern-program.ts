// A term's pattern as a small program that the matcher runs itself, piece by piece, with the
// regex's backtracking order. The regex source (term-pattern.ts) says the same thing, but
// V8 compiled it anew for every query: the suffix tries made a one-word pattern some 4,000
// characters and a three-word one 12,000, which took 2 to 20 ms before the first candidate was
// even looked at, more than all the matching of most queries. The pieces here are built once
// (tries are kept per alphabet like their source) and cost nothing to start.
import type { Alphabet } from './key-alphabet';

/** A trie node: branches in the order the regex tries them. */
interface TrieNode {
  branches: TrieBranch[];
}

interface TrieBranch {
  unit: number;
  sub: TrieNode | null;
  /** An option ends here (and `sub` is optional). */
  ends: boolean;
}

export type Piece =
  | { kind: 'lit'; text: string }
  | { kind: 'never' }
  | { kind: 'space'; unit: number }
  /** One of many strings (pattern-pieces.ts's `choice`): the longer tried first, then none when optional. */
  | { kind: 'choice'; trie: TrieNode | null; optional: boolean }
  /** A stem's letters; `gaps[i]` before letter i: 0 none, 1 an optional space, 2 one unless a lone letter stands before it. */
  | { kind: 'core'; units: string; gaps: Uint8Array; space: number }
  | { kind: 'alt'; branches: Piece[][] }
  /** The hit ends where a written word does. */
  | { kind: 'end' };

export type Program = Piece[];

/** The options' remainders after their first character, by that character, in the options' order (a trie's branches). */
export function byFirstChar(options: readonly string[]): Map<string, string[]> {
  const byFirst = new Map<string, string[]>();
  for (const o of options) {
    const rest = byFirst.get(o[0]!) ?? [];
    rest.push(o.slice(1));
    byFirst.set(o[0]!, rest);
  }
  return byFirst;
}

/** The trie of a choice's options as pattern-pieces.ts's `trie` makes its source (same filter, same order). */
export function trieOf(options: readonly string[], a: Alphabet): TrieNode | null {
  const byFirst = byFirstChar(options);
  if (byFirst.size === 0) return null;
  const branches: TrieBranch[] = [];
  for (const [first, rests] of byFirst) {
    const sub = trieOf(
      rests.filter((r) => r !== ''),
      a,
    );
    branches.push({ unit: a.spell(first)!.charCodeAt(0), sub, ends: sub === null || rests.includes('') });
  }
  return { branches };
}

/** The longest a match of the program can be: what a search for a part of a hit must look around. */
export function maxLength(program: Program): number {
  let n = 0;
  for (const p of program) {
    if (p.kind === 'lit') n += p.text.length;
    else if (p.kind === 'space') n += 1;
    else if (p.kind === 'core') n += p.units.length + p.gaps.filter((g) => g !== 0).length;
    else if (p.kind === 'choice') n += p.trie === null ? 0 : depth(p.trie);
    else if (p.kind === 'alt') n += Math.max(0, ...p.branches.map(maxLength));
  }
  return n;
}

function depth(node: TrieNode): number {
  return Math.max(0, ...node.branches.map((b) => 1 + (b.sub === null ? 0 : depth(b.sub))));
}

/** A continuation: the rest of an enclosing sequence. */
interface Cont {
  seq: Program;
  i: number;
  up: Cont | null;
}

// The key and its word test for the run under way (runs never nest).
let key = '';
let isWord: (u: number) => boolean = () => false;

/** Where the program's first match at `start` ends (the regex's lastIndex), or -1 when it does not match there. */
export function runProgram(program: Program, text: string, start: number, wordTest: (u: number) => boolean): number {
  key = text;
  isWord = wordTest;
  const end = run(program, 0, start, null);
  key = '';
  return end;
}

/** Not a line terminator: what `.` matches in the regex. */
function dot(u: number): boolean {
  return u !== 0x0a && u !== 0x0d && u !== 0x2028 && u !== 0x2029;
}

function run(seq: Program, i: number, pos: number, up: Cont | null): number {
  for (;;) {
    if (i === seq.length) {
      if (up === null) return pos;
      seq = up.seq;
      i = up.i;
      up = up.up;
      continue;
    }
    const p = seq[i]!;
    switch (p.kind) {
      case 'lit':
        if (!key.startsWith(p.text, pos)) return -1;
        pos += p.text.length;
        break;
      case 'never':
        return -1;
      case 'space':
        if (key.charCodeAt(pos) !== p.unit) return -1;
        pos++;
        break;
      case 'core': {
        const { units, gaps, space } = p;
        for (let j = 0; j < units.length; j++) {
          const g = gaps[j]!;
          // The letter after a gap is never a space, so taking the space when it is there is the only way.
          if (g !== 0 && key.charCodeAt(pos) === space && (g === 1 || !(pos >= 2 && key.charCodeAt(pos - 2) === space && dot(key.charCodeAt(pos - 1))))) pos++;
          if (key.charCodeAt(pos) !== units.charCodeAt(j)) return -1;
          pos++;
        }
        break;
      }
      case 'choice': {
        if (p.trie !== null) {
          const r = walk(p.trie, pos, seq, i + 1, up);
          if (r >= 0) return r;
        }
        if (!p.optional) return -1;
        break;
      }
      case 'alt': {
        const rest: Cont = { seq, i: i + 1, up };
        for (const b of p.branches) {
          const r = run(b, 0, pos, rest);
          if (r >= 0) return r;
        }
        return -1;
      }
      case 'end':
        if (pos < key.length && isWord(key.charCodeAt(pos))) return -1;
        break;
    }
    i++;
  }
}

/** A choice's options at `pos`, each tried with the rest of the sequence, in the regex's order. */
function walk(node: TrieNode, pos: number, seq: Program, i: number, up: Cont | null): number {
  const u = key.charCodeAt(pos);
  for (const b of node.branches) {
    if (b.unit !== u) continue;
    if (b.sub !== null) {
      const r = walk(b.sub, pos + 1, seq, i, up);
      if (r >= 0) return r;
    }
    if (b.ends) {
      const r = run(seq, i, pos + 1, up);
      if (r >= 0) return r;
    }
  }
  return -1;
}
