// One lowdb instance per sidecar, owned by the process that writes (the main process).
// A sidecar is created on the first change, never just by opening an article; a broken or
// newer-format sidecar makes the article read-only and is never rewritten.
import { Low } from 'lowdb';
import { DurableJsonFile, SidecarReadError } from './durable-json-adapter';
import { parseSidecar } from './schema';
import { serialiseSidecar } from './serialise';
import { reanchorAnnotations } from './reanchor';
import { SIDECAR_FORMAT, type Sidecar } from './types';

export interface ArticleFingerprint {
  file: string;
  sha256: string;
  length: number;
}

export function emptySidecar(article: ArticleFingerprint): Sidecar {
  return { format: SIDECAR_FORMAT, article, metadata: {}, annotations: [], renderings: [], alignments: [], conflicts: [] };
}

export class ReadOnlySidecarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadOnlySidecarError';
  }
}

export class SidecarStore {
  /** Null when writable; otherwise the message the user sees. */
  readOnly: string | null = null;
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: Low<Sidecar>,
    readonly adapter: DurableJsonFile<Sidecar>,
  ) {}

  static async open(sidecarPath: string, article: ArticleFingerprint, text: string): Promise<SidecarStore> {
    const adapter = new DurableJsonFile<Sidecar>(sidecarPath, {
      parse: parseSidecar,
      serialise: serialiseSidecar,
      maxFormat: SIDECAR_FORMAT,
    });
    const db = new Low<Sidecar>(adapter, emptySidecar(article));
    const store = new SidecarStore(db, adapter);
    try {
      await db.read();
    } catch (error) {
      if (!(error instanceof SidecarReadError)) throw error;
      store.readOnly = error.message;
      if (error.kind === 'newer-format') return store;
      db.data = emptySidecar(article);
      return store;
    }
    const data = db.data;
    if (data.article.sha256 !== article.sha256 && data.annotations.length > 0) {
      // The article changed since these offsets were written: place them again from their quotes.
      data.annotations = reanchorAnnotations(text, data.annotations);
    }
    data.article = article;
    return store;
  }

  get data(): Sidecar {
    return this.db.data;
  }

  /** Applies a change and saves it at once, one write after another. */
  update<T>(change: (data: Sidecar) => T): Promise<T> {
    if (this.readOnly) return Promise.reject(new ReadOnlySidecarError(this.readOnly));
    const run = this.queue.then(async () => {
      const result = change(this.db.data);
      await this.db.write();
      return result;
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Resolves when every change asked for so far is on disk. */
  flush(): Promise<void> {
    return this.queue;
  }
}
