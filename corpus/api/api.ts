// The one API the renderer can call. The Electron preload implements it over IPC, the
// browser harness over HTTP; both validate arguments with api-schema.ts and run the same
// Workspace. The renderer never knows which transport it has.
// Long because the contract reads as one file: every call, its types, and what crosses.
import type { AlignmentLink, Annotation, AnchorStatus, AnnotationConflict, DateValue, MetadataOverrides, Pairing, Rendering, SegmentStatus, Tag } from '../../annotations/model/types';
import type { ExportFormat, GroupBy } from '../../annotations/export/index';
import type { Quotation } from '../../annotations/quotations/quotations';
import type { QuotationFilter } from '../../annotations/quotations/quotation-filter';
import type { QuotationSort } from '../../annotations/quotations/quotation-sort';
import type { TranslationFormat } from '../../annotations/translation/formats';
import type { ArticleSummary } from '../catalog/article-summary';
import type { UnreadDocument } from '../folder/unread-documents';
import type { SearchRequest, SearchResponse } from '../search/search-types';
import type { ApiErrorCode } from '../folder/errors';
import type { ExtractedFormat } from '../extract/types';
import type { OcrAvailability, OcrDone, OcrLanguage } from './ocr-types';
import type { Direction, Language } from '../text/language';
import type { Paragraph } from '../text/paragraphs';

// Types the domain defines, re-exported so that the contract reads as one file.
export type { ArticleSummary } from '../catalog/article-summary';
export type { UnreadDocument } from '../folder/unread-documents';
export type { SearchFilters } from '../search/search-query';
export type { SearchHit, SearchRequest, SearchResponse } from '../search/search-types';
export { ApiError, type ApiErrorCode } from '../folder/errors';

export interface AppState {
  analyst: string | null;
  fontSize: number;
  corpus: CorpusInfo | null;
}

export interface CorpusInfo {
  /** Folder name for display; the full path never reaches the renderer. */
  name: string;
  articleCount: number;
  /** Something about the folder the person should hear (the caches cannot be kept in it), if any. */
  notice?: string;
}


export interface ArticleDoc {
  file: string;
  text: string;
  /** Identifies this text (its SHA-256): writes by offset name it, and are refused if the file changed since. */
  version: string;
  language: Language;
  dir: Direction;
  encoding: string;
  /**
   * The article's lines. `furnitureTail`: where page furniture glued to the line's end begins
   * (a page title's ` - العربية`, a glued `منبع: ایسنا`); it runs to the line's end.
   */
  paragraphs: Array<Paragraph & { boilerplate: boolean; furnitureTail?: number }>;
  annotations: Annotation[];
  /** Annotations two people changed differently (a merge): a person decides. */
  conflicts: AnnotationConflict[];
  renderings: Rendering[];
  /** Translation segments (sentences, or the user's own cuts); boilerplate ones are skipped. */
  segments: SegmentInfo[];
  metadata: {
    headline: string;
    /** True when the text has no headline and nobody gave one: `headline` is its first sentence. */
    untitled?: boolean;
    outlet: string | null;
    date: DateValue | null;
    /** Why a date near the top of the page was not taken as the publication date, if so. */
    dateNote: string | null;
    /** The person's corrections, kept in the sidecar; they win over detection. */
    overrides: MetadataOverrides;
    /** What detection found, before the corrections: what "use detected" puts back. */
    detected: DetectedDetails;
  };
  /**
   * Where an extracted article's text came from (a saved web page): its format and what the
   * file says of its address and saving time. Absent for plain text, which is decoded with an
   * encoding the person may change; a page declares its own charset.
   */
  source?: ArticleSource;
  /** Null when annotations can be saved; otherwise the reason, shown to the user. */
  readOnly: string | null;
  /**
   * What the person should hear that does not stop work, one sentence each: annotations that
   * shared an id and were given new ones, an encoding named in the sidecar that this build
   * does not know and ignored. Absent when there is nothing to say.
   */
  notices?: string[];
}

/**
 * An ArticleDoc as it crosses to the window (packed and unpacked by article-wire.ts): what
 * the window can take from the text is left out, so that an article with thousands of
 * annotations is not megabytes to send, parse and copy. A paragraph's `text` is absent when
 * it is the article's text between its offsets; an annotation goes as a `WireAnnotation`.
 */
export interface ArticleDocWire extends Omit<ArticleDoc, 'paragraphs' | 'annotations'> {
  paragraphs: Array<Omit<ArticleDoc['paragraphs'][number], 'text'> & { text?: string }>;
  annotations: WireAnnotation[];
}

/**
 * An annotation's fields in this order, without their names (thousands of times over);
 * `quote` only when it is not the text's own at the offsets (as makeQuote takes it). An
 * annotation with fields of its own (a newer Hashiya's) goes whole, as an object.
 */
export type WireAnnotation =
  | [id: string, analyst: string, created: string, modified: string, start: number, end: number, status: AnchorStatus, score: number, tags: string[], gloss: string, note: string, quote?: [exact: string, prefix: string, suffix: string]]
  | Annotation;

/** What a method's answer is on the wire: an ArticleDoc goes packed. */
export type WireValue<T> = [T] extends [ArticleDoc] ? ArticleDocWire : T;

export interface ArticleSource {
  format: ExtractedFormat;
  /** The page's canonical address, when it gives one. Shown, never opened by the app. */
  url: string | null;
  /** When the page was saved (ISO), when the file records it. */
  saved: string | null;
  /** A PDF's: the page (1-based) each paragraph (block between blank lines) starts on, for citations and "Open PDF at p. N". */
  pages?: number[];
  /** A scanned PDF's text was read by OCR (engine and languages, "Tesseract 5.3.0, Persian"): shown, and cited. */
  ocr?: string;
}

export interface DetectedDetails {
  headline: string;
  outlet: string | null;
  date: DateValue | null;
  /** Indices into ArticleDoc.paragraphs of the lines detection takes for boilerplate, ascending. */
  boilerplate: number[];
  /** Every outlet the text names, the likeliest publisher first, with where it was read. */
  outletCandidates: OutletChoice[];
  /** True when two outlets both read as the publisher: the person should pick. */
  outletUncertain: boolean;
}

/** An outlet the text names, as the details editor offers it. */
export interface OutletChoice {
  /** The outlet's usual native name, or the name as written when Hashiya does not know it. */
  name: string;
  /** Its English name for citations, or null. */
  english: string | null;
  /** False when the text only quotes it (`نقلاً عن …`). */
  publisher: boolean;
  /** Where it was read: `dateline: «(رويترز)»`, one line each, as the person can check them. */
  evidence: Array<{ how: string; written: string; paragraph: number }>;
}

export interface AnnotationDraft {
  start: number;
  end: number;
  /** ArticleDoc.version of the text the offsets were taken from. */
  version?: string;
  tags: string[];
  gloss: string;
  note: string;
}

export interface AnnotationPatch {
  tags?: string[];
  gloss?: string;
  note?: string;
}

export interface SaveRenderingRequest {
  start: number;
  end: number;
  /** ArticleDoc.version of the text the offsets were taken from. */
  version?: string;
  text: string;
  status: SegmentStatus;
}

export interface SegmentInfo {
  start: number;
  end: number;
  /** Index into ArticleDoc.paragraphs. */
  paragraph: number;
  /** Not for translation (boilerplate, or marked by the user). */
  skip: boolean;
}

export interface AlignmentView {
  a: string;
  b: string;
  kind: Pairing['kind'];
  links: AlignmentLink[];
  /**
   * Set when the kept links were made against another version of a text that has since
   * changed on disk: they were thrown away and the two texts aligned again.
   */
  realigned?: {
    /** The texts that changed. */
    changed: string[];
    /** How many of the old links the user had confirmed; they need confirming again. */
    confirmed: number;
  };
}

export interface GlossaryEntry {
  /** The annotated words, original characters. */
  term: string;
  gloss: string;
  /** How many annotations in the corpus give this gloss to this term. */
  count: number;
}

export interface Progress {
  segments: number;
  draft: number;
  reviewed: number;
}

/** A file for the user to save (the renderer offers it as a download). */
export interface ExportFile {
  name: string;
  mime: string;
  base64: string;
}

export type { TranslationFormat } from '../../annotations/translation/formats';

export interface QuotationQuery {
  filter: QuotationFilter;
  sort?: QuotationSort;
  offset?: number;
  limit?: number;
}

export interface QuotationPage {
  rows: Quotation[];
  total: number;
  /** Values to offer in the filters. */
  facets: { analysts: string[]; outlets: string[]; files: string[] };
  /** Articles whose annotations could not be read (broken sidecars), with the reason. */
  problems: string[];
}

export interface QuotationExportRequest {
  format: ExportFormat;
  /** Only these annotations; otherwise every row the filter matches. */
  ids?: string[];
  filter?: QuotationFilter;
  sort?: QuotationSort;
  groupBy?: GroupBy;
  includeSentence?: boolean;
}




/** The clipboard as the shell reads it: plain text, the HTML flavour and the page's address, when present. */
export interface ClipboardContents {
  text: string;
  html: string | null;
  /** The address of the page the selection was copied from (http or https), when the browser left it. */
  url: string | null;
}

/** What the clipboard holds, as the window read it: its plain text and, when present, its HTML flavour. */
export interface ClipboardText {
  text: string;
  html?: string | null;
}

/** What a paste would create: the text as paragraphs (blank lines between) and a name from its headline. */
export interface NewArticlePreview {
  text: string;
  /** With `.txt`; '' when there is no text. */
  name: string;
}

export interface NewArticleRequest {
  /** The file name in the corpus folder; `.txt` is added when missing. */
  name: string;
  text: string;
  /** The page's address (http or https), kept as the article's address for its citations. */
  url?: string;
}

/** Created (the corpus-relative name), or the name was taken: nothing was written, and a free one is suggested. */
export type NewArticleResult = { created: string } | { taken: string; suggestion: string };

export interface HashiyaApi {
  getAppState(): Promise<AppState>;
  setAnalyst(name: string): Promise<AppState>;
  setFontSize(size: number): Promise<AppState>;
  /** Asks the user for a folder (a native dialog in the app) and opens it as the corpus. */
  openFolder(): Promise<CorpusInfo | null>;

  listArticles(): Promise<ArticleSummary[]>;
  /** The documents in the folder Hashiya does not read (yet), each with the reason: never left out in silence. */
  listUnreadDocuments(): Promise<UnreadDocument[]>;
  openArticle(file: string): Promise<ArticleDoc>;

  createAnnotation(file: string, draft: AnnotationDraft): Promise<Annotation>;
  updateAnnotation(file: string, id: string, patch: AnnotationPatch): Promise<Annotation>;
  /** Puts back an annotation exactly as given (undo of a delete or an edit). */
  restoreAnnotation(file: string, annotation: Annotation): Promise<Annotation>;
  deleteAnnotation(file: string, id: string): Promise<void>;
  /** Settles a conflict: `keep` becomes the annotation (either version or a blend), null deletes it. */
  resolveConflict(file: string, id: string, keep: Annotation | null): Promise<ArticleDoc>;

  getTaxonomy(): Promise<Tag[]>;
  setTaxonomy(tags: Tag[]): Promise<Tag[]>;

  setMetadata(file: string, overrides: MetadataOverrides): Promise<ArticleDoc>;
  /** A date as the person typed it, read as detection reads dates; null when it names no single day. */
  parseDate(text: string, language: Language): Promise<DateValue | null>;

  // Side by side, alignment and drafting
  saveRendering(file: string, rendering: SaveRenderingRequest): Promise<Rendering>;
  /** The user's own segment cuts (merge/split, not-for-translation), or null for the automatic ones. */
  setSegments(file: string, segments: Array<{ start: number; end: number; skip?: boolean }> | null): Promise<ArticleDoc>;
  listPairings(): Promise<Pairing[]>;
  setPairing(pairing: Pairing): Promise<Pairing[]>;
  removePairing(a: string, b: string): Promise<Pairing[]>;
  /** The stored alignment of two texts, computed (and stored) the first time. */
  getAlignment(a: string, b: string): Promise<AlignmentView>;
  /** Aligns again, keeping the links the user confirmed and learning from them. */
  alignAgain(a: string, b: string): Promise<AlignmentView>;
  saveAlignment(a: string, b: string, links: AlignmentLink[]): Promise<AlignmentView>;
  getGlossary(): Promise<GlossaryEntry[]>;
  getProgress(): Promise<{ corpus: Progress; articles: Record<string, Progress> }>;
  exportTranslation(file: string, format: TranslationFormat, other?: string): Promise<ExportFile>;
  importXliff(file: string, xml: string): Promise<ArticleDoc>;
  /** Adds a translation (a .txt the user picked) to the corpus beside `file` and pairs them. */
  importTranslation(file: string, name: string, base64: string): Promise<{ file: string }>;

  // New articles
  /** The clipboard's text as a new article would hold it, and a name suggested from its headline. */
  previewNewArticle(clip: ClipboardText): Promise<NewArticlePreview>;
  /** Creates a .txt in the corpus folder, never over an existing file; the address goes to its sidecar. */
  createArticleFromText(request: NewArticleRequest): Promise<NewArticleResult>;

  // Quotations
  queryQuotations(query: QuotationQuery): Promise<QuotationPage>;
  exportQuotations(request: QuotationExportRequest): Promise<ExportFile>;

  // Search
  search(request: SearchRequest): Promise<SearchResponse>;

  // The original file
  /** Opens a PDF article in the system's viewer, at `page` where the viewer can (the app only). */
  openOriginal(file: string, page: number | null): Promise<null>;

  // OCR
  /** Whether scans can be read here (Tesseract with its language data, and poppler), and in which languages. */
  ocrAvailability(): Promise<OcrAvailability>;
  /**
   * Reads a scanned PDF of the corpus by OCR, page by page (events `ocr-progress`); its text
   * becomes the article's. One at a time; the PDF itself is never written.
   */
  readWithOcr(file: string, languages: OcrLanguage[]): Promise<OcrDone>;
  /** Stops the OCR of `file` under way (nothing is kept of it); null whether or not one ran. */
  stopOcr(file: string): Promise<null>;
}

export type { OcrAvailability, OcrDone, OcrLanguage } from './ocr-types';

export type ApiMethod = keyof HashiyaApi;

/**
 * What an implementation of the API may offer its transport: the message of a failure made
 * fit for the window, every file named relative to the corpus, no full path of this machine.
 */
export interface WindowMessages {
  messageForWindow(message: string): string;
}

/** What crosses a transport: never an exception, always one of these. */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } };



/** What the app pushes to the renderer (menu commands, changes on disk, progress). */
export type AppEvent =
  | { type: 'menu'; command: MenuCommand }
  | { type: 'corpus-opened' }
  | { type: 'articles-changed'; files: string[] }
  | { type: 'sidecar-changed'; file: string; message: string | null }
  | { type: 'index-progress'; done: number; total: number }
  /** A scan being read by OCR: `done` of `total` pages read. */
  | { type: 'ocr-progress'; file: string; done: number; total: number };

export type MenuCommand =
  | 'open-folder'
  | 'new-article-from-clipboard'
  | 'font-bigger'
  | 'font-smaller'
  | 'font-reset'
  | 'undo'
  | 'redo'
  | 'find'
  | 'side-by-side'
  | 'quotations'
  | 'tags'
  | 'analyst';

/** What the preload exposes as `window.hashiya` (and the harness client mirrors). */
export type HashiyaBridge = {
  readonly [M in ApiMethod]: (...args: Parameters<HashiyaApi[M]>) => Promise<ApiResponse<WireValue<Awaited<ReturnType<HashiyaApi[M]>>>>>;
} & {
  readonly onEvent: (listener: (event: AppEvent) => void) => () => void;
} & Partial<ShellBridge & ClipboardBridge>;

/** What only the app's shell can do beside the API, the OS's business and not the corpus's: absent in the browser harness. */
export interface ShellBridge {
  /** Asks where to save an export with the Save dialog and writes it there: the chosen path, or null if cancelled. */
  readonly saveFile: (name: string, mime: string, base64: string) => Promise<ApiResponse<string | null>>;
  /** Shows a file saved by saveFile in the system's file manager. */
  readonly showInFolder: (path: string) => Promise<ApiResponse<null>>;
}

/** The system clipboard, which the sandboxed window cannot read itself; the browser harness reads the page's own. */
export interface ClipboardBridge {
  /** What the clipboard holds (File → New Article from Clipboard). */
  readonly readClipboard: () => Promise<ApiResponse<ClipboardContents>>;
}
