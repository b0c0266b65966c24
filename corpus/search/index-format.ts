// The search index's byte form, written and read: a JSON header, the keys, the table of
// trigram lists and the lists' varint streams. index-store.ts keeps the files.
import { Buffer } from 'node:buffer';
import { CodePage, GRAMS } from './code-page';
import { outletKey, type DocMeta, type Slot } from './index-slot';
import { Postings } from './postings';

/**
 * 4: the keys without spaces are gone (hits are found by patterns on the keys themselves),
 * and each article says whether its key reads as Arabic (which word forms apply).
 */
export const INDEX_FORMAT = 4;
const MAGIC = [0x48, 0x53, 0x49, 0x58]; // "HSIX"
/** Size of the pieces the index is saved in. */
const PIECE = 4 << 20;

interface StoredHeader {
  format: number;
  chars: number[];
  docs: Array<{ file: string; meta: DocMeta; length: number; arabic: boolean }>;
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
 * caller's data), the keys (one byte per character), then the trigram lists. Made as they
 * are written, a few megabytes at a time, so that saving does not hold a second copy of the
 * index in memory. The slots must be compact (no gaps).
 */
export function* indexChunks(slots: readonly Slot[], chars: number[], postings: Postings, extra: unknown): Generator<Uint8Array> {
  const header: StoredHeader = {
    format: INDEX_FORMAT,
    chars,
    docs: slots.map((s) => ({ file: s.file, meta: s.meta, length: s.key.length, arabic: s.arabic })),
    extra,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const top = new Uint8Array(8);
  top.set(MAGIC, 0);
  new DataView(top.buffer).setUint32(4, headerBytes.length, true);
  yield top;
  yield headerBytes;
  let batch: string[] = [];
  let batchLen = 0;
  for (const s of slots) {
    batch.push(s.key);
    batchLen += s.key.length;
    if (batchLen >= PIECE) {
      yield stringToBytes(batch.join(''));
      batch = [];
      batchLen = 0;
    }
  }
  if (batch.length > 0) yield stringToBytes(batch.join(''));
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
    tv.setUint32(at + 12, p.byteLength(id), true);
    r++;
  }
  yield table;
  // The lists, gathered into pieces: a hundred thousand small writes would cost a syscall each.
  let piece = new Uint8Array(PIECE);
  let used = 0;
  for (let id = 1; id < p.size; id++) {
    if (p.count[id]! === 0) continue;
    const bytes = p.encode(id);
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

/** The parts of an index that indexChunks wrote; throws IndexFormatError on anything unexpected. */
export function readIndex(bytes: Uint8Array): { page: CodePage; slots: Slot[]; postings: Postings; extra: unknown } {
  const fail = (why: string): never => {
    throw new IndexFormatError(why);
  };
  if (bytes.length < 12) fail('too short');
  for (let i = 0; i < 4; i++) if (bytes[i] !== MAGIC[i]) fail('not a Hashiya index');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = dv.getUint32(4, true);
  let p = 8;
  if (p + headerLen > bytes.length) fail('header cut short');
  let header: StoredHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(p, p + headerLen))) as StoredHeader;
  } catch {
    return fail('header is not JSON');
  }
  if (header.format !== INDEX_FORMAT) fail(`format ${header.format}, expected ${INDEX_FORMAT}`);
  if (!Array.isArray(header.docs) || !Array.isArray(header.chars)) fail('bad header');
  p += headerLen;
  const page = new CodePage();
  page.restore(header.chars);
  let keysLength = 0;
  for (const d of header.docs) {
    if (!Number.isInteger(d.length) || d.length < 0 || typeof d.arabic !== 'boolean') fail('bad header');
    keysLength += d.length;
  }
  if (p + keysLength > bytes.length) fail('keys cut short');
  // All keys decoded at once, each article's key a slice of them: 20,000 separate decodes
  // cost ten times as much, most of it in the collector moving the new strings. The slices
  // keep the whole string alive while one of them is in use (at most one extra copy of the
  // keys, once most articles have been indexed again since opening).
  const keys = bytesToString(bytes, p, p + keysLength);
  const slots: Slot[] = [];
  const outlets = new Map<string | null, string | null>();
  let at = 0;
  for (const d of header.docs) {
    let folded = outlets.get(d.meta.outlet);
    if (folded === undefined) outlets.set(d.meta.outlet, (folded = outletKey(d.meta)));
    slots.push({ file: d.file, key: keys.slice(at, at + d.length), arabic: d.arabic, meta: d.meta, outletKey: folded });
    at += d.length;
  }
  p += keysLength;
  if (p + 4 > bytes.length) fail('postings cut short');
  const rows = dv.getUint32(p, true);
  const tableAt = p + 4;
  p = tableAt + rows * 16;
  if (p > bytes.length) fail('posting table cut short');
  const post = new Postings();
  // The lists' own copy: holding on to the whole file would keep the keys twice.
  const bodyAt = p;
  post.baseBytes = bytes.slice(bodyAt);
  for (let r = 0; r < rows; r++) {
    const at = tableAt + r * 16;
    const g = dv.getUint32(at, true);
    const count = dv.getUint32(at + 4, true);
    const last = dv.getInt32(at + 8, true);
    const len = dv.getUint32(at + 12, true);
    if (g >= GRAMS || p + len > bytes.length || last >= header.docs.length || post.list(g) !== 0) fail('posting list out of range');
    const id = post.open(g);
    post.count[id] = count;
    post.baseCount[id] = count;
    post.last[id] = last;
    post.baseOff[id] = p - bodyAt;
    post.baseLen[id] = len;
    p += len;
  }
  if (p !== bytes.length) fail('trailing bytes');
  return { page, slots, postings: post, extra: header.extra };
}

/** One-byte characters (all below 256) to bytes. */
function stringToBytes(s: string): Uint8Array {
  return Buffer.from(s, 'latin1');
}

function bytesToString(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, to);
}
