// The article list's cache: for each article the facts detection found and what its sidecar
// adds, with the fingerprints they were read at. Loaded from and saved to catalog.json in
// the app's folder; refreshed against a folder scan (only new and changed files are read).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleSummary } from './article-summary';
import { NO_SIDECAR, sidecarFacts, type SidecarFacts } from '../../annotations/store/sidecar-facts';
import { MAX_SIDECAR_BYTES } from '../../annotations/store/durable-json-adapter';
import { readOrdinaryFileSync, RefusedFileError } from '../../annotations/store/safe-read';
import { articleFacts, summaryOf, unreadableFacts, type ArticleFacts } from './article-summary';
import { tooLargeToRead } from '../extract/article-text';
import { isPlainTextName } from '../extract/article-format';
import { FactsSharing, type FactsResult, type HelperSource } from './facts-helper';
import { SIDECAR_SUFFIX } from '../folder/corpus-folder';
import {
  CATALOG_CACHE,
  contentHash,
  hashIfRacy,
  planRefresh,
  readCacheBytes,
  writeCache,
  type Fingerprint,
  type KnownFile,
  type ScanEntry,
} from '../search/index-store';
import type { DocMeta } from '../search/search-index';
import { extractedTextCache, ocrTextSince } from '../search/extracted-text-cache';

// 3: facts carry the file's format and a saved page's author (older records lack them: made again).
// 4: a saved page's facts name its extracted-text cache entry (pageKey).
// 5: a scanned PDF's facts name the key its OCR text will be kept under (ocrKey).
export const CATALOG_FORMAT = 5;
/** Longest the cache's parsing holds the thread at a time. */
const SLICE_MS = 8;
/** Longest a refresh works before it lets the thread's messages through (as runChunked did). */
const SLICE_WORK_MS = 12;

export interface CatalogRecord extends KnownFile {
  file: string;
  facts: ArticleFacts;
  sidecarFacts: SidecarFacts;
}

export interface RefreshOutcome {
  /** Files whose record was (re)made, including new ones. */
  changed: string[];
  removed: string[];
}

export interface RefreshCallbacks {
  onProgress?: (done: number, total: number) => void;
  /** Records made since the last call, in batches (to stream them to the list). */
  onRecords?: (records: CatalogRecord[]) => void;
  /** A second thread for the plain-text articles' facts, asked for between slices (facts-helper.ts). */
  helper?: HelperSource;
}

export class CatalogState {
  readonly records = new Map<string, CatalogRecord>();
  /** When the scan behind these records began (ms since the epoch). */
  writtenAt = 0;

  static async load(root: string): Promise<CatalogState> {
    const bytes = await readCacheBytes(root, CATALOG_CACHE);
    return bytes ? CatalogState.fromText(bytes.toString('utf8')) : new CatalogState();
  }

  /**
   * One JSON line of header, then one line per record, parsed a slice at a time: the main
   * thread reads this when a corpus opens, and one JSON.parse of 20,000 records would hold
   * it for a fifth of a second. A cache of another format, or a malformed record, is not
   * trusted: those records are made again.
   */
  static async fromText(text: string): Promise<CatalogState> {
    const state = new CatalogState();
    const lines = text.split('\n');
    let header: unknown;
    try {
      header = JSON.parse(lines[0] ?? '');
    } catch {
      return state;
    }
    if (!isObject(header) || header.format !== CATALOG_FORMAT || typeof header.writtenAt !== 'number') return state;
    state.writtenAt = header.writtenAt;
    let slice = performance.now();
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line) continue;
      try {
        const r: unknown = JSON.parse(line);
        if (isRecord(r)) state.records.set(r.file, r);
      } catch {
        // A torn or edited line: that article is worked out again.
      }
      if (performance.now() - slice > SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
    return state;
  }

  toText(): string {
    const lines = [JSON.stringify({ format: CATALOG_FORMAT, writtenAt: this.writtenAt })];
    for (const r of this.records.values()) lines.push(JSON.stringify(r));
    return lines.join('\n') + '\n';
  }

  /** The extracted-text cache entries the listed pages use. */
  pageKeys(): Set<string> {
    return new Set([...this.records.values()].flatMap((r) => (r.facts.pageKey ? [r.facts.pageKey] : [])));
  }

  async persist(root: string): Promise<boolean> {
    return writeCache(root, CATALOG_CACHE, this.toText());
  }

  summary(file: string): ArticleSummary | null {
    const r = this.records.get(file);
    return r ? summaryOf(file, r.facts, r.sidecarFacts) : null;
  }

  /** Whether the record still describes the file as scanned (size and mtime of both files). */
  isCurrent(e: ScanEntry): boolean {
    const r = this.records.get(e.file);
    return !!r && same(r.article, e.article) && same(r.sidecar, e.sidecar);
  }

  async refresh(root: string, scan: ScanEntry[], callbacks: RefreshCallbacks = {}): Promise<RefreshOutcome> {
    const pages = extractedTextCache(root);
    const started = Date.now();
    // A scan read by OCR since (here or by another process, first or again) is read again, though the PDF is the same.
    for (const [file, r] of this.records) {
      const ocr = r.facts.ocrKey ?? (r.facts.format === 'pdf' ? r.facts.pageKey : undefined);
      if (ocr && ocrTextSince(root, ocr, this.writtenAt)) this.records.delete(file);
    }
    const plan = planRefresh(scan, this.records, this.writtenAt);
    const changed: string[] = [];
    for (const f of plan.removed) this.records.delete(f);
    const total = plan.articles.length + plan.sidecars.length;
    let batch: CatalogRecord[] = [];
    const flush = () => {
      if (batch.length > 0) callbacks.onRecords?.(batch);
      batch = [];
    };
    const work = async ({ e, sidecarOnly }: { e: ScanEntry & { verify?: boolean }; sidecarOnly: boolean }) => {
      const old = this.records.get(e.file);
      const side = readSidecar(root, e);
      let record: CatalogRecord | null = null;
      if (sidecarOnly && old && (side.overrides.encoding ?? null) === old.facts.decodedWith) {
        record = { ...old, sidecar: e.sidecar, sidecarFacts: side };
      } else if (tooLargeToRead(e.file, e.article.size)) {
        // Not loaded at all: a file of gigabytes named like an article must not fill the worker's memory.
        const facts = unreadableFacts(e.file, tooLargeToRead(e.file, e.article.size)!, side.overrides.encoding);
        record = newRecord(e, '', facts, side);
      } else {
        const bytes = readBytes(root, e.file);
        if (!bytes) {
          this.records.delete(e.file);
          return;
        }
        const hash = hashIfRacy(bytes, e.article, started);
        if (e.verify && old && old.article.hash !== '' && old.article.hash === contentHash(bytes) && (side.overrides.encoding ?? null) === old.facts.decodedWith) {
          record = { ...old, article: { ...e.article, hash }, sidecar: e.sidecar, sidecarFacts: side };
          if (sameFacts(old.sidecarFacts, side)) {
            this.records.set(e.file, record);
            return;
          }
        } else {
          const { text: _text, ...facts } = await articleFacts(e.file, bytes, side.overrides.encoding, { cache: pages });
          record = newRecord(e, hash, facts, side);
        }
      }
      keep(record);
    };
    const keep = (record: CatalogRecord) => {
      this.records.set(record.file, record);
      changed.push(record.file);
      batch.push(record);
    };
    const items: Array<{ e: ScanEntry & { verify?: boolean }; sidecarOnly: boolean }> = [...plan.articles.map((e) => ({ e, sidecarOnly: false })), ...plan.sidecars.map((e) => ({ e, sidecarOnly: true }))];
    // A helper's result becomes a record as `work` makes one (see plainArticleFacts).
    const apply = (i: number, { side, read }: FactsResult) => {
      const { e } = items[i]!;
      done++;
      if (!read) {
        this.records.delete(e.file);
        return;
      }
      keep(newRecord(e, read.hash, read.facts, side));
    };
    const helper = callbacks.helper;
    let sharing = null as FactsSharing | null;
    let helperLeft: number[] | null = null;
    let helperAsked = false;
    let recordsBefore = null as Set<string> | null;
    // From `from` on, the plain-text articles read whole (the helper's kind), once a core is spare.
    const share = (from: number) => {
      if (!helper?.spare() || helperAsked) return;
      if (!helperLeft) helperLeft = items.flatMap(({ e, sidecarOnly }, i) => (!sidecarOnly && !e.verify && isPlainTextName(e.file) && !tooLargeToRead(e.file, e.article.size) ? [i] : []));
      const left = helperLeft.filter((i) => i >= from);
      helperAsked = true; // fewer now, fewer later
      if (left.length < helper.min) return;
      try {
        sharing = new FactsSharing(left, left.map((i) => items[i]!.e), root, started, (job) => helper.start(job), apply);
        recordsBefore = new Set(this.records.keys()); // results come as messages: none yet
      } catch {
        sharing = null; // no thread: this one does it all
      }
    };
    let done = 0;
    let sliceStart = performance.now();
    const slice = async (next: number) => {
      if (performance.now() - sliceStart <= SLICE_WORK_MS) return;
      flush();
      callbacks.onProgress?.(done, total);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!sharing) share(next);
      sliceStart = performance.now();
    };
    const one = async (i: number) => {
      await work(items[i]!);
      done++;
      await slice(i + 1);
    };
    try {
      share(0);
      for (let i = 0; i < items.length; i++) if (!sharing?.has(i)) await one(i);
      if (sharing) {
        for (const i of sharing.mine()) await one(i);
        for (const i of await sharing.leftovers()) await one(i);
      }
    } finally {
      sharing?.stop();
    }
    if (recordsBefore) {
      // The order one thread would have made: the records there were, then the new ones in the scan's order.
      const before = recordsBefore;
      const order = new Map(items.map(({ e }, i) => [e.file, i]));
      const byOrder = (a: string, b: string) => order.get(a)! - order.get(b)!;
      const files = [...this.records.keys()];
      const kept = [...files.filter((f) => before.has(f)), ...files.filter((f) => !before.has(f)).sort(byOrder)];
      const records = kept.map((f) => this.records.get(f)!);
      this.records.clear();
      for (const r of records) this.records.set(r.file, r);
      changed.sort(byOrder);
    }
    flush();
    callbacks.onProgress?.(done, total);
    this.writtenAt = started;
    return { changed, removed: plan.removed };
  }
}

/** What the search index needs of an article's metadata for its filters. */
export function docMetaOf(r: CatalogRecord): DocMeta {
  const s = summaryOf(r.file, r.facts, r.sidecarFacts);
  return { language: s.language, outlet: s.outlet, date: s.date?.iso ?? null, tags: r.sidecarFacts.tags };
}

/**
 * What `work` in refresh does for a plain-text article it reads whole (not a sidecar-only
 * change, not a check of a racy one), in the same steps: the helper thread's work.
 */
export async function plainArticleFacts(root: string, e: ScanEntry, started: number): Promise<Omit<FactsResult, 'at'>> {
  const side = readSidecar(root, e);
  const bytes = readBytes(root, e.file);
  if (!bytes) return { side, read: null };
  const hash = hashIfRacy(bytes, e.article, started);
  const { text: _text, ...facts } = await articleFacts(e.file, bytes, side.overrides.encoding, { cache: extractedTextCache(root) });
  return { side, read: { hash, facts } };
}

function newRecord(e: ScanEntry, hash: string, facts: ArticleFacts, side: SidecarFacts): CatalogRecord {
  return { file: e.file, article: { ...e.article, hash }, sidecar: e.sidecar, facts, sidecarFacts: side };
}

function readBytes(root: string, file: string): Buffer | null {
  try {
    return readFileSync(join(root, file));
  } catch {
    return null;
  }
}

function readSidecar(root: string, e: ScanEntry): SidecarFacts {
  if (!e.sidecar) return NO_SIDECAR;
  const name = `${e.file.split('/').pop()}${SIDECAR_SUFFIX}`;
  let text: string;
  try {
    const bytes = readOrdinaryFileSync(join(root, e.file + SIDECAR_SUFFIX), { maxBytes: MAX_SIDECAR_BYTES, name });
    if (bytes === null) return NO_SIDECAR;
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof RefusedFileError) return { ...NO_SIDECAR, problem: `${error.message} The article opens read-only.` };
    return NO_SIDECAR;
  }
  return sidecarFacts(text, name);
}

function same(a: Fingerprint | null, b: Fingerprint | null): boolean {
  if (!a || !b) return !a && !b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

function sameFacts(a: SidecarFacts, b: SidecarFacts): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFingerprint(v: unknown): v is Fingerprint {
  return isObject(v) && typeof v.size === 'number' && typeof v.mtimeMs === 'number';
}

function isRecord(v: unknown): v is CatalogRecord {
  if (!isObject(v) || typeof v.file !== 'string') return false;
  if (!isFingerprint(v.article) || typeof (v.article as unknown as Record<string, unknown>).hash !== 'string') return false;
  if (v.sidecar !== null && !isFingerprint(v.sidecar)) return false;
  const f = v.facts;
  if (!isObject(f) || typeof f.openable !== 'boolean' || typeof f.headline !== 'string' || typeof f.format !== 'string') return false;
  if (f.openable && f.format !== 'txt' && typeof f.pageKey !== 'string') return false;
  const s = v.sidecarFacts;
  if (!isObject(s) || typeof s.annotations !== 'number' || !Array.isArray(s.tags) || !isObject(s.overrides)) return false;
  return true;
}
