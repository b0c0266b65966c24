// The index's keys in fewer bytes on disk (index-format.ts). A key uses only its code page's few
// dozen byte values, so each value it never uses stands for a string of 2–4 bytes that keys
// often hold (learnt from a sample of them when the index is saved): 0.56 of the bytes at the
// 20,000 bench articles. Reading the keys back is timed (reopening a corpus), so a code byte
// expands to one 4-byte store and its length, by a small WebAssembly loop: the same loop in
// JavaScript cost about four times as much (~120 against ~30 ms of CPU for those articles' 32 MB
// of coded keys), mostly before it was compiled; a word dictionary's byte copying cost ten times.
import { Buffer } from 'node:buffer';
import { CodePage, OTHER, SPACE } from './code-page';
import { runSteps, type Steps } from './work-steps';

/** Tokens as the index header keeps them: [code byte, ...the 2–4 bytes it stands for]. */
export type KeyCode = number[][];

const TOKEN_MAX = 4;
/** Bytes of keys the code is learnt from, spread over the articles: learning costs a pass over them per token. */
const SAMPLE = 256 << 10;

/** Which byte values the keys of a code page (its characters `chars`) can hold. */
export function keyBytesUsed(chars: readonly number[]): Uint8Array {
  const page = new CodePage();
  page.restore([...chars]);
  const used = new Uint8Array(256);
  used[SPACE] = 1;
  for (const c of chars) used[page.byteOf[c]!] = 1;
  if (page.full) used[OTHER] = 1;
  return used;
}

/**
 * A code for these keys (bytes in `used` only): each free byte value in turn stands for the
 * pair of symbols (bytes or earlier tokens, 4 bytes at most together) most frequent in a
 * sample of the keys, as byte-pair encoding learns it.
 */
export function learnKeyCode(keys: readonly string[], used: Uint8Array): KeyCode {
  return runSteps(learnKeyCodeSteps(keys, used));
}

/** learnKeyCode as steps, one token each (~2 ms). */
export function* learnKeyCodeSteps(keys: readonly string[], used: Uint8Array): Steps<KeyCode> {
  let total = 0;
  for (const k of keys) total += k.length;
  const picks = total <= SAMPLE ? keys.length : Math.max(1, Math.round((keys.length * SAMPLE) / total));
  const parts: string[] = [];
  for (let p = 0; p < picks; p++) parts.push(keys[Math.floor((p * keys.length) / picks)]!);
  // -1 between articles: no token spans two keys.
  const seq = new Int16Array(parts.reduce((n, k) => n + k.length + 1, 0));
  let n = 0;
  for (const k of parts) {
    for (let i = 0; i < k.length; i++) seq[n++] = k.charCodeAt(i);
    seq[n++] = -1;
  }
  const length = new Uint8Array(256).fill(1);
  const bytes: number[][] = [];
  for (let b = 0; b < 256; b++) bytes.push([b]);
  const count = new Int32Array(1 << 16);
  const code: KeyCode = [];
  for (let z = 0; z < 256; z++) {
    if (used[z]) continue;
    const best = commonestPair(seq, n, length, count);
    if (best < 0) break;
    const a = best >> 8;
    const c = best & 255;
    bytes[z] = [...bytes[a]!, ...bytes[c]!];
    length[z] = bytes[z]!.length;
    code.push([z, ...bytes[z]!]);
    n = mergePair(seq, n, a, c, z);
    yield;
  }
  return code;
}

/** The pair of symbols (a << 8 | c) most frequent in seq[0, n) of at most TOKEN_MAX bytes together, or -1 when none is there twice. */
function commonestPair(seq: Int16Array, n: number, length: Uint8Array, count: Int32Array): number {
  count.fill(0);
  for (let i = 0; i + 1 < n; i++) {
    const a = seq[i]!;
    const c = seq[i + 1]!;
    if (a >= 0 && c >= 0 && length[a]! + length[c]! <= TOKEN_MAX) count[(a << 8) | c]++;
  }
  let best = -1;
  for (let k = 0, most = 1; k < count.length; k++) {
    if (count[k]! > most) {
      most = count[k]!;
      best = k;
    }
  }
  return best;
}

/** Each pair a, c in seq[0, n) made z, left to right; the new length. */
function mergePair(seq: Int16Array, n: number, a: number, c: number, z: number): number {
  let w = 0;
  for (let i = 0; i < n; i++) {
    if (seq[i] === a && i + 1 < n && seq[i + 1] === c) {
      seq[w++] = z;
      i++;
    } else seq[w++] = seq[i]!;
  }
  return w;
}

/** Whether `x` is a code as learnKeyCode makes them (read from a file: anything else is refused). */
export function isKeyCode(x: unknown): x is KeyCode {
  if (!Array.isArray(x)) return false;
  const seen = new Set<number>();
  for (const t of x) {
    if (!Array.isArray(t) || t.length < 3 || t.length > TOKEN_MAX + 1 || !t.every((b) => Number.isInteger(b) && b >= 0 && b < 256) || seen.has(t[0])) return false;
    seen.add(t[0]);
  }
  return true;
}

/** Whether `code` codes keys of bytes in `used`: its tokens free, what they stand for used (a code read from a file may be another page's). */
export function codeFits(code: KeyCode, used: Uint8Array): boolean {
  return code.every(([z, ...bytes]) => !used[z!] && bytes.every((b) => used[b]));
}

/** Memory of the decoder: each byte's expansion and length (8 bytes each), then the coded bytes, then the decoded ones. */
const TABLE = 256 * 8;
const WASM_PAGE = 1 << 16;

/**
 * The decoding loop, (src, end, dst) → end of the decoded bytes, in WebAssembly: for each coded
 * byte x, the 4 bytes at 8x stored at dst, and dst moved on by the length at 8x + 4; four coded
 * bytes at a time (one load), then the rest one by one. Written out by hand: 271 bytes.
 */
function decoderModule(): Uint8Array<ArrayBuffer> {
  const get = (i: number) => [0x20, i];
  const set = (i: number) => [0x21, i];
  const tee = (i: number) => [0x22, i];
  const i32 = (v: number) => {
    const out = [0x41];
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) return [...out, b];
      out.push(b | 0x80);
    }
  };
  const [SRC, END, DST, V, X] = [0, 1, 2, 3, 4];
  const [load, load8, store, add, and, shl, shr, ltU, gtU, geU] = [0x28, 0x2d, 0x36, 0x6a, 0x71, 0x74, 0x76, 0x49, 0x4b, 0x4f];
  // X = 8 × the coded byte (left on the stack by `index`); store its expansion at DST; DST += its length.
  const expand = (index: number[]) => [...index, ...set(X), ...get(DST), ...get(X), load, 2, 0, store, 0, 0, ...get(DST), ...get(X), load, 2, 4, add, ...set(DST)];
  const body = [
    0x01, 0x02, 0x7f, // two i32 locals: V, X
    0x02, 0x40, 0x03, 0x40, // block, loop: four at a time while SRC + 4 <= END
    ...get(SRC), ...i32(4), add, ...get(END), gtU, 0x0d, 1,
    ...get(SRC), load, 0, 0, ...set(V),
    ...expand([...get(V), ...i32(255), and, ...i32(3), shl]),
    ...expand([...get(V), ...i32(5), shr, ...i32(0x7f8), and]),
    ...expand([...get(V), ...i32(13), shr, ...i32(0x7f8), and]),
    ...expand([...get(V), ...i32(21), shr, ...i32(0x7f8), and]),
    ...get(SRC), ...i32(4), add, ...set(SRC), 0x0c, 0,
    0x0b, 0x0b,
    0x02, 0x40, ...get(SRC), ...get(END), geU, 0x0d, 0, 0x03, 0x40, // block, loop: the rest one by one
    ...expand([...get(SRC), load8, 0, 0, ...i32(3), shl]),
    ...get(SRC), ...i32(1), add, ...tee(SRC), ...get(END), ltU, 0x0d, 0,
    0x0b, 0x0b, ...get(DST), 0x0b,
  ];
  const name = (s: string) => [s.length, ...Buffer.from(s)];
  const leb = (v: number) => {
    const out: number[] = [];
    do out.push((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
    while ((v >>>= 7) > 0);
    return out;
  };
  const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f]), // type (i32, i32, i32) → i32
    ...section(3, [0x01, 0x00]),
    ...section(5, [0x01, 0x00, 0x01]), // one memory, one page to begin with
    ...section(7, [0x02, ...name('memory'), 0x02, 0x00, ...name('decode'), 0x00, 0x00]),
    ...section(10, [0x01, ...leb(body.length), ...body]),
  ]);
}

/** What is used of WebAssembly, declared here: the corpus domain is type-checked without the DOM library, which declares it. */
interface Wasm {
  Module: new (bytes: Uint8Array<ArrayBuffer>) => object;
  Instance: new (module: object) => { exports: { memory: WasmMemory; decode: (src: number, end: number, dst: number) => number } };
}
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

let compiled: { wasm: Wasm; module: object } | null | undefined;

/** The compiled loop, once per thread; null where WebAssembly is unavailable (node --jitless). */
function decoderCode(): { wasm: Wasm; module: object } | null {
  const wasm = (globalThis as unknown as { WebAssembly?: Wasm }).WebAssembly;
  if (compiled === undefined) compiled = wasm ? { wasm, module: new wasm.Module(decoderModule()) } : null;
  return compiled;
}

/** Decodes coded keys; one per reader, its memory grown to the largest run of bytes decoded at once. */
export class KeyDecoder {
  private memory: WasmMemory | null = null;
  private run: (src: number, end: number, dst: number) => number;
  private bytes: Buffer;
  private table: Int32Array;

  constructor(code: KeyCode, wasm = true) {
    const loop = wasm ? decoderCode() : null;
    if (loop) {
      const { exports } = new loop.wasm.Instance(loop.module);
      this.memory = exports.memory;
      this.run = exports.decode;
      this.bytes = Buffer.from(this.memory.buffer);
    } else {
      this.bytes = Buffer.alloc(WASM_PAGE);
      this.run = (src, end, dst) => this.decodeHere(src, end, dst);
    }
    this.table = new Int32Array(this.bytes.buffer, this.bytes.byteOffset, TABLE / 4);
    for (let b = 0; b < 256; b++) {
      this.table[2 * b] = b;
      this.table[2 * b + 1] = 1;
    }
    for (const [z, ...bytes] of code) {
      this.table[2 * z!] = bytes.reduceRight((v, b) => (v << 8) | b, 0);
      this.table[2 * z! + 1] = bytes.length;
    }
  }

  /** Where `length` coded bytes can be read to for `decode` to take them where they are (a copy of 32 MB cost 5 ms). */
  input(length: number): Buffer {
    this.reserve(TABLE + 2 * 8 + length * (1 + TOKEN_MAX));
    return this.bytes.subarray(TABLE, TABLE + length);
  }

  /** The key (one character per byte) that `coded` holds. */
  decode(coded: Uint8Array): string {
    const n = coded.length;
    const out = TABLE + n + 8;
    this.reserve(out + n * TOKEN_MAX + 8);
    if (coded.buffer !== this.bytes.buffer || coded.byteOffset !== TABLE) this.bytes.set(coded, TABLE);
    const end = this.run(TABLE, TABLE + n, out);
    return this.bytes.toString('latin1', out, end);
  }

  private reserve(size: number): void {
    if (size <= this.bytes.length) return;
    if (this.memory) {
      this.memory.grow(Math.ceil((size - this.bytes.length) / WASM_PAGE));
      this.bytes = Buffer.from(this.memory.buffer);
    } else {
      const bytes = Buffer.alloc(size);
      bytes.set(this.bytes.subarray(0, TABLE));
      this.bytes = bytes;
    }
    this.table = new Int32Array(this.bytes.buffer, this.bytes.byteOffset, TABLE / 4);
  }

  /** The loop in JavaScript, where WebAssembly is unavailable. */
  private decodeHere(src: number, end: number, dst: number): number {
    const { bytes, table } = this;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = src; i < end; i++) {
      const x = bytes[i]!;
      view.setInt32(dst, table[2 * x]!, true);
      dst += table[2 * x + 1]!;
    }
    return dst;
  }
}
