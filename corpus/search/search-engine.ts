// Search over a corpus folder: the index kept current against the folder, queries answered
// with hits in the articles' original text. Runs in the index worker (the app) and in the
// process itself (the CLI, small corpora).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromStoredExtra, toStoredExtra, type SearchFileRecord } from './file-records';
import { contentHash, hashIfRacy, planRefresh, runChunked, SEARCH_INDEX, writeCache, type ScanEntry } from './index-store';
import { loadIndexFile } from './index-load';
import { foldKey } from '../text/normalise';
import { IndexFormatError, SearchIndex, type DocMeta } from './search-index';
import { answer, articleReading, compileRequest, type EngineRequest, type EngineResult } from './engine-answer';

export type { SearchFileRecord } from './file-records';

export { SearchQueryError, type EngineHit, type EngineRequest, type EngineResult } from './engine-answer';

/**
 * Loads ahead what reading an article needs. The index worker calls it once it is searchable,
 * so that the first article added or changed afterwards is indexed as promptly as the list
 * shows it, rather than after the extractors have loaded.
 */
export async function prepareArticleReading(): Promise<void> {
  await articleReading();
}

const NO_META: DocMeta = { language: null, outlet: null, date: null, tags: [] };

export class SearchEngine {
  index = new SearchIndex();
  readonly files = new Map<string, SearchFileRecord>();
  writtenAt = 0;
  /** Whether anything changed since the last persist. */
  dirty = false;

  /** The index saved beside the corpus, or an empty one when there is none usable. */
  static async load(root: string): Promise<SearchEngine> {
    const engine = new SearchEngine();
    try {
      const parts = await loadIndexFile(root);
      if (!parts) return engine;
      const { index, extra } = SearchIndex.fromStored(parts);
      const stored = fromStoredExtra(extra);
      if (!stored) return engine;
      for (const file of index.files()) {
        const r = stored.records.get(file);
        if (r) engine.files.set(file, r);
        else index.remove(file);
      }
      engine.index = index;
      engine.writtenAt = stored.writtenAt;
    } catch (error) {
      if (!(error instanceof IndexFormatError)) throw error;
    }
    return engine;
  }

  private saving: Promise<boolean> = Promise.resolve(true);

  /** Saves the index; saves never overlap (the file is written a piece at a time). */
  persist(root: string): Promise<boolean> {
    this.saving = this.saving.then(async () => {
      this.dirty = false;
      const ok = await writeCache(root, SEARCH_INDEX, this.index.chunksYielding(toStoredExtra(this.files, this.writtenAt)));
      if (!ok) this.dirty = true;
      return ok;
    });
    return this.saving;
  }

  /** Metadata that came before its article was indexed waits here. */
  private readonly pendingMeta = new Map<string, DocMeta>();

  /** Returns whether anything changed (what is saved already need not be saved again). */
  setMeta(entries: Iterable<[string, DocMeta]>): boolean {
    let changed = false;
    for (const [file, meta] of entries) {
      const old = this.index.meta(file);
      if (!old) this.pendingMeta.set(file, meta);
      else if (!sameMeta(old, meta)) {
        this.index.setMeta(file, meta);
        changed = true;
      }
    }
    if (changed) this.dirty = true;
    return changed;
  }

  /** Brings the index up to the folder as scanned: new and changed articles are folded again. */
  async refresh(root: string, scan: ScanEntry[], onProgress?: (done: number, total: number) => void): Promise<{ changed: string[]; removed: string[] }> {
    const started = Date.now();
    // A scan read by OCR since (first or again) is read again, though the PDF is the same.
    const scans = [...this.files].filter(([, r]) => r.ocrKey);
    if (scans.length > 0) {
      const { ocrTextSince } = await articleReading();
      for (const [file, r] of scans) if (ocrTextSince(root, r.ocrKey!, this.writtenAt)) this.files.delete(file);
    }
    const plan = planRefresh(scan, this.files, this.writtenAt);
    for (const f of plan.removed) {
      this.files.delete(f);
      this.index.remove(f);
    }
    const items = [
      ...plan.articles.map((e) => ({ e, sidecarOnly: false, verify: e.verify })),
      ...plan.sidecars.map((e) => ({ e, sidecarOnly: true, verify: false })),
    ];
    // Nothing to read (the index is current): the extractors are not even loaded.
    const reading = items.length > 0 ? await articleReading() : null;
    const pages = reading?.extractedTextCache(root);
    const changed: string[] = [];
    const work = async ({ e, sidecarOnly, verify }: { e: ScanEntry; sidecarOnly: boolean; verify: boolean }) => {
      // Runs only for an item, so the reading is loaded.
      const { articleText, encodingOverride, tooLargeToRead } = reading!;
      const old = this.files.get(e.file);
      const encoding = encodingOverride(root, e);
      if (sidecarOnly && old && old.encoding === encoding) {
        this.files.set(e.file, { ...old, sidecar: e.sidecar });
        return;
      }
      if (tooLargeToRead(e.file, e.article.size)) {
        // Listed with its reason by the list; nothing of it is searched, and it is never loaded.
        this.files.set(e.file, { article: { ...e.article, hash: '' }, sidecar: e.sidecar, encoding });
        this.index.put(e.file, '', this.pendingMeta.get(e.file) ?? this.index.meta(e.file) ?? NO_META);
        this.pendingMeta.delete(e.file);
        changed.push(e.file);
        return;
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(root, e.file));
      } catch {
        this.files.delete(e.file);
        this.index.remove(e.file);
        return;
      }
      if (verify && old && old.article.hash !== '' && old.article.hash === contentHash(bytes) && old.encoding === encoding) {
        this.files.set(e.file, { ...old, article: { ...e.article, hash: hashIfRacy(bytes, e.article, started) }, sidecar: e.sidecar });
        return;
      }
      const decoded = await articleText(e.file, bytes, encoding, pages);
      // A scan, or a scan's OCR text: the key under which a (new) reading of it will be kept.
      const ocrKey = decoded.ok ? (decoded.format === 'pdf' && decoded.meta.ocr ? decoded.key : undefined) : decoded.needsOcr;
      this.files.set(e.file, { article: { ...e.article, hash: hashIfRacy(bytes, e.article, started) }, sidecar: e.sidecar, encoding, ...(ocrKey ? { ocrKey } : {}) });
      const meta = this.pendingMeta.get(e.file) ?? this.index.meta(e.file) ?? NO_META;
      this.pendingMeta.delete(e.file);
      this.index.put(e.file, decoded.ok ? foldKey(decoded.text) : '', meta);
      changed.push(e.file);
    };
    await runChunked(items, work, (done) => onProgress?.(done, items.length));
    if (this.index.needsCompaction()) this.index.compact();
    this.writtenAt = started;
    if (items.length > 0 || plan.removed.length > 0) this.dirty = true;
    return { changed, removed: plan.removed };
  }

  /** Ranks the articles, then reads the best ones to give each hit its original text and context. */
  async search(root: string, request: EngineRequest): Promise<EngineResult> {
    const query = compileRequest(request);
    const ranked = this.index.search(query, { exactTotals: request.exactTotals });
    // Which proclitics apply is the index's finding for the article, so the hits are the ones it counted.
    return answer(root, query, ranked, request.limit, (file) => ({ encoding: this.files.get(file)?.encoding, arabic: this.index.arabic(file), key: this.index.key(file) }), this.index.keyPage(query));
  }
}

function sameMeta(a: DocMeta, b: DocMeta): boolean {
  return a.language === b.language && a.outlet === b.outlet && a.date === b.date && a.tags.length === b.tags.length && a.tags.every((t, i) => t === b.tags[i]);
}
