// Corpus search as a user meets it: variant spellings found, hits pointing at the exact
// original characters, phrases and word sets, filters, and an index kept on disk that is
// rebuilt (never trusted) when it is stale, corrupt or of another format.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ArticleCatalog } from '../../corpus/catalog/article-catalog';
import { appFolder, SEARCH_INDEX, scanCorpus } from '../../corpus/search/index-store';
import { foldKey } from '../../corpus/text/normalise';
import { SearchEngine, type EngineResult } from '../../corpus/search/search-engine';
import { SearchIndex } from '../../corpus/search/search-index';
import { compileQuery, parseQuery } from '../../corpus/search/search-query';
import { contextAround } from '../../corpus/search/text-hits';

const FA_1 = [
  'رئیس‌جمهور در گفت‌وگوی تلفنی با نخست وزیر عراق گفت ایران از هیچ کمکی دریغ نمی‌کند.',
  '',
  'به گزارش ایسنا، رئیسجمهور عصر چهارشنبه ۱۴۰۳/۰۹/۰۵ با وزیر خارجه دیدار کرد.',
].join('\n');
const FA_2 = 'روسای جمهوری ترکیه و ایران. رئیس جمهور ترکیه گفت همکاری دو کشور ادامه دارد.\nدولت‌های منطقه باید با تروریسم مبارزه کنند.';
const AR_1 = 'أكد الرئيس الإيراني حسن روحاني، اليوم الإثنين، دعم إيران للعراق في حربه ضد الإرهاب.\nوقال رئيس الجمهورية إن التعاون مستمر منذ ٢٠١٤.';
const FA_3 = 'گزارش کوتاه: وزیر خارجه ایران به ترکیه سفر کرد. گفت‌وگو درباره همکاری اقتصادی بود. '.repeat(3);

let root = '';

async function writeArticle(name: string, text: string): Promise<void> {
  await writeFile(join(root, name), text, 'utf8');
}

function hitTexts(r: EngineResult): string[] {
  return r.hits.map((h) => h.text);
}

async function search(query: string, options: { lenient?: boolean; filters?: Parameters<SearchEngine['search']>[1]['filters']; limit?: number } = {}): Promise<EngineResult> {
  return new ArticleCatalog(root).searchInline({ query, ...options });
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'hashiya-search-'));
  await writeArticle('fa-1.txt', FA_1);
  await writeArticle('fa-2.txt', FA_2);
  await writeArticle('ar-1.txt', AR_1);
  await writeArticle('fa-3.txt', FA_3);
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('what the search box understands', () => {
  it('reads phrases in straight, curly and guillemet quotes, words, and filters', () => {
    const q = parseQuery('"رئیس جمهور" ترکیه «نخست وزیر» lang:fa,ar outlet:"ایسنا" from:2024-01-01 to:2024-12-31 tag:person');
    assert.deepEqual(q.terms, [
      { text: 'رئیس جمهور', phrase: true },
      { text: 'ترکیه', phrase: false },
      { text: 'نخست وزیر', phrase: true },
    ]);
    assert.deepEqual(q.filters, { language: ['fa', 'ar'], outlet: 'ایسنا', from: '2024-01-01', to: '2024-12-31', tag: 'person' });
  });

  it('keeps a Persian word with a colon as a word, not a filter', () => {
    assert.deepEqual(parseQuery('رئیسجمهور: ایران').terms.map((t) => t.text), ['رئیسجمهور', 'ایران']);
  });

  it('is lenient by default for Arabic-script queries and strict for Latin ones', () => {
    assert.equal(compileQuery('رئیس جمهور').lenient, true);
    assert.equal(compileQuery('CNN').lenient, false);
    assert.equal(compileQuery('رئیس', { lenient: false }).lenient, false);
  });
});

describe('searching a corpus', () => {
  it('finds the Persian spelling from a query typed with Arabic letters, at the original characters', async () => {
    const r = await search('رئيسجمهور');
    assert.ok(r.hits.length >= 3);
    for (const h of r.hits) {
      const text = await readFile(join(root, h.file), 'utf8');
      assert.equal(text.slice(h.start, h.end), h.text, 'text is the original characters at start..end');
      assert.equal(foldKey(h.text, { lenient: true }), foldKey('رئیسجمهور', { lenient: true }));
    }
  });

  it('matches رئیسجمهور, رئیس جمهور and رئیس‌جمهور alike in lenient mode', async () => {
    const r = await search('رئیسجمهور');
    const texts = new Set(hitTexts(r));
    assert.ok(texts.has('رئیس‌جمهور'), 'with ZWNJ');
    assert.ok(texts.has('رئیسجمهور'), 'joined');
    assert.ok(texts.has('رئیس جمهور'), 'spaced');
  });

  it('in strict mode, matches across a ZWNJ but not across a space', async () => {
    const r = await search('رئیسجمهور', { lenient: false });
    const texts = new Set(hitTexts(r));
    assert.ok(texts.has('رئیس‌جمهور'));
    assert.ok(texts.has('رئیسجمهور'));
    assert.ok(!texts.has('رئیس جمهور'));
  });

  it('folds digit sets: a date typed in ASCII finds Persian digits', async () => {
    const r = await search('1403/09/05');
    assert.deepEqual(hitTexts(r), ['۱۴۰۳/۰۹/۰۵']);
    const ar = await search('2014');
    assert.deepEqual(hitTexts(ar), ['٢٠١٤']);
  });

  it('folds hamza forms and teh marbuta: الايراني finds الإيراني', async () => {
    const r = await search('الايراني');
    assert.deepEqual(hitTexts(r), ['الإيراني']);
  });

  // Issue 13 (6): words side by side are a sequence, found in that order; before, they were
  // found anywhere in the article. Terms set apart by a comma keep that older meaning.
  it('requires every term of a query set apart by commas, in any order, within the article', async () => {
    const r = await search('ترکیه، همکاری');
    assert.deepEqual([...new Set(r.hits.map((h) => h.file))].sort(), ['fa-2.txt', 'fa-3.txt']);
    const none = await search('ترکیه، الإرهاب');
    assert.equal(none.hits.length, 0);
    assert.equal(none.totalArticles, 0);
    const sequence = await search('ترکیه همکاری');
    assert.equal(sequence.totalArticles, 0, 'no article has the two words side by side');
  });

  it('matches a phrase only as written, words only together and in order', async () => {
    const phrase = await search('"وزیر خارجه"');
    assert.deepEqual([...new Set(phrase.hits.map((h) => h.file))].sort(), ['fa-1.txt', 'fa-3.txt']);
    const sequence = await search('وزیر خارجه');
    assert.deepEqual([...new Set(sequence.hits.map((h) => h.file))].sort(), ['fa-1.txt', 'fa-3.txt']);
    assert.equal((await search('خارجه وزیر')).totalArticles, 0, 'the other order is another sequence');
    const words = await search('خارجه، وزیر');
    assert.ok(words.totalArticles >= 2);
  });

  it('ranks the article where the words stand close together above one where they are far apart', async () => {
    await writeArticle('far.txt', 'ترکیه در شمال است. ' + 'متن دیگری درباره اقتصاد و فرهنگ. '.repeat(12) + 'همکاری ادامه دارد.');
    const r = await search('ترکیه، همکاری');
    const order = [...new Set(r.hits.map((h) => h.file))];
    assert.ok(order.indexOf('fa-2.txt') < order.indexOf('far.txt'), order.join(' '));
    await rm(join(root, 'far.txt'));
  });

  it('merges hits of neighbouring words into one hit', async () => {
    const r = await search('رئیس جمهور');
    assert.ok(hitTexts(r).includes('رئیس جمهور'));
  });

  it('gives each hit its context on one line, cut within its paragraph', async () => {
    const r = await search('ایسنا');
    const h = r.hits[0]!;
    assert.ok(!/[\r\n]/.test(h.context));
    assert.ok(h.context.startsWith('به گزارش ایسنا'), h.context);
    const text = await readFile(join(root, h.file), 'utf8');
    assert.equal(text.slice(h.contextStart, h.contextStart + h.context.length), h.context);
  });

  it('keeps context to about sixty characters each side, cut between words', () => {
    const text = 'الف '.repeat(40) + 'هدف' + ' ب'.repeat(60);
    const start = text.indexOf('هدف');
    const { context, contextStart } = contextAround(text, start, start + 3);
    assert.ok(start - contextStart <= 60 && start - contextStart >= 40);
    assert.ok(context.length <= 3 + 120);
    assert.ok(context.startsWith('الف'));
  });

  it('stops at the limit but counts every hit', async () => {
    const r = await search('ایران', { limit: 1 });
    assert.equal(r.hits.length, 1);
    assert.ok(r.totalHits > 1);
    assert.equal(r.truncated, true);
  });

  it('filters by language, outlet, date range and tag', async () => {
    const sidecar = {
      format: 1,
      article: { file: 'fa-2.txt', sha256: '0'.repeat(64), length: FA_2.length },
      metadata: { outlet: 'خبرگزاری مهر', date: { iso: '2024-11-25', original: '۵ آذر ۱۴۰۳' } },
      annotations: [
        {
          id: 'a1',
          analyst: 'x',
          created: '2024-01-01T00:00:00.000Z',
          modified: '2024-01-01T00:00:00.000Z',
          target: { position: { start: 0, end: 5 }, quote: { exact: FA_2.slice(0, 5), prefix: '', suffix: '' } },
          anchor: { status: 'exact', score: 1 },
          tags: ['person'],
          gloss: '',
          note: '',
        },
      ],
      renderings: [],
      alignments: [],
      conflicts: [],
    };
    await writeFile(join(root, 'fa-2.txt.annotations.json'), JSON.stringify(sidecar));
    const files = (r: EngineResult) => [...new Set(r.hits.map((h) => h.file))].sort();
    assert.deepEqual(files(await search('ایران', { filters: { language: ['ar'] } })), ['ar-1.txt']);
    assert.deepEqual(files(await search('ایران', { filters: { outlet: 'مهر' } })), ['fa-2.txt']);
    assert.deepEqual(files(await search('ایران', { filters: { from: '2024-11-01', to: '2024-11-30' } })), ['fa-2.txt']);
    assert.deepEqual(files(await search('ایران', { filters: { from: '2025-01-01' } })), []);
    assert.deepEqual(files(await search('ایران', { filters: { tag: 'person' } })), ['fa-2.txt']);
    assert.deepEqual(files(await search('ایران tag:person')), ['fa-2.txt']);
    await rm(join(root, 'fa-2.txt.annotations.json'));
  });

  it('refuses a malformed date filter with a message', async () => {
    await assert.rejects(search('ایران', { filters: { from: '1403' } }), /YYYY-MM-DD/);
  });

  it('finds nothing, quietly, for a query of only diacritics or punctuation', async () => {
    const r = await search('َ ، .');
    assert.equal(r.hits.length, 0);
  });

  it('maps random hits in a long noisy article back to the exact original characters', async () => {
    const noisy = 'كتاب‌هاي مُهِمّ ـــ رئيس‌جمهور ۱۲۳ ٤٥٦ ABC abc\u200f الإمارات '.repeat(50);
    await writeArticle('noisy.txt', noisy);
    for (const q of ['کتابهای', 'مهم', 'رئیسجمهور', '123', '456', 'abc', 'الامارات']) {
      const r = await search(q, { limit: 1000 });
      assert.ok(r.hits.length >= 50, `${q}: ${r.hits.length}`);
      for (const h of r.hits.filter((x) => x.file === 'noisy.txt')) {
        assert.equal(noisy.slice(h.start, h.end), h.text);
        assert.equal(foldKey(h.text, { lenient: true }), foldKey(q, { lenient: true }), `${q} → ${h.text}`);
      }
    }
    await rm(join(root, 'noisy.txt'));
  });
});

describe('the index on disk', () => {
  it('is written to the hidden folder and read back with the same results', async () => {
    await search('ایران');
    const info = await stat(join(appFolder(root), SEARCH_INDEX));
    assert.ok(info.size > 0);
    const engine = await SearchEngine.load(root);
    assert.equal(engine.files.size, 4);
    const fromDisk = await engine.search(root, { query: 'رئیسجمهور' });
    const fresh = await search('رئیسجمهور');
    assert.deepEqual(fromDisk.hits, fresh.hits);
  });

  it('round-trips through bytes with any characters in the keys', () => {
    const index = new SearchIndex();
    const keys = ['abc 𝒳 \ud800 lone surrogate', foldKey(FA_1), foldKey(AR_1), ''];
    keys.forEach((k, i) => index.put(`f${i}.txt`, k, { language: 'fa', outlet: null, date: null, tags: [] }));
    const chunks = index.toBytes({ note: 'x' });
    const bytes = Buffer.concat(chunks);
    const { index: back, extra } = SearchIndex.fromBytes(bytes);
    assert.deepEqual(extra, { note: 'x' });
    assert.deepEqual(back.files().sort(), index.files().sort());
    const q = compileQuery('رئیسجمهور');
    assert.deepEqual(back.search(q), index.search(q));
  });

  it('is rebuilt when the file on disk is corrupt', async () => {
    await search('ایران');
    const path = join(appFolder(root), SEARCH_INDEX);
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const engine = await SearchEngine.load(root);
    assert.equal(engine.files.size, 0, 'a cut index is not trusted');
    const r = await search('رئیسجمهور');
    assert.ok(r.hits.length >= 3);
    await writeFile(path, 'not an index at all');
    assert.equal((await SearchEngine.load(root)).files.size, 0);
    assert.ok((await search('رئیسجمهور')).hits.length >= 3);
  });

  it('re-reads an article changed on disk, and forgets a removed one', async () => {
    await search('ایران');
    await writeArticle('fa-3.txt', FA_3.replace(/ترکیه/g, 'ارمنستان'));
    assert.deepEqual([...new Set((await search('ارمنستان')).hits.map((h) => h.file))], ['fa-3.txt']);
    assert.ok(!(await search('ترکیه')).hits.some((h) => h.file === 'fa-3.txt'));
    await rm(join(root, 'fa-3.txt'));
    assert.equal((await search('ارمنستان')).hits.length, 0);
    await writeArticle('fa-3.txt', FA_3);
  });

  it('notices a same-size edit that kept the modification time, by hash', async () => {
    const name = 'same-size.txt';
    const before = 'این متن درباره ونزوئلا است.';
    const afterText = 'این متن درباره بولیویا است.';
    assert.equal(Buffer.byteLength(before), Buffer.byteLength(afterText));
    await writeArticle(name, before);
    const when = new Date();
    await utimes(join(root, name), when, when);
    await search('ونزوئلا');
    await writeArticle(name, afterText);
    await utimes(join(root, name), when, when);
    assert.equal((await search('ونزوئلا')).hits.length, 0);
    assert.equal((await search('بولیویا')).hits.length, 1);
    await rm(join(root, name));
  });

  it('is rebuilt when the folding changed (another format version)', async () => {
    await search('ایران');
    const engine = await SearchEngine.load(root);
    (engine as unknown as { writtenAt: number }).writtenAt = 1;
    const chunks = engine.index.toBytes({ foldVersion: -1, writtenAt: Date.now(), files: Object.fromEntries(engine.files) });
    await writeFile(join(appFolder(root), SEARCH_INDEX), Buffer.concat(chunks));
    assert.equal((await SearchEngine.load(root)).files.size, 0);
  });

  it('ignores the hidden folder and temporary files when scanning', async () => {
    await mkdir(join(root, '.hashiya'), { recursive: true });
    await writeFile(join(root, '.hashiya', 'x.txt'), 'ایران');
    await writeFile(join(root, '.fa-1.txt.123.tmp'), 'ایران');
    const files = (await scanCorpus(root)).map((e) => e.file);
    assert.deepEqual(files, ['ar-1.txt', 'fa-1.txt', 'fa-2.txt', 'fa-3.txt']);
    await rm(join(root, '.fa-1.txt.123.tmp'));
  });
});

describe('search in the background', () => {
  it('answers from a worker thread, reports progress, and gives headlines with the hits', async () => {
    const events: string[] = [];
    const catalog = new ArticleCatalog(root, { background: true, onEvent: (e) => events.push(e.type) });
    try {
      await catalog.whenSearchable();
      const early = await catalog.search({ query: 'رئيسجمهور' });
      assert.ok(early.hits.length >= 3);
      // Headlines and languages come from the list's worker, which may finish later.
      await catalog.whenListed();
      const r = await catalog.search({ query: 'رئيسجمهور' });
      assert.ok(r.hits.length >= 3);
      assert.equal(r.indexing, null);
      const h = r.hits.find((x) => x.file === 'fa-1.txt')!;
      assert.equal(h.language, 'fa');
      assert.ok(h.headline.length > 0);
      assert.ok(events.includes('searchable'));
      await assert.rejects(catalog.search({ query: 'x', filters: { from: 'yesterday' } }), /YYYY-MM-DD/);
      // The list's worker hands the metadata to the search worker for the filters.
      const arabic = await catalog.search({ query: 'ایران', filters: { language: ['ar'] } });
      assert.deepEqual([...new Set(arabic.hits.map((x) => x.file))], ['ar-1.txt']);
    } finally {
      await catalog.close();
    }
  });
});
