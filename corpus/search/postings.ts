// Lists of article slots per trigram, as varint gaps: the index's postings, in memory and
// as the byte streams the index file holds.
import { GRAMS } from './code-page';
import { decodeList } from './list-codec';

const BLOCK = 64; // [next block: 4 bytes][varints: 60 bytes]
const PAYLOAD = BLOCK - 4;
const CHUNK_BLOCKS = 1 << 16;

/**
 * Append-only lists of slots per trigram, as varint gaps (slots only grow): a base read from
 * disk, left in the file's bytes (gaps, or a bitmap for a dense list: list-codec.ts), then
 * gaps from its last slot on in 64-byte blocks of a pool.
 * About 1.3 bytes per entry, where 32-bit numbers would take three times the memory at
 * 40 million entries. Only trigrams that occur get a list; a dense table maps them.
 */
export class Postings {
  private readonly idOf = new Int32Array(GRAMS);
  gramOf = new Int32Array(1024);
  count = new Int32Array(1024);
  last = new Int32Array(1024);
  baseCount = new Int32Array(1024);
  baseOff = new Int32Array(1024);
  baseLen = new Int32Array(1024);
  /** 1 where the base is a bitmap of the articles, not gaps (list-codec.ts). */
  baseBitmap = new Uint8Array(1024);
  head = new Int32Array(1024);
  tail = new Int32Array(1024);
  /** Bytes used in the tail block. */
  fill = new Int32Array(1024);
  /** Bytes in all blocks of the list. */
  tailLen = new Int32Array(1024);
  /** Lists in use are 1..size-1 (0 means "none"). */
  size = 1;
  baseBytes: Uint8Array = new Uint8Array(0);
  private readonly chunks: Uint8Array[] = [];
  private blocks = 1; // block 0 means "none"

  /** The list of a trigram, or 0 when it never occurs. */
  list(gram: number): number {
    return this.idOf[gram]!;
  }

  /** The list of a trigram, made if needed. */
  open(gram: number): number {
    let id = this.idOf[gram]!;
    if (id !== 0) return id;
    id = this.size++;
    if (id >= this.count.length) this.grow();
    this.idOf[gram] = id;
    this.gramOf[id] = gram;
    this.last[id] = -1;
    return id;
  }

  private grow(): void {
    const n = this.count.length * 2;
    const more = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.gramOf = more(this.gramOf);
    this.count = more(this.count);
    this.last = more(this.last);
    this.baseCount = more(this.baseCount);
    this.baseOff = more(this.baseOff);
    this.baseLen = more(this.baseLen);
    const bitmap = new Uint8Array(n);
    bitmap.set(this.baseBitmap);
    this.baseBitmap = bitmap;
    this.head = more(this.head);
    this.tail = more(this.tail);
    this.fill = more(this.fill);
    this.tailLen = more(this.tailLen);
  }

  private allocate(): number {
    const b = this.blocks++;
    if (b >>> 16 >= this.chunks.length) this.chunks.push(new Uint8Array(CHUNK_BLOCKS * BLOCK));
    return b;
  }

  private next(b: number): number {
    const c = this.chunks[b >>> 16]!;
    const o = (b & (CHUNK_BLOCKS - 1)) * BLOCK;
    return c[o]! | (c[o + 1]! << 8) | (c[o + 2]! << 16) | (c[o + 3]! << 24);
  }

  add(gram: number, slot: number): void {
    const id = this.open(gram);
    const last = this.last[id]!;
    if (last === slot) return;
    this.last[id] = slot;
    this.count[id]!++;
    let gap = slot - last;
    let b = this.tail[id]!;
    let f = this.fill[id]!;
    let chunk = b === 0 ? null : this.chunks[b >>> 16]!;
    let off = (b & (CHUNK_BLOCKS - 1)) * BLOCK;
    let n = 0;
    for (;;) {
      if (chunk === null || f === PAYLOAD) {
        const fresh = this.allocate();
        if (b === 0) this.head[id] = fresh;
        else {
          chunk![off] = fresh & 0xff;
          chunk![off + 1] = (fresh >>> 8) & 0xff;
          chunk![off + 2] = (fresh >>> 16) & 0xff;
          chunk![off + 3] = fresh >>> 24;
        }
        b = fresh;
        chunk = this.chunks[b >>> 16]!;
        off = (b & (CHUNK_BLOCKS - 1)) * BLOCK;
        f = 0;
      }
      n++;
      if (gap >= 0x80) {
        chunk[off + 4 + f++] = (gap & 0x7f) | 0x80;
        gap = Math.floor(gap / 128);
      } else {
        chunk[off + 4 + f++] = gap;
        break;
      }
    }
    this.tail[id] = b;
    this.fill[id] = f;
    this.tailLen[id]! += n;
  }

  decode(id: number): Uint32Array {
    const n = this.count[id]!;
    const out = new Uint32Array(n);
    let k = 0;
    let slot = -1;
    const bc = this.baseCount[id]!;
    if (bc > 0) {
      decodeList(this.baseBytes, this.baseOff[id]!, this.baseLen[id]!, bc, this.baseBitmap[id] === 1, out);
      k = bc;
      slot = out[bc - 1]!;
    }
    let b = this.head[id]!;
    if (b === 0) return out;
    const tailBlock = this.tail[id]!;
    let chunk = this.chunks[b >>> 16]!;
    let off = (b & (CHUNK_BLOCKS - 1)) * BLOCK;
    let limit = b === tailBlock ? this.fill[id]! : PAYLOAD;
    let pos = 0;
    while (k < n) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        if (pos === limit) {
          b = this.next(b);
          chunk = this.chunks[b >>> 16]!;
          off = (b & (CHUNK_BLOCKS - 1)) * BLOCK;
          limit = b === tailBlock ? this.fill[id]! : PAYLOAD;
          pos = 0;
        }
        byte = chunk[off + 4 + pos++]!;
        gap += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      slot += gap;
      out[k++] = slot;
    }
    return out;
  }

  byteLength(id: number): number {
    return this.baseLen[id]! + this.tailLen[id]!;
  }

  /** The list's varint stream (base, then blocks), for writing; not for a base that is a bitmap. */
  encode(id: number): Uint8Array {
    const baseLen = this.baseLen[id]!;
    const out = new Uint8Array(baseLen + this.tailLen[id]!);
    if (baseLen > 0) out.set(this.baseBytes.subarray(this.baseOff[id]!, this.baseOff[id]! + baseLen), 0);
    let p = baseLen;
    const tailBlock = this.tail[id]!;
    for (let b = this.head[id]!; b !== 0; b = b === tailBlock ? 0 : this.next(b)) {
      const chunk = this.chunks[b >>> 16]!;
      const off = (b & (CHUNK_BLOCKS - 1)) * BLOCK + 4;
      const len = b === tailBlock ? this.fill[id]! : PAYLOAD;
      out.set(chunk.subarray(off, off + len), p);
      p += len;
    }
    return out;
  }
}
