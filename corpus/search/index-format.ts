// The search index's byte form, written and read: a JSON header, the keys, the table of
// trigram lists and the lists' varint streams. index-store.ts keeps the files.
import type { Buffer } from 'node:buffer';
import { CodePage, GRAMS } from './code-page';
import { outletKey, type DocMeta, type Slot } from './index-slot';
import { isKeyCode, KeyDecoder, type KeyCode } from './key-codec';
import type { CodedKeys } from './key-encoder';
import { bitmapBytes, fieldBitmap, fieldLength, storedBytes, storedField } from './list-codec';
import { fromMetaColumns, toMetaColumns, type MetaColumns } from './meta-columns';
import { splitNulJoined } from './nul-joined';
import { Postings } from './postings';

/**
 * 4: the keys without spaces are gone (hits are found by patterns on the keys themselves),
 * and each article says whether its key reads as Arabic (which word forms apply).
 * 5: the header's articles are columns (names, key lengths, Arabic flags, metadata by number
 * in a table of the distinct ones): parsing 20,000 objects cost reopening and every command
 * line search about five times as much.
 * 6: the names as one string, the distinct metadata as columns (meta-columns.ts): the header
 * parsed in 20 ms at 20,000 articles, 9 of them the metadata's objects. A list that holds at
 * least one article in eight is a bitmap of the articles (list-codec.ts). The keys are coded
 * (key-codec.ts): 0.56 of their bytes, the code and each key's coded length in the header.
 */
export const INDEX_FORMAT = 6;
const MAGIC = [0x48, 0x53, 0x49, 0x58]; // "HSIX"
/** Size of the pieces the index is saved in. */
const PIECE = 4 << 20;
/** The keys are decoded this many coded bytes at a time. */
const KEY_PIECE = 2 << 20;

interface StoredHeader {
  format: number;
  chars: number[];
  /** Per article, in slot order: its name (joined by NUL, which no name holds), its key's length, '1' where the key reads as Arabic, its metadata's number in `metas`. */
  files: string;
  lengths: number[];
  /** The keys' code, and each key's length as coded (where its bytes are, for reading one in place). */
  code: KeyCode;
  coded: number[];
  arabic: string;
  meta: number[];
  metas: MetaColumns;
  extra: unknown;
}

/** The header's articles as read. */
interface HeaderColumns {
  chars: number[];
  files: string[];
  lengths: number[];
  /** The keys' code, and each key's length as coded (where its bytes are, for reading one in place). */
  code: KeyCode;
  coded: number[];
  arabic: string;
  meta: number[];
  metas: DocMeta[];
  extra: unknown;
}

export class IndexFormatError extends Error {
  constructor(why: string) {
    super(`search index unreadable: ${why}`);
    this.name = 'IndexFormatError';
  }
}

/**
 * The index as byte chunks to write one after another: a JSON header (with `extra`, the
 * caller's data), the keys (one byte per character, coded), then the trigram lists. Made as
 * they are written, a few megabytes at a time, so that saving does not hold a second copy of
 * the index in memory; the coded keys (`keys`, the slots' keys coded with a code for `chars`,
 * key-encoder.ts) are made before, as the header says their lengths. The slots must be compact (no gaps).
 */
export function* indexChunks(slots: readonly Slot[], chars: number[], postings: Postings, extra: unknown, keys: CodedKeys): Generator<Uint8Array> {
  const metas: DocMeta[] = [];
  const metaNumber = new Map<string, number>();
  const meta = slots.map((s) => {
    const k = JSON.stringify(s.meta);
    let n = metaNumber.get(k);
    if (n === undefined) metaNumber.set(k, (n = metas.push(s.meta) - 1));
    return n;
  });
  const { code, pieces, coded } = keys;
  const header: StoredHeader = {
    format: INDEX_FORMAT,
    chars,
    files: slots.map((s) => s.file).join('\0'),
    lengths: slots.map((s) => s.key.length),
    code,
    coded,
    arabic: slots.map((s) => (s.arabic ? '1' : '0')).join(''),
    meta,
    metas: toMetaColumns(metas),
    extra,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const top = new Uint8Array(8);
  top.set(MAGIC, 0);
  new DataView(top.buffer).setUint32(4, headerBytes.length, true);
  yield top;
  yield headerBytes;
  yield* pieces;
  const p = postings;
  let rows = 0;
  for (let id = 1; id < p.size; id++) if (p.count[id]! > 0) rows++;
  const table = new Uint8Array(4 + rows * 16);
  const tv = new DataView(table.buffer);
  tv.setUint32(0, rows, true);
  let r = 0;
  for (let id = 1; id < p.size; id++) {
    if (p.count[id]! === 0) continue;
    const at = 4 + r * 16;
    tv.setUint32(at, p.gramOf[id]!, true);
    tv.setUint32(at + 4, p.count[id]!, true);
    tv.setInt32(at + 8, p.last[id]!, true);
    tv.setUint32(at + 12, storedField(p, id, slots.length), true);
    r++;
  }
  yield table;
  // The lists, gathered into pieces: a hundred thousand small writes would cost a syscall each.
  let piece = new Uint8Array(PIECE);
  let used = 0;
  for (let id = 1; id < p.size; id++) {
    if (p.count[id]! === 0) continue;
    const bytes = storedBytes(p, id, slots.length);
    if (used + bytes.length > piece.length) {
      if (used > 0) yield piece.subarray(0, used);
      piece = new Uint8Array(Math.max(PIECE, bytes.length));
      used = 0;
    }
    piece.set(bytes, used);
    used += bytes.length;
  }
  if (used > 0) yield piece.subarray(0, used);
}

/** The header as read: the articles' columns checked, where the keys and the lists begin. */
export interface IndexHeader extends HeaderColumns {
  /** Byte offset of the first key, and of the posting table's row count after the keys. */
  keysAt: number;
  tableAt: number;
}

function fail(why: string): never {
  throw new IndexFormatError(why);
}

/** The header's length from the file's first 8 bytes. */
export function headerLength(top: Uint8Array): number {
  if (top.length < 8) fail('too short');
  for (let i = 0; i < 4; i++) if (top[i] !== MAGIC[i]) fail('not a Hashiya index');
  return new DataView(top.buffer, top.byteOffset, top.byteLength).getUint32(4, true);
}

/** The header from the file's first 8 + headerLength bytes; throws IndexFormatError on anything unexpected. */
export function readHeader(bytes: Uint8Array): IndexHeader {
  const headerLen = headerLength(bytes);
  if (8 + headerLen > bytes.length) fail('header cut short');
  let header: StoredHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLen))) as StoredHeader;
  } catch {
    return fail('header is not JSON');
  }
  if (header === null || typeof header !== 'object') fail('bad header');
  if (header.format !== INDEX_FORMAT) fail(`format ${header.format}, expected ${INDEX_FORMAT}`);
  const { chars, lengths, code, coded, arabic, meta } = header;
  if (!Array.isArray(chars) || !Array.isArray(lengths) || !Array.isArray(coded) || !isKeyCode(code) || !Array.isArray(meta) || typeof arabic !== 'string') fail('bad header');
  const metas = fromMetaColumns(header.metas) ?? fail('bad header');
  const files = splitNulJoined(header.files, lengths.length) ?? fail('bad header');
  const n = files.length;
  if (lengths.length !== n || coded.length !== n || meta.length !== n || arabic.length !== n) fail('bad header');
  let keysLength = 0;
  for (let i = 0; i < n; i++) {
    const length = lengths[i]!;
    const m = meta[i]!;
    if (!Number.isInteger(length) || length < 0 || !Number.isInteger(coded[i]) || coded[i]! < 0 || !Number.isInteger(m) || m < 0 || m >= metas.length) fail('bad header');
    keysLength += coded[i]!;
  }
  const keysAt = 8 + headerLen;
  return { chars, files, lengths, code, coded, arabic, meta, metas, extra: header.extra, keysAt, tableAt: keysAt + keysLength };
}

/** Makes the header's article i into a slot with its key (each distinct outlet folded once). */
export function slotMaker(header: IndexHeader): (i: number, key: string) => Slot {
  // By outlet, not by metadata: thousands of distinct metadata (dates) share a dozen outlets,
  // and folding each again cost reopening a tenth of its time.
  const byOutlet = new Map<string | null, string | null>();
  const outletKeys = header.metas.map((m) => {
    let k = byOutlet.get(m.outlet);
    if (k === undefined) byOutlet.set(m.outlet, (k = outletKey(m)));
    return k;
  });
  return (i, key) => {
    const m = header.meta[i]!;
    return { file: header.files[i]!, key, arabic: header.arabic.charCodeAt(i) === 49, meta: header.metas[m]!, outletKey: outletKeys[m]! };
  };
}

/** An index as read back: what SearchIndex is made of, and the caller's `extra`. */
export interface StoredIndex {
  page: CodePage;
  /** The code the keys were read with. */
  code: KeyCode;
  slots: Slot[];
  postings: Postings;
  extra: unknown;
}

/** The parts of an index that indexChunks wrote; throws IndexFormatError on anything unexpected. */
export function readIndex(bytes: Uint8Array): StoredIndex {
  const header = readHeader(bytes);
  if (header.tableAt > bytes.length) fail('keys cut short');
  // The lists' own copy: holding on to the whole file would keep the keys twice.
  return indexFromParts(header, bytes.subarray(header.keysAt, header.tableAt), bytes.slice(header.tableAt));
}

/**
 * The index from its header, its keys' bytes and the bytes after them (the posting table's row
 * count, the table, the lists), cut from the whole file. The lists are used where they are,
 * not copied: `lists` is kept.
 */
export function indexFromParts(header: IndexHeader, keyBytes: Uint8Array, lists: Uint8Array): StoredIndex {
  return indexFromSlots(header, slotsFromKeys(header, keyBytes), lists);
}

/** The index from its header, its slots (slotsFromKeyPieces) and the bytes after the keys, kept as they are. */
export function indexFromSlots(header: IndexHeader, slots: Slot[], lists: Uint8Array): StoredIndex {
  const page = new CodePage();
  page.restore(header.chars);
  return { page, code: header.code, slots, postings: postingsFromLists(header, lists), extra: header.extra };
}

/** Each article of the header as a slot with its key, from the keys' bytes. */
export function slotsFromKeys(header: IndexHeader, keyBytes: Uint8Array): Slot[] {
  if (keyBytes.length !== header.tableAt - header.keysAt) fail('keys cut short');
  return slotsFromKeyPieces(header, (offset, length) => keyBytes.subarray(offset, offset + length), KEY_PIECE);
}

/**
 * Each article of the header as a slot with its key, the keys' coded bytes given `pieceBytes` at
 * a time by `read` (from the first key's byte `offset`; fewer bytes only where the file is cut
 * short; into `into` where it can, the decoder's own memory). Each piece is decoded at once and each article's key is a slice of it (20,000
 * separate decodes cost ten times as much, most of it in the collector moving the new
 * strings); a key across two pieces is the two slices joined. The slices keep their piece alive
 * while one of them is in use (at most one extra copy of the keys, once most articles have been
 * indexed again since opening). Read a few megabytes at a time into one buffer, the keys cost
 * no buffer of their own (65 MB at 20,000 articles, which the reading thread wrote and the
 * collector counted before the decoded copy was even made).
 */
export function slotsFromKeyPieces(header: IndexHeader, read: (offset: number, length: number, into: Buffer) => Uint8Array, pieceBytes: number): Slot[] {
  const total = header.tableAt - header.keysAt;
  const { lengths } = header;
  const n = header.files.length;
  const slots: Slot[] = [];
  const slotOf = slotMaker(header);
  const decoder = new KeyDecoder(header.code);
  let i = 0;
  /** Offset of article i's key, of the piece at hand (decoded; coded: `codedAt`), and what of article i's key came before this piece. */
  let at = 0;
  let pieceAt = 0;
  let codedAt = 0;
  let carry = '';
  do {
    const want = Math.min(pieceBytes, total - codedAt);
    const bytes = read(codedAt, want, decoder.input(want));
    if (bytes.length !== want) fail('keys cut short');
    codedAt += bytes.length;
    const piece = decoder.decode(bytes);
    const pieceEnd = pieceAt + piece.length;
    for (; i < n && at + lengths[i]! <= pieceEnd; i++) {
      const end = at + lengths[i]!;
      const key = at >= pieceAt ? piece.slice(at - pieceAt, end - pieceAt) : carry + piece.slice(0, end - pieceAt);
      carry = '';
      slots.push(slotOf(i, key));
      at = end;
    }
    if (i < n && at < pieceEnd) carry += piece.slice(Math.max(0, at - pieceAt));
    pieceAt = pieceEnd;
  } while (codedAt < total);
  if (i < n || at !== pieceAt) fail('keys do not decode to their lengths');
  return slots;
}

/** The posting lists from the bytes after the keys (row count, table, lists), used where they are. */
export function postingsFromLists(header: IndexHeader, lists: Uint8Array): Postings {
  if (lists.length < 4) fail('postings cut short');
  const rows = new DataView(lists.buffer, lists.byteOffset, lists.byteLength).getUint32(0, true);
  const bodyAt = 4 + tableBytes(rows);
  if (bodyAt > lists.length) fail('posting table cut short');
  const post = new Postings();
  post.baseBytes = lists.subarray(bodyAt);
  readTable(lists.subarray(4, bodyAt), rows, header.files.length, lists.length - bodyAt, (g, count, last, off, len, bitmap) => {
    if (post.list(g) !== 0) fail('posting list out of range');
    const id = post.open(g);
    post.count[id] = count;
    post.baseCount[id] = count;
    post.last[id] = last;
    post.baseOff[id] = off;
    post.baseLen[id] = len;
    post.baseBitmap[id] = bitmap ? 1 : 0;
  });
  return post;
}

/** Bytes of the posting table for `rows` rows, after its 4-byte row count. */
export const tableBytes = (rows: number): number => rows * 16;

/**
 * The posting table's rows (trigram, entries, last slot, the list's offset and length in the
 * lists' bytes, whether it is a bitmap), checked against the number of articles and the lists'
 * total length, which the lists fill exactly.
 */
export function readTable(table: Uint8Array, rows: number, docs: number, bodyLength: number, row: (gram: number, count: number, last: number, off: number, len: number, bitmap: boolean) => void): void {
  if (table.length !== tableBytes(rows)) fail('posting table cut short');
  const dv = new DataView(table.buffer, table.byteOffset, table.byteLength);
  let off = 0;
  for (let r = 0; r < rows; r++) {
    const at = r * 16;
    const g = dv.getUint32(at, true);
    const count = dv.getUint32(at + 4, true);
    const last = dv.getInt32(at + 8, true);
    const field = dv.getUint32(at + 12, true);
    const len = fieldLength(field);
    const bitmap = fieldBitmap(field);
    if (g >= GRAMS || off + len > bodyLength || last >= docs || (bitmap && len !== bitmapBytes(docs))) fail('posting list out of range');
    row(g, count, last, off, len, bitmap);
    off += len;
  }
  if (off !== bodyLength) fail('trailing bytes');
}
