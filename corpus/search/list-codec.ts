// A trigram's list as the index file stores it: its slots' varint gaps, or, for a list that
// holds at least one article in eight, a bitmap of all the articles. Gaps cost a byte per
// entry at the least, so the bitmap is never larger; at 20,000 articles the ~2,800 lists
// that dense held 15.8 of the lists' 30.9 MB as gaps, and take 6.9 MB as bitmaps. The table's
// length field says which (its top bit), so that a list is read without looking at it first.

/** What writing a list needs of the lists in memory (postings.ts's Postings). */
interface HeldLists {
  count: Int32Array;
  baseBitmap: Uint8Array;
  baseBytes: Uint8Array;
  baseOff: Int32Array;
  baseLen: Int32Array;
  /** 0 where nothing was added since the base was read. */
  head: Int32Array;
  decode(id: number): Uint32Array;
  /** The list's bytes as gaps, and their length, when its base is not a bitmap. */
  encode(id: number): Uint8Array;
  byteLength(id: number): number;
}

/** Top bit of a table row's length field: the list is a bitmap of the articles. */
const BITMAP = 0x80000000;

/** Bytes of a bitmap of `docs` articles (slot s is bit s & 7 of byte s >> 3). */
export const bitmapBytes = (docs: number): number => (docs + 7) >>> 3;

/** Whether a list of `count` slots among `docs` articles is stored as a bitmap. */
const asBitmap = (count: number, docs: number): boolean => count * 8 >= docs;

/** The list's byte length from a table row's length field. */
export const fieldLength = (field: number): number => (field & ~BITMAP) >>> 0;

/** Whether a table row's length field says the list is a bitmap. */
export const fieldBitmap = (field: number): boolean => (field & BITMAP) !== 0;

/** The table's length field for list `id` written among `docs` articles (slots below docs). */
export function storedField(p: HeldLists, id: number, docs: number): number {
  if (asBitmap(p.count[id]!, docs)) return (BITMAP | bitmapBytes(docs)) >>> 0;
  return p.baseBitmap[id] ? gapsOf(p.decode(id)).length : p.byteLength(id);
}

/** The bytes of list `id` written among `docs` articles, as storedField says they are. */
export function storedBytes(p: HeldLists, id: number, docs: number): Uint8Array {
  if (asBitmap(p.count[id]!, docs)) {
    // A bitmap read from disk with nothing added is copied as it is: decoding each cost saving
    // a reopened index (2,800 of them at 20,000 articles) nearly twice as much.
    if (p.baseBitmap[id] && p.head[id] === 0) {
      const out = new Uint8Array(bitmapBytes(docs));
      out.set(p.baseBytes.subarray(p.baseOff[id]!, p.baseOff[id]! + p.baseLen[id]!));
      return out;
    }
    return bitmapOf(p.decode(id), docs);
  }
  // A bitmap read from disk, its list now sparser among more articles: back to gaps.
  return p.baseBitmap[id] ? gapsOf(p.decode(id)) : p.encode(id);
}

/** `count` slots of a list stored in bytes[at..at+len) into out[0..count), as gaps or as a bitmap. */
export function decodeList(bytes: Uint8Array, at: number, len: number, count: number, bitmap: boolean, out: Uint32Array): void {
  if (bitmap) decodeBitmap(bytes, at, len, count, out);
  else decodeGaps(bytes, at, count, out);
}

/** The set bits of bytes[at..at+len) as ascending slots, at most `count` of them. */
function decodeBitmap(bytes: Uint8Array, at: number, len: number, count: number, out: Uint32Array): void {
  let k = 0;
  for (let i = 0; i < len && k < count; i++) {
    let b = bytes[at + i]!;
    while (b !== 0) {
      const low = b & -b;
      out[k++] = i * 8 + 31 - Math.clz32(low);
      b ^= low;
    }
  }
}

/** `count` varint gaps from bytes[at] as slots into out[0..count) (the first gap counts from -1). */
export function decodeGaps(bytes: Uint8Array, at: number, count: number, out: Uint32Array): void {
  let p = at;
  let slot = -1;
  for (let i = 0; i < count; i++) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[p++]!;
      gap += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    slot += gap;
    out[i] = slot;
  }
}

/** Ascending slots below `docs` as a bitmap. */
export function bitmapOf(slots: Uint32Array, docs: number): Uint8Array {
  const out = new Uint8Array(bitmapBytes(docs));
  for (let i = 0; i < slots.length; i++) out[slots[i]! >>> 3]! |= 1 << (slots[i]! & 7);
  return out;
}

/** Ascending slots as varint gaps (the first from -1). */
export function gapsOf(slots: Uint32Array): Uint8Array {
  const out = new Uint8Array(slots.length * 5);
  let p = 0;
  let last = -1;
  for (let i = 0; i < slots.length; i++) {
    let gap = slots[i]! - last;
    last = slots[i]!;
    while (gap >= 0x80) {
      out[p++] = (gap & 0x7f) | 0x80;
      gap = Math.floor(gap / 128);
    }
    out[p++] = gap;
  }
  return out.slice(0, p);
}
