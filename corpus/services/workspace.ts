// The API over a corpus folder on disk. Both the Electron main process and the browser
// harness run this class; it has no Electron and no DOM in it.
import { createHash, randomUUID } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import { makeQuote } from '../../annotations/anchoring/quote';
import { InvalidSidecarChangeError, ReadOnlySidecarError, SidecarStore } from '../../annotations/store/sidecar-store';
import { resolveConflict } from '../../annotations/store/merge';
import { parseSidecar, tagSchema } from '../../annotations/model/schema';
import { ArticleCatalog, type CatalogEvent } from '../catalog/article-catalog';
import type { AlignmentLink, Annotation, CorpusSettings, MetadataOverrides, Pairing, Rendering, Sidecar, Tag } from '../../annotations/model/types';
import { articleSegments } from './article-segments';
import { mergeCorpusSettings } from '../folder/settings-merge';
import { DraftingService } from './drafting/drafting-service';
import { QuotationService } from './quotation-service';
import type { WorkspaceContext } from './workspace-context';
import {
  ApiError,
  type AlignmentView,
  type ExportFile,
  type GlossaryEntry,
  type Progress,
  type QuotationExportRequest,
  type QuotationPage,
  type QuotationQuery,
  type SearchRequest,
  type SearchResponse,
  type TranslationFormat,
  type AnnotationDraft,
  type AppEvent,
  type AnnotationPatch,
  type AppState,
  type ArticleDoc,
  type ArticleSummary,
  type CorpusInfo,
  type HashiyaApi,
  type SaveRenderingRequest,
} from '../api/api';
import { listArticleFiles, resolveArticlePath, sidecarPathFor } from '../folder/corpus-folder';
import { decodeArticle, MAX_ARTICLE_BYTES } from '../text/decode';
import { detectLanguage, languageDirection, paragraphDirection, type Language } from '../text/language';
import { detectBoilerplate, detectMetadata } from '../metadata/metadata';
import { splitParagraphs } from '../text/paragraphs';
import {
  readAppSettings,
  readCorpusSettings,
  writeAppSettings,
  writeCorpusSettings,
  type AppSettings,
} from '../folder/settings-files';

export interface WorkspaceOptions {
  /** Where the app's own settings live (Electron: userData). */
  appDataDir: string;
  /** Asks the user for a folder; null when cancelled. */
  pickFolder: () => Promise<string | null>;
  /** Used when no corpus was opened before (the bundled sample). */
  defaultCorpus?: string;
  /** Fixed clock for tests. */
  now?: () => Date;
  /**
   * The app: list facts and the search index worked out in worker threads, the folder
   * watched for changes from outside. Off, everything is worked out when asked (CLI, tests).
   */
  live?: boolean;
}

interface LoadedArticle {
  file: string;
  text: string;
  encoding: string;
  language: Language;
  sha256: string;
}

export class Workspace implements HashiyaApi {
  private settings!: AppSettings;
  private root: string | null = null;
  private corpusSettings: CorpusSettings | null = null;
  private corpusSettingsReadOnly: string | null = null;
  /** The settings as last read from or written to disk: the base of a merge. */
  private corpusSettingsBase: CorpusSettings | null = null;
  private readonly stores = new Map<string, Promise<SidecarStore>>();
  private catalog: ArticleCatalog | null = null;
  private readonly changeListeners = new Set<(file: string) => void>();
  private readonly loaded = new Map<string, { article: LoadedArticle; mtimeMs: number; size: number }>();
  private readonly eventListeners = new Set<(event: AppEvent) => void>();
  readonly context: WorkspaceContext;
  private readonly drafting: DraftingService;
  private readonly quotations: QuotationService;

  private constructor(private readonly options: WorkspaceOptions) {
    this.context = this.makeContext();
    this.drafting = new DraftingService(this.context);
    this.quotations = new QuotationService(this.context);
  }

  private makeContext(): WorkspaceContext {
    return {
      root: () => this.requireRoot(),
      resolve: (file) => resolveArticlePath(this.requireRoot(), file),
      listArticles: () => this.listArticles(),
      openArticle: (file) => this.openArticle(file),
      version: async (file) => (await this.loadArticle(file)).sha256,
      store: async (file) => (await this.openStore(file)).store,
      write: async <T>(file: string, change: (data: Sidecar) => T) => {
        const { article, store } = await this.openStore(file);
        const result = await this.write<T>(store, (data) => {
          const out = change(data);
          // Every draft keeps the words it renders, so a changed article can place it again.
          for (const r of data.renderings) if (r.source === undefined && !r.orphaned) r.source = article.text.slice(r.start, r.end);
          return out;
        });
        this.changed(file);
        return result;
      },
      corpusSettings: () => {
        this.requireRoot();
        return this.corpusSettings!;
      },
      saveCorpusSettings: (next) => this.saveCorpusSettings(next),
      analyst: () => this.analyst(),
      now: () => this.now(),
      changed: (file) => this.changed(file),
      onChanged: (listener) => {
        this.changeListeners.add(listener);
        return () => this.changeListeners.delete(listener);
      },
      api: this,
    };
  }

  /** Events for the window (changes on disk, indexing progress); the transports forward them. */
  onEvent(listener: (event: AppEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  protected emit(event: AppEvent): void {
    for (const l of this.eventListeners) l(event);
  }

  /** Background work and changes on disk, turned into what the window needs to hear. */
  private async onCatalogEvent(e: CatalogEvent): Promise<void> {
    if (e.type === 'progress') this.emit({ type: 'index-progress', done: e.done, total: e.total });
    else if (e.type === 'summaries') this.emit({ type: 'articles-changed', files: e.files });
    else if (e.type === 'changes') {
      const { added, changed, removed, sidecarsChanged } = e.batch;
      for (const file of sidecarsChanged) {
        // Someone else's save (a git pull, another analyst): read it; the store tells the window.
        const store = await this.stores.get(file)?.catch(() => null);
        await store?.reload().catch(() => undefined);
      }
      for (const file of changed) {
        this.changed(file);
        this.emit({ type: 'sidecar-changed', file, message: `${file} changed on disk; its annotations were placed again from their quotes.` });
      }
      if (added.length + changed.length + removed.length + sidecarsChanged.length > 0) {
        this.emit({ type: 'articles-changed', files: [...added, ...changed, ...removed, ...sidecarsChanged] });
      }
    }
  }

  private changed(file: string): void {
    this.catalog?.invalidate(file);
    for (const l of this.changeListeners) l(file);
  }

  static async create(options: WorkspaceOptions): Promise<Workspace> {
    const ws = new Workspace(options);
    ws.settings = await readAppSettings(options.appDataDir);
    const start = ws.settings.lastCorpus ?? options.defaultCorpus;
    if (start) {
      try {
        await ws.openCorpus(start, ws.settings.lastCorpus !== null);
      } catch {
        // The remembered folder is gone (an unplugged drive): start without a corpus.
        if (options.defaultCorpus && start !== options.defaultCorpus) await ws.openCorpus(options.defaultCorpus, false).catch(() => undefined);
      }
    }
    return ws;
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  /** Opens a folder as the corpus; `remember` keeps it for the next launch. */
  async openCorpus(folder: string, remember = true): Promise<CorpusInfo> {
    const real = await realpath(folder);
    if (!(await stat(real)).isDirectory()) throw new ApiError('not-found', `${basename(folder)} is not a folder`);
    await this.flush();
    this.root = real;
    this.stores.clear();
    this.loaded.clear();
    await this.catalog?.close();
    this.catalog = new ArticleCatalog(real, {
      background: this.options.live ?? false,
      watch: this.options.live ?? false,
      onEvent: (e) => void this.onCatalogEvent(e),
    });
    this.quotations?.reset();
    const cs = await readCorpusSettings(real);
    this.corpusSettings = cs.settings;
    this.corpusSettingsBase = cs.settings;
    this.corpusSettingsReadOnly = cs.readOnly;
    if (remember) {
      this.settings = { ...this.settings, lastCorpus: real };
      await writeAppSettings(this.options.appDataDir, this.settings);
    }
    return this.corpusInfo();
  }

  get corpusRoot(): string | null {
    return this.root;
  }

  private async corpusInfo(): Promise<CorpusInfo> {
    const root = this.requireRoot();
    return { name: basename(root), articleCount: (await listArticleFiles(root)).length };
  }

  private requireCatalog(): ArticleCatalog {
    this.requireRoot();
    return this.catalog!;
  }

  private requireRoot(): string {
    if (!this.root) throw new ApiError('no-corpus', 'No corpus folder is open. Use File → Open Folder…');
    return this.root;
  }

  async getAppState(): Promise<AppState> {
    return {
      analyst: this.settings.analyst,
      fontSize: this.settings.fontSize,
      corpus: this.root ? await this.corpusInfo() : null,
    };
  }

  async setAnalyst(name: string): Promise<AppState> {
    this.settings = { ...this.settings, analyst: name.trim() };
    await writeAppSettings(this.options.appDataDir, this.settings);
    return this.getAppState();
  }

  async setFontSize(size: number): Promise<AppState> {
    this.settings = { ...this.settings, fontSize: size };
    await writeAppSettings(this.options.appDataDir, this.settings);
    return this.getAppState();
  }

  async openFolder(): Promise<CorpusInfo | null> {
    const folder = await this.options.pickFolder();
    if (!folder) return null;
    return this.openCorpus(folder, true);
  }

  /**
   * The decoded article, read again only when the file changed on disk (size or mtime).
   * When its text changed under an open sidecar, the sidecar is reopened so that its
   * annotations are re-anchored to the new text.
   */
  private async loadArticle(file: string): Promise<LoadedArticle> {
    const root = this.requireRoot();
    const path = await resolveArticlePath(root, file);
    const info = await stat(path);
    const cached = this.loaded.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.article;
    if (info.size > MAX_ARTICLE_BYTES) throw new ApiError('bad-request', `${file} cannot be opened: larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB, not an article`);
    const bytes = await readFile(path);
    const decoded = decodeArticle(bytes, await this.encodingOverride(file, path));
    if (!decoded.ok) throw new ApiError('bad-request', `${file} cannot be opened: ${decoded.message}`);
    const article: LoadedArticle = {
      file,
      text: decoded.text,
      encoding: decoded.encoding,
      language: detectLanguage(decoded.text),
      sha256: createHash('sha256').update(decoded.text).digest('hex'),
    };
    if (cached && cached.article.sha256 !== article.sha256) await this.forgetStore(file);
    this.loaded.set(file, { article, mtimeMs: info.mtimeMs, size: info.size });
    return article;
  }

  /** Closes an article's sidecar store after its pending writes; the next use reopens it. */
  private async forgetStore(file: string): Promise<void> {
    const held = this.stores.get(file);
    this.stores.delete(file);
    const store = await held?.catch(() => null);
    await store?.flush();
  }

  /** The encoding the user chose for this article, from its sidecar (open or on disk). */
  private async encodingOverride(file: string, path: string): Promise<string | undefined> {
    const open = this.stores.get(file);
    if (open) return (await open.catch(() => null))?.data.metadata.encoding;
    try {
      const parsed = parseSidecar(JSON.parse(await readFile(sidecarPathFor(path), 'utf8')));
      return parsed.ok ? parsed.value.metadata.encoding : undefined;
    } catch {
      return undefined;
    }
  }

  private storeFor(article: LoadedArticle, path: string): Promise<SidecarStore> {
    let s = this.stores.get(article.file);
    if (!s) {
      s = SidecarStore.open(sidecarPathFor(path), { file: basename(article.file), sha256: article.sha256, length: article.text.length }, article.text);
      this.stores.set(article.file, s);
      s.then(
        (store) =>
          // Merges with someone else's change, and a sidecar turning read-only, are told to the window.
          store.onEvent((e) => {
            this.changed(article.file);
            this.emit({ type: 'sidecar-changed', file: article.file, message: this.withoutRoot(e.message) });
          }),
        () => this.stores.delete(article.file),
      );
    }
    return s;
  }

  private async openStore(file: string): Promise<{ article: LoadedArticle; store: SidecarStore }> {
    const article = await this.loadArticle(file);
    const path = await resolveArticlePath(this.requireRoot(), file);
    const store = await this.storeFor(article, path);
    return { article, store };
  }

  async listArticles(): Promise<ArticleSummary[]> {
    // The sidecars held open know their counts and read-only state better than the disk cache.
    return this.requireCatalog().list(this.stores);
  }

  async openArticle(file: string): Promise<ArticleDoc> {
    const { article, store } = await this.openStore(file);
    return this.articleDoc(article, store);
  }

  private articleDoc(article: LoadedArticle, store: SidecarStore): ArticleDoc {
    const dir = article.language === 'und' ? paragraphDirection(article.text, 'rtl') : languageDirection(article.language);
    const paragraphs = splitParagraphs(article.text, dir);
    const detected = detectMetadata(article.text, article.language, paragraphs);
    const boiler = detectBoilerplate(paragraphs, article.language);
    const overrides = store.data.metadata;
    const marks = overrides.boilerplate ?? {};
    const paras = paragraphs.map((p, i) => ({ ...p, boilerplate: marks[p.text.trim()] ?? boiler.has(i) }));
    return {
      file: article.file,
      text: article.text,
      version: article.sha256,
      language: article.language,
      dir,
      encoding: article.encoding,
      paragraphs: paras,
      annotations: store.data.annotations,
      conflicts: store.data.conflicts,
      // Drafts whose source words are gone from a changed article stay in the sidecar, unshown.
      renderings: store.data.renderings.filter((r) => !r.orphaned),
      segments: articleSegments(article.text, paras, overrides),
      metadata: {
        headline: overrides.headline ?? detected.headline,
        outlet: overrides.outlet ?? detected.outlet,
        date: overrides.date ?? detected.date,
        dateNote: overrides.date ? null : detected.dateNote ?? null,
        overrides,
      },
      readOnly: this.withoutRoot(store.readOnly),
    };
  }

  private async write<T>(store: SidecarStore, change: Parameters<SidecarStore['update']>[0]): Promise<T> {
    try {
      return (await store.update(change)) as T;
    } catch (error) {
      if (error instanceof ReadOnlySidecarError) throw new ApiError('read-only', this.withoutRoot(error.message) ?? '');
      if (error instanceof InvalidSidecarChangeError) throw new ApiError('bad-request', error.message);
      throw error;
    }
  }

  /** Messages for the window name files relative to the corpus: full paths stay in this process. */
  private withoutRoot(message: string | null): string | null {
    return message && this.root ? message.split(this.root + sep).join('') : message;
  }

  private analyst(): string {
    return this.settings.analyst ?? 'unknown';
  }

  /** Offsets from the window belong to the text it showed; if the file changed since, they would mark other words. */
  private checkVersion(article: LoadedArticle, version: string | undefined): void {
    if (version !== undefined && version !== article.sha256) {
      throw new ApiError('stale', `${article.file} changed on disk since it was opened; it has been read again. Select the text again.`);
    }
  }

  async createAnnotation(file: string, draft: AnnotationDraft): Promise<Annotation> {
    const { article, store } = await this.openStore(file);
    this.checkVersion(article, draft.version);
    if (draft.end <= draft.start || draft.end > article.text.length) {
      throw new ApiError('bad-request', `span ${draft.start}–${draft.end} is not inside the article (length ${article.text.length})`);
    }
    if (isSurrogateSplit(article.text, draft.start) || isSurrogateSplit(article.text, draft.end)) {
      throw new ApiError('bad-request', 'span splits a character');
    }
    const now = this.now();
    const annotation: Annotation = {
      id: randomUUID(),
      analyst: this.analyst(),
      created: now,
      modified: now,
      target: { position: { start: draft.start, end: draft.end }, quote: makeQuote(article.text, draft.start, draft.end) },
      anchor: { status: 'exact', score: 1 },
      tags: dedupe(draft.tags),
      gloss: draft.gloss,
      note: draft.note,
    };
    await this.write(store, (data) => {
      data.annotations.push(annotation);
    });
    this.changed(file);
    return annotation;
  }

  async updateAnnotation(file: string, id: string, patch: AnnotationPatch): Promise<Annotation> {
    const { store } = await this.openStore(file);
    const updated = await this.write<Annotation>(store, (data) => {
      const i = data.annotations.findIndex((a) => a.id === id);
      if (i < 0) throw new ApiError('not-found', `no annotation ${id} in ${file}`);
      const old = data.annotations[i]!;
      const next: Annotation = {
        ...old,
        tags: patch.tags ? dedupe(patch.tags) : old.tags,
        gloss: patch.gloss ?? old.gloss,
        note: patch.note ?? old.note,
        modified: this.now(),
      };
      data.annotations[i] = next;
      return next;
    });
    this.changed(file);
    return updated;
  }

  async restoreAnnotation(file: string, annotation: Annotation): Promise<Annotation> {
    const { article, store } = await this.openStore(file);
    const { start, end } = annotation.target.position;
    if (end > article.text.length || end <= start) throw new ApiError('bad-request', 'annotation lies outside the article');
    if (annotation.anchor.status !== 'orphaned' && article.text.slice(start, end) !== annotation.target.quote.exact) {
      throw new ApiError('stale', `${file} changed on disk: the annotation's words are no longer at that place, so it was not put back there`);
    }
    let restored = annotation;
    await this.write<Annotation>(store, (data) => {
      const i = data.annotations.findIndex((a) => a.id === annotation.id);
      // Who made it and when stay as recorded: an undo puts back content, not authorship.
      if (i >= 0) restored = { ...annotation, analyst: data.annotations[i]!.analyst, created: data.annotations[i]!.created };
      if (i < 0) data.annotations.push(restored);
      else data.annotations[i] = restored;
      return restored;
    });
    this.changed(file);
    return restored;
  }

  async resolveConflict(file: string, id: string, keep: Annotation | null): Promise<ArticleDoc> {
    const { store } = await this.openStore(file);
    await this.write(store, (data) => {
      if (!data.conflicts.some((c) => c.id === id)) throw new ApiError('not-found', `no conflict on annotation ${id} in ${file}`);
      resolveConflict(data, id, keep ? { ...keep, modified: this.now() } : null);
    });
    this.changed(file);
    return this.openArticle(file);
  }

  async deleteAnnotation(file: string, id: string): Promise<void> {
    const { store } = await this.openStore(file);
    await this.write(store, (data) => {
      const i = data.annotations.findIndex((a) => a.id === id);
      if (i < 0) throw new ApiError('not-found', `no annotation ${id} in ${file}`);
      data.annotations.splice(i, 1);
    });
    this.changed(file);
  }

  /**
   * Writes the corpus settings; if a teammate changed the file since it was read (a git
   * pull), their change is merged in rather than overwritten.
   */
  private async saveCorpusSettings(next: CorpusSettings): Promise<void> {
    const root = this.requireRoot();
    if (this.corpusSettingsReadOnly) throw new ApiError('read-only', this.corpusSettingsReadOnly);
    const onDisk = await readCorpusSettings(root);
    if (onDisk.readOnly) throw new ApiError('read-only', onDisk.readOnly);
    const changedOutside = JSON.stringify(onDisk.settings) !== JSON.stringify(this.corpusSettingsBase);
    const merged = changedOutside ? mergeCorpusSettings(this.corpusSettingsBase!, next, onDisk.settings) : next;
    await writeCorpusSettings(root, merged);
    this.corpusSettings = merged;
    this.corpusSettingsBase = merged;
  }

  async getTaxonomy(): Promise<Tag[]> {
    this.requireRoot();
    return this.corpusSettings!.taxonomy;
  }

  async setTaxonomy(tags: Tag[]): Promise<Tag[]> {
    this.requireRoot();
    if (this.corpusSettingsReadOnly) throw new ApiError('read-only', this.corpusSettingsReadOnly);
    const ids = new Set<string>();
    const keys = new Set<string>();
    for (const t of tags) {
      tagSchema.parse(t);
      if (ids.has(t.id)) throw new ApiError('bad-request', `two tags have the id ${t.id}`);
      ids.add(t.id);
      if (t.shortcut) {
        if (keys.has(t.shortcut)) throw new ApiError('bad-request', `two tags use the shortcut ${t.shortcut}`);
        keys.add(t.shortcut);
      }
    }
    await this.saveCorpusSettings({ ...this.corpusSettings!, taxonomy: tags });
    return this.corpusSettings!.taxonomy;
  }

  async setMetadata(file: string, overrides: MetadataOverrides): Promise<ArticleDoc> {
    const { store } = await this.openStore(file);
    await this.write(store, (data) => {
      const next: MetadataOverrides = { ...data.metadata, ...overrides };
      for (const key of Object.keys(overrides) as Array<keyof MetadataOverrides>) {
        const v = overrides[key];
        // An empty value removes the correction, so detection applies again.
        const emptyDate = key === 'date' && typeof v === 'object' && v !== null && 'original' in v && v.original === '' && v.iso === null;
        if (v === undefined || v === '' || emptyDate || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)) delete next[key];
      }
      data.metadata = next;
    });
    if (overrides.encoding !== undefined) {
      this.loaded.delete(file);
      await this.forgetStore(file);
    }
    this.changed(file);
    return this.openArticle(file);
  }

  async saveRendering(file: string, req: SaveRenderingRequest): Promise<Rendering> {
    const { article, store } = await this.openStore(file);
    this.checkVersion(article, req.version);
    if (req.end <= req.start || req.end > article.text.length) throw new ApiError('bad-request', 'segment lies outside the article');
    const { version: _version, ...fields } = req;
    const rendering: Rendering = { ...fields, source: article.text.slice(req.start, req.end), analyst: this.analyst(), modified: this.now() };
    await this.write<Rendering>(store, (data) => {
      const i = data.renderings.findIndex((r) => r.start === req.start && r.end === req.end);
      if (i < 0) data.renderings.push(rendering);
      else data.renderings[i] = rendering;
      return rendering;
    });
    this.changed(file);
    return rendering;
  }

  setSegments(file: string, segments: Array<{ start: number; end: number; skip?: boolean }> | null): Promise<ArticleDoc> {
    return this.drafting.setSegments(file, segments);
  }

  listPairings(): Promise<Pairing[]> {
    return this.drafting.listPairings();
  }

  setPairing(pairing: Pairing): Promise<Pairing[]> {
    return this.drafting.setPairing(pairing);
  }

  removePairing(a: string, b: string): Promise<Pairing[]> {
    return this.drafting.removePairing(a, b);
  }

  getAlignment(a: string, b: string): Promise<AlignmentView> {
    return this.drafting.getAlignment(a, b);
  }

  alignAgain(a: string, b: string): Promise<AlignmentView> {
    return this.drafting.alignAgain(a, b);
  }

  saveAlignment(a: string, b: string, links: AlignmentLink[]): Promise<AlignmentView> {
    return this.drafting.saveAlignment(a, b, links);
  }

  getGlossary(): Promise<GlossaryEntry[]> {
    return this.drafting.getGlossary();
  }

  getProgress(): Promise<{ corpus: Progress; articles: Record<string, Progress> }> {
    return this.drafting.getProgress();
  }

  exportTranslation(file: string, format: TranslationFormat, other?: string): Promise<ExportFile> {
    return this.drafting.exportTranslation(file, format, other);
  }

  importXliff(file: string, xml: string): Promise<ArticleDoc> {
    return this.drafting.importXliff(file, xml);
  }

  importTranslation(file: string, name: string, base64: string): Promise<{ file: string }> {
    return this.drafting.importTranslation(file, name, base64);
  }

  queryQuotations(query: QuotationQuery): Promise<QuotationPage> {
    return this.quotations.query(query);
  }

  exportQuotations(request: QuotationExportRequest): Promise<ExportFile> {
    return this.quotations.export(request);
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    return this.requireCatalog().search(request);
  }

  /** Stops background work (watcher, indexer) and writes what is pending. */
  async close(): Promise<void> {
    await this.flush();
    await this.catalog?.close();
  }

  /** Resolves when every pending sidecar write is on disk. */
  async flush(): Promise<void> {
    for (const s of this.stores.values()) {
      const store = await s.catch(() => null);
      await store?.flush();
    }
  }
}

function dedupe(tags: string[]): string[] {
  return [...new Set(tags)];
}

function isSurrogateSplit(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
}
