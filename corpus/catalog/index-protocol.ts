// Messages between the main thread and an index worker. Two workers run side by side: one
// keeps the article list's facts (headlines, metadata: the slow part), one the search index;
// the first hands the metadata the second's filters need straight to it, over their own
// channel, so none of it passes through the main thread.
import type { MessagePort } from 'node:worker_threads';
import type { CatalogRecord } from './catalog-state';
import type { DocMeta } from '../search/search-index';
import type { EngineRequest, EngineResult } from '../search/search-engine';
import type { ArticleText } from '../extract/article-text';
import type { FactsJob } from './facts-helper';

/** 'facts': the list worker's helper, working out plain-text articles' facts on a spare core (facts-helper.ts). */
export type WorkerRole = 'catalog' | 'search' | 'facts';

export interface WorkerStart {
  hashiyaIndexWorker: true;
  root: string;
  role: WorkerRole;
  /** Catalog → search: metadata for the filters ({ entries }). */
  metaPort?: MessagePort;
  /** List worker: where the worker's code is, for its helper (the resolved `workerUrl`: a file: URL or a path; none: the TypeScript sources). */
  workerHref?: string;
  /** List worker: fewer plain-text articles than this left when a core is spare, no helper (default in facts-helper.ts). */
  helperMin?: number;
  /** Helper: what it works on. */
  factsJob?: FactsJob;
}

/** What goes over the metadata channel. */
export interface MetaMessage {
  entries: Array<[string, DocMeta]>;
  /** Counts the messages sent: a filtered search waits until the search worker has seen the list's latest. */
  seq: number;
}

export type ToWorker =
  /** Scan the folder again and bring the cache up to it. */
  | { type: 'refresh' }
  /** `metaSeq`: the list's metadata message the filters must have seen (0: none needed). */
  | { type: 'search'; id: number; request: EngineRequest; metaSeq: number }
  /** Save what changed, then answer 'persisted'. */
  | { type: 'persist'; id: number }
  | { type: 'memory'; id: number }
  /** A saved page's text, worked out here so that opening it never stalls the app's own thread. */
  | { type: 'extract'; id: number; name: string; bytes: Uint8Array }
  /**
   * Main → list worker: whether the search worker has nothing to do (ready, or failed): the
   * list worker may then share its plain-text articles with a helper thread.
   */
  | { type: 'spare-core'; free: boolean }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'progress'; role: WorkerRole; done: number; total: number }
  /** Catalog role: records made or remade. */
  | { type: 'records'; records: CatalogRecord[] }
  /** A refresh finished: what changed since the previous one. */
  | { type: 'ready'; role: WorkerRole; changed: string[]; removed: string[]; articles: number; metaSeq?: number }
  | { type: 'result'; id: number; result: EngineResult }
  | { type: 'persisted'; id: number; ok: boolean }
  | { type: 'memory'; id: number; heap: number; external: number }
  | { type: 'extracted'; id: number; text: ArticleText }
  | { type: 'failed'; id: number | null; message: string; badRequest?: boolean }
  | { type: 'stopped' };
