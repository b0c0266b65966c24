// The main thread's handle on an index worker: starts it, passes messages, turns search
// requests into promises, and keeps the process alive only while the worker has work.
//
// Where the worker's code is: the app's bundle puts index-worker.mjs beside main.mjs (pass
// `workerUrl`, or rely on the default next to this module's bundle); from the TypeScript
// sources (tests, the harness, the CLI) the worker loads index-worker.ts through tsx.
import { Worker, type MessagePort } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerRole, WorkerStart } from './index-protocol';
import type { EngineRequest, EngineResult } from '../search/search-engine';
import { SearchQueryError } from '../search/search-engine';
import type { ArticleText } from '../extract/article-text';
import type { FactsJob, HelperThread } from './facts-helper';

export interface IndexerOptions {
  /** The bundled worker script (out/main/index-worker.mjs). Default: beside this module. */
  workerUrl?: URL | string;
  /** Fewest plain-text articles left for which the list worker starts a helper (tests: a small corpus). */
  helperMin?: number;
}

/** The bundled worker's script, or null under the TypeScript sources. */
function workerScript(options: IndexerOptions): URL | string | null {
  if (options.workerUrl) return options.workerUrl;
  const here = import.meta.url;
  return here.endsWith('.ts') ? null : new URL('./index-worker.mjs', here);
}

function startWorker(start: WorkerStart, options: IndexerOptions): Worker {
  const here = import.meta.url;
  const base = { workerData: start, transferList: start.metaPort ? [start.metaPort] : [] };
  // A bundled script needs no loader: without `execArgv: []` the worker would run this
  // process's own flags again (`--import tsx` under the bench or the harness: ~60 ms of CPU and
  // a loader thread round trip for each of its modules before it is searchable).
  const bundled = { ...base, execArgv: [] };
  if (options.workerUrl) return new Worker(options.workerUrl, bundled);
  if (here.endsWith('.ts')) {
    // Node cannot start a .ts worker by itself, even with tsx loaded in this thread: load
    // tsx in the worker first, then the worker module.
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./index-worker.ts', here).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(code, { ...base, eval: true });
  }
  return new Worker(new URL('./index-worker.mjs', here), bundled);
}

/**
 * The list worker's helper (facts-helper.ts), started from the list worker: the same script,
 * which the list worker is told (`workerHref`), for a bundle's chunk is not beside it.
 */
export function startFactsHelper(job: FactsJob, workerHref: string | undefined): HelperThread {
  // A string `workerUrl` is a path, which Worker takes as it is.
  const workerUrl = workerHref?.startsWith('file:') ? new URL(workerHref) : workerHref;
  const worker = startWorker({ hashiyaIndexWorker: true, root: job.root, role: 'facts', factsJob: job }, workerUrl ? { workerUrl } : {});
  return {
    listen(onMessage, onGone) {
      worker.on('message', onMessage);
      worker.on('error', onGone);
      worker.on('exit', onGone);
    },
    stop() {
      void worker.terminate();
    },
  };
}

/**
 * The list's worker, given its end of the channel to the search worker where it still can be:
 * a search worker that has failed takes the other end with it (Node then detaches this one),
 * and the list runs without, for it only fed that worker's filters.
 */
export function startListWorker(root: string, options: IndexerOptions, listener: (message: FromWorker) => void, onFailure: (error: Error) => void, metaPort: MessagePort): IndexWorkerHandle {
  try {
    return new IndexWorkerHandle('catalog', root, options, listener, onFailure, metaPort);
  } catch {
    return new IndexWorkerHandle('catalog', root, options, listener, onFailure);
  }
}

export class IndexWorkerHandle {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private busy = true;
  private exited = false;
  private readonly exit: Promise<void>;

  constructor(
    readonly role: WorkerRole,
    root: string,
    options: IndexerOptions,
    private readonly listener: (message: FromWorker) => void,
    private readonly onFailure: (error: Error) => void,
    metaPort?: MessagePort,
  ) {
    const script = role === 'catalog' ? workerScript(options) : null;
    const helper = role === 'catalog' ? { ...(script ? { workerHref: script instanceof URL ? script.href : script } : {}), ...(options.helperMin !== undefined ? { helperMin: options.helperMin } : {}) } : {};
    this.worker = startWorker({ hashiyaIndexWorker: true, root, role, metaPort, ...helper }, options);
    this.exit = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', (m: FromWorker) => this.receive(m));
    this.worker.on('error', (error) => {
      this.fail(error);
      this.onFailure(error);
    });
    this.worker.on('exit', () => {
      this.exited = true;
      this.fail(new Error('the index worker stopped'));
    });
  }

  private fail(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private receive(m: FromWorker): void {
    if (m.type === 'ready') this.busy = false;
    if (m.type === 'progress') this.busy = true;
    if ((m.type === 'result' || m.type === 'persisted' || m.type === 'memory' || m.type === 'extracted' || m.type === 'failed') && m.id !== null) {
      const p = this.pending.get(m.id);
      if (p) {
        this.pending.delete(m.id);
        if (m.type === 'failed') p.reject(m.badRequest ? new SearchQueryError(m.message) : new Error(m.message));
        else p.resolve((m.type === 'result' ? m.result : m.type === 'memory' ? { heap: m.heap, external: m.external } : m.type === 'extracted' ? m.text : m.ok) as never);
      }
    }
    this.updateRef();
    this.listener(m);
  }

  /** A worker with nothing to do must not keep a test or a CLI run from ending. */
  private updateRef(): void {
    if (this.exited) return;
    if (this.busy || this.pending.size > 0) this.worker.ref();
    else this.worker.unref();
  }

  /** False once the worker failed or stopped. */
  get alive(): boolean {
    return !this.exited;
  }

  send(message: ToWorker): void {
    if (this.exited) return;
    if (message.type === 'refresh') this.busy = true;
    this.worker.postMessage(message);
    this.updateRef();
  }

  private request<T>(make: (id: number) => ToWorker): Promise<T> {
    if (this.exited) return Promise.reject(new Error('the index worker stopped'));
    const id = this.nextId++;
    const result = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: never) => void, reject }));
    this.worker.postMessage(make(id));
    this.updateRef();
    return result;
  }

  /** `metaSeq`: the list's metadata message a filtered search must have seen first. */
  search(request: EngineRequest, metaSeq = 0): Promise<EngineResult> {
    return this.request((id) => ({ type: 'search', id, request, metaSeq }));
  }

  /** A saved page's article text, extracted in the worker (a copy of `bytes` goes over). */
  extract(name: string, bytes: Uint8Array): Promise<ArticleText> {
    return this.request((id) => ({ type: 'extract', id, name, bytes }));
  }

  persist(): Promise<boolean> {
    return this.request((id) => ({ type: 'persist', id }));
  }

  /** Lets the worker save what it has, then ends it (at most `graceMs` later). */
  async close(graceMs = 10_000): Promise<void> {
    if (this.exited) return;
    this.worker.ref();
    this.worker.postMessage({ type: 'stop' } satisfies ToWorker);
    const timer = setTimeout(() => void this.worker.terminate(), graceMs);
    await this.exit;
    clearTimeout(timer);
  }

  /** The worker's own heap and the buffers it holds (resident memory is the process's). */
  memory(): Promise<{ heap: number; external: number }> {
    return this.request((id) => ({ type: 'memory', id }));
  }
}
