// A one-off search of a corpus that has no index yet (the CLI's first `hashiya search`):
// rather than building the whole index first and then asking it, the articles are read,
// folded and matched once, shared with a worker thread (scan-queue.ts) so both cores work. Nothing is
// written: the app builds the index in the background. The hits, their order and the
// totals are the indexed search's (scan-articles.ts shares its matcher and ranking).
import { Worker } from 'node:worker_threads';
import { isPlainTextName } from '../extract/article-format';
import { SIDECAR_SUFFIX } from '../folder/corpus-folder';
import { MAX_ARTICLE_BYTES } from '../text/decode';
import { rankArticles } from './index-ranking';
import { listNames, type ScanEntry } from './index-store';
import { prefilterOf, type RawPrefilter } from './raw-prefilter';
import { packShare, scanArticles, type ScannedArticle, type ScanReply, type ScanStart, type WorkerEntry, type WorkerShare } from './scan-articles';
import { articleReading } from './engine-answer';
import { decodeIfMayHold, type ScanText } from './scan-decode';
import { CALLER, newQueue, notTakenByCaller, take } from './scan-queue';
import { ArticleReader } from './scan-read';
import { SearchQueryError, type EngineHit, type EngineRequest, type EngineResult } from './search-engine';
import { checkFilters, checkQuerySize, compileQuery, hasFilters } from './search-query';
import { matcherOf } from './text-hits';

export interface ScanOptions {
  /** Below this many articles a worker costs more to start than it saves. */
  workerFrom?: number;
}

const WORKER_FROM = 1000;

/**
 * The engine's answer to the request, found by reading every article; null when the query
 * filters on metadata, which only the article list works out (the caller uses the index then).
 */
export async function scanSearch(root: string, request: EngineRequest, options: ScanOptions = {}): Promise<EngineResult | null> {
  const query = compileQuery(request.query, { lenient: request.lenient, wholeWord: request.wholeWord, filters: request.filters });
  const problem = checkQuerySize(query) ?? checkFilters(query.filters);
  if (problem) throw new SearchQueryError(problem);
  if (hasFilters(query.filters)) return null;
  const limit = request.limit ?? Infinity;
  const workerFrom = options.workerFrom ?? WORKER_FROM;
  // The worker is started before the folder is listed: loading its modules and building the
  // query's matcher takes it longer than the listing (on the bench's 20,000 articles it began
  // reading about 0.4 s after this thread when started once the names were known). A folder
  // with too few articles to share stops it unused.
  let other = Number.isFinite(workerFrom) ? startShare({ root, request }) : null;
  try {
    const listing = listNames(root);
    // The folder is read off this thread: the query's matcher and prefilter (scanArticles's,
    // some tens of milliseconds to build) are built while it is.
    try {
      if (query.terms.length > 0) {
        matcherOf(query);
        prefilterOf(query);
      }
    } catch {
      // Where building them fails, scanArticles meets it again, as it did before.
    }
    const { articles, sidecars } = await listing;
    // The sidecar reader brings the annotations' schema library, ~30 ms to load: only a folder
    // with sidecars loads it (one without has no encoding chosen for any article).
    const override = sidecars.size > 0 ? (await import('./article-read')).encodingOverride : null;
    const encodingOverride = (at: string, e: ScanEntry) => (override === null ? null : override(at, e));
    if (other && articles.length < workerFrom) {
      other.stop();
      other = null;
    }
    // Plain-text articles are shared with the worker; saved pages and documents stay here
    // (the worker has no extractor). Sizes are looked at as each file is opened.
    const plain: WorkerEntry[] = [];
    const documents: ScanEntry[] = [];
    for (const file of articles) {
      // encodingOverride reads the sidecar only when there is one; it needs no fingerprint.
      const e: ScanEntry = { file, article: NO_FINGERPRINT, sidecar: sidecars.has(file + SIDECAR_SUFFIX) ? NO_FINGERPRINT : null };
      if (isPlainTextName(file)) plain.push({ file, encoding: encodingOverride(root, e) });
      else documents.push(e);
    }
    const queue = newQueue(plain.length);
    const maxBytes = MAX_ARTICLE_BYTES;
    const theirsFound = other?.give(packShare(plain, queue, maxBytes)) ?? null;
    const reader = new ArticleReader(root);
    // The extractors are loaded only for a folder that has documents: loading them (and the
    // outlets' gazetteer they bring) took a plain-text folder's search about 80 ms.
    const reading = documents.length > 0 ? await articleReading() : null;
    const pages = reading?.extractedTextCache(root);
    const readDocument = async (e: ScanEntry): Promise<ScanText | null> => {
      const view = reader.read(e.file, reading!.maxArticleFileBytes(e.file));
      if (view === null) return null;
      // The extractors get a copy: the reader's buffer is the next file's.
      const extracted = await reading!.articleText(e.file, Buffer.from(view), encodingOverride(root, e), pages!);
      return extracted.ok ? { text: extracted.text, checked: false } : null;
    };
    const readPlain = (e: WorkerEntry, prefilter: RawPrefilter): ScanText | null => {
      const bytes = reader.read(e.file, maxBytes);
      return bytes === null ? null : decodeIfMayHold(bytes, e.encoding, prefilter);
    };
    const found = [...(await scanArticles(documents, query, limit, readDocument)), ...(await scanArticles(plain, query, limit, readPlain, take(queue, CALLER)))];
    // What the worker took: its findings, or, when it could not start or failed, read here.
    const theirs = other ? notTakenByCaller(queue) : [];
    let rest: ScannedArticle[] = [];
    if (theirs.length === 0) other?.stop();
    else rest = (await theirsFound) ?? (await scanArticles(plain, query, limit, readPlain, theirs));
    return merge([...found, ...rest], limit, query.lenient, query.wholeWord);
  } finally {
    // A worker never given its share would wait, and keep the process alive, for ever.
    other?.stop();
  }
}

const NO_FINGERPRINT = { size: 0, mtimeMs: 0 };

/** The indexed engine's result from the scanned articles: ranked alike, hits taken alike. */
function merge(found: ScannedArticle[], limit: number, lenient: boolean, wholeWord: boolean): EngineResult {
  const byFile = new Map(found.map((a) => [a.file, a]));
  const ranked = rankArticles(found.map((a) => ({ file: a.file, score: a.score, hits: a.count })));
  const hits: EngineHit[] = [];
  let totalHits = 0;
  let truncated = false;
  for (const r of ranked) totalHits += r.hits;
  for (const r of ranked) {
    if (hits.length >= limit) {
      truncated = true;
      break;
    }
    for (const h of byFile.get(r.file)!.hits) {
      if (hits.length >= limit) break;
      hits.push({ file: r.file, ...h });
    }
  }
  return { hits, totalHits, approximate: false, totalArticles: ranked.length, lenient, wholeWord, truncated };
}

/** A worker started for a request; given its articles, it answers with its findings, or null when it could not. */
function startShare(start: ScanStart): { give: (share: WorkerShare) => Promise<ScannedArticle[] | null>; stop: () => void } {
  let worker: Worker | null;
  try {
    worker = startScanWorker(start);
  } catch {
    worker = null;
  }
  const answer = new Promise<ScannedArticle[] | null>((resolve) => {
    if (!worker) return resolve(null);
    const w = worker;
    let settled = false;
    const done = (value: ScannedArticle[] | null) => {
      if (settled) return;
      settled = true;
      resolve(value);
      void w.terminate();
    };
    w.once('message', (m: ScanReply) => done(m.ok ? m.articles : null));
    w.once('error', () => done(null));
    w.once('exit', () => done(null));
  });
  return {
    give(share) {
      worker?.postMessage(share);
      return answer;
    },
    stop() {
      void worker?.terminate();
    },
  };
}

function startScanWorker(start: ScanStart): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Node cannot start a .ts worker by itself, even with tsx loaded in this thread: load
    // tsx in the worker first, then the worker module (as corpus/catalog/indexer.ts does).
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./scan-worker.ts', here).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(code, { eval: true, workerData: start });
  }
  return new Worker(new URL('./scan-worker.mjs', here), { workerData: start });
}
