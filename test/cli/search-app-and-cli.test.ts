// The app's search box and `hashiya search` on the same corpus, after the app has built and
// saved its index: for the bench's kind of queries (1–3 words from the articles, sequences,
// separate terms, phrases, respelled letters) both find the same hits, in the same order,
// with the same totals. An analyst who checks a count in the app and batches the same query
// on the command line must not get two answers.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { SearchResponse } from '../../corpus/api/api';
import { appFolder, SEARCH_INDEX } from '../../corpus/search/index-store';
import { Workspace } from '../../corpus/services/workspace';
import { makeQueries } from '../bench/bench-queries';
import { makeRng } from '../bench/synthetic-corpus';
import { writeSampleAndSynthetic } from '../fixtures/sample-and-synthetic';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');
/** The most hits the app sends for one query. */
const APP_LIMIT = 5000;

let base = '';
let corpus = '';
let ws: Workspace;

before(async () => {
  base = mkdtempSync(join(tmpdir(), 'hashiya-app-cli-'));
  corpus = join(base, 'corpus');
  mkdirSync(corpus);
  writeSampleAndSynthetic(corpus, 25, 400);
  ws = await Workspace.create({ appDataDir: join(base, 'app'), pickFolder: async () => null });
  await ws.openCorpus(corpus, false);
});

after(async () => {
  await ws?.close();
  if (base) rmSync(base, { recursive: true, force: true });
});

/** The app's answer once its index has caught up with the folder and is saved beside it. */
async function appSearch(query: string): Promise<SearchResponse> {
  for (;;) {
    const r = await ws.search({ query, limit: APP_LIMIT });
    if (r.indexing === null && existsSync(join(appFolder(corpus), SEARCH_INDEX))) return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface CliHit {
  file: string;
  start: number;
  end: number;
  text: string;
  context: string;
}

function cliSearch(query: string): CliHit[] {
  const r = spawnSync(process.execPath, [BIN, 'search', '--corpus', corpus, '--json', query], { cwd: ROOT, timeout: 120_000, maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `hashiya search ${query}: ${r.stderr.toString('utf8')}`);
  return (JSON.parse(r.stdout.toString('utf8')) as { hits: CliHit[] }).hits;
}

test('the app and hashiya search give the same hits, order and totals for the bench\'s queries', async () => {
  const files = readdirSync(corpus).filter((f) => /^\d+_.*\.txt$/.test(f));
  const queries = [...makeQueries(corpus, files, 16, makeRng(2025)), 'ایران', 'ايران', 'رئیس جمهور', '"نخست وزیر"', 'الإيرانية'];
  let compared = 0;
  for (const query of queries) {
    const app = await appSearch(query);
    const cli = cliSearch(query);
    const shown = (h: { file: string; start: number; end: number; text: string; context: string }) => `${h.file}:${h.start}-${h.end} ${h.text} | ${h.context}`;
    assert.deepEqual(cli.slice(0, app.hits.length).map(shown), app.hits.map(shown), `hits of «${query}»`);
    if (!app.approximate) {
      assert.equal(cli.length, app.totalHits, `total hits of «${query}»`);
      assert.equal(new Set(cli.map((h) => h.file)).size, app.totalArticles, `articles with hits of «${query}»`);
    }
    if (app.hits.length > 0) compared++;
  }
  // The queries come from the articles: nearly all must have hits, or the test compares nothing.
  assert.ok(compared >= queries.length - 3, `${compared} of ${queries.length} queries had hits`);
});
