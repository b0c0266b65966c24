// The article list and the search of a corpus. The list is on screen at once however big the
// folder: file names come from one scan, headlines and metadata from the cache beside the
// corpus where it is still valid, and the rest is marked pending and filled in by a worker
// thread (with progress events), as is the search index. Optionally watches the folder and
// reports changes made from outside.
import { MessageChannel } from 'node:worker_threads';
import type { SidecarStore } from '../../annotations/store/sidecar-store';
import { ApiError } from '../folder/errors';
import type { SearchRequest, SearchResponse } from '../search/search-types';
import { pendingSummary, type ArticleSummary } from './article-summary';
import { overlayOpenStores } from './open-stores-overlay';
import { searchResponse } from './search-response';
import { CatalogState, docMetaOf } from './catalog-state';
import type { FromWorker } from './index-protocol';
import type { ArticleText } from '../extract/article-text';
import { listNames, scanCorpus, scanNames, type ScanEntry } from '../search/index-store';
import { IndexWorkerHandle, startListWorker, type IndexerOptions } from './indexer';
import { listFromCache } from './list-from-cache';
import { SearchEngine, SearchQueryError, type EngineRequest, type EngineResult } from '../search/search-engine';
import { checkQuerySize, compileQuery, hasFilters } from '../search/search-query';
import { CorpusWatcher, type ChangeBatch } from '../folder/watcher';

export type CatalogEvent =
  /** Background work on the list and the index: articles done of those that needed it. */
  | { type: 'progress'; done: number; total: number }
  /** List entries filled in or changed (coalesced, at most a few per second). */
  | { type: 'summaries'; files: string[] }
  /** Changes on disk made from outside, as the watcher saw them. */
  | { type: 'changes'; batch: ChangeBatch }
  /** The search index caught up with the folder. */
  | { type: 'searchable'; articles: number }
  | { type: 'error'; message: string };

export interface CatalogOptions {
  /**
   * Keep the list's facts and the search index in worker threads (the app). Without it
   * everything is worked out in this thread when asked (the CLI, tests, small corpora).
   */
  background?: boolean | IndexerOptions;
  /** Report and follow changes made to the folder from outside. */
  watch?: boolean;
  onEvent?: (event: CatalogEvent) => void;
}

/** A list entry not yet worked out has `pending: true` and the file name as its headline. */
export type CatalogSummary = ArticleSummary & { pending?: boolean };

/** Up to this many articles missing from the cache are summarised at once rather than shown pending. */
const INLINE_SUMMARIES = 40;
/** Hits sent with their context when the request names no limit: more than a screenful. */
const DEFAULT_HITS = 100;
const SUMMARY_EVENT_MS = 400;
const INVALIDATE_MS = 300;

interface Progress {
  done: number;
  total: number;
  ready: boolean;
}

export class ArticleCatalog {
  private state: CatalogState | null = null;
  private loading: Promise<CatalogState> | null = null;
  private catalogWorker: IndexWorkerHandle | null = null;
  /** The list worker's latest metadata message when it was last ready (see index-worker.ts). */
  private metaSeq = 0;
  private searchWorker: IndexWorkerHandle | null = null;
  private inlineSearch: Promise<SearchEngine> | null = null;
  private watcher: CorpusWatcher | null = null;
  private readonly progress: Record<'catalog' | 'search', Progress> = {
    catalog: { done: 0, total: 0, ready: false },
    search: { done: 0, total: 0, ready: false },
  };
  private searchableWaiters: Array<() => void> = [];
  private listWaiters: Array<() => void> = [];
  private pendingSummaryFiles = new Set<string>();
  private summaryTimer: NodeJS.Timeout | null = null;
  private invalidateTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private background: IndexerOptions | null;
  private startCatalogWorker: (() => void) | null = null;
  private listWorkerDecided = false;

  constructor(
    readonly root: string,
    private readonly options: CatalogOptions = {},
  ) {
    this.background = options.background ? (options.background === true ? {} : options.background) : null;
    if (options.watch) void this.startWatcher();
  }

  /** Forget what is known of one article (it or its sidecar changed). */
  invalidate(_file: string): void {
    if (!this.catalogWorker) return;
    // Sidecar writes come in bursts while someone annotates: one rescan for the burst.
    if (this.invalidateTimer) clearTimeout(this.invalidateTimer);
    this.invalidateTimer = setTimeout(() => {
      this.invalidateTimer = null;
      this.catalogWorker?.send({ type: 'refresh' });
    }, INVALIDATE_MS);
  }

  async list(open: Map<string, Promise<SidecarStore>> = new Map()): Promise<CatalogSummary[]> {
    if (this.background) {
      // Search starts with the list, not after it: reopening, it reads the index while the list
      // is made (README). Whether the list's worker starts too is known once its cache is read.
      this.startWorkers({ list: false });
      const out = await this.listInBackground();
      this.startWorkers();
      return overlayOpenStores(out, open);
    }
    const [scan, state] = await Promise.all([scanCorpus(this.root), this.loadState()]);
    const before = state.writtenAt;
    const result = await state.refresh(this.root, scan);
    if (result.changed.length > 0 || result.removed.length > 0 || before === 0) await state.persist(this.root);
    return overlayOpenStores(
      scan.map((e) => state.summary(e.file) ?? pendingSummary(e.file)),
      open,
    );
  }

  private async listInBackground(): Promise<CatalogSummary[]> {
    const [listed, state] = await Promise.all([listNames(this.root), this.loadState()]);
    const names = listed.articles;
    // Nothing known yet (a first opening): the names are all there is to show, and reading
    // 20,000 file sizes and times first would only delay them.
    if (state.records.size === 0 && names.length > INLINE_SUMMARIES) return names.map((f) => pendingSummary(f));
    // The worker has checked every record against the folder and the watcher reports any
    // change since: the records hold as they are.
    if (this.options.watch && this.catalogWorker && this.progress.catalog.ready) {
      return names.map((f) => state.summary(f) ?? pendingSummary(f));
    }
    // The names listed above: listing the folder again (as scanCorpus would) cost this thread
    // ~30 ms of a reopening, while the search worker, loading its index, needs the cores.
    return listFromCache(this.root, await scanNames(this.root, listed), state, INLINE_SUMMARIES);
  }

  private loadState(): Promise<CatalogState> {
    if (this.state) return Promise.resolve(this.state);
    this.loading ??= CatalogState.load(this.root).then((s) => (this.state = s));
    return this.loading;
  }

  // --- search ----------------------------------------------------------------------------

  async search(request: SearchRequest): Promise<SearchResponse> {
    const engineRequest: EngineRequest = { query: request.query, lenient: request.lenient, wholeWord: request.wholeWord, filters: request.filters, limit: request.limit ?? DEFAULT_HITS };
    // Refused here, at once, rather than after the worker has finished indexing.
    const tooLong = checkQuerySize(compileQuery(request.query));
    if (tooLong) throw new ApiError('bad-request', tooLong);
    let result: EngineResult;
    try {
      if (this.background && !this.closed) this.startWorkers();
      if (this.searchWorker?.alive) {
        result = await this.searchWorker.search(engineRequest, this.metaSeq);
      } else {
        // No worker, or it failed (a broken bundle, out of memory): search in this thread.
        result = await this.searchInline(engineRequest);
      }
    } catch (error) {
      if (error instanceof SearchQueryError) throw new ApiError('bad-request', error.message);
      throw error;
    }
    const state = await this.loadState();
    return searchResponse(result, (file) => state.summary(file), this.indexing());
  }

  /** The CLI's and the tests' path: the index in this thread, brought up to date first (with the folder as scanned, when given). */
  async searchInline(request: EngineRequest, folderScan?: ScanEntry[]): Promise<EngineResult> {
    const scan = folderScan ?? (await scanCorpus(this.root));
    this.inlineSearch ??= SearchEngine.load(this.root);
    const engine = await this.inlineSearch;
    await engine.refresh(this.root, scan);
    const f = request.filters;
    if (hasFilters(f)) {
      // Filters need the metadata, which the list works out.
      const state = await this.loadState();
      const out = await state.refresh(this.root, scan);
      if (out.changed.length > 0 || out.removed.length > 0) await state.persist(this.root);
      engine.setMeta([...state.records.values()].map((r) => [r.file, docMetaOf(r)] as [string, ReturnType<typeof docMetaOf>]));
    }
    const result = await engine.search(this.root, request);
    if (engine.dirty) await engine.persist(this.root);
    return result;
  }

  /**
   * A saved page's text worked out in the search worker, or null where there is none (the
   * command line, tests without workers, a worker that failed): the caller reads it itself.
   */
  extractInBackground(name: string, bytes: Uint8Array): Promise<ArticleText | null> {
    if (this.background && !this.closed) this.startWorkers();
    return this.searchWorker?.alive ? this.searchWorker.extract(name, bytes).catch(() => null) : Promise.resolve(null);
  }

  /** The headline of each article (file name when it has none), worked out where the cache is stale: for printing hits. */
  async headlines(): Promise<Map<string, string>> {
    const scan = await scanCorpus(this.root);
    const state = await this.loadState();
    const out = await state.refresh(this.root, scan);
    if (out.changed.length > 0 || out.removed.length > 0) await state.persist(this.root);
    return new Map([...state.records.keys()].map((file) => [file, state.summary(file)?.headline || file]));
  }

  /** How far the search index is, or null when it is complete. */
  indexing(): { done: number; total: number } | null {
    if (!this.background || !this.searchWorker?.alive) return null;
    const s = this.progress.search;
    return s.ready ? null : { done: s.done, total: s.total };
  }

  /** Resolves when the search index has caught up with the folder (the app's tests, the bench). */
  whenSearchable(): Promise<void> {
    if (!this.background || (this.searchWorker && this.progress.search.ready)) return Promise.resolve();
    this.startWorkers();
    return new Promise((resolve) => this.searchableWaiters.push(resolve));
  }

  /** Resolves when every list entry has been worked out (no pending ones left). */
  whenListed(): Promise<void> {
    if (!this.background || (this.catalogWorker && this.progress.catalog.ready)) return Promise.resolve();
    this.startWorkers();
    this.startCatalogWorker?.();
    return new Promise((resolve) => this.listWaiters.push(resolve));
  }

  // --- background ------------------------------------------------------------------------

  private startWorkers(options: { list: boolean } = { list: true }): void {
    if (!this.background || this.closed) return;
    if (!this.searchWorker) {
      const fail = (role: string) => (error: Error) => {
        this.emit({ type: 'error', message: `${role} worker: ${error.message}` });
        if (role === 'search') {
          this.startCatalogWorker?.();
          this.catalogWorker?.send({ type: 'spare-core', free: true });
        }
      };
      const meta = new MessageChannel();
      const background = this.background;
      this.searchWorker = new IndexWorkerHandle('search', this.root, background, (m) => this.fromSearchWorker(m), fail('search'), meta.port2);
      this.startCatalogWorker = () => {
        this.startCatalogWorker = null;
        if (this.closed || this.catalogWorker) return;
        this.catalogWorker = startListWorker(this.root, background, (m) => void this.fromCatalogWorker(m), fail('list'), meta.port1);
      };
    }
    if (!options.list || this.listWorkerDecided) return;
    this.listWorkerDecided = true;
    // With a list from the cache on screen, checking it can wait until search is ready: on two
    // cores the two workers would otherwise slow each other down. A first opening needs both.
    if (!this.state || this.state.records.size === 0) this.startCatalogWorker?.();
  }

  private async fromCatalogWorker(m: FromWorker): Promise<void> {
    const state = await this.loadState();
    switch (m.type) {
      case 'progress':
        this.setProgress('catalog', m.done, m.total, false);
        break;
      case 'records':
        for (const r of m.records) state.records.set(r.file, r);
        this.summariesChanged(m.records.map((r) => r.file));
        break;
      case 'ready':
        this.metaSeq = m.metaSeq ?? this.metaSeq;
        for (const f of m.removed) state.records.delete(f);
        if (m.removed.length > 0) this.summariesChanged(m.removed);
        this.setProgress('catalog', this.progress.catalog.total, this.progress.catalog.total, true);
        this.flushSummaryEvent();
        for (const w of this.listWaiters.splice(0)) w();
        break;
      case 'failed':
        if (m.id === null) this.emit({ type: 'error', message: m.message });
        break;
    }
  }

  private fromSearchWorker(m: FromWorker): void {
    switch (m.type) {
      case 'progress':
        this.setProgress('search', m.done, m.total, false);
        break;
      case 'ready': {
        this.startCatalogWorker?.();
        // Its core is free: the list worker may share out the rest of its work (facts-helper.ts).
        this.catalogWorker?.send({ type: 'spare-core', free: true });
        this.setProgress('search', this.progress.search.total, this.progress.search.total, true);
        this.emit({ type: 'searchable', articles: m.articles });
        const waiters = this.searchableWaiters;
        this.searchableWaiters = [];
        for (const w of waiters) w();
        break;
      }
      case 'failed':
        if (m.id === null) this.emit({ type: 'error', message: m.message });
        break;
    }
  }

  private setProgress(role: 'catalog' | 'search', done: number, total: number, ready: boolean): void {
    this.progress[role] = { done, total, ready };
    const c = this.progress.catalog;
    const s = this.progress.search;
    this.emit({ type: 'progress', done: c.done + s.done, total: c.total + s.total });
  }

  private summariesChanged(files: string[]): void {
    for (const f of files) this.pendingSummaryFiles.add(f);
    if (this.summaryTimer) return;
    this.summaryTimer = setTimeout(() => this.flushSummaryEvent(), SUMMARY_EVENT_MS);
    this.summaryTimer.unref();
  }

  private flushSummaryEvent(): void {
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    this.summaryTimer = null;
    const changed = [...this.pendingSummaryFiles].sort();
    this.pendingSummaryFiles.clear();
    if (changed.length > 0) this.emit({ type: 'summaries', files: changed });
  }

  private emit(event: CatalogEvent): void {
    if (this.closed) return;
    try {
      this.options.onEvent?.(event);
    } catch {
      // A listener's failure must not stop the catalog.
    }
  }

  // --- watching --------------------------------------------------------------------------

  private async startWatcher(): Promise<void> {
    const watcher = new CorpusWatcher(this.root, (batch) => this.onDiskChanges(batch), {
      onError: (error) => this.emit({ type: 'error', message: `watching the folder: ${error.message}` }),
    });
    this.watcher = watcher;
    try {
      await watcher.start();
    } catch (error) {
      this.emit({ type: 'error', message: `watching the folder: ${(error as Error).message}` });
    }
    if (this.closed) watcher.close();
  }

  private onDiskChanges(batch: ChangeBatch): void {
    this.emit({ type: 'changes', batch });
    if (batch.added.length + batch.changed.length + batch.removed.length > 0) this.progress.search.ready = false;
    this.progress.catalog.ready = false;
    if (this.searchWorker?.alive) this.catalogWorker?.send({ type: 'spare-core', free: false });
    this.catalogWorker?.send({ type: 'refresh' });
    this.searchWorker?.send({ type: 'refresh' });
  }

  /** The watcher, for callers that want a batch now (tests) rather than after the debounce. */
  get folderWatcher(): CorpusWatcher | null {
    return this.watcher;
  }

  /** Saves what the workers hold (they also save after each refresh). */
  async persist(): Promise<void> {
    await Promise.all([this.catalogWorker?.persist(), this.searchWorker?.persist()]);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.watcher?.close();
    for (const t of [this.summaryTimer, this.invalidateTimer]) if (t) clearTimeout(t);
    await Promise.all([this.catalogWorker?.close(), this.searchWorker?.close()]);
    for (const w of [...this.searchableWaiters.splice(0), ...this.listWaiters.splice(0)]) w();
  }

  /** The workers, for measuring them (the bench). */
  get workers(): IndexWorkerHandle[] {
    return [this.catalogWorker, this.searchWorker].filter((w): w is IndexWorkerHandle => w !== null);
  }
}
