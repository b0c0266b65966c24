// The index file's trigram lists (list-codec.ts): a dense list is stored as a bitmap of the
// articles, a sparse one as gaps, and either reads back as the same articles, whether the index
// is loaded whole, grows after reopening, or is read in place by the command line.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { candidateSlots } from '../../corpus/search/candidate-slots';
import type { CodePage } from '../../corpus/search/code-page';
import { IndexFormatError, readIndex } from '../../corpus/search/index-format';
import { IndexInPlace } from '../../corpus/search/index-in-place';
import { appFolder, SEARCH_INDEX } from '../../corpus/search/index-store';
import { bitmapOf, decodeList, gapsOf } from '../../corpus/search/list-codec';
import type { Postings } from '../../corpus/search/postings';
import { SearchEngine } from '../../corpus/search/search-engine';
import { SearchIndex, type DocMeta } from '../../corpus/search/search-index';
import { compileQuery } from '../../corpus/search/search-query';
import { foldKey } from '../../corpus/text/normalise';

const META: DocMeta = { language: 'fa', outlet: null, date: null, tags: [] };

/** Words in every article, in one in three, one in fifty, and in one only. */
function keyOf(i: number): string {
  const words = ['ایران'];
  if (i % 3 === 0) words.push('اقتصاد');
  if (i % 50 === 7) words.push('ونزوئلا');
  if (i === 123) words.push('بولیویا');
  if (i < 1000 && i % 4 === 1) words.push('گذاری');
  if (i < 1000 && i % 2 === 0) words.push('سرمایه');
  words.push(`x${i}y`);
  return foldKey(words.join(' '));
}

function built(n: number, from = 0, index = new SearchIndex()): SearchIndex {
  for (let i = from; i < from + n; i++) index.put(`f${i}.txt`, keyOf(i), META);
  return index;
}

const inside = (index: SearchIndex) => index as unknown as { postings: Postings; page: CodePage };

/** Every trigram's list of an index, by trigram. */
function allLists(index: SearchIndex): Map<number, number[]> {
  const p = inside(index).postings;
  const out = new Map<number, number[]>();
  for (let id = 1; id < p.size; id++) if (p.count[id]! > 0) out.set(p.gramOf[id]!, [...p.decode(id)]);
  return out;
}

const saved = (index: SearchIndex) => Buffer.concat(index.toBytes(null));
const reopened = (index: SearchIndex) => SearchIndex.fromBytes(saved(index)).index;

const QUERIES = ['ایران', 'سرمایه', 'سرمایه ایران', 'گذاری', 'گذاری ونزوئلا', 'ونزوئلا گذاری', 'اقتصاد', 'ونزوئلا', 'بولیویا', 'ایران اقتصاد', 'اقتصاد ونزوئلا', '"ایران اقتصاد"', 'x12y', 'ایران -اقتصاد'];

function answers(index: SearchIndex): string {
  return JSON.stringify(QUERIES.map((q) => index.search(compileQuery(q), { exactTotals: true })));
}

describe('the trigram lists in the index file', () => {
  it('encode and decode a list as gaps or as a bitmap alike, first and last article included', () => {
    const docs = 1001;
    for (const slots of [[], [0], [1000], [0, 1000], [5, 6, 7, 300, 999], Array.from({ length: docs }, (_, i) => i), Array.from({ length: 400 }, (_, i) => i * 2 + 1)]) {
      const list = Uint32Array.from(slots);
      const asGaps = new Uint32Array(list.length);
      const gaps = gapsOf(list);
      decodeList(gaps, 0, gaps.length, list.length, false, asGaps);
      const asBits = new Uint32Array(list.length);
      const bits = bitmapOf(list, docs);
      assert.equal(bits.length, 126);
      decodeList(bits, 0, bits.length, list.length, true, asBits);
      assert.deepEqual([...asGaps], slots);
      assert.deepEqual([...asBits], slots);
    }
  });

  it('read back the same articles for every trigram, dense lists taking a bitmap', () => {
    const index = built(2000);
    const bytes = saved(index);
    const back = SearchIndex.fromBytes(bytes).index;
    assert.deepEqual(allLists(back), allLists(index));
    const p = inside(back).postings;
    let bitmaps = 0;
    for (let id = 1; id < p.size; id++) {
      const list = p.decode(id);
      assert.equal(p.last[id], list[list.length - 1], 'the table keeps the last article');
      if (p.baseBitmap[id]) {
        bitmaps++;
        assert.ok(p.count[id]! * 8 >= 2000);
        assert.equal(p.baseLen[id], 250);
      }
    }
    // ایران and اقتصاد: 4 + 3 trigrams at least, each in a third of the articles or more.
    assert.ok(bitmaps >= 7, `${bitmaps} bitmaps`);
    assert.equal(answers(back), answers(index));
    assert.deepEqual(allLists(SearchIndex.fromStored(readIndex(bytes)).index), allLists(index));
    assert.deepEqual(saved(back), bytes, 'saved again unchanged, the same bytes');
  });

  it('read back an index with no articles, and one with a single article', () => {
    for (const n of [0, 1]) {
      const index = built(n);
      const back = reopened(index);
      assert.deepEqual(allLists(back), allLists(index));
      assert.equal(answers(back), answers(index));
    }
  });

  it('take articles added after reopening, and write them again, as an index built at once would', () => {
    // Reopened at 1,000 articles, then 2,000 more: ایران's lists have a bitmap for a base,
    // ونزوئلا's gaps; گذاری's (one article in four of the first thousand) are bitmaps when
    // first written and gaps again once the articles outnumber them eight to one; سرمایه's
    // (one in two of the first thousand) gain no article but stay bitmaps, of all 3,000.
    const whole = built(3000);
    const grown = built(2000, 1000, reopened(built(1000)));
    assert.deepEqual(allLists(grown), allLists(whole));
    assert.equal(answers(grown), answers(whole));
    const again = reopened(grown);
    assert.deepEqual(allLists(again), allLists(whole));
    assert.equal(answers(again), answers(whole));
    assert.ok(saved(again).length < saved(built(1000)).length * 3, 'dense lists stay bitmaps');
  });

  it('drop removed and replaced articles after reopening (compaction), as an index built without them would', () => {
    const index = reopened(built(1500));
    for (let i = 0; i < 1500; i += 2) index.remove(`f${i}.txt`);
    index.put('f1.txt', keyOf(1), META);
    const again = reopened(index);
    const fresh = new SearchIndex();
    for (let i = 3; i < 1500; i += 2) fresh.put(`f${i}.txt`, keyOf(i), META);
    fresh.put('f1.txt', keyOf(1), META);
    // (Their trigrams are numbered by another code page: the answers are what compare.)
    assert.equal(answers(again), answers(fresh));
  });
});

describe('the trigram lists read in place', () => {
  const base = mkdtempSync(join(tmpdir(), 'hashiya-lists-'));
  after(() => rmSync(base, { recursive: true, force: true }));

  it('narrow a query to the candidates the loaded index finds', () => {
    const index = built(2000);
    mkdirSync(appFolder(base), { recursive: true });
    writeFileSync(join(appFolder(base), SEARCH_INDEX), saved(index));
    const inPlace = IndexInPlace.open(base)!;
    try {
      const { postings, page } = inside(index);
      const loaded = { count: (g: number) => postings.count[postings.list(g)]!, slots: (g: number) => postings.decode(postings.list(g)) };
      for (const q of QUERIES) {
        const terms = compileQuery(q).terms;
        const expected = candidateSlots(terms, page, loaded);
        assert.deepEqual(inPlace.candidates(terms), expected, q);
      }
    } finally {
      inPlace.close();
    }
  });

  it('are not read from an index of the previous format: it is built again', async () => {
    const bytes = saved(built(300));
    const header = bytes.indexOf('"format":6');
    assert.ok(header > 0);
    bytes.write('"format":5', header, 'latin1');
    writeFileSync(join(appFolder(base), SEARCH_INDEX), bytes);
    assert.throws(() => IndexInPlace.open(base), IndexFormatError);
    assert.equal((await SearchEngine.load(base)).files.size, 0);
  });
});
