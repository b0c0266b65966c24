// The background side of a corpus: a worker thread that keeps either the article list's
// facts or the search index current against the folder, saves them beside the corpus, and
// (search role) answers queries. Nothing here runs on the UI's thread.
//
// It is an entry point: bundled on its own (out/main/index-worker.mjs) for the app, or
// loaded through tsx from the sources (see indexer.ts).
import { setPriority } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { CatalogRecord } from './catalog-state';
import type { FromWorker, MetaMessage, ToWorker, WorkerStart } from './index-protocol';
import { scanCorpus, type ScanEntry } from '../search/index-store';
import { prepareArticleReading, SearchEngine, SearchQueryError } from '../search/search-engine';
import { prunePageCache } from '../search/page-cache-prune';
import { scanInHelper } from '../search/scan-helper';
import { HELPER_MIN, type HelperSource } from './facts-helper';
import { startFactsHelper } from './indexer';

// The list's state (with the metadata readers) and the extractors are loaded by dynamic
// import where they are needed: the search worker, reopening an index that is current, never
// loads them (nor zod), and is searchable sooner.
const listState = () => import('./catalog-state');
const pageReading = () => Promise.all([import('../extract/article-text'), import('../search/extracted-text-cache')]);

const PROGRESS_EVERY_MS = 100;
/** At most this long a filtered search waits for metadata that is on its way. */
const META_WAIT_MS = 2000;

function post(message: FromWorker): void {
  parentPort!.postMessage(message);
}

/**
 * The list's worker (and its helper) yields to the search worker (and both to the UI's thread) when the CPU is
 * short. Only on Linux, where a thread has its own nice value; elsewhere this call would
 * lower the whole app.
 */
function lowerPriority(role: WorkerStart['role']): void {
  if (process.platform !== 'linux' || role === 'search') return;
  try {
    setPriority(0, 5);
  } catch {
    // Not allowed here: run at the normal priority.
  }
}

/** A scan older than this when its refresh begins is made again (see firstScan in run). */
const EARLY_SCAN_MS = 1000;

async function run(start: WorkerStart): Promise<void> {
  const { root, role, metaPort } = start;
  lowerPriority(role);
  if (role === 'facts') {
    const { runFactsHelper } = await import('./facts-helper-thread');
    await runFactsHelper(start.factsJob!, (m) => parentPort!.postMessage(m));
    return;
  }
  // The first refresh's scan is made while the cache is read: the thread pool reads the file
  // while this thread stats the articles (on two cores, reopening 20,000 articles took the sum
  // of the two). A scan that had to wait long for the cache is made again, so that a change
  // made meanwhile in the same clock tick still falls in the cache's racy window (RACY_MS).
  // The search worker's stat calls are a helper thread's: this thread has the index to decode.
  const scanFirst = role === 'search' ? scanInHelper : scanCorpus;
  let firstScan: Promise<{ scan: ScanEntry[]; at: number }> | null = scanFirst(root).then((scan) => ({ scan, at: performance.now() }));
  firstScan.catch(() => undefined); // awaited by the first refresh, which reports a failure
  const list = role === 'catalog' ? await listState() : null;
  const catalog = list ? await list.CatalogState.load(root) : null;
  const search = role === 'search' ? await SearchEngine.load(root) : null;
  let metaSeq = 0;
  // Whether the search worker has nothing to do: the list's refresh may then start a helper.
  let spareCore = false;
  const helper: HelperSource = { min: start.helperMin ?? HELPER_MIN, spare: () => spareCore, start: (job) => startFactsHelper(job, start.workerHref) };
  const sendMeta = (records: Iterable<CatalogRecord>) => {
    if (!list) return;
    const { docMetaOf } = list;
    const entries = [...records].map((r) => [r.file, docMetaOf(r)] as MetaMessage['entries'][number]);
    if (entries.length > 0 && metaPort) metaPort.postMessage({ entries, seq: ++metaSeq } satisfies MetaMessage);
  };
  let metaSent = false;
  // The list's metadata and the window's searches come over different channels, in no set order:
  // a filtered search waits (briefly) for the metadata the list had when it said it was ready.
  let metaSeen = 0;
  const metaWaiters: Array<{ seq: number; resolve: () => void }> = [];
  const metaUpTo = (seq: number) =>
    seq <= metaSeen ? Promise.resolve() : new Promise<void>((resolve) => {
      const waiter = { seq, resolve };
      metaWaiters.push(waiter);
      setTimeout(resolve, META_WAIT_MS).unref();
    });
  if (search && metaPort) {
    metaPort.on('message', (m: MetaMessage) => {
      search.setMeta(m.entries);
      metaSeen = Math.max(metaSeen, m.seq);
      for (const w of metaWaiters.filter((w) => w.seq <= metaSeen)) w.resolve();
      metaWaiters.splice(0, metaWaiters.length, ...metaWaiters.filter((w) => w.seq > metaSeen));
    });
    metaPort.unref();
  }
  let refreshing: Promise<void> | null = null;
  let readingPrepared = false;
  let again = false;
  let stopping = false;
  let lastProgress = 0;
  const progress = (done: number, total: number) => {
    const now = performance.now();
    if (done < total && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    post({ type: 'progress', role, done, total });
  };

  const refreshOnce = async () => {
    const pending = firstScan;
    firstScan = null;
    const early = pending && (await pending);
    const scan = early && performance.now() - early.at < EARLY_SCAN_MS ? early.scan : await scanCorpus(root);
    // 'ready' goes out before saving: the list and the index are usable while the file is written.
    if (catalog) {
      const out = await catalog.refresh(root, scan, {
        onProgress: progress,
        onRecords: (records) => {
          post({ type: 'records', records });
          sendMeta(records);
        },
        helper,
      });
      // The index keeps its own copy of the metadata, which may be older than the list's.
      if (!metaSent) sendMeta(catalog.records.values());
      metaSent = true;
      post({ type: 'ready', role, changed: out.changed, removed: out.removed, articles: catalog.records.size, metaSeq });
      if (out.changed.length > 0 || out.removed.length > 0) {
        await catalog.persist(root);
        await prunePageCache(root, catalog.pageKeys());
      }
    } else if (search) {
      const out = await search.refresh(root, scan, progress);
      post({ type: 'ready', role, changed: out.changed, removed: out.removed, articles: search.files.size });
      if (!readingPrepared) {
        readingPrepared = true;
        // After 'ready' has gone out. A failure to load shows when an article is read.
        setImmediate(() => void prepareArticleReading().catch(() => undefined));
      }
      if (search.dirty) await search.persist(root);
    }
  };

  // Refreshes never overlap; a request during one runs once more after it.
  const refresh = () => {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = (async () => {
      do {
        again = false;
        try {
          await refreshOnce();
        } catch (error) {
          post({ type: 'failed', id: null, message: (error as Error).message });
        }
      } while (again && !stopping);
      refreshing = null;
    })();
  };

  parentPort!.on('message', async (message: ToWorker) => {
    try {
      switch (message.type) {
        case 'refresh':
          refresh();
          break;
        case 'spare-core':
          spareCore = message.free;
          break;
        case 'search': {
          if (!search) throw new Error('this worker keeps the article list, not the search index');
          try {
            if (message.request.filters) await metaUpTo(message.metaSeq);
            post({ type: 'result', id: message.id, result: await search.search(root, message.request) });
          } catch (error) {
            post({ type: 'failed', id: message.id, message: (error as Error).message, badRequest: error instanceof SearchQueryError });
          }
          break;
        }
        case 'persist': {
          while (refreshing) await refreshing;
          const ok = catalog ? await catalog.persist(root) : search ? await search.persist(root) : false;
          post({ type: 'persisted', id: message.id, ok });
          break;
        }
        case 'extract': {
          const [{ articleText }, { extractedTextCache }] = await pageReading();
          post({ type: 'extracted', id: message.id, text: await articleText(message.name, message.bytes, undefined, extractedTextCache(root)) });
          break;
        }
        case 'memory': {
          const h = getHeapStatistics();
          post({ type: 'memory', id: message.id, heap: h.used_heap_size, external: h.external_memory });
          break;
        }
        case 'stop':
          stopping = true;
          while (refreshing) await refreshing;
          if (search?.dirty) await search.persist(root);
          post({ type: 'stopped' });
          parentPort!.close();
          break;
      }
    } catch (error) {
      post({ type: 'failed', id: 'id' in message ? message.id : null, message: (error as Error).message });
    }
  });
  refresh();
}

const start = workerData as WorkerStart | undefined;
if (parentPort && start?.hashiyaIndexWorker) {
  run(start).catch((error: Error) => post({ type: 'failed', id: null, message: error.message }));
}
