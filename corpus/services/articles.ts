// The articles of the open corpus: each read again only when it changed on disk, its sidecar
// store opened once and shared. Every request names a file here once; what it gets back
// carries the resolved path for the rest of the request.
import { stat } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import { InvalidSidecarChangeError, ReadOnlySidecarError, SidecarStore, type SidecarStoreOptions } from '../../annotations/store/sidecar-store';
import { SidecarWriteError, type WriteFailureKind } from '../../annotations/store/write-failure';
import { FileBusyError } from '../../annotations/store/file-lock';
import type { Sidecar } from '../../annotations/model/types';
import type { ArticleCatalog } from '../catalog/article-catalog';
import { ApiError, type ApiErrorCode, type AppEvent, type ArticleDoc, type ArticleSummary } from '../api/api';
import { resolveArticlePath, sidecarPathFor } from '../folder/corpus-folder';
import { canonicalEncoding } from '../text/decode';
import { articleDoc } from './article-doc';
import { ArticleDetections } from './article-detection';
import { encodingOnDisk, readArticle, type LoadedArticle } from './article-file';
import { extractedTextCache } from '../search/extracted-text-cache';
import type { OpenArticle } from './workspace-context';

/**
 * A save the disk did not take: refused by a read-only disk or folder (the article is now
 * read-only); to be tried again once the cause is gone (full disk: 'stale' is the code of
 * "nothing changed, try again", as for a busy lock); or one the disk can never hold.
 */
const WRITE_FAILURE_CODES: Record<WriteFailureKind, ApiErrorCode> = { 'read-only': 'read-only', retry: 'stale', 'too-large': 'bad-request' };

export interface ArticleEvents {
  changed(file: string): void;
  emit(event: AppEvent): void;
}

export class Articles {
  private readonly stores = new Map<string, Promise<SidecarStore>>();
  private readonly loaded = new Map<string, { article: LoadedArticle; mtimeMs: number; size: number }>();
  private readonly detections = new ArticleDetections();

  /** `root` must be a realpath. */
  constructor(
    readonly root: string,
    private readonly catalog: ArticleCatalog,
    private readonly events: ArticleEvents,
    /** How sidecars reach the disk (tests simulate a full or read-only disk). */
    private readonly storeOptions: Pick<SidecarStoreOptions, 'writeFile'> = {},
  ) {}

  /** The absolute, real path of an article, after the containment checks. */
  resolve(file: string): Promise<string> {
    return resolveArticlePath(this.root, file);
  }

  async open(file: string): Promise<OpenArticle> {
    return this.openAt(file, await this.resolve(file));
  }

  async reopen(article: OpenArticle): Promise<OpenArticle> {
    this.loaded.delete(article.file);
    await this.forgetStore(article.file);
    return this.openAt(article.file, article.path);
  }

  private async openAt(file: string, path: string): Promise<OpenArticle> {
    const loaded = await this.load(file, path);
    const store = await this.storeFor(loaded, path);
    return { ...loaded, path, store };
  }

  doc(article: OpenArticle): ArticleDoc {
    const notices = [...(article.notices ?? []), ...article.store.notices].map((n) => this.withoutRoot(n)!);
    return articleDoc(article, article.store.data, this.withoutRoot(article.store.readOnly), notices, this.detections.for(article.file, article));
  }

  list(): Promise<ArticleSummary[]> {
    // The sidecars held open know their counts and read-only state better than the disk cache.
    return this.catalog.list(this.stores).then((list) => list.map((s) => (s.note ? { ...s, note: this.withoutRoot(s.note) } : s)));
  }

  async write<T>(article: OpenArticle, change: (data: Sidecar) => T): Promise<T> {
    let result: T;
    try {
      result = (await article.store.update(change)) as T;
    } catch (error) {
      if (error instanceof ReadOnlySidecarError) throw new ApiError('read-only', this.withoutRoot(error.message) ?? '');
      if (error instanceof InvalidSidecarChangeError) throw new ApiError('bad-request', this.withoutRoot(error.message) ?? '');
      if (error instanceof FileBusyError) throw new ApiError('stale', error.message);
      if (error instanceof SidecarWriteError) throw new ApiError(WRITE_FAILURE_CODES[error.kind], error.message);
      throw error;
    }
    this.events.changed(article.file);
    return result;
  }

  /** Someone else saved this article's sidecar (a git pull, another analyst): an open store reads it. */
  async reloadSidecar(file: string): Promise<void> {
    const store = await this.stores.get(file)?.catch(() => null);
    await store?.reload().catch(() => undefined);
  }

  /**
   * The article's text is to be read again though its file is unchanged (its OCR text was
   * replaced): the next open reads it, and a text that differs reopens the sidecar, whose
   * annotations are placed again from their quotes.
   */
  forgetText(file: string): void {
    const kept = this.loaded.get(file);
    if (kept) kept.mtimeMs = -1;
  }

  /** Resolves when every pending sidecar write is on disk. */
  async flush(): Promise<void> {
    // All at once: one store stuck on a hung disk does not keep the others' saves waiting.
    await Promise.all([...this.stores.values()].map(async (s) => (await s.catch(() => null))?.flush()));
  }

  /** Messages for the window name files relative to the corpus: full paths stay in this process. */
  withoutRoot(message: string | null): string | null {
    return message ? message.split(this.root + sep).join('') : message;
  }

  /**
   * The decoded article, read again only when the file changed on disk (size or mtime).
   * When its text changed under an open sidecar, the sidecar is reopened so that its
   * annotations are re-anchored to the new text.
   */
  private async load(file: string, path: string): Promise<LoadedArticle> {
    const info = await stat(path);
    const cached = this.loaded.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.article;
    const chosen = await this.encodingOverride(file, path);
    // A name this build cannot decode with (a typo, a newer Hashiya's, `constructor`) must not
    // lock the article: it is ignored and said, and choosing another encoding replaces it.
    const known = chosen === undefined || canonicalEncoding(chosen) !== null;
    const article = await readArticle(file, path, info.size, known ? chosen : undefined, extractedTextCache(this.root), (name, bytes) =>
      this.catalog.extractInBackground(name, bytes),
    );
    if (!known) {
      article.notices = [
        ...(article.notices ?? []),
        `The annotations of ${file} name the text encoding ${JSON.stringify(chosen!.slice(0, 64))}, which this version of Hashiya does not know; it was ignored and the encoding detected. Choose an encoding for the article to replace it.`,
      ];
    }
    if (cached && cached.article.sha256 !== article.sha256) await this.forgetStore(file);
    this.loaded.set(file, { article, mtimeMs: info.mtimeMs, size: info.size });
    return article;
  }

  /** The encoding the person chose for this article, from its sidecar (open or on disk). */
  private async encodingOverride(file: string, path: string): Promise<string | undefined> {
    const open = this.stores.get(file);
    if (open) return (await open.catch(() => null))?.data.metadata.encoding;
    return encodingOnDisk(path);
  }

  /** Closes an article's sidecar store after its pending writes; the next use reopens it. */
  private async forgetStore(file: string): Promise<void> {
    const held = this.stores.get(file);
    this.stores.delete(file);
    const store = await held?.catch(() => null);
    await store?.flush();
  }

  private storeFor(article: LoadedArticle, path: string): Promise<SidecarStore> {
    let s = this.stores.get(article.file);
    if (!s) {
      s = SidecarStore.open(sidecarPathFor(path), { file: basename(article.file), sha256: article.sha256, length: article.text.length, ...(article.extractor ? { extractor: article.extractor } : {}) }, article.text, this.storeOptions);
      this.stores.set(article.file, s);
      s.then(
        (store) =>
          // Merges with someone else's change, and a sidecar turning read-only, are told to the window.
          store.onEvent((e) => {
            this.events.changed(article.file);
            this.events.emit({ type: 'sidecar-changed', file: article.file, message: this.withoutRoot(e.message) });
          }),
        () => this.stores.delete(article.file),
      );
    }
    return s;
  }
}
