// The index's keys coded for the file (key-codec.ts learns the code and decodes): by longest
// match, a token of 4, else 3, else 2 bytes, else the byte itself. Coding runs at every save of
// the index (56 MB of keys at the 20,000 bench articles), so each match is a walk down tables of
// the tokens' bytes, one lookup per byte looked at and no branch per token length: probing a
// hash table of the long tokens, 4 bytes then 3 then 2, cost ~600 ms of CPU there.
import { Buffer } from 'node:buffer';
import type { KeyCode } from './key-codec';
import { runSteps, type Steps } from './work-steps';

/** Keys as the index file holds them: the code, the coded bytes in pieces, each key's coded length. */
export interface CodedKeys {
  code: KeyCode;
  pieces: Uint8Array[];
  coded: number[];
}

/** Keys are coded this many bytes of them at a time. */
const PIECE = 4 << 20;

/** The keys coded, in pieces, and each key's coded length (what the index header needs before them). */
export function encodeKeys(keys: readonly string[], code: KeyCode): CodedKeys {
  return runSteps(encodeKeySteps(keys, code));
}

/** encodeKeys as steps, one piece of keys each (~30 ms). */
export function* encodeKeySteps(keys: readonly string[], code: KeyCode): Steps<CodedKeys> {
  const encoder = new KeyEncoder(code);
  const pieces: Uint8Array[] = [];
  const coded: number[] = [];
  for (let i = 0; i < keys.length; ) {
    let j = i;
    let length = 0;
    while (j < keys.length && (j === i || length + keys[j]!.length <= PIECE)) length += keys[j++]!.length;
    const src = Buffer.from(keys.slice(i, j).join(''), 'latin1');
    const out = new Uint8Array(src.length);
    let from = 0;
    let at = 0;
    for (; i < j; i++) {
      const to = from + keys[i]!.length;
      const w = encoder.encode(src, from, to, out, at);
      coded.push(w - at);
      at = w;
      from = to;
    }
    // A copy of what was used: the piece is sized for the uncoded keys, and a view would keep all of it until the index is written.
    if (at > 0) pieces.push(out.slice(0, at));
    yield;
  }
  return { code, pieces, coded };
}

/**
 * A table entry: the code byte to write for the bytes walked so far (bits 0–7), how many bytes it
 * stands for (8–10; 0 for a byte that is itself a token, which no key may hold), and the next
 * table's block for one byte more (from bit 11; 0 when no longer token begins so).
 */
const LENGTH = 8;
const BLOCK = 11;

/** Codes keys by longest match. */
export class KeyEncoder {
  /** By the first two bytes (first | second << 8). */
  private readonly two = new Int32Array(1 << 16);
  /** By a block of `two` and the third byte, then by a block of `three` and the fourth (block 0 unused). */
  private readonly three: Int32Array;
  private readonly four: Int32Array;
  private readonly isCode = new Uint8Array(256);

  constructor(code: KeyCode) {
    const { two, isCode } = this;
    for (const [z] of code) isCode[z!] = 1;
    for (let a = 0; a < 256; a++) for (let b = 0; b < 256; b++) two[a | (b << 8)] = isCode[a] ? a : a | (1 << LENGTH);
    const entry = (z: number, length: number) => z | (length << LENGTH);
    const pair = (t: number[]) => t[1]! | (t[2]! << 8);
    for (const t of code) if (t.length === 3) two[pair(t)] = entry(t[0]!, 2);
    const three = (this.three = deeper(two, code.filter((t) => t.length > 3).map(pair)));
    const triple = (t: number[]) => blockAt(two[pair(t)]!) | t[3]!;
    for (const t of code) if (t.length === 4) three[triple(t)] = entry(t[0]!, 3);
    const four = (this.four = deeper(three, code.filter((t) => t.length === 5).map(triple)));
    for (const t of code) if (t.length === 5) four[blockAt(three[triple(t)]!) | t[4]!] = entry(t[0]!, 4);
  }

  /** Codes src[from, to) into `out` from `at`; returns where the coded bytes end. */
  encode(src: Uint8Array, from: number, to: number, out: Uint8Array, at: number): number {
    const { two, three, four } = this;
    let p = from;
    let w = at;
    while (p + 1 < to) {
      let e = two[src[p]! | (src[p + 1]! << 8)]!;
      if (e >>> BLOCK !== 0 && p + 2 < to) {
        e = three[((e >>> BLOCK) << 8) | src[p + 2]!]!;
        if (e >>> BLOCK !== 0 && p + 3 < to) e = four[((e >>> BLOCK) << 8) | src[p + 3]!]!;
      }
      const length = (e >>> LENGTH) & 7;
      if (length === 0) throw new Error(`key byte ${e & 255} is one of the code's tokens`);
      out[w++] = e;
      p += length;
    }
    if (p < to) {
      const a = src[p]!;
      if (this.isCode[a]) throw new Error(`key byte ${a} is one of the code's tokens`);
      out[w++] = a;
    }
    return w;
  }
}

/** Where an entry's next block begins in the table one byte deeper. */
const blockAt = (entry: number): number => (entry >>> BLOCK) << 8;

/**
 * The table one byte deeper than `parent`: a block of 256 entries for each entry of it at one of
 * `starts` (a longer token begins so), each first what that entry says (its code byte and length:
 * the longest match so far), the entry pointed at its block.
 */
function deeper(parent: Int32Array, starts: number[]): Int32Array {
  const distinct = [...new Set(starts)];
  const table = new Int32Array((distinct.length + 1) << 8);
  distinct.forEach((i, n) => {
    const block = n + 1;
    const inherited = parent[i]! & ((1 << BLOCK) - 1);
    table.fill(inherited, block << 8, (block + 1) << 8);
    parent[i] = inherited | (block << BLOCK);
  });
  return table;
}
