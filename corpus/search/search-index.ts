// The corpus search index: every article's folded key, and for each trigram of the keys
// (spaces left out, so that lenient matches are candidates too) the articles that contain
// it. A query narrows the articles with the trigram lists, then runs its patterns on each
// candidate's key; hits are mapped to original offsets afterwards, from the article itself
// (search-engine.ts).
//
// Sizes that matter at 20,000 articles (~65 M key characters): keys are re-encoded one byte
// per character through a code page (folded keys use a few dozen distinct characters), which
// halves their memory and lets the query's patterns run on one-byte strings; trigrams live in a
// dense 21-bit space so that building is array arithmetic, not hashing.
// This module holds the articles and answers queries; the pieces are code-page.ts (the
// alphabet), postings.ts (the trigram lists), index-ranking.ts (scoring) and index-format.ts
// (the byte form; the files are index-store.ts's).
import { Buffer } from 'node:buffer';
import { CodePage, GRAMS, SPACE, SYM_BITS, trigram } from './code-page';
import { indexChunks, readIndex, type StoredIndex } from './index-format';
import { noResult, rankForQuery, type IndexSearchOptions, type IndexSearchResult } from './index-ranking';
import { filterFn, outletKey, type DocMeta, type Slot } from './index-slot';
import { candidateSlots, stemRarity, type TrigramLists } from './candidate-slots';
import { codeFits, keyBytesUsed, learnKeyCodeSteps, type KeyCode } from './key-codec';
import { encodeKeySteps, type CodedKeys } from './key-encoder';
import { Postings } from './postings';
import { QueryMatcher } from './query-matcher';
import type { CompiledQuery } from './search-query';
import type { KeyPage } from './text-hits';
import { ArabicEvidence } from './word-forms';
import { runSteps, runStepsYielding, type Steps } from './work-steps';

export type { DocMeta } from './index-slot';
export type { IndexSearchOptions, IndexSearchResult, RankedArticle } from './index-ranking';
export { INDEX_FORMAT, IndexFormatError } from './index-format';

export class SearchIndex {
  private slots: Array<Slot | null> = [];
  private readonly byFile = new Map<string, number>();
  private postings = new Postings();
  private page = new CodePage();
  private dead = 0;
  /**
   * The keys' code the index was read or last saved with, and how many characters the code page
   * had then (it only gains some): saved with again while it has no others, since learning a
   * code cost a save about 450 ms of CPU at 20,000 articles. A new character needs a new code.
   */
  private keyCode: { chars: number; code: KeyCode } | null = null;

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

  /** Whether the article's key reads as Arabic (its hits take one-letter proclitics). */
  arabic(file: string): boolean {
    const s = this.byFile.get(file);
    return s !== undefined && this.slots[s]!.arabic;
  }

  /** The article's key as held (one byte per character through the code page), if indexed. */
  key(file: string): string | undefined {
    const s = this.byFile.get(file);
    return s === undefined ? undefined : this.slots[s]!.key;
  }

  /** How the keys are spelled, with the query's matcher for them: what placing hits from a key needs. */
  keyPage(query: CompiledQuery): KeyPage | undefined {
    const matcher = query.terms.length === 0 ? null : QueryMatcher.compile(query.terms, this.page.alphabet(), stemRarity(this.page, this.lists()));
    return matcher === null ? undefined : { matcher, spelling: this.page.spelling() };
  }

  /** Adds an article by its folded (strict) key, or replaces it. */
  put(file: string, foldedKey: string, meta: DocMeta): void {
    this.remove(file);
    const slot = this.slots.length;
    // One pass: the key in the code page, the trigrams of the key without spaces, each once
    // (appending to a list is a jump in memory; a bit test is not), and whether it reads as Arabic.
    const n = foldedKey.length;
    if (keyBuf.length < n) keyBuf = Buffer.allocUnsafe(n * 2);
    if (docGrams.length < n) docGrams = new Int32Array(n * 2);
    let docGramCount = 0;
    const page = this.page;
    const byteOf = page.byteOf;
    const sym = page.sym;
    const evidence = new ArabicEvidence();
    let bare = 0;
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      const ch = foldedKey.charCodeAt(i);
      evidence.add(ch, i + 1 < n ? foldedKey.charCodeAt(i + 1) : -1);
      let x = byteOf[ch]!;
      if (x === 0) x = page.assign(ch);
      keyBuf[i] = x;
      if (x === SPACE) continue;
      bare++;
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
    this.slots.push({ file, key: keyBuf.toString('latin1', 0, n), arabic: evidence.arabic, meta, outletKey: outletKey(meta) });
    this.byFile.set(file, slot);
  }

  /** Puts back a slot whose key is in the code page already (compaction), its trigrams made again. */
  private insert(file: string, key: string, arabic: boolean, meta: DocMeta): void {
    const slot = this.slots.length;
    this.slots.push({ file, key, arabic, meta, outletKey: outletKey(meta) });
    this.byFile.set(file, slot);
    const sym = this.page.sym;
    let bare = 0;
    let a = 0;
    let b = 0;
    for (let i = 0; i < key.length; i++) {
      const x = key.charCodeAt(i);
      if (x === SPACE) continue;
      const s = sym[x]!;
      if (++bare >= 3) this.postings.add(trigram(a, b, s), slot);
      a = b;
      b = s;
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
    for (const s of live) this.insert(s.file, s.key, s.arabic, s.meta);
  }

  /**
   * The articles that hold every term, ranked, with their hits counted. The trigram lists
   * narrow the articles; the query's patterns, spelled in the code page's bytes, then decide on
   * each candidate's key (the same patterns find the hits in the text, search-engine.ts).
   */
  search(query: CompiledQuery, options: IndexSearchOptions = {}): IndexSearchResult {
    if (query.terms.length === 0) return noResult();
    const lists = this.lists();
    const matcher = QueryMatcher.compile(query.terms, this.page.alphabet(), stemRarity(this.page, lists));
    if (matcher === null) return noResult();
    const cands = candidateSlots(query.terms, this.page, lists);
    const accept = filterFn(query);
    const slots: Slot[] = [];
    const push = (s: Slot | null) => {
      if (s !== null && accept(s)) slots.push(s);
    };
    if (cands === null) for (const s of this.slots) push(s);
    else for (let i = 0; i < cands.length; i++) push(this.slots[cands[i]!]!);
    return rankForQuery(slots, query, matcher, options);
  }

  /** The trigram lists as the query side reads them. */
  private lists(): TrigramLists {
    const post = this.postings;
    return { count: (g) => post.count[post.list(g)]!, slots: (g) => post.decode(post.list(g)) };
  }

  // --- on disk ---------------------------------------------------------------------------

  /** The index as byte chunks to write one after another (index-format.ts says what they hold). */
  *chunks(extra: unknown): Generator<Uint8Array> {
    const slots = this.savedSlots();
    yield* indexChunks(slots, this.page.chars, this.postings, extra, runSteps(this.codedKeys(slots)));
  }

  /**
   * `chunks`, the keys coded before the first one with the event loop given turns (the search
   * worker answers queries meanwhile). Nothing is done before the first chunk is asked for.
   */
  async *chunksYielding(extra: unknown): AsyncGenerator<Uint8Array> {
    const slots = this.savedSlots();
    const chars = this.page.chars.slice();
    const keys = await runStepsYielding(this.codedKeys(slots));
    yield* indexChunks(slots, chars, this.postings, extra, keys);
  }

  /** The slots to save, compact (those of the articles removed since are dropped first). */
  private savedSlots(): Slot[] {
    if (this.dead > 0) this.compact();
    return this.slots.slice() as Slot[];
  }

  /** The keys coded, with the code kept (`keyCode`) while the code page has no new character. */
  private *codedKeys(slots: Slot[]): Steps<CodedKeys> {
    const keys = slots.map((s) => s.key);
    const chars = this.page.chars.slice();
    if (this.keyCode?.chars !== chars.length) this.keyCode = { chars: chars.length, code: yield* learnKeyCodeSteps(keys, keyBytesUsed(chars)) };
    return yield* encodeKeySteps(keys, this.keyCode.code);
  }

  /** All of `chunks` at once (small indexes, tests). */
  toBytes(extra: unknown): Uint8Array[] {
    return [...this.chunks(extra)];
  }

  /** Reads what toBytes wrote; throws IndexFormatError on anything unexpected. */
  static fromBytes(bytes: Uint8Array): { index: SearchIndex; extra: unknown } {
    return SearchIndex.fromStored(readIndex(bytes));
  }

  /** The index from its parts as read back (readIndex, or loadIndexFile reading the file in parts). */
  static fromStored(stored: StoredIndex): { index: SearchIndex; extra: unknown } {
    const index = new SearchIndex();
    index.page = stored.page;
    index.postings = stored.postings;
    index.slots = stored.slots;
    const chars = stored.page.chars;
    if (codeFits(stored.code, keyBytesUsed(chars))) index.keyCode = { chars: chars.length, code: stored.code };
    stored.slots.forEach((s, i) => index.byFile.set(s.file, i));
    return { index, extra: stored.extra };
  }
}

/** One bit per trigram: which ones the article being added has shown already. */
const seenBits = new Int32Array(GRAMS >>> 5);
let docGrams = new Int32Array(1 << 16);
let keyBuf = Buffer.allocUnsafe(1 << 16);
