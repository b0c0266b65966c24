// What a feature service (annotations, drafting, quotations, …) may use of the workspace:
// the open corpus, its articles and sidecars, and the corpus settings, never raw paths from
// the renderer.
import type { SidecarStore } from '../../annotations/store/sidecar-store';
import type { CorpusSettings, Sidecar } from '../../annotations/model/types';
import type { ArticleDoc, ArticleSummary } from '../api/api';
import type { Language } from '../text/language';
import type { ArticleText } from '../extract/article-text';

/**
 * An article of the open corpus as one request holds it: its name resolved against the
 * corpus and checked once, its text decoded and its sidecar store open. Nested work takes
 * this, not the name, so that nothing resolves the path a second time.
 */
export interface OpenArticle {
  /** The corpus-relative name the request gave. */
  readonly file: string;
  /** The real path, checked to lie inside the corpus. */
  readonly path: string;
  readonly text: string;
  readonly encoding: string;
  readonly language: Language;
  /** The sha256 of the decoded text (its ArticleDoc.version). */
  readonly sha256: string;
  /** What the person should hear about how the text was read (an unknown encoding ignored). */
  readonly notices?: string[];
  /** The article's sidecar store (opened once, shared by every request). */
  readonly store: SidecarStore;
}

export interface WorkspaceContext {
  /** The corpus root (a realpath); throws ApiError 'no-corpus' when none is open. */
  root(): string;
  /** Absolute path of a corpus-relative article, after the containment checks. */
  resolve(file: string): Promise<string>;
  /** Resolves, reads (again only when it changed on disk) and opens an article. */
  open(file: string): Promise<OpenArticle>;
  /** Reads an article again (its encoding changed), from the path already resolved. */
  reopen(article: OpenArticle): Promise<OpenArticle>;
  /** The article as the window sees it, from its sidecar as it is now. */
  doc(article: OpenArticle): ArticleDoc;
  listArticles(): Promise<ArticleSummary[]>;
  /**
   * Applies a change to the article's sidecar, saves it and tells the caches; read-only
   * sidecars give ApiError 'read-only'.
   */
  write<T>(article: OpenArticle, change: (data: Sidecar) => T): Promise<T>;
  corpusSettings(): CorpusSettings;
  /**
   * Applies a change to the corpus settings as they are on disk when its turn comes (one at a
   * time, under the file lock) and resolves with what was written.
   */
  updateCorpusSettings(change: (onDisk: CorpusSettings) => CorpusSettings): Promise<CorpusSettings>;
  analyst(): string;
  /** A message with every file named relative to the corpus (no full path reaches the window). */
  messageForWindow(message: string): string;
  now(): string;
  /** Tells the caches that an article's annotations or renderings changed. */
  changed(file: string): void;
  /**
   * A file's article text (a translation to import, a scan to check) worked out in the corpus's
   * worker where one runs, never holding the thread that answers the window; with the corpus's
   * page cache, so a page already read is not read again.
   */
  extract(name: string, bytes: Uint8Array): Promise<ArticleText>;
  /** An article's text changed though its file did not (a scan read by OCR again): read it anew. */
  textChanged(file: string): void;
  /** Subscribes to `changed`. */
  onChanged(listener: (file: string) => void): () => void;
}
