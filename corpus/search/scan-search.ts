// A one-off search of a corpus that has no index yet (the CLI's first `hashiya search`):
// rather than building the whole index first and then asking it, the articles are read,
// folded and matched once, half of them in a worker thread so both cores work. Nothing is
// written: the app builds the index in the background. The hits, their order and the
// totals are the indexed search's (scan-articles.ts shares its matcher and ranking).
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { articleFormatOf, articleText, tooLargeToRead } from '../extract/article-text';
import { containedPath, encodingOverride } from './article-read';
import { extractedTextCache } from './extracted-text-cache';
import { rankArticles } from './index-ranking';
import { listNames, scanCorpus, type ScanEntry } from './index-store';
export { indexOnDisk } from './index-store';
import type { RawPrefilter } from './raw-prefilter';
import { decodeIfMayHold, scanArticles, type ScannedArticle, type ScanReply, type ScanStart, type ScanText, type WorkerEntry } from './scan-articles';
import { SearchQueryError, type EngineHit, type EngineRequest, type EngineResult } from './search-engine';
import { checkFilters, checkQuerySize, compileQuery, type SearchFilters } from './search-query';

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
  if (filtersSomething(query.filters)) return null;
  const limit = request.limit ?? Infinity;
  // The worker is started before the folder is scanned: loading its modules takes a while,
  // and it overlaps the stat of every file this way.
  const { articles } = await listNames(root);
  const other = articles.length >= (options.workerFrom ?? WORKER_FROM) ? startShare({ root, request }) : null;
  try {
    const entries = (await scanCorpus(root)).filter((e) => !tooLargeToRead(e.file, e.article.size));
    // The worker takes plain-text articles only, every other one (neighbours in name tend to be
    // alike in size); this thread the rest, saved pages and documents among them.
    const mine: ScanEntry[] = [];
    const theirs: ScanEntry[] = [];
    let plain = 0;
    for (const e of entries) (other && (articleFormatOf(e.file) ?? 'txt') === 'txt' && plain++ % 2 === 1 ? theirs : mine).push(e);
    const theirsFound = other?.give(theirs.map((e) => ({ file: e.file, encoding: encodingOverride(root, e) }))) ?? null;
    const pages = extractedTextCache(root);
    const read = async (e: ScanEntry, prefilter: RawPrefilter): Promise<ScanText | null> => {
      const bytes = readFileSync(containedPath(root, e.file));
      const encoding = encodingOverride(root, e);
      if ((articleFormatOf(e.file) ?? 'txt') === 'txt') return decodeIfMayHold(bytes, encoding, prefilter);
      const extracted = await articleText(e.file, bytes, encoding, pages);
      return extracted.ok ? { text: extracted.text, checked: false } : null;
    };
    const found = await scanArticles(mine, query, limit, read);
    // A worker that could not start or failed leaves its share to this thread.
    const rest = theirsFound ? ((await theirsFound) ?? (await scanArticles(theirs, query, limit, read))) : [];
    return merge([...found, ...rest], limit, query.lenient, query.wholeWord);
  } finally {
    // A worker never given its share would wait, and keep the process alive, for ever.
    other?.stop();
  }
}

function filtersSomething(f: SearchFilters): boolean {
  return Boolean(f.language?.length || f.outlet || f.from || f.to || f.tag);
}

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
function startShare(start: ScanStart): { give: (entries: WorkerEntry[]) => Promise<ScannedArticle[] | null>; stop: () => void } {
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
    give(entries) {
      worker?.postMessage(entries);
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
