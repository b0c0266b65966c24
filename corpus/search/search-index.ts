// The corpus search index: every article's folded key, and for each trigram of the keys
// (spaces left out, so that lenient matches are candidates too) the articles that contain
// it. A query narrows the articles with the trigram lists, then checks each candidate's key;
// hits are mapped to original offsets afterwards, from the article itself (search-engine.ts).
//
// Sizes that matter at 20,000 articles (~65 M key characters): keys are re-encoded one byte
// per character through a code page (folded keys use a few dozen distinct characters), which
// halves their memory and lets String#indexOf run on one-byte strings; trigrams live in a
// dense 21-bit space so that building is array arithmetic, not hashing.
// This module holds the articles and answers queries; the pieces are code-page.ts (the
// alphabet), postings.ts (the trigram lists), index-ranking.ts (scoring) and index-format.ts
// (the byte form; the files are index-store.ts's).
import { Buffer } from 'node:buffer';
import { CodePage, GRAMS, SPACE, SYM_BITS, trigram } from './code-page';
import { indexChunks, readIndex } from './index-format';
import { rankSlots, type IndexSearchOptions, type IndexSearchResult, type Term } from './index-ranking';
import { filterFn, outletKey, type DocMeta, type Slot } from './index-slot';
import { intersect, Postings } from './postings';
import type { CompiledQuery, CompiledTerm } from './search-query';

export type { DocMeta } from './index-slot';
export type { IndexSearchOptions, IndexSearchResult, RankedArticle } from './index-ranking';
export { INDEX_FORMAT, IndexFormatError } from './index-format';

export class SearchIndex {
  private slots: Array<Slot | null> = [];
  private readonly byFile = new Map<string, number>();
  private postings = new Postings();
  private page = new CodePage();
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
      this.postings.add(trigram(sym[bare.charCodeAt(i - 2)]!, sym[bare.charCodeAt(i - 1)]!, sym[bare.charCodeAt(i)]!), slot);
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
      out.add(trigram(sym[enc.charCodeAt(i - 2)]!, sym[enc.charCodeAt(i - 1)]!, sym[enc.charCodeAt(i)]!));
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
    return rankSlots(slots, terms, options);
  }

  // --- on disk ---------------------------------------------------------------------------

  /** The index as byte chunks to write one after another (index-format.ts says what they hold). */
  *chunks(extra: unknown): Generator<Uint8Array> {
    if (this.dead > 0) this.compact();
    yield* indexChunks(this.slots as Slot[], this.page.chars, this.postings, extra);
  }

  /** All of `chunks` at once (small indexes, tests). */
  toBytes(extra: unknown): Uint8Array[] {
    return [...this.chunks(extra)];
  }

  /** Reads what toBytes wrote; throws IndexFormatError on anything unexpected. */
  static fromBytes(bytes: Uint8Array): { index: SearchIndex; extra: unknown } {
    const stored = readIndex(bytes);
    const index = new SearchIndex();
    index.page = stored.page;
    index.postings = stored.postings;
    index.slots = stored.slots;
    stored.slots.forEach((s, i) => index.byFile.set(s.file, i));
    return { index, extra: stored.extra };
  }
}

/** One bit per trigram: which ones the article being added has shown already. */
const seenBits = new Int32Array(GRAMS >>> 5);
let docGrams = new Int32Array(1 << 16);
let keyBuf = Buffer.allocUnsafe(1 << 16);
let bareBuf = Buffer.allocUnsafe(1 << 16);
