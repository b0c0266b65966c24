// The corpus search index: every article's folded key, and for each trigram of the keys
// (spaces left out, so that lenient matches are candidates too) the articles that contain
// it. A query narrows the articles with the trigram lists, then checks each candidate's key;
// hits are mapped to original offsets afterwards, from the article itself (search-engine.ts).
//
// Sizes that matter at 20,000 articles (~65 M key characters): keys are re-encoded one byte
// per character through a code page (folded keys use a few dozen distinct characters), which
// halves their memory and lets String#indexOf run on one-byte strings; trigrams live in a
// dense 21-bit space so that building is array arithmetic, not hashing.
// A data structure in memory and its byte form; the files are index-store.ts's.
import { Buffer } from 'node:buffer';
import type { Language } from '../text/language';
import { foldKey } from '../text/normalise';
import type { CompiledQuery, CompiledTerm } from './search-query';

export interface DocMeta {
  language: Language | null;
  outlet: string | null;
  /** ISO date (YYYY-MM-DD…) or null. */
  date: string | null;
  tags: string[];
}

export interface RankedArticle {
  file: string;
  score: number;
  /** Hits of all terms in the article. */
  hits: number;
}

export interface IndexSearchResult {
  articles: RankedArticle[];
  totalHits: number;
  /** Hits were counted only up to a cap in some articles (many candidates, exact totals not asked for). */
  approximate: boolean;
}

export const INDEX_FORMAT = 3;
const MAGIC = [0x48, 0x53, 0x49, 0x58]; // "HSIX"

const SPACE = 0x20;
/** Byte for characters beyond the code page: they match each other (candidates only grow). */
const OTHER = 0xff;
const SYM_BITS = 7;
const SYM_MAX = (1 << SYM_BITS) - 1;
const GRAMS = 1 << (3 * SYM_BITS);
const BLOCK = 64; // [next block: 4 bytes][varints: 60 bytes]
const PAYLOAD = BLOCK - 4;
const CHUNK_BLOCKS = 1 << 16;
/** Size of the pieces the index is saved in. */
const PIECE = 4 << 20;
/** Positions per term kept to measure how close the terms are. */
const PROXIMITY_POSITIONS = 256;
/**
 * Above this many candidate articles, hits are counted up to COUNT_CAP per article and term:
 * counting every one of 300,000 hits of a word in every article costs more than a keystroke
 * may, and the ranking hardly changes (its count term grows with the logarithm).
 */
const FULL_COUNT_LIMIT = 2500;
const COUNT_CAP = 8;
/** With very many candidates, this many of the best (by a first look) are ranked in full. */
const RANK_IN_FULL = 400;

interface Term {
  needle: string;
  lenient: boolean;
  weight: number;
}

const positionLists: number[][] = [];

/** Hits of every term in the article (up to `cap` each), scored; null when a term is missing. */
function scoreArticle(s: Slot, terms: Term[], cap: number): RankedArticle | null {
  let score = 0;
  let hits = 0;
  const keep = Math.min(cap, PROXIMITY_POSITIONS);
  while (positionLists.length < terms.length) positionLists.push([]);
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    const hay = term.lenient ? s.bare : s.key;
    const pos = positionLists[t]!;
    pos.length = 0;
    let n = 0;
    const step = term.needle.length;
    for (let i = hay.indexOf(term.needle); i !== -1; i = hay.indexOf(term.needle, i + step)) {
      if (pos.length < keep) pos.push(i);
      if (++n >= cap) break;
    }
    if (n === 0) return null;
    hits += n;
    // Hits near the top (headline, lead) count a little more: that is where news says what it is about.
    score += term.weight * (Math.log2(1 + n) + 0.5 / (1 + pos[0]! / 500));
  }
  // Positions of lenient terms count in the bare key; close enough to compare nearness.
  if (terms.length > 1) score += 3 / (1 + minimalWindow(positionLists.slice(0, terms.length)) / 80);
  // Long articles collect hits by length alone.
  score /= 1 + Math.log10(1 + s.key.length / 20000);
  return { file: s.file, score, hits };
}

function rank(list: RankedArticle[]): RankedArticle[] {
  return list.sort((x, y) => y.score - x.score || (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
}

function limitTo<T>(list: T[], max: number | undefined): T[] {
  return max !== undefined && Number.isFinite(max) ? list.slice(0, max) : list;
}

export interface IndexSearchOptions {
  maxArticles?: number;
  /** Count every hit however many articles match (the CLI's totals). */
  exactTotals?: boolean;
}

/** Maps the folded key's characters to single bytes, and bytes to 7-bit trigram symbols. */
class CodePage {
  readonly byteOf = new Uint8Array(0x10000);
  /** Character of each assigned byte, in assignment order. */
  readonly chars: number[] = [];
  readonly sym = new Uint8Array(256);
  private nextByte = 1;

  constructor() {
    this.byteOf[SPACE] = SPACE;
    this.sym[SPACE] = 0;
    this.sym[OTHER] = SYM_MAX;
  }

  get full(): boolean {
    return this.nextByte >= OTHER;
  }

  assign(c: number): number {
    if (this.full) return OTHER;
    let b = this.nextByte++;
    if (b === SPACE) b = this.nextByte++;
    this.byteOf[c] = b;
    this.chars.push(c);
    // Symbols 1..126 go to the first characters seen; later ones share (false candidates only).
    this.sym[b] = this.chars.length < SYM_MAX ? this.chars.length : 1 + (b % (SYM_MAX - 1));
    return b;
  }

  /** The key in one byte per character; null when `assign` is false and a character is unknown. */
  encode(key: string, assign: boolean): string | null {
    const bytes = this.encodeBytes(key, assign);
    return bytes && bytes.toString('latin1');
  }

  encodeBytes(key: string, assign: boolean): Buffer | null {
    const out = Buffer.allocUnsafe(key.length);
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let b = this.byteOf[c]!;
      if (b === 0) {
        if (assign) b = this.assign(c);
        else if (this.full) b = OTHER;
        else return null;
      }
      out[i] = b;
    }
    return out;
  }

  restore(chars: number[]): void {
    for (const c of chars) this.assign(c);
  }
}

/**
 * Append-only lists of slots per trigram, as varint gaps (slots only grow): a base read from
 * disk, left in the file's bytes, then the same stream continued in 64-byte blocks of a pool.
 * About 1.3 bytes per entry, where 32-bit numbers would take three times the memory at
 * 40 million entries. Only trigrams that occur get a list; a dense table maps them.
 */
class Postings {
  private readonly idOf = new Int32Array(GRAMS);
  gramOf = new Int32Array(1024);
  count = new Int32Array(1024);
  last = new Int32Array(1024);
  baseCount = new Int32Array(1024);
  baseOff = new Int32Array(1024);
  baseLen = new Int32Array(1024);
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
      const bytes = this.baseBytes;
      let p = this.baseOff[id]!;
      for (let i = 0; i < bc; i++) {
        let gap = 0;
        let shift = 0;
        let byte: number;
        do {
          byte = bytes[p++]!;
          gap += (byte & 0x7f) * 2 ** shift;
          shift += 7;
        } while (byte & 0x80);
        slot += gap;
        out[k++] = slot;
      }
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

  /** The list's varint stream (base, then blocks), for writing. */
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

interface Slot {
  file: string;
  /** Strict key, one byte per character. */
  key: string;
  /** The key without spaces (what lenient terms match). */
  bare: string;
  meta: DocMeta;
  outletKey: string | null;
}

export class SearchIndex {
  private slots: Array<Slot | null> = [];
  private readonly byFile = new Map<string, number>();
  private postings = new Postings();
  private readonly page = new CodePage();
  private dead = 0;

  get size(): number {
    return this.byFile.size;
  }

  has(file: string): boolean {
    return this.byFile.has(file);
  }

  files(): string[] {
    return [...this.byFile.keys()];
  }

  meta(file: string): DocMeta | null {
    const s = this.byFile.get(file);
    return s === undefined ? null : this.slots[s]!.meta;
  }

  /** Adds an article by its folded (strict) key, or replaces it. */
  put(file: string, foldedKey: string, meta: DocMeta): void {
    this.remove(file);
    const slot = this.slots.length;
    // One pass: the key in the code page, the key without spaces, and its trigrams, each
    // once (appending to a list is a jump in memory; a bit test is not).
    const n = foldedKey.length;
    if (keyBuf.length < n) {
      keyBuf = Buffer.allocUnsafe(n * 2);
      bareBuf = Buffer.allocUnsafe(n * 2);
    }
    if (docGrams.length < n) docGrams = new Int32Array(n * 2);
    let docGramCount = 0;
    const page = this.page;
    const byteOf = page.byteOf;
    const sym = page.sym;
    let bare = 0;
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      const ch = foldedKey.charCodeAt(i);
      let x = byteOf[ch]!;
      if (x === 0) x = page.assign(ch);
      keyBuf[i] = x;
      if (x === SPACE) continue;
      bareBuf[bare++] = x;
      const s = sym[x]!;
      if (bare >= 3) {
        const g = (a << (2 * SYM_BITS)) | (b << SYM_BITS) | s;
        // Each trigram once per article: a bit per trigram, cleared again below.
        const word = g >>> 5;
        const bit = 1 << (g & 31);
        if ((seenBits[word]! & bit) === 0) {
          seenBits[word]! |= bit;
          docGrams[docGramCount++] = g;
        }
      }
      a = b;
      b = s;
    }
    for (let i = 0; i < docGramCount; i++) {
      const g = docGrams[i]!;
      seenBits[g >>> 5] = 0;
      this.postings.add(g, slot);
    }
    docGramCount = 0;
    this.slots.push({ file, key: keyBuf.toString('latin1', 0, n), bare: bareBuf.toString('latin1', 0, bare), meta, outletKey: outletKey(meta) });
    this.byFile.set(file, slot);
  }

  private insert(file: string, key: string, bare: string, meta: DocMeta): void {
    const slot = this.slots.length;
    this.slots.push({ file, key, bare, meta, outletKey: outletKey(meta) });
    this.byFile.set(file, slot);
    const sym = this.page.sym;
    for (let i = 2; i < bare.length; i++) {
      this.postings.add((sym[bare.charCodeAt(i - 2)]! << (2 * SYM_BITS)) | (sym[bare.charCodeAt(i - 1)]! << SYM_BITS) | sym[bare.charCodeAt(i)]!, slot);
    }
  }

  remove(file: string): void {
    const old = this.byFile.get(file);
    if (old === undefined) return;
    this.slots[old] = null;
    this.byFile.delete(file);
    this.dead++;
  }

  setMeta(file: string, meta: DocMeta): void {
    const i = this.byFile.get(file);
    if (i === undefined) return;
    const s = this.slots[i]!;
    s.meta = meta;
    s.outletKey = outletKey(meta);
  }

  /** When many articles were replaced or removed, the lists carry dead weight: rebuild them. */
  needsCompaction(): boolean {
    return this.dead > 1000 && this.dead > this.slots.length / 4;
  }

  compact(): void {
    const live = this.slots.filter((s): s is Slot => s !== null);
    this.slots = [];
    this.byFile.clear();
    this.postings = new Postings();
    this.dead = 0;
    for (const s of live) this.insert(s.file, s.key, s.bare, s.meta);
  }

  /** Trigram numbers of a term's bare key; null when it cannot occur in any article. */
  private gramsOf(bare: string): number[] | null {
    const enc = this.page.encode(bare, false);
    if (enc === null) return null;
    const sym = this.page.sym;
    const out = new Set<number>();
    for (let i = 2; i < enc.length; i++) {
      out.add((sym[enc.charCodeAt(i - 2)]! << (2 * SYM_BITS)) | (sym[enc.charCodeAt(i - 1)]! << SYM_BITS) | sym[enc.charCodeAt(i)]!);
    }
    return [...out];
  }

  /** Candidate slots for all terms, or null for "every article" (no term long enough to narrow). */
  private candidates(terms: CompiledTerm[]): Uint32Array | null {
    const grams: number[] = [];
    for (const t of terms) {
      const g = this.gramsOf(t.bare);
      if (g === null) return new Uint32Array(0);
      grams.push(...g);
    }
    if (grams.length === 0) return null;
    const post = this.postings;
    const lists = [...new Set(grams)].map((g) => post.list(g));
    if (lists.some((id) => id === 0)) return new Uint32Array(0);
    lists.sort((x, y) => post.count[x]! - post.count[y]!);
    let current = post.decode(lists[0]!);
    for (let i = 1; i < lists.length && current.length > 0; i++) {
      // A list far longer than the candidates narrows them little; checking keys is cheaper.
      if (i >= 3 && post.count[lists[i]!]! > current.length * 16) break;
      current = intersect(current, post.decode(lists[i]!));
    }
    return current;
  }

  search(query: CompiledQuery, options: IndexSearchOptions = {}): IndexSearchResult {
    const none: IndexSearchResult = { articles: [], totalHits: 0, approximate: false };
    const terms: Term[] = [];
    for (const t of query.terms) {
      const needle = this.page.encode(t.lenient ? t.bare : t.key, false);
      if (needle === null) return none;
      terms.push({ needle, lenient: t.lenient, weight: t.phrase ? 1.5 : 1 });
    }
    if (terms.length === 0) return none;
    const cands = this.candidates(query.terms);
    const accept = filterFn(query);
    const slots: Slot[] = [];
    const push = (s: Slot | null) => {
      if (s !== null && accept(s)) slots.push(s);
    };
    if (cands === null) for (const s of this.slots) push(s);
    else for (let i = 0; i < cands.length; i++) push(this.slots[cands[i]!]!);

    if (options.exactTotals || slots.length <= FULL_COUNT_LIMIT) {
      const ranked: RankedArticle[] = [];
      let totalHits = 0;
      for (const s of slots) {
        const r = scoreArticle(s, terms, Infinity);
        if (r) {
          ranked.push(r);
          totalHits += r.hits;
        }
      }
      return { articles: limitTo(rank(ranked), options.maxArticles), totalHits, approximate: false };
    }

    // Very many candidates: one look per term decides whether an article matches and how
    // near the top its hits start; only the best of those are counted and ranked in full.
    const first: Array<{ s: Slot; score: number }> = [];
    for (const s of slots) {
      let score = 0;
      let lo = Infinity;
      let hi = -1;
      let ok = true;
      for (const t of terms) {
        const i = (t.lenient ? s.bare : s.key).indexOf(t.needle);
        if (i < 0) {
          ok = false;
          break;
        }
        score += t.weight * (1 + 0.5 / (1 + i / 500));
        if (i < lo) lo = i;
        if (i > hi) hi = i;
      }
      if (!ok) continue;
      if (terms.length > 1) score += 3 / (1 + (hi - lo) / 80);
      first.push({ s, score: score / (1 + Math.log10(1 + s.key.length / 20000)) });
    }
    first.sort((x, y) => y.score - x.score);
    const full: RankedArticle[] = [];
    let totalHits = 0;
    for (let i = 0; i < first.length && i < RANK_IN_FULL; i++) {
      const r = scoreArticle(first[i]!.s, terms, COUNT_CAP);
      if (r) {
        full.push(r);
        totalHits += r.hits;
      }
    }
    const articles = rank(full);
    for (let i = RANK_IN_FULL; i < first.length; i++) {
      const { s, score } = first[i]!;
      articles.push({ file: s.file, score, hits: terms.length });
      totalHits += terms.length;
    }
    return { articles: limitTo(articles, options.maxArticles), totalHits, approximate: true };
  }

  // --- on disk ---------------------------------------------------------------------------

  /**
   * The index as byte chunks to write one after another: a JSON header (with `extra`, the
   * caller's data), the keys (one byte per character), the keys without spaces, then the
   * trigram lists. Made as they are written, a few megabytes at a time, so that saving does
   * not hold a second copy of the index in memory.
   */
  *chunks(extra: unknown): Generator<Uint8Array> {
    if (this.dead > 0) this.compact();
    const slots = this.slots as Slot[];
    const header: StoredHeader = {
      format: INDEX_FORMAT,
      chars: this.page.chars,
      docs: slots.map((s) => ({ file: s.file, meta: s.meta, length: s.key.length, bare: s.bare.length })),
      extra,
    };
    const headerBytes = new TextEncoder().encode(JSON.stringify(header));
    const top = new Uint8Array(8);
    top.set(MAGIC, 0);
    new DataView(top.buffer).setUint32(4, headerBytes.length, true);
    yield top;
    yield headerBytes;
    // The keys without spaces are saved too: making them again costs more than reading them.
    for (const which of ['key', 'bare'] as const) {
      let batch: string[] = [];
      let batchLen = 0;
      for (const s of slots) {
        batch.push(s[which]);
        batchLen += s[which].length;
        if (batchLen >= PIECE) {
          yield stringToBytes(batch.join(''));
          batch = [];
          batchLen = 0;
        }
      }
      if (batch.length > 0) yield stringToBytes(batch.join(''));
    }
    const p = this.postings;
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

  /** All of `chunks` at once (small indexes, tests). */
  toBytes(extra: unknown): Uint8Array[] {
    return [...this.chunks(extra)];
  }

  /** Reads what toBytes wrote; throws IndexFormatError on anything unexpected. */
  static fromBytes(bytes: Uint8Array): { index: SearchIndex; extra: unknown } {
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
    const index = new SearchIndex();
    index.page.restore(header.chars);
    let bareAt = p;
    for (const d of header.docs) bareAt += d.length;
    if (bareAt > bytes.length) fail('keys cut short');
    for (let i = 0; i < header.docs.length; i++) {
      const d = header.docs[i]!;
      if (bareAt + d.bare > bytes.length || !(d.bare <= d.length)) fail('keys cut short');
      const key = bytesToString(bytes, p, p + d.length);
      const bare = bytesToString(bytes, bareAt, bareAt + d.bare);
      p += d.length;
      bareAt += d.bare;
      index.slots.push({ file: d.file, key, bare, meta: d.meta, outletKey: outletKey(d.meta) });
      index.byFile.set(d.file, i);
    }
    p = bareAt;
    if (p + 4 > bytes.length) fail('postings cut short');
    const rows = dv.getUint32(p, true);
    const tableAt = p + 4;
    p = tableAt + rows * 16;
    if (p > bytes.length) fail('posting table cut short');
    const post = index.postings;
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
    return { index, extra: header.extra };
  }
}

interface StoredHeader {
  format: number;
  chars: number[];
  docs: Array<{ file: string; meta: DocMeta; length: number; bare: number }>;
  extra: unknown;
}

export class IndexFormatError extends Error {
  constructor(why: string) {
    super(`search index unreadable: ${why}`);
    this.name = 'IndexFormatError';
  }
}

function outletKey(meta: DocMeta): string | null {
  return meta.outlet ? foldKey(meta.outlet) : null;
}

function filterFn(query: CompiledQuery): (s: Slot) => boolean {
  const f = query.filters;
  const langs = f.language && f.language.length > 0 ? new Set(f.language) : null;
  const outlet = f.outlet ? foldKey(f.outlet).trim() : null;
  const from = f.from ?? null;
  const to = f.to ?? null;
  const tag = f.tag ?? null;
  if (!langs && !outlet && !from && !to && !tag) return () => true;
  return (s) => {
    const m = s.meta;
    if (langs && (m.language === null || !langs.has(m.language))) return false;
    if (outlet && !(s.outletKey ?? '').includes(outlet)) return false;
    if (from || to) {
      const day = m.date ? m.date.slice(0, 10) : null;
      if (!day) return false;
      if (from && day < from) return false;
      if (to && day > to) return false;
    }
    if (tag && !m.tags.includes(tag)) return false;
    return true;
  };
}

/** One-byte characters (all below 256) to bytes. */
function stringToBytes(s: string): Uint8Array {
  return Buffer.from(s, 'latin1');
}

function bytesToString(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, to);
}

/** One bit per trigram: which ones the article being added has shown already. */
const seenBits = new Int32Array(GRAMS >>> 5);
let docGrams = new Int32Array(1 << 16);
let keyBuf = Buffer.allocUnsafe(1 << 16);
let bareBuf = Buffer.allocUnsafe(1 << 16);
function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, k);
}

/** The shortest stretch that holds one position of every list (each list sorted, non-empty). */
function minimalWindow(lists: number[][]): number {
  const idx = lists.map(() => 0);
  let best = Infinity;
  for (;;) {
    let lo = Infinity;
    let hi = -Infinity;
    let loList = -1;
    for (let l = 0; l < lists.length; l++) {
      const v = lists[l]![idx[l]!]!;
      if (v < lo) {
        lo = v;
        loList = l;
      }
      if (v > hi) hi = v;
    }
    if (hi - lo < best) best = hi - lo;
    idx[loList]!++;
    if (idx[loList]! >= lists[loList]!.length) return best;
  }
}
