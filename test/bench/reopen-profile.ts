// Where reopening a corpus whose search index is on disk spends its time: the search worker's
// steps (scan the folder, load the index, check it against the scan, answer a first query),
// each timed in wall and CPU time, and the index's loading split into its parts. Each run is a
// fresh process (a fresh heap and JIT, as each worker is), so runs of two checkouts can be
// alternated on a loaded machine, where the CPU times are the figures to compare.
//
//   node --import tsx test/bench/reopen-profile.ts CORPUS [--runs 5]
//   node --import tsx test/bench/reopen-profile.ts CORPUS --worker [--runs 5]
//   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx test/bench/reopen-profile.ts CORPUS --once
//
// The corpus must have been indexed (its .hashiya/search.idx current). `--worker` starts the
// search worker as the app does (bundled), alone, and times it to 'ready' beside reading every
// article once (the bench's baseline), with the process's CPU time. `--digest` prints a hash of
// the hits of a few queries, to compare two checkouts' results.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, read, readdirSync, readFileSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundleIndexWorker } from '../../build/scripts/bundle.mjs';
import type { FromWorker, ToWorker, WorkerStart } from '../../corpus/catalog/index-protocol';
import { fromStoredExtra } from '../../corpus/search/file-records';
import { headerLength, postingsFromLists, readHeader, slotsFromKeys } from '../../corpus/search/index-format';
import { scanCorpus, SEARCH_INDEX } from '../../corpus/search/index-store';
import { APP_FOLDER } from '../../corpus/folder/corpus-folder';
import { prepareArticleReading, SearchEngine } from '../../corpus/search/search-engine';
import { median } from './measure';

const SELF = fileURLToPath(import.meta.url);
const argv = process.argv.slice(2);
const root = argv[0];
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const runs = Number(option('runs') ?? 5);
const FIRST_QUERY = 'ایران';
/** As the app's search box asks (article-catalog.ts DEFAULT_HITS). */
const LIMIT = 100;
const DIGEST_QUERIES = ['ایران', '"نخست وزیر"', 'الإيرانية', 'دولتهای', 'گفتوگو OR رئیسجمهور', 'وزیر -ایران', 'اقتصاد*'];

interface Stage {
  wall: number;
  cpu: number;
}
type Stages = Record<string, Stage>;

async function stage<T>(out: Stages, name: string, work: () => Promise<T> | T): Promise<T> {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const value = await work();
  const wall = performance.now() - w0;
  const c = process.cpuUsage(c0);
  out[name] = { wall, cpu: (c.user + c.system) / 1000 };
  return value;
}

/** One reopening in this thread, as the search worker does it, then the index's loading in parts. */
async function once(): Promise<Stages> {
  const out: Stages = {};
  await prepareArticleReading(); // the worker loads it right after 'ready'; through tsx it takes seconds
  const engine = await stage(out, 'load index (whole)', () => SearchEngine.load(root!));
  const scan = await stage(out, 'scan folder (stat)', () => scanCorpus(root!));
  await stage(out, 'currency check (refresh)', () => engine.refresh(root!, scan));
  if (engine.dirty) throw new Error('the index is not current: reopen the corpus once to update it');
  await stage(out, 'first query', () => engine.search(root!, { query: FIRST_QUERY, limit: LIMIT }));
  // The load again, in its parts (as index-load.ts loadIndexFile, index-format.ts indexFromParts
  // and SearchEngine.load do them).
  const fd = openSync(join(root!, APP_FOLDER, SEARCH_INDEX), 'r');
  const size = fstatSync(fd).size;
  const header = await stage(out, '  read and parse header (JSON, columns)', () => {
    const top = Buffer.alloc(8);
    readSync(fd, top, 0, 8, 0);
    const head = Buffer.alloc(8 + headerLength(top));
    readSync(fd, head, 0, head.length, 0);
    return readHeader(head);
  });
  const [keyBytes, lists] = await stage(out, '  read keys and lists (two reads at once)', () =>
    Promise.all([readAt(fd, header.keysAt, header.tableAt - header.keysAt), readAt(fd, header.tableAt, size - header.tableAt)]),
  );
  closeSync(fd);
  await stage(out, '  decode keys, slots (per-article objects)', () => slotsFromKeys(header, keyBytes));
  await stage(out, '  postings table (lists in place)', () => postingsFromLists(header, lists));
  await stage(out, '  file records (columns to map)', () => {
    const stored = fromStoredExtra(header.extra)!;
    const files = new Map();
    for (const f of header.files) files.set(f, stored.records.get(f));
  });
  return out;
}

async function digest(): Promise<string> {
  const engine = await SearchEngine.load(root!);
  await engine.refresh(root!, await scanCorpus(root!));
  const hash = createHash('sha1');
  for (const query of DIGEST_QUERIES) hash.update(JSON.stringify(await engine.search(root!, { query, limit: 50, exactTotals: true })));
  return hash.digest('hex');
}

/** `length` bytes at `position`, through the thread pool. */
async function readAt(fd: number, position: number, length: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = await new Promise<number>((resolve, reject) => read(fd, out, got, length - got, position + got, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))));
    if (n === 0) throw new Error('index cut short');
    got += n;
  }
  return out;
}

function readAllOnce(files: string[]): number {
  const t = performance.now();
  let sum = 0;
  for (const f of files) sum += readFileSync(join(root!, f)).length;
  if (sum === 0) throw new Error('empty corpus');
  return performance.now() - t;
}

/** This process's --cpu-prof flags (with their values), for the worker: not tsx, which a bundle does without. */
function profileFlags(): string[] {
  const out: string[] = [];
  const a = process.execArgv;
  for (let i = 0; i < a.length; i++) {
    if (!a[i]!.startsWith('--cpu-prof')) continue;
    out.push(a[i]!);
    if (a[i] !== '--cpu-prof' && !a[i]!.includes('=')) out.push(a[++i]!);
  }
  return out;
}

/**
 * The bundled search worker alone, from its start to 'ready', then its first query. Started as
 * indexer.ts starts it, but with this process's --cpu-prof flags, so that it can be profiled.
 */
async function workerRun(workerUrl: URL): Promise<Stages> {
  const out: Stages = {};
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const start: WorkerStart = { hashiyaIndexWorker: true, root: root!, role: 'search' };
  const worker = new Worker(workerUrl, { workerData: start, execArgv: profileFlags() });
  const next = (type: FromWorker['type']) =>
    new Promise<FromWorker>((resolve, reject) => {
      const listen = (m: FromWorker) => {
        if (m.type === 'failed') reject(new Error(m.message));
        if (m.type !== type) return;
        worker.off('message', listen);
        resolve(m);
      };
      worker.on('message', listen);
    });
  await next('ready');
  const c = process.cpuUsage(c0);
  out['searchable (worker start to ready)'] = { wall: performance.now() - w0, cpu: (c.user + c.system) / 1000 };
  await stage(out, 'first query', async () => {
    worker.postMessage({ type: 'search', id: 1, request: { query: FIRST_QUERY, limit: LIMIT }, metaSeq: 0 } satisfies ToWorker);
    await next('result');
  });
  worker.postMessage({ type: 'stop' } satisfies ToWorker);
  await next('stopped');
  await worker.terminate();
  return out;
}

function print(all: Stages[]): void {
  const names = Object.keys(all[0]!);
  const width = Math.max(...names.map((n) => n.length));
  process.stdout.write(`${'stage'.padEnd(width)}  wall ms (median)  cpu ms (median)   [each run's cpu]\n`);
  for (const n of names) {
    const wall = median(all.map((s) => s[n]!.wall));
    const cpu = median(all.map((s) => s[n]!.cpu));
    process.stdout.write(`${n.padEnd(width)}  ${wall.toFixed(0).padStart(16)}  ${cpu.toFixed(0).padStart(15)}   [${all.map((s) => s[n]!.cpu.toFixed(0)).join(' ')}]\n`);
  }
}

if (!root) {
  process.stderr.write('usage: reopen-profile CORPUS [--runs N] [--worker] [--once] [--digest]\n');
  process.exit(2);
}
if (argv.includes('--once')) {
  process.stdout.write(`${JSON.stringify(await once())}\n`);
} else if (argv.includes('--digest')) {
  process.stdout.write(`${await digest()}\n`);
} else if (argv.includes('--worker')) {
  const outdir = join(tmpdir(), `hashiya-reopen-worker-${process.pid}`);
  await bundleIndexWorker(outdir);
  const workerUrl = pathToFileURL(join(outdir, 'index-worker.mjs'));
  const files = readdirSync(root).filter((f) => f.endsWith('.txt'));
  const all: Stages[] = [];
  for (let r = 0; r < runs; r++) {
    const read = readAllOnce(files);
    const run = await workerRun(workerUrl);
    all.push({ 'read every article once': { wall: read, cpu: NaN }, ...run });
  }
  print(all);
  const ratio = median(all.map((s) => s['searchable (worker start to ready)']!.wall / s['read every article once']!.wall));
  process.stdout.write(`searchable / read once (median of runs): ${ratio.toFixed(2)}×\n`);
} else {
  const all: Stages[] = [];
  for (let r = 0; r < runs; r++) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', SELF, root, '--once'], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(child.stderr);
    all.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as Stages);
  }
  print(all);
}
