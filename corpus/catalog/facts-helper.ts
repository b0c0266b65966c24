// A second thread for the list worker's slowest work on a first opening: the facts of the
// plain-text articles (decoding, language, headline, outlet, date). Once the search worker is
// ready, one of two cores would otherwise sit idle while the list worker goes on alone (20,000
// articles: 14–19 s on one core). The helper takes articles from a queue in shared memory
// (search/scan-queue.ts) and posts their facts back; the list worker makes the records from
// them as it makes its own, and puts them back in the order one thread would have made them,
// so that the list and catalog.json do not depend on the helper. Saved pages and documents
// stay in the list worker: reading them writes the page cache.
import type { ArticleFacts } from './article-summary';
import type { SidecarFacts } from '../../annotations/store/sidecar-facts';
import type { ScanEntry } from '../search/index-store';
import { CALLER, newQueue, notTakenByCaller, take, type ScanQueue } from '../search/scan-queue';

/**
 * Fewer plain-text articles left than this: not worth a thread. Its start costs ~0.2 s of CPU
 * (the bundle's modules: 170–190 ms measured in the helper, /proc/thread-self/stat) and its
 * first articles run unoptimised (~1.2 ms each against ~0.85 ms in the warm list worker);
 * 1,000 articles are ~0.9 s of work, of which the helper takes about half.
 */
export const HELPER_MIN = 1000;

export interface FactsJob {
  root: string;
  /** When the refresh's scan began (for hashIfRacy, as the list worker hashes). */
  started: number;
  entries: ScanEntry[];
  queue: ScanQueue;
}

/** One article's facts as the list worker would have worked them out; `read` null: the file could not be read. */
export interface FactsResult {
  /** The article's place in the job's entries. */
  at: number;
  side: SidecarFacts;
  read: { hash: string; facts: ArticleFacts } | null;
}

export type FromHelper = { type: 'facts'; results: FactsResult[] } | { type: 'done' };

/** The helper thread as the list worker sees it (indexer.ts starts it; a test may wrap it). */
export interface HelperThread {
  /** `onGone` once the thread has exited or failed (perhaps more than once). */
  listen(onMessage: (m: FromHelper) => void, onGone: () => void): void;
  stop(): void;
}

/** What CatalogState.refresh asks for a helper through, between its slices. */
export interface HelperSource {
  /** Fewest plain-text articles left for which a helper starts. */
  min: number;
  /** Whether a core is free for a helper now (the search worker has nothing to do). */
  spare(): boolean;
  start(job: FactsJob): HelperThread;
}

/**
 * The list worker's side of one refresh's sharing: which of its items the helper may take,
 * the ones this thread takes from the queue, and, once the queue is empty, waiting for the
 * helper's last results (or for it to end: what it took and never sent is then this thread's).
 */
export class FactsSharing {
  private readonly queue: ScanQueue;
  private readonly shared: Set<number>;
  private readonly received: Uint8Array;
  private gone = false;
  private done = false;
  private wake: (() => void) | null = null;

  /** `items`: indices of the refresh's items handed over; `apply` makes the record of one. */
  constructor(
    private readonly items: number[],
    entries: ScanEntry[],
    root: string,
    started: number,
    private readonly thread: (job: FactsJob) => HelperThread,
    private readonly apply: (item: number, result: FactsResult) => void,
  ) {
    this.queue = newQueue(items.length);
    this.shared = new Set(items);
    this.received = new Uint8Array(items.length);
    const helper = this.thread({ root, started, entries, queue: this.queue });
    this.stop = () => helper.stop();
    helper.listen(
      (m) => {
        if (m.type === 'done') this.end(false);
        else for (const r of m.results) this.receive(r);
      },
      () => this.end(true),
    );
  }

  readonly stop: () => void;

  /** Whether the item is the queue's (this thread takes it through `mine`, if at all). */
  has(item: number): boolean {
    return this.shared.has(item);
  }

  /** The items this thread takes from the queue, a few at a time, until none are left. */
  *mine(): Generator<number> {
    for (const at of take(this.queue, CALLER)) {
      this.received[at] = 1; // a late result for it (there can be none) is not applied twice
      yield this.items[at]!;
    }
  }

  /** Once `mine` is done: waits for the helper, then returns what it took and never sent. */
  async leftovers(): Promise<number[]> {
    if (!this.done && !this.gone) await new Promise<void>((resolve) => (this.wake = resolve));
    return notTakenByCaller(this.queue).filter((at) => !this.received[at]).map((at) => this.items[at]!);
  }

  private receive(r: FactsResult): void {
    if (this.gone || this.received[r.at]) return;
    this.received[r.at] = 1;
    this.apply(this.items[r.at]!, r);
  }

  private end(gone: boolean): void {
    if (gone) this.gone = true;
    else this.done = true;
    this.wake?.();
    this.wake = null;
  }
}
