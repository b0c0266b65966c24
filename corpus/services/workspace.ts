// The API over a corpus folder on disk. Both the Electron main process and the browser
// harness run this class; it has no Electron and no DOM in it. It opens the corpus and
// routes each call to the service that answers it.
import { realpath, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AlignmentLink, Annotation, DateValue, MetadataOverrides, Pairing, Rendering, Tag } from '../../annotations/model/types';
import { ArticleCatalog } from '../catalog/article-catalog';
import {
  ApiError,
  type AlignmentView,
  type AnnotationDraft,
  type AnnotationPatch,
  type AppEvent,
  type AppState,
  type ArticleDoc,
  type ArticleSummary,
  type CorpusInfo,
  type ExportFile,
  type GlossaryEntry,
  type HashiyaApi,
  type Progress,
  type QuotationExportRequest,
  type QuotationPage,
  type QuotationQuery,
  type SaveRenderingRequest,
  type SearchRequest,
  type SearchResponse,
  type TranslationFormat,
  type WindowMessages,
  type ClipboardText,
  type NewArticlePreview,
  type NewArticleRequest,
  type NewArticleResult,
  type OcrAvailability,
  type OcrDone,
  type OcrLanguage,
} from '../api/api';
import { appFolderProblem } from '../search/index-store';
import { extractedTextCache } from '../search/extracted-text-cache';
import { articleText } from '../extract/article-text';
import { listArticleFiles } from '../folder/corpus-folder';
import { listUnreadDocuments, type UnreadDocument } from '../folder/unread-documents';
import type { Language } from '../text/language';
import { AnnotationService } from './annotation-service';
import { AppSettingsService } from './app-settings-service';
import { Articles } from './articles';
import { NewArticleService } from './new-article';
import { onCatalogEvent } from './catalog-events';
import { CorpusSettingsService } from './corpus-settings-service';
import { DraftingServices } from './drafting/drafting-service';
import type { SegmentCut } from './drafting/cuts';
import { MetadataService } from './metadata-service';
import { QuotationService } from './quotation-service';
import type { WorkspaceContext } from './workspace-context';
import { withinTime } from './within-time';
import { openOriginalFile, type OriginalOpener } from './open-original';
import { OcrService, type FindOcrTools } from './ocr-service';
import { withoutPlaces } from './window-message';

/** How long quitting waits for saves under way before it goes on without them. */
const QUIT_WAIT_MS = 5_000;

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
  /** How sidecars reach the disk; tests pass a failing one (full or read-only disk). */
  writeSidecar?: (path: string, data: Uint8Array) => Promise<void>;
  /** The app's shell: opens a PDF article in the system's viewer. Absent in the CLI and the browser harness. */
  openOriginal?: OriginalOpener;
  /** Where the OCR programs are looked for (tests pass a machine without them). */
  findOcrTools?: FindOcrTools;
}

/** Everything that belongs to the open corpus, replaced as one when another is opened. */
interface OpenCorpus {
  root: string;
  /** The folder as it was given (a link to the root, or a path through one), for messages. */
  given: string;
  catalog: ArticleCatalog;
  articles: Articles;
  settings: CorpusSettingsService;
}

export class Workspace implements HashiyaApi, WindowMessages {
  private corpus: OpenCorpus | null = null;
  private readonly changeListeners = new Set<(file: string) => void>();
  private readonly eventListeners = new Set<(event: AppEvent) => void>();
  private readonly context: WorkspaceContext;
  private readonly annotations: AnnotationService;
  private readonly metadata: MetadataService;
  private readonly drafting: DraftingServices;
  private readonly quotations: QuotationService;
  private readonly newArticles: NewArticleService;
  private readonly ocr: OcrService;

  private constructor(
    private readonly options: WorkspaceOptions,
    private readonly app: AppSettingsService,
  ) {
    this.context = this.makeContext();
    this.annotations = new AnnotationService(this.context);
    this.metadata = new MetadataService(this.context);
    this.drafting = new DraftingServices(this.context);
    this.quotations = new QuotationService(this.context);
    this.newArticles = new NewArticleService(this.context);
    this.ocr = new OcrService(this.context, (event) => this.emit(event), options.findOcrTools);
  }

  static async create(options: WorkspaceOptions): Promise<Workspace> {
    const app = await AppSettingsService.load(options.appDataDir);
    const ws = new Workspace(options, app);
    const start = app.lastCorpus ?? options.defaultCorpus;
    if (start) {
      try {
        await ws.openCorpus(start, app.lastCorpus !== null);
      } catch {
        // The remembered folder is gone (an unplugged drive): start without a corpus.
        if (options.defaultCorpus && start !== options.defaultCorpus) await ws.openCorpus(options.defaultCorpus, false).catch(() => undefined);
      }
    }
    return ws;
  }

  private makeContext(): WorkspaceContext {
    return {
      root: () => this.open().root,
      resolve: (file) => this.open().articles.resolve(file),
      open: (file) => this.open().articles.open(file),
      reopen: (article) => this.open().articles.reopen(article),
      doc: (article) => this.open().articles.doc(article),
      listArticles: () => this.listArticles(),
      write: (article, change) => this.open().articles.write(article, change),
      corpusSettings: () => this.open().settings.current(),
      updateCorpusSettings: (change) => this.open().settings.update(change),
      analyst: () => this.app.analyst(),
      messageForWindow: (message) => this.messageForWindow(message),
      now: () => (this.options.now?.() ?? new Date()).toISOString(),
      changed: (file) => this.changed(file),
      textChanged: (file) => {
        this.open().articles.forgetText(file);
        this.changed(file);
      },
      extract: (name, bytes) => {
        const { root, catalog } = this.open();
        return articleText(name, bytes, undefined, extractedTextCache(root), (n, b) => catalog.extractInBackground(n, b));
      },
      onChanged: (listener) => {
        this.changeListeners.add(listener);
        return () => this.changeListeners.delete(listener);
      },
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

  private changed(file: string): void {
    this.corpus?.catalog.invalidate(file);
    for (const l of this.changeListeners) l(file);
  }

  /** The open corpus, or ApiError 'no-corpus'. */
  private open(): OpenCorpus {
    if (!this.corpus) throw new ApiError('no-corpus', 'No corpus folder is open. Use File → Open Folder…');
    return this.corpus;
  }

  /** Opens a folder as the corpus; `remember` keeps it for the next launch. */
  async openCorpus(folder: string, remember = true): Promise<CorpusInfo> {
    const root = await realpath(folder).catch((error: NodeJS.ErrnoException) => {
      throw new ApiError('not-found', `${basename(folder)} cannot be opened (${error.code ?? 'error'})`);
    });
    if (!(await stat(root)).isDirectory()) throw new ApiError('not-found', `${basename(folder)} is not a folder`);
    await this.flush();
    this.ocr.stopAll();
    await this.corpus?.catalog.close();
    let articles: Articles | null = null;
    const catalog = new ArticleCatalog(root, {
      background: this.options.live ?? false,
      watch: this.options.live ?? false,
      onEvent: (e) => void (articles && onCatalogEvent(e, articles, (file) => this.changed(file), (event) => this.emit(event))),
    });
    articles = new Articles(root, catalog, { changed: (file) => this.changed(file), emit: (event) => this.emit(event) }, { writeFile: this.options.writeSidecar });
    this.corpus = { root, given: folder, catalog, articles, settings: await CorpusSettingsService.read(root) };
    this.quotations.reset();
    if (remember) await this.app.rememberCorpus(root);
    return this.corpusInfo();
  }

  get corpusRoot(): string | null {
    return this.corpus?.root ?? null;
  }

  private async corpusInfo(): Promise<CorpusInfo> {
    const { root } = this.open();
    const notice = await appFolderProblem(root);
    return { name: basename(root), articleCount: (await listArticleFiles(root)).length, ...(notice ? { notice } : {}) };
  }

  /**
   * A message for the window with every file named relative to the corpus: the corpus root
   * (as opened and as real path) and the app's own folder are cut out of it.
   */
  messageForWindow(message: string): string {
    return withoutPlaces(message, [this.corpus?.root, this.corpus?.given, this.options.appDataDir]);
  }

  async getAppState(): Promise<AppState> {
    return this.app.state(this.corpus ? await this.corpusInfo() : null);
  }

  async setAnalyst(name: string): Promise<AppState> {
    await this.app.setAnalyst(name);
    return this.getAppState();
  }

  async setFontSize(size: number): Promise<AppState> {
    await this.app.setFontSize(size);
    return this.getAppState();
  }

  async openFolder(): Promise<CorpusInfo | null> {
    const folder = await this.options.pickFolder();
    if (!folder) return null;
    return this.openCorpus(folder, true);
  }

  async listArticles(): Promise<ArticleSummary[]> {
    return this.open().articles.list();
  }

  listUnreadDocuments(): Promise<UnreadDocument[]> {
    return listUnreadDocuments(this.open().root);
  }

  async openArticle(file: string): Promise<ArticleDoc> {
    const { articles } = this.open();
    return articles.doc(await articles.open(file));
  }

  createAnnotation(file: string, draft: AnnotationDraft): Promise<Annotation> {
    return this.annotations.create(file, draft);
  }

  updateAnnotation(file: string, id: string, patch: AnnotationPatch): Promise<Annotation> {
    return this.annotations.update(file, id, patch);
  }

  restoreAnnotation(file: string, annotation: Annotation): Promise<Annotation> {
    return this.annotations.restore(file, annotation);
  }

  resolveConflict(file: string, id: string, keep: Annotation | null): Promise<ArticleDoc> {
    return this.annotations.resolveConflict(file, id, keep);
  }

  deleteAnnotation(file: string, id: string): Promise<void> {
    return this.annotations.delete(file, id);
  }

  async getTaxonomy(): Promise<Tag[]> {
    return this.open().settings.taxonomy();
  }

  setTaxonomy(tags: Tag[]): Promise<Tag[]> {
    return this.open().settings.setTaxonomy(tags);
  }

  setMetadata(file: string, overrides: MetadataOverrides): Promise<ArticleDoc> {
    return this.metadata.set(file, overrides);
  }

  async parseDate(text: string, language: Language): Promise<DateValue | null> {
    return this.metadata.parseDate(text, language);
  }

  saveRendering(file: string, req: SaveRenderingRequest): Promise<Rendering> {
    return this.drafting.renderings.save(file, req);
  }

  setSegments(file: string, segments: SegmentCut[] | null): Promise<ArticleDoc> {
    return this.drafting.cuts.set(file, segments);
  }

  listPairings(): Promise<Pairing[]> {
    return this.drafting.pairings.list();
  }

  setPairing(pairing: Pairing): Promise<Pairing[]> {
    return this.drafting.pairings.set(pairing);
  }

  removePairing(a: string, b: string): Promise<Pairing[]> {
    return this.drafting.pairings.remove(a, b);
  }

  getAlignment(a: string, b: string): Promise<AlignmentView> {
    return this.drafting.alignment.get(a, b);
  }

  alignAgain(a: string, b: string): Promise<AlignmentView> {
    return this.drafting.alignment.again(a, b);
  }

  saveAlignment(a: string, b: string, links: AlignmentLink[]): Promise<AlignmentView> {
    return this.drafting.alignment.save(a, b, links);
  }

  getGlossary(): Promise<GlossaryEntry[]> {
    return this.drafting.glossary.get();
  }

  getProgress(): Promise<{ corpus: Progress; articles: Record<string, Progress> }> {
    return this.drafting.progress.get();
  }

  exportTranslation(file: string, format: TranslationFormat, other?: string): Promise<ExportFile> {
    return this.drafting.interchange.exportTranslation(file, format, other);
  }

  importXliff(file: string, xml: string): Promise<ArticleDoc> {
    return this.drafting.interchange.importXliff(file, xml);
  }

  importTranslation(file: string, name: string, base64: string): Promise<{ file: string }> {
    return this.drafting.interchange.importTranslation(file, name, base64);
  }

  async previewNewArticle(clip: ClipboardText): Promise<NewArticlePreview> {
    return this.newArticles.preview(clip);
  }

  createArticleFromText(request: NewArticleRequest): Promise<NewArticleResult> {
    return this.newArticles.create(request);
  }

  queryQuotations(query: QuotationQuery): Promise<QuotationPage> {
    return this.quotations.query(query);
  }

  exportQuotations(request: QuotationExportRequest): Promise<ExportFile> {
    return this.quotations.export(request);
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    return this.open().catalog.search(request);
  }

  openOriginal(file: string, page: number | null): Promise<null> {
    return openOriginalFile((f) => this.context.resolve(f), this.options.openOriginal, file, page);
  }

  ocrAvailability(): Promise<OcrAvailability> {
    return this.ocr.availability();
  }

  readWithOcr(file: string, languages: OcrLanguage[]): Promise<OcrDone> {
    return this.ocr.read(file, languages);
  }

  stopOcr(file: string): Promise<null> {
    return this.ocr.stop(file);
  }

  /**
   * Stops background work (watcher, indexer) and writes what is pending. A save stuck on a
   * hung disk keeps quitting waiting QUIT_WAIT_MS at most: a change that was acknowledged is
   * on disk already, and one still under way was never acknowledged.
   */
  async close(): Promise<void> {
    this.ocr.stopAll();
    await withinTime(this.flush(), QUIT_WAIT_MS);
    await this.corpus?.catalog.close();
  }

  /** Resolves when every pending sidecar write is on disk. */
  async flush(): Promise<void> {
    await this.corpus?.articles.flush();
  }
}
