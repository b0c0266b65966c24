// Where the list worker's time goes when it fills in headlines, outlets and dates: each stage
// of articleFacts timed over the bench's synthetic corpus, so that a slowdown is traced to a
// detector before anything is changed. With `--refresh DIR` the corpus is written there and
// the list worker's refresh (CatalogState.refresh, in this thread) is run over it instead, for
// `node --cpu-prof` to see the same work the worker does. With `--cold DIR` the folder is
// opened as the bench's cold run opens it (both workers, bundled as the app bundles them), and
// each thread's CPU time (the list worker's helper's too) is printed beside the wall times: on a loaded machine the wall times
// say how much CPU the process was given, the CPU times what the work costs (Linux only).
//
//   node --import tsx test/bench/metadata-profile.ts [--articles 2000]
//   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx test/bench/metadata-profile.ts --refresh /tmp/corpus
//   node --import tsx test/bench/metadata-profile.ts --cold /tmp/corpus [--runs 3]
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleIndexWorker } from '../../build/scripts/bundle.mjs';
import { ArticleCatalog } from '../../corpus/catalog/article-catalog';
import { APP_FOLDER } from '../../corpus/folder/corpus-folder';
import { articleText } from '../../corpus/extract/article-text';
import { detectLanguage, languageDirection } from '../../corpus/text/language';
import { splitParagraphs } from '../../corpus/text/paragraphs';
import { nearEdges, edgeText } from '../../corpus/metadata/edge-window';
import { classifyBoilerplate } from '../../corpus/metadata/boilerplate';
import { findHeadline } from '../../corpus/metadata/headline';
import { readOutlet } from '../../corpus/metadata/outlets';
import { detectPublicationDate } from '../../corpus/metadata/publication-date';
import { eraOfText } from '../../corpus/metadata/office-terms';
import { detectMetadata } from '../../corpus/metadata/metadata';
import { articleFacts } from '../../corpus/catalog/article-summary';
import { CatalogState } from '../../corpus/catalog/catalog-state';
import { scanCorpus } from '../../corpus/search/index-store';
import { buildVocabulary, makeArticle, makeRng } from './synthetic-corpus';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The bench's seed: the same articles as its corpus. */
const SEED = 20_241_122;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const count = Number(option('articles') ?? 2000);
const refreshIn = option('refresh');
const coldIn = option('cold');
const rng = makeRng(SEED);
const vocab = { fa: buildVocabulary(rng, ROOT, 'fa', 30_000), ar: buildVocabulary(rng, ROOT, 'ar', 30_000) };
const articles = Array.from({ length: count }, (_, i) => makeArticle(rng, i, vocab, { paragraphs: [4, 10], words: [35, 100] }));
/** CPU ms of each thread of this process, by thread id (from /proc: user + system ticks of 10 ms). */
function threadCpu(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return out;
}

if (coldIn) {
  mkdirSync(coldIn, { recursive: true });
  // Dated a day back, as the bench's corpus is (a file written seconds ago is hashed to rule out a hidden edit).
  const yesterday = new Date(Date.now() - 86_400_000);
  for (const a of articles) {
    writeFileSync(join(coldIn, a.name), a.text);
    utimesSync(join(coldIn, a.name), yesterday, yesterday);
  }
  // Bundled as the app ships it (split: the search worker loads only what it needs at start).
  const outdir = join(tmpdir(), `hashiya-profile-worker-${process.pid}`);
  await bundleIndexWorker(outdir);
  const outfile = join(outdir, 'index-worker.mjs');
  for (let r = 0; r < Number(option('runs') ?? 1); r++) {
    rmSync(join(coldIn, APP_FOLDER), { recursive: true, force: true });
    const before = threadCpu();
    // A thread's CPU as last seen: the list worker's helper has ended by the time the list is ready.
    const seen = new Map<number, number>();
    const sample = () => {
      for (const [t, v] of threadCpu()) seen.set(t, v);
    };
    const sampler = setInterval(sample, 20);
    const t0 = performance.now();
    const catalog = new ArticleCatalog(coldIn, { background: { workerUrl: pathToFileURL(outfile) } });
    await catalog.list();
    await catalog.whenSearchable();
    const searchable = performance.now() - t0;
    await catalog.whenListed();
    const listed = performance.now() - t0;
    clearInterval(sampler);
    sample();
    const after = seen;
    await catalog.close();
    // The new threads in the order they started: the search worker, the list worker, then the list worker's helper if it had one.
    // (Threads with little CPU are the thread pool's, started when first needed.)
    const workers = [...after.keys()].filter((t) => !before.has(t) && after.get(t)! >= 100).sort((a, b) => a - b).slice(0, 3);
    const others = [...after].filter(([t]) => !workers.includes(t)).reduce((s, [t, v]) => s + v - (before.get(t) ?? 0), 0);
    const helper = workers.length === 3 ? `, helper ${after.get(workers[2]!)} ms` : '';
    process.stdout.write(
      `${count} articles: searchable ${searchable.toFixed(0)} ms, listed ${listed.toFixed(0)} ms (wall); CPU: search worker ${after.get(workers[0]!)} ms, list worker ${after.get(workers[1]!)} ms${helper}, other threads ${others} ms; load ${loadavg()[0]!.toFixed(2)}\n`,
    );
  }
  rmSync(outdir, { recursive: true, force: true });
  process.exit(0);
}
if (refreshIn) {
  mkdirSync(refreshIn, { recursive: true });
  for (const a of articles) writeFileSync(join(refreshIn, a.name), a.text);
  const t = performance.now();
  await new CatalogState().refresh(refreshIn, await scanCorpus(refreshIn));
  process.stdout.write(`refresh of ${count} articles: ${(performance.now() - t).toFixed(0)} ms\n`);
  process.exit(0);
}
const files = articles.map((a) => ({ name: a.name, bytes: new Uint8Array(Buffer.from(a.text, 'utf8')) }));

const stages = new Map<string, number>();
/** This process's CPU time in ms: on a loaded machine (other jobs on the two cores) wall time says more about them than about us. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time<T>(stage: string, work: () => T): T {
  const t = cpuMs();
  const value = work();
  stages.set(stage, (stages.get(stage) ?? 0) + cpuMs() - t);
  return value;
}

// One untimed pass first: the stages' regexes are compiled and the code is optimised, as in a
// worker that has been running a while.
for (const f of files.slice(0, 200)) await articleFacts(f.name, f.bytes, undefined);

for (const f of files) {
  const t = cpuMs();
  const decoded = await articleText(f.name, f.bytes);
  stages.set('decode', (stages.get('decode') ?? 0) + cpuMs() - t);
  if (!decoded.ok) continue;
  const text = decoded.text;
  const language = time('language', () => detectLanguage(text));
  const paras = time('paragraphs', () => nearEdges(splitParagraphs(text, languageDirection(language)), text.length));
  const furniture = time('furniture (classifyBoilerplate)', () => classifyBoilerplate(paras, language));
  const headline = time('headline (findHeadline)', () => findHeadline(paras, furniture));
  const h = headline.paragraph ?? -1;
  time('outlet (readOutlet)', () => readOutlet(paras, { headline: h, boilerplate: new Set(furniture.keys()) }));
  time('date (detectPublicationDate, era included)', () => detectPublicationDate(text, paras, { language, headline: h, boilerplate: furniture }));
  time('  of which era (eraOfText)', () => eraOfText(edgeText(text)));
}

const whole = cpuMs();
for (const f of files) {
  const decoded = await articleText(f.name, f.bytes);
  if (decoded.ok) detectMetadata(decoded.text, detectLanguage(decoded.text));
}
const detectAll = cpuMs() - whole;
const facts = cpuMs();
for (const f of files) await articleFacts(f.name, f.bytes, undefined);
const factsAll = cpuMs() - facts;

const mb = files.reduce((s, f) => s + f.bytes.length, 0) / 1e6;
const lines = [`${count} articles, ${mb.toFixed(1)} MB (CPU time of this process)`, ''];
const total = [...stages.entries()].filter(([k]) => !k.startsWith(' ')).reduce((s, [, v]) => s + v, 0);
for (const [stage, t] of stages) lines.push(`${stage.padEnd(46)} ${t.toFixed(0).padStart(7)} ms  ${((t / count) * 1000).toFixed(0).padStart(6)} µs/article  ${((100 * t) / total).toFixed(1).padStart(5)} %`);
lines.push('', `decode + detectMetadata, all articles: ${detectAll.toFixed(0)} ms`, `articleFacts, all articles:             ${factsAll.toFixed(0)} ms  (${((factsAll / count) * 20_000 / 1000).toFixed(1)} s for 20,000)`);
process.stdout.write(lines.join('\n') + '\n');
