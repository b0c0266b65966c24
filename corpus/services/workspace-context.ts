// What a feature service (drafting, quotations, search) may use of the workspace: the
// open corpus, its articles and sidecars, and the corpus settings, never raw paths from
// the renderer.
import type { SidecarStore } from '../../annotations/store/sidecar-store';
import type { CorpusSettings, Sidecar } from '../../annotations/model/types';
import type { ArticleDoc, ArticleSummary, HashiyaApi } from '../api/api';

export interface WorkspaceContext {
  /** The corpus root (a realpath); throws ApiError 'no-corpus' when none is open. */
  root(): string;
  /** Absolute path of a corpus-relative article, after the containment checks. */
  resolve(file: string): Promise<string>;
  listArticles(): Promise<ArticleSummary[]>;
  openArticle(file: string): Promise<ArticleDoc>;
  /** The sha256 of an article's decoded text (its ArticleDoc.version), without building the doc. */
  version(file: string): Promise<string>;
  /** The article's sidecar store (opened once, shared). */
  store(file: string): Promise<SidecarStore>;
  /** Applies a change to a sidecar and saves it; read-only sidecars give ApiError 'read-only'. */
  write<T>(file: string, change: (data: Sidecar) => T): Promise<T>;
  corpusSettings(): CorpusSettings;
  saveCorpusSettings(next: CorpusSettings): Promise<void>;
  analyst(): string;
  now(): string;
  /** Tells the caches that an article's annotations or renderings changed. */
  changed(file: string): void;
  /** Subscribes to `changed`. */
  onChanged(listener: (file: string) => void): () => void;
  /** The whole API, for services that build on other calls. */
  api: HashiyaApi;
}
