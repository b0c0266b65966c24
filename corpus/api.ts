// The one API the renderer can call. The Electron preload implements it over IPC, the
// browser harness over HTTP; both validate arguments with api-schema.ts and run the same
// Workspace. The renderer never knows which transport it has.
import type { Annotation, DateValue, MetadataOverrides, Rendering, SegmentStatus, Tag } from '../annotations/types';
import type { Direction, Language } from './language';
import type { Paragraph } from './paragraphs';

export interface AppState {
  analyst: string | null;
  fontSize: number;
  corpus: CorpusInfo | null;
}

export interface CorpusInfo {
  /** Folder name for display; the full path never reaches the renderer. */
  name: string;
  articleCount: number;
}

export interface ArticleSummary {
  file: string;
  /** Null when the file is not opened as an article (binary, empty, too large). */
  language: Language | null;
  headline: string;
  outlet: string | null;
  date: DateValue | null;
  annotations: number;
  encoding: string | null;
  /** Why the file is listed but not opened, or why its sidecar is read-only. */
  note: string | null;
  openable: boolean;
}

export interface ArticleDoc {
  file: string;
  text: string;
  language: Language;
  dir: Direction;
  encoding: string;
  paragraphs: Array<Paragraph & { boilerplate: boolean }>;
  annotations: Annotation[];
  renderings: Rendering[];
  metadata: {
    headline: string;
    outlet: string | null;
    date: DateValue | null;
    overrides: MetadataOverrides;
  };
  /** Null when annotations can be saved; otherwise the reason, shown to the user. */
  readOnly: string | null;
}

export interface AnnotationDraft {
  start: number;
  end: number;
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
  text: string;
  status: SegmentStatus;
}

export interface HashiyaApi {
  getAppState(): Promise<AppState>;
  setAnalyst(name: string): Promise<AppState>;
  setFontSize(size: number): Promise<AppState>;
  /** Asks the user for a folder (a native dialog in the app) and opens it as the corpus. */
  openFolder(): Promise<CorpusInfo | null>;

  listArticles(): Promise<ArticleSummary[]>;
  openArticle(file: string): Promise<ArticleDoc>;

  createAnnotation(file: string, draft: AnnotationDraft): Promise<Annotation>;
  updateAnnotation(file: string, id: string, patch: AnnotationPatch): Promise<Annotation>;
  /** Puts back an annotation exactly as given (undo of a delete or an edit). */
  restoreAnnotation(file: string, annotation: Annotation): Promise<Annotation>;
  deleteAnnotation(file: string, id: string): Promise<void>;

  getTaxonomy(): Promise<Tag[]>;
  setTaxonomy(tags: Tag[]): Promise<Tag[]>;

  setMetadata(file: string, overrides: MetadataOverrides): Promise<ArticleDoc>;
  saveRendering(file: string, rendering: SaveRenderingRequest): Promise<Rendering>;
}

export type ApiMethod = keyof HashiyaApi;

/** What crosses a transport: never an exception, always one of these. */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } };

export type ApiErrorCode = 'bad-request' | 'not-found' | 'forbidden' | 'read-only' | 'no-corpus' | 'internal';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What the app pushes to the renderer (menu commands, changes on disk, progress). */
export type AppEvent =
  | { type: 'menu'; command: MenuCommand }
  | { type: 'corpus-opened' }
  | { type: 'articles-changed'; files: string[] }
  | { type: 'sidecar-changed'; file: string; message: string | null }
  | { type: 'index-progress'; done: number; total: number };

export type MenuCommand =
  | 'open-folder'
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
  readonly [M in ApiMethod]: (...args: Parameters<HashiyaApi[M]>) => Promise<ApiResponse<Awaited<ReturnType<HashiyaApi[M]>>>>;
} & {
  readonly onEvent: (listener: (event: AppEvent) => void) => () => void;
};
