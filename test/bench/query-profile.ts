// Where a query's time goes in the app's search: the index loaded once as the index worker
// loads it (SearchEngine.load), then the bench's queries asked as the bench asks them (the
// first half to warm up, the second half timed, each query once, the first page of hits),
// each step of SearchEngine.search timed in CPU time (the machine is shared: wall time says
// how much CPU we were given, CPU time what the work costs). With `--dump FILE` every query's
// answer (hits, totals, and the whole ranking as a hash) is written, one line per query, so
// that a change can be checked to give byte-identical results.
//
//   node --import tsx test/bench/query-profile.ts DIR [--dump FILE] [--rounds N (each query's least time of N)]
//   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx test/bench/query-profile.ts DIR
//
// DIR is a corpus the bench kept (`npm run bench -- --keep`), its index saved beside it.
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { SearchEngine } from '../../corpus/search/search-engine';
import { answer, compileRequest, type EngineRequest } from '../../corpus/search/engine-answer';
import { candidateSlots } from '../../corpus/search/candidate-slots';
import { makeQueries } from './bench-queries';
import { percentile } from './measure';
import { makeRng } from './synthetic-corpus';

/** The bench's seed: its queries come from SEED + 2. */
const SEED = 20_241_122;
/** The catalog's default page of hits (article-catalog.ts, DEFAULT_HITS). */
const LIMIT = 100;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** CPU time (user + system) in ms since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

interface Timing {
  query: string;
  candidates: number;
  articles: number;
  compile: number;
  rank: number;
  keyPage: number;
  answer: number;
  total: number;
}

/** The number of candidate articles the trigram lists leave (the index's own step, outside the timing). */
function candidateCount(engine: SearchEngine, request: EngineRequest): number {
  const index = engine.index as unknown as { page: Parameters<typeof candidateSlots>[1]; postings: { count: Int32Array; list(g: number): number; decode(id: number): Uint32Array }; size: number };
  const post = index.postings;
  const c = candidateSlots(compileRequest(request).terms, index.page, { count: (g) => post.count[post.list(g)]!, slots: (g) => post.decode(post.list(g)) });
  return c === null ? index.size : c.length;
}

/** SearchEngine.search, step by step, each step's CPU time. */
async function timedSearch(engine: SearchEngine, root: string, request: EngineRequest): Promise<{ t: Omit<Timing, 'query' | 'candidates'>; dump: string }> {
  const t0 = process.cpuUsage();
  const query = compileRequest(request);
  const compile = cpuSince(t0);
  const t1 = process.cpuUsage();
  const ranked = engine.index.search(query, { exactTotals: request.exactTotals });
  const rank = cpuSince(t1);
  const t2 = process.cpuUsage();
  const page = engine.index.keyPage(query);
  const keyPage = cpuSince(t2);
  const t3 = process.cpuUsage();
  const result = await answer(root, query, ranked, request.limit, (file) => ({ encoding: engine.files.get(file)?.encoding, arabic: engine.index.arabic(file), key: engine.index.key(file) }), page);
  const answered = cpuSince(t3);
  const total = cpuSince(t0);
  const ranking = createHash('sha256').update(JSON.stringify(ranked)).digest('hex');
  return { t: { articles: ranked.articles.length, compile, rank, keyPage, answer: answered, total }, dump: JSON.stringify({ query: request.query, ranking, result }) };
}

async function main(): Promise<void> {
  const root = process.argv[2];
  if (!root || root.startsWith('--')) {
    process.stderr.write('usage: query-profile DIR [--dump FILE] [--rounds N]\n');
    process.exit(2);
  }
  const rounds = Number(option('rounds') ?? 1);
  const dumpFile = option('dump');
  const files = readdirSync(root).filter((f) => f.endsWith('.txt'));
  // As the bench makes them: twice as many as are timed, each once.
  const queries = [...new Set(makeQueries(root, files, 600, makeRng(SEED + 2)))].slice(0, 400);
  const load = process.cpuUsage();
  const engine = await SearchEngine.load(root);
  process.stderr.write(`loaded ${engine.index.size} articles in ${cpuSince(load).toFixed(0)} ms CPU\n`);
  if (engine.index.size === 0) throw new Error(`no index beside ${root}`);
  const dump: string[] = [];
  const half = queries.length / 2;
  const rows: Timing[] = [];
  // The bench's first query, as the worker is first asked it.
  await timedSearch(engine, root, { query: 'ایران', limit: LIMIT });
  for (let i = 0; i < queries.length; i++) {
    const request = { query: queries[i]!, limit: LIMIT };
    const r = await timedSearch(engine, root, request);
    dump.push(r.dump);
    if (i >= half) rows.push({ query: queries[i]!, candidates: candidateCount(engine, request), ...r.t });
  }
  // More rounds ask the timed half again (their patterns built by now), each query's least
  // time kept: on a busy machine the least of a few is the steadier figure to compare.
  for (let round = 1; round < rounds; round++) {
    for (let i = half; i < queries.length; i++) {
      const { t } = await timedSearch(engine, root, { query: queries[i]!, limit: LIMIT });
      const row = rows[i - half]!;
      if (t.total < row.total) Object.assign(row, t);
    }
  }
  const totals = rows.map((r) => r.total);
  const sum = (k: keyof Timing) => rows.reduce((s, r) => s + (r[k] as number), 0);
  process.stdout.write(`${rows.length} timed queries, CPU per query: p50 ${percentile(totals, 50).toFixed(2)} ms, p95 ${percentile(totals, 95).toFixed(2)} ms, mean ${(sum('total') / rows.length).toFixed(2)} ms\n`);
  const over = (ms: number) => totals.filter((t) => t > ms).length;
  process.stdout.write(`queries over 10 / 20 / 30 ms: ${over(10)} / ${over(20)} / ${over(30)}\n`);
  process.stdout.write(`sums (ms): compile ${sum('compile').toFixed(0)}, rank ${sum('rank').toFixed(0)}, keyPage ${sum('keyPage').toFixed(0)}, answer ${sum('answer').toFixed(0)}\n`);
  process.stdout.write('slowest 10: total = compile + rank + keyPage + answer, ms CPU\n');
  for (const r of [...rows].sort((a, b) => b.total - a.total).slice(0, 10)) {
    process.stdout.write(`  ${r.total.toFixed(1).padStart(6)} = ${r.compile.toFixed(1)} + ${r.rank.toFixed(1)} + ${r.keyPage.toFixed(1)} + ${r.answer.toFixed(1)}  ${String(r.candidates).padStart(5)} candidates, ${String(r.articles).padStart(5)} articles  ${r.query}\n`);
  }
  if (dumpFile) {
    writeFileSync(dumpFile, dump.join('\n') + '\n');
    process.stderr.write(`results of all ${dump.length} queries written to ${dumpFile}\n`);
  }
}

await main();
