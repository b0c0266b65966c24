// The search index read in place from its file, for a one-off search (the command line): the
// header, the trigram table, then only the lists of the query's trigrams and the keys of the
// articles they leave, each read at its offset. Loading the whole index (about the size of the
// articles' text) would cost the one query far more than answering it.
import { Buffer } from 'node:buffer';
import { closeSync, readSync } from 'node:fs';
import { CodePage } from './code-page';
import { candidateSlots, termGrams, type TrigramLists } from './candidate-slots';
import { headerLength, IndexFormatError, readHeader, readTable, slotMaker, tableBytes, type IndexHeader } from './index-format';
import type { Slot } from './index-slot';
import { openCacheSync, SEARCH_INDEX } from './index-store';
import { KeyDecoder } from './key-codec';
import { decodeList } from './list-codec';
import type { CompiledTerm } from './search-query';

/** Keys of candidates this close together in the file are read in one piece. */
const KEY_GAP = 4096;

/** Bytes read from the file, by part: what a query costs in reading (tests count them). */
export interface BytesRead {
  header: number;
  table: number;
  lists: number;
  keys: number;
}

interface ListAt {
  count: number;
  off: number;
  len: number;
  bitmap: boolean;
}

export class IndexInPlace {
  readonly bytesRead: BytesRead = { header: 0, table: 0, lists: 0, keys: 0 };
  readonly page = new CodePage();
  private readonly lists = new Map<number, ListAt | null>();
  private table: Buffer | null = null;
  private keyBuffer = Buffer.alloc(0);
  private keyStarts: Float64Array | null = null;
  private bodyAt = 0;
  private closed = false;

  private constructor(
    private readonly fd: number,
    readonly size: number,
    readonly header: IndexHeader,
  ) {
    this.page.restore(header.chars);
  }

  /**
   * The corpus's index with its header read, or null when there is none. Throws
   * IndexFormatError when the file is not an index of this format.
   */
  static open(root: string): IndexInPlace | null {
    const file = openCacheSync(root, SEARCH_INDEX);
    if (!file) return null;
    try {
      const length = 8 + headerLength(readAt(file.fd, 0, 8));
      const header = readHeader(readAt(file.fd, 0, length));
      if (header.tableAt + 4 > file.size) throw new IndexFormatError('keys cut short');
      const index = new IndexInPlace(file.fd, file.size, header);
      index.bytesRead.header = length;
      return index;
    } catch (error) {
      closeSync(file.fd);
      throw error;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  /** Reads the trigram table (once) and checks it whole. */
  private readTable(): void {
    if (this.keyStarts) return;
    const { tableAt, files, coded } = this.header;
    const rows = readAt(this.fd, tableAt, 4).readUInt32LE(0);
    const table = readAt(this.fd, tableAt + 4, tableBytes(rows));
    this.bytesRead.table = 4 + table.length;
    this.bodyAt = tableAt + 4 + table.length;
    readTable(table, rows, files.length, this.size - this.bodyAt, () => undefined);
    this.table = table;
    const starts = new Float64Array(files.length + 1);
    for (let i = 0; i < files.length; i++) starts[i + 1] = starts[i]! + coded[i]!;
    this.keyStarts = starts;
  }

  /**
   * Where the lists of these trigrams are (null: none), found by one pass over the table's rows:
   * a map of all ~70,000 rows cost more than the query's own lists.
   */
  private locate(grams: readonly number[]): void {
    this.readTable();
    const need = new Set(grams.filter((g) => !this.lists.has(g)));
    if (need.size === 0) return;
    for (const g of need) this.lists.set(g, null);
    readTable(this.table!, this.table!.length / tableBytes(1), this.header.files.length, this.size - this.bodyAt, (gram, count, _last, off, len, bitmap) => {
      if (need.has(gram)) this.lists.set(gram, { count, off, len, bitmap });
    });
  }

  /** The lists of the terms' trigrams (only theirs: a count of any other is 0). */
  trigramLists(terms: readonly CompiledTerm[]): TrigramLists {
    this.locate(termGrams(terms, this.page) ?? []);
    return { count: (gram) => this.lists.get(gram)?.count ?? 0, slots: (gram) => this.list(gram) };
  }

  /** Slots that can hold every term, or null for every article (as SearchIndex narrows them). */
  candidates(terms: readonly CompiledTerm[]): Uint32Array | null {
    return candidateSlots(terms, this.page, this.trigramLists(terms));
  }

  /** Bytes of the lists of the terms' trigrams: what `candidates` reads at most. */
  listBytes(terms: readonly CompiledTerm[]): number {
    const grams = termGrams(terms, this.page) ?? [];
    this.locate(grams);
    let total = 0;
    for (const g of grams) total += this.lists.get(g)?.len ?? 0;
    return total;
  }

  private list(gram: number): Uint32Array {
    const at = this.lists.get(gram);
    if (!at) return new Uint32Array(0);
    const bytes = readAt(this.fd, this.bodyAt + at.off, at.len);
    this.bytesRead.lists += bytes.length;
    const out = new Uint32Array(at.count);
    decodeList(bytes, 0, at.len, at.count, at.bitmap, out);
    return out;
  }

  /**
   * Each article at these slots in turn (ascending; null: all), its key read from the file with
   * its neighbours' in one read. A slot the visitor does not keep is garbage at once: holding
   * every candidate's key until all are scored kept tens of megabytes alive for the collector
   * to copy.
   */
  eachSlot(which: Uint32Array | null, visit: (slot: Slot) => void): void {
    this.readTable();
    const starts = this.keyStarts!;
    const { files, keysAt, lengths } = this.header;
    const slotOf = slotMaker(this.header);
    const decoder = new KeyDecoder(this.header.code);
    const n = which ? which.length : files.length;
    const slotAt = (i: number) => (which ? which[i]! : i);
    let i = 0;
    while (i < n) {
      // A run of slots whose keys lie close together: one read.
      let j = i + 1;
      while (j < n && starts[slotAt(j)]! - starts[slotAt(j - 1) + 1]! <= KEY_GAP) j++;
      const from = starts[slotAt(i)]!;
      const to = starts[slotAt(j - 1) + 1]!;
      // Into one buffer kept for the keys: a new one per run cost more than reading them (a few megabytes each, which the collector counts).
      if (this.keyBuffer.length < to - from) this.keyBuffer = Buffer.allocUnsafe(Math.max(to - from, 2 * this.keyBuffer.length));
      const keys = readAt(this.fd, keysAt + from, to - from, this.keyBuffer);
      this.bytesRead.keys += to - from;
      for (let k = i; k < j; k++) {
        const s = slotAt(k);
        // A string of its own, not a slice of the run's: a kept key would keep its whole run alive.
        const key = decoder.decode(keys.subarray(starts[s]! - from, starts[s + 1]! - from));
        if (key.length !== lengths[s]) throw new IndexFormatError('a key does not decode to its length');
        visit(slotOf(s, key));
      }
      i = j;
    }
  }
}

/** `length` bytes at `position`, all of them (a short read is read on), into `into` when given (as large at least). */
function readAt(fd: number, position: number, length: number, into?: Buffer): Buffer {
  const out = into ? into.subarray(0, length) : Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, out, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  if (got < length) throw new IndexFormatError('cut short');
  return out;
}
