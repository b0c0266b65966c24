// A search of a corpus with no index (scan-search.ts, the CLI's one-off search) against the
// indexed search on the same folder: the same hits (file, start, end, text, context) in the
// same order, and the same totals, for variant spellings, ZWNJ, digits and word forms.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { ArticleCatalog } from '../../corpus/catalog/article-catalog';
import { SEARCH_INDEX } from '../../corpus/search/index-store';
import { indexOnDisk } from '../../corpus/search/index-store';
import { scanSearch } from '../../corpus/search/scan-search';
import type { EngineRequest, EngineResult } from '../../corpus/search/search-engine';
import { APP_FOLDER } from '../../corpus/folder/corpus-folder';
import { neighbourQueries } from '../bench/bench-queries';
import { makeRng } from '../bench/synthetic-corpus';
import { writeSampleAndSynthetic } from '../fixtures/sample-and-synthetic';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');
const PAGES = join(ROOT, 'test', 'fixtures', 'pages');

let dir = '';
let corpus = '';

/** Fixed queries: variant letters, ZWNJ against space and none, two digit sets, word forms, phrases, separate terms. */
const FIXED = [
  'ایران', 'ايران', 'رئیسجمهور', 'رئيس جمهور', 'رئیس‌جمهور', 'گفتوگو', 'گفت و گو', 'گفت‌وگو',
  'دولت', 'دولتهای', 'دولت‌ها', 'کشور', 'كشور', 'نخست وزیر', '۱۴۰۳', '1403', '۱۲', '12',
  'الإيرانية', 'الايرانية', 'الرئيس', 'للرئيس', 'وزير الخارجية', 'مبارزه با تروریسم', '"با تروریسم"',
  'داعش، عراق', 'عراق، داعش', 'مي', 'می‌شود', 'میشود', 'التي', 'في', 'و',
  'السلام', 'الله', 'لا',
];

/** Spellings and encodings the scan's raw-text prefilter (raw-prefilter.ts) must see through. */
const VARIANT_TEXT = 'قال ﺍﻟﺴﻼﻡ عليكم و \ufefb يريد. بسم \ufdf2 الرحمن.\nنَـخُـسْـتْ\u200cوَزِیـــر گفت که نخست\u00a0\u200f وزير ایران با رئیس\u200cجمهور دیدار کرد.\n';
const VARIANT_FILES: Array<[string, Buffer]> = [
  ['variants_utf8.txt', Buffer.from(VARIANT_TEXT, 'utf8')],
  ['variants_bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VARIANT_TEXT, 'utf8')])],
  ['variants_utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(VARIANT_TEXT, 'utf-16le')])],
  ['variants_1256.txt', iconv.encode('نخست وزير ايران گفت که رئيس جمهور و وزير الخارجية لا يريد السلام.\n', 'windows-1256')],
];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'hashiya-scan-'));
  corpus = join(dir, 'corpus');
  writeSampleAndSynthetic(corpus, 7, 300);
  for (const [name, bytes] of VARIANT_FILES) writeFileSync(join(corpus, name), bytes);
  // Saved pages: their text is the extractor's, read through the same cache as the index's.
  for (const page of readdirSync(PAGES).filter((f) => f.endsWith('.html')).slice(0, 4)) copyFileSync(join(PAGES, page), join(corpus, page));
});

after(() => rmSync(dir, { recursive: true, force: true }));

function comparable(r: EngineResult) {
  return {
    hits: r.hits.map((h) => ({ file: h.file, start: h.start, end: h.end, text: h.text, context: h.context, contextStart: h.contextStart, term: h.term })),
    totalHits: r.totalHits,
    totalArticles: r.totalArticles,
    approximate: r.approximate,
    truncated: r.truncated,
    lenient: r.lenient,
    wholeWord: r.wholeWord,
  };
}

test('with no index, the scan gives the indexed search\'s hits, order and totals for every query', async () => {
  assert.equal(await indexOnDisk(corpus), false);
  const files = readdirSync(corpus).filter((f) => f.endsWith('.txt') && !f.startsWith('variants_'));
  const queryRng = makeRng(91);
  const requests: EngineRequest[] = [
    ...FIXED.flatMap((query) => [
      { query, exactTotals: true },
      { query, exactTotals: true, limit: 7 },
      { query, exactTotals: true, lenient: false, wholeWord: true },
    ]),
    ...neighbourQueries(() => readFileSync(join(corpus, files[Math.floor(queryRng() * files.length)]!), 'utf8'), 20, queryRng, 3).map((query) => ({ query, exactTotals: true })),
  ];
  // The scan first, while there is no index; a few with the worker's share, the rest in this
  // thread only (a worker takes a second to start through tsx).
  const scanned: EngineResult[] = [];
  for (const [i, r] of requests.entries()) scanned.push((await scanSearch(corpus, r, { workerFrom: i % 20 === 0 ? 1 : Infinity }))!);
  assert.equal(existsSync(join(corpus, APP_FOLDER, SEARCH_INDEX)), false, 'the scan writes no index');
  const catalog = new ArticleCatalog(corpus);
  let withHits = 0;
  for (let i = 0; i < requests.length; i++) {
    const indexed = await catalog.searchInline(requests[i]!);
    assert.deepEqual(comparable(scanned[i]!), comparable(indexed), `query ${JSON.stringify(requests[i])}`);
    if (indexed.totalHits > 0) withHits++;
  }
  assert.ok(withHits > requests.length / 2, `most queries find something (${withHits} of ${requests.length})`);
  // The respelled and re-encoded articles are found, not ruled out before folding.
  const foundIn = (query: string) => new Set(scanned[requests.findIndex((r) => r.query === query)]!.hits.map((h) => h.file));
  for (const name of VARIANT_FILES.map(([n]) => n)) assert.ok(foundIn('نخست وزیر').has(name), `نخست وزیر in ${name}`);
  for (const name of ['variants_utf8.txt', 'variants_bom.txt', 'variants_utf16.txt']) assert.ok(foundIn('الله').has(name) && foundIn('السلام').has(name), `الله and السلام in ${name}`);
});

test('a query with a metadata filter is left to the index (the scan answers null)', async () => {
  assert.equal(await scanSearch(corpus, { query: 'ایران', filters: { language: ['fa'] } }), null);
  assert.equal(await scanSearch(corpus, { query: 'ایران lang:fa' }), null);
});

test('hashiya search with no index prints what it prints with one, and leaves the index unbuilt', () => {
  const fresh = join(dir, 'fresh');
  cpSync(join(ROOT, 'corpus', 'sample'), fresh, { recursive: true });
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, 'search', '--corpus', fresh, ...args], { cwd: ROOT, timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr.toString());
    return r.stdout.toString('utf8');
  };
  const cold = run('گفت و گو', '--json');
  assert.equal(existsSync(join(fresh, APP_FOLDER, SEARCH_INDEX)), false);
  const filtered = run('ایران', '--lang', 'fa', '--json');
  // The filtered query went through the index, which is saved as before.
  assert.equal(existsSync(join(fresh, APP_FOLDER, SEARCH_INDEX)), true);
  assert.equal(run('گفت و گو', '--json'), cold);
  assert.ok(JSON.parse(cold).hits.length > 0);
  assert.ok(JSON.parse(filtered).hits.length > 0);
});
