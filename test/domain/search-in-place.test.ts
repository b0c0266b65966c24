// A one-off search (the command line) answered from the index file read in place: the same
// hits, order and totals as the index loaded whole, while reading only the header, the trigram
// table, the lists of the query's own trigrams and the keys of the articles they leave. When
// the index is not current (an article changed, came or went) or not readable, it is not used.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { IndexInPlace } from '../../corpus/search/index-in-place';
import { appFolder, scanCorpus, SEARCH_INDEX, type ScanEntry } from '../../corpus/search/index-store';
import { SearchEngine, type EngineResult } from '../../corpus/search/search-engine';
import { searchInPlace } from '../../corpus/search/search-in-place';
import { compileQuery } from '../../corpus/search/search-query';
import { findHits } from '../../corpus/search/text-hits';
import { makeQueries, neighbourQueries } from '../bench/bench-queries';
import { makeRng } from '../bench/synthetic-corpus';
import { writeSampleAndSynthetic } from '../fixtures/sample-and-synthetic';

let base = '';
let corpus = '';
let engine: SearchEngine;
let names: string[] = [];

/** Articles written an hour ago, so that none is "racy" (checked again by hash) when indexed now. */
function age(dir: string): void {
  const then = Date.now() / 1000 - 3600;
  for (const f of readdirSync(dir)) utimesSync(join(dir, f), then, then);
}

before(async () => {
  base = mkdtempSync(join(tmpdir(), 'hashiya-in-place-'));
  corpus = join(base, 'corpus');
  mkdirSync(corpus);
  writeSampleAndSynthetic(corpus, 77, 600);
  age(corpus);
  engine = await SearchEngine.load(corpus);
  await engine.refresh(corpus, await scanCorpus(corpus));
  assert.ok(await engine.persist(corpus));
  names = readdirSync(corpus).filter((f) => /^\d+_.*\.txt$/.test(f));
});

after(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

/** The folder as scanned, handed to searchInPlace as the command line hands it its helper's scan. */
const given = (scan: ScanEntry[]) => ({ listed: Promise.resolve(), scan: Promise.resolve(scan) });

const shown = (r: EngineResult) => ({
  hits: r.hits.map((h) => `${h.file}:${h.start}-${h.end} ${h.text} | ${h.context}`),
  totals: [r.totalHits, r.totalArticles, r.approximate, r.truncated],
});

test('a search from the index file read in place finds the same hits, order and totals as the index loaded whole', async () => {
  const scan = await scanCorpus(corpus);
  let next = 0;
  const queries = [...makeQueries(corpus, names, 40, makeRng(5)), ...neighbourQueries(() => readFileSync(join(corpus, names[next++ % names.length]!), 'utf8'), 10, makeRng(6), 3), 'ایران', 'ايران', 'رئیس جمهور', '"نخست وزیر"', 'الإيرانية', 'و', 'ایران، عراق'];
  let withHits = 0;
  for (const query of queries) {
    for (const options of [{}, { limit: 7 }, { lenient: false, wholeWord: true }]) {
      const request = { query, exactTotals: true, ...options };
      const inPlace = await searchInPlace(corpus, request, given(scan));
      assert.ok(inPlace, `«${query}» answered in place`);
      assert.deepEqual(shown(inPlace), shown(await engine.search(corpus, request)), `«${query}» ${JSON.stringify(options)}`);
      if (inPlace.hits.length > 0) withHits++;
    }
  }
  assert.ok(withHits > queries.length, `${withHits} searches with hits`);
});

test('hits placed from the index\'s key are those found by folding each article again', async () => {
  const scan = await scanCorpus(corpus);
  let compared = 0;
  for (const query of [...makeQueries(corpus, names, 30, makeRng(9)), 'ایران', 'رئیس جمهور', 'الإيرانية', 'و']) {
    const request = { query, exactTotals: true };
    const compiled = compileQuery(query);
    for (const r of [await searchInPlace(corpus, request, given(scan)), await engine.search(corpus, request)]) {
      assert.ok(r);
      const byFile = new Map<string, typeof r.hits>();
      for (const h of r.hits) byFile.set(h.file, [...(byFile.get(h.file) ?? []), h]);
      for (const [file, hits] of byFile) {
        const again = findHits(readFileSync(join(corpus, file), 'utf8'), compiled, { arabic: engine.index.arabic(file) });
        assert.deepEqual(hits.map(({ file: _, ...h }) => h), again, `«${query}» in ${file}`);
        compared += hits.length;
      }
    }
  }
  assert.ok(compared > 100, `${compared} hits compared`);
});

test('a query reads the header, the trigram table, the lists of its own trigrams and its candidates\' keys, not the whole index', () => {
  const index = IndexInPlace.open(corpus)!;
  try {
    const size = statSync(join(appFolder(corpus), SEARCH_INDEX)).size;
    const cands = index.candidates(compileQuery('Erbil').terms)!;
    index.eachSlot(cands, () => undefined);
    const read = index.bytesRead;
    // The lists of the word's trigrams (erb, rbi, bil), each read once, and nothing else of the lists.
    const expected = index.listBytes(compileQuery('Erbil').terms);
    assert.ok(expected > 0);
    assert.equal(read.lists, expected);
    const lists = size - index.header.tableAt - read.table;
    assert.ok(read.lists < lists / 50, `${read.lists} of ${lists} list bytes read`);
    const keys = index.header.tableAt - index.header.keysAt;
    assert.ok(cands.length > 0 && cands.length < 10, `${cands.length} candidates`);
    assert.ok(read.keys < keys / 20, `${read.keys} of ${keys} key bytes read`);
    assert.ok(read.header + read.table + read.lists + read.keys < size / 2, `${JSON.stringify(read)} of ${size}`);
  } finally {
    index.close();
  }
});

test('an index that is not current is not read in place: the caller brings it up to date instead', async () => {
  const request = { query: 'ایران', exactTotals: true };
  const changed = join(corpus, names[0]!);
  writeFileSync(changed, 'ایران و عراق');
  try {
    assert.equal(await searchInPlace(corpus, request, given(await scanCorpus(corpus))), null, 'an article changed');
  } finally {
    await engine.refresh(corpus, await scanCorpus(corpus));
    await engine.persist(corpus);
  }
  // Indexed again just now, the article is racy (checked by hash at the next search): not current either.
  assert.equal(await searchInPlace(corpus, request, given(await scanCorpus(corpus))), null, 'an article changed moments before the index was written');
  age(corpus);
  await engine.refresh(corpus, await scanCorpus(corpus));
  await engine.persist(corpus);
  assert.ok(await searchInPlace(corpus, request, given(await scanCorpus(corpus))), 'current again');
  const added = join(corpus, 'added.txt');
  writeFileSync(added, 'ایران');
  utimesSync(added, Date.now() / 1000 - 3600, Date.now() / 1000 - 3600);
  assert.equal(await searchInPlace(corpus, request, given(await scanCorpus(corpus))), null, 'an article added');
  rmSync(added);
  assert.ok(await searchInPlace(corpus, request, given(await scanCorpus(corpus))), 'current again');
  rmSync(changed);
  assert.equal(await searchInPlace(corpus, request, given(await scanCorpus(corpus))), null, 'an article removed');
});

test('a broken or missing index file is not read in place, and is left for the caller to rebuild', async () => {
  const copy = join(base, 'broken');
  cpSync(corpus, copy, { recursive: true });
  const request = { query: 'ایران', exactTotals: true };
  const scan = await scanCorpus(copy);
  const file = join(appFolder(copy), SEARCH_INDEX);
  truncateSync(file, statSync(file).size - 10);
  assert.equal(await searchInPlace(copy, request, given(scan)), null, 'cut short');
  truncateSync(file, 5);
  assert.equal(await searchInPlace(copy, request, given(scan)), null, 'a few bytes');
  writeFileSync(file, 'not an index at all');
  assert.equal(await searchInPlace(copy, request, given(scan)), null, 'not an index');
  rmSync(file);
  assert.equal(await searchInPlace(copy, request, given(scan)), null, 'none');
});
