// The search rules of issue 13, point 6, on real text: the three articles of the shared
// corpus (the bundled sample, with its English translations) and short passages of Persian
// and Arabic news pages (test/fixtures/search-field/, sources in SOURCES.md). Each test
// prints what it found: the query, the number of hits, and the words they hit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../../corpus/api/api-schema';
import type { SearchResponse } from '../../corpus/api/api';
import { ArticleCatalog } from '../../corpus/catalog/article-catalog';
import type { EngineHit, EngineRequest } from '../../corpus/search/search-engine';
import { everyAffix, isArabicKey } from '../../corpus/search/word-forms';
import { Workspace } from '../../corpus/services/workspace';
import { detectLanguage } from '../../corpus/text/language';
import { foldKey } from '../../corpus/text/normalise';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(ROOT, 'corpus', 'sample');
const SHARED = '/work/shared/corpus';
const FIELD = join(ROOT, 'test', 'fixtures', 'search-field');
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');
/** A real passage with ZWNJ put back where Persian writes it (the stored page had lost them). */
const ZWNJ_COPY = 'fa-iran-oman-call.zwnj.txt';

let base = '';
let corpus = '';
let catalog: ArticleCatalog;
const texts = new Map<string, string>();

before(async () => {
  base = await mkdtemp(join(tmpdir(), 'hashiya-search-rules-'));
  corpus = join(base, 'corpus');
  await cp(SAMPLE, corpus, { recursive: true });
  // The shared corpus's articles are the sample's, byte for byte; where this machine has that
  // folder, the test checks so (a fresh checkout has only the sample).
  for (const f of await readdir(SHARED).catch(() => [] as string[])) {
    if (f.endsWith('.txt')) assert.deepEqual(await readFile(join(SHARED, f)), await readFile(join(SAMPLE, f)), f);
  }
  for (const f of await readdir(FIELD)) if (f.endsWith('.txt')) await cp(join(FIELD, f), join(corpus, f));
  const oman = await readFile(join(FIELD, 'fa-iran-oman-call.txt'), 'utf8');
  await writeFile(join(corpus, ZWNJ_COPY), oman.replace(/گفتوگو/g, 'گفت\u200cوگو').replace(/تلاشهای/g, 'تلاش\u200cهای').replace(/تنشهای/g, 'تنش\u200cهای'));
  for (const f of await readdir(corpus)) if (f.endsWith('.txt')) texts.set(f, await readFile(join(corpus, f), 'utf8'));
  catalog = new ArticleCatalog(corpus);
});

after(async () => {
  await rm(base, { recursive: true, force: true });
});

async function search(query: string, options: Omit<EngineRequest, 'query'> = {}): Promise<EngineHit[]> {
  const r = await catalog.searchInline({ query, exactTotals: true, ...options });
  assert.equal(r.totalHits, r.hits.length, `${query}: the count is the hits listed`);
  for (const h of r.hits) assert.equal(texts.get(h.file)!.slice(h.start, h.end), h.text, 'offsets give back the original characters');
  return r.hits;
}

/** A query or hit as printed: in «», a ZWNJ made visible. */
function shown(text: string): string {
  return `«${text.replace(/\u200c/g, '⟨zwnj⟩')}»`;
}

/** The hit words and how often each: «الرئيس» ×4, «للرئيس» ×2. */
function tally(hits: readonly EngineHit[]): string {
  const n = new Map<string, number>();
  for (const h of hits) n.set(shown(h.text), (n.get(shown(h.text)) ?? 0) + 1);
  return [...n].map(([w, k]) => `${w} ×${k}`).join(', ');
}

function report(t: TestContext, query: string, hits: readonly EngineHit[], note = ''): void {
  const files = new Set(hits.map((h) => h.file)).size;
  t.diagnostic(`${shown(query)}${note}: ${hits.length} hits in ${files} articles — ${tally(hits) || 'none'}`);
}

const place = (h: EngineHit) => `${h.file}:${h.start}-${h.end}`;
const lenientKey = (s: string) => foldKey(s, { lenient: true });
const LETTER = /[\p{L}\p{M}]/u;

describe('a query of several words is a sequence', () => {
  test('گفت و گو, گفتوگو, گفت‌وگو and گفت‌و‌گو give the same hits: joined, spaced and ZWNJ spellings', async (t) => {
    const forms = ['گفت و گو', 'گفتوگو', 'گفت\u200cوگو', 'گفت\u200cو\u200cگو'];
    const results = await Promise.all(forms.map((q) => search(q)));
    forms.forEach((q, i) => report(t, q, results[i]!));
    for (let i = 1; i < forms.length; i++) assert.deepEqual(results[i]!.map(place), results[0]!.map(place), `${forms[i]} as ${forms[0]}`);
    const words = new Set(results[0]!.map((h) => h.text));
    assert.ok(words.has('گفتوگوی'), 'joined, with the ezafe (000, 4b15f26e)');
    assert.ok(words.has('گفت و گوی'), 'spaced (004, df093c94, and the Raisi interview)');
    assert.ok(words.has('گفت\u200cوگو'), 'with ZWNJ');
    for (const h of results[0]!) assert.ok(lenientKey(h.text).startsWith('گفتوگو'), h.text);
  });

  test('a one-letter word of the query is a word of the text, never a letter inside another', async (t) => {
    const hits = await search('گفت و گو');
    assert.ok(hits.length > 0 && hits.length < 20, `${hits.length} hits, not hundreds of lone و`);
    assert.ok(hits.every((h) => !/^و$/.test(h.text)));
    const waw = await search('و');
    let standalone = 0;
    let letters = 0;
    for (const text of texts.values()) {
      letters += [...text].filter((c) => c === 'و').length;
      standalone += [...text.matchAll(/(?<![\p{L}\p{M}\u200c])و(?![\p{L}\p{M}\u200c])/gu)].length;
    }
    report(t, 'و', waw, ` (the letter و occurs ${letters} times in these texts, ${standalone} of them as a word)`);
    assert.equal(waw.length, standalone);
    for (const h of waw) {
      const text = texts.get(h.file)!;
      assert.equal(h.text, 'و');
      assert.ok(!LETTER.test(text[h.start - 1] ?? ' ') && !LETTER.test(text[h.end] ?? ' '), `${place(h)} stands alone`);
    }
  });

  test('the words must be in order and side by side', async (t) => {
    const inOrder = await search('رئیس جمهور');
    const reversed = await search('جمهور رئیس');
    const apart = await search('روحانی ترکیه');
    report(t, 'رئیس جمهور', inOrder);
    report(t, 'جمهور رئیس', reversed);
    report(t, 'روحانی ترکیه', apart);
    assert.ok(inOrder.length > 0);
    assert.equal(reversed.length, 0);
    assert.equal(apart.length, 0, 'both words are in 004, never side by side');
    const anywhere = await search('روحانی، ترکیه');
    report(t, 'روحانی، ترکیه', anywhere, ' (a comma: two terms, anywhere in an article)');
    assert.deepEqual([...new Set(anywhere.map((h) => h.file))], ['004_df093c946d86f816.txt']);
  });
});

describe('lenient spacing never joins two separate words', () => {
  test('سوال does not hit «تونس والجزائر», where the old lenient key read سوال across the space', async (t) => {
    const tunis = 'ar-tunisia-algeria-call.txt';
    const text = texts.get(tunis)!;
    assert.ok(text.includes('تونس والجزائر'));
    assert.ok(lenientKey(text).includes('سوال'), 'without spaces, the text does hold سوال');
    const hits = await search('سوال');
    report(t, 'سوال', hits);
    assert.ok(!hits.some((h) => h.file === tunis));
    assert.ok(hits.length >= 5, 'the interview asks its سوال several times');
    for (const h of hits) assert.ok(!h.text.includes(' '), h.text);
    // The interview writes Arabic yeh (سوالي): the same words, folded.
    assert.deepEqual(new Set(hits.map((h) => foldKey(h.text))), new Set(['سوال', 'سوالی', 'سوالهایی'].map((w) => foldKey(w))));
    // The hamza spelling folds to the same word.
    assert.deepEqual((await search('سؤال')).map(place), hits.map(place));
  });

  test('a space is bridged where the text splits one written word: رئیسجمهور finds رئیس جمهوری', async (t) => {
    const hits = await search('رئیسجمهور');
    report(t, 'رئیسجمهور', hits);
    const words = new Set(hits.map((h) => h.text));
    assert.ok(words.has('رئیسجمهور') && words.has('رئیس جمهوری'));
    for (const h of hits) for (const part of h.text.split(/\s+/)) assert.ok([...part].length >= 2, `${h.text}: no lone letter joined on`);
    const strict = await search('رئیسجمهور', { lenient: false });
    report(t, 'رئیسجمهور', strict, ' (strict)');
    assert.ok(strict.length > 0 && strict.every((h) => !h.text.includes(' ')));
  });
});

describe('word forms', () => {
  test('رئيس finds الرئيس, والرئيس, للرئيس and its suffixed forms in Arabic', async (t) => {
    const hits = await search('رئيس');
    report(t, 'رئيس', hits);
    const words = new Set(hits.map((h) => h.text));
    for (const w of ['الرئيس', 'والرئيس', 'للرئيس', 'ورئيس', 'الرئيسان', 'للرئيسين', 'رئيس']) assert.ok(words.has(w), w);
    // Typed with the article, the article is required, in any of its forms.
    const withArticle = await search('الرئيس');
    report(t, 'الرئيس', withArticle);
    assert.ok(withArticle.length > 0 && withArticle.every((h) => /(^|ل)ل?رئيس/.test(h.text) && h.text.includes('ل')));
    assert.ok(new Set(withArticle.map((h) => h.text)).has('للرئيس'), 'للرئيس is ل + ال');
  });

  test('one-letter proclitics apply in Arabic articles only: وزیر is not و + زیر in Persian', async (t) => {
    assert.ok([...texts.values()].some((x) => x.includes('وزیر')), 'the Persian texts have وزیر');
    const hits = await search('زیر');
    report(t, 'زیر', hits);
    assert.ok(!hits.some((h) => h.text.startsWith('وزیر') || h.text.startsWith('وزير')));
    const arabic = await search('دعم');
    report(t, 'دعم', arabic);
    assert.ok(arabic.some((h) => h.text === 'لدعم' || h.text === 'ودعم' || h.text === 'الدعم'));
  });

  test('whole-word mode keeps رئیس from رئیسی and from الرئيس', async (t) => {
    const forms = await search('رئیس');
    const whole = await search('رئیس', { wholeWord: true });
    report(t, 'رئیس', forms);
    report(t, 'رئیس', whole, ' (whole word)');
    assert.ok(forms.some((h) => h.text === 'رئیسی'), 'with word forms, the name رئیسی is a hit');
    assert.ok(whole.length > 0);
    for (const h of whole) assert.equal(foldKey(h.text), foldKey('رئیس'), h.text);
    assert.ok(whole.length < forms.length);
    const name = await search('رئیسی', { wholeWord: true });
    report(t, 'رئیسی', name, ' (whole word)');
    assert.ok(name.length >= 4 && name.every((h) => foldKey(h.text) === foldKey('رئیسی')));
  });

  test('a quoted phrase keeps its exact folded sequence', async (t) => {
    const phrase = await search('"رئیس جمهور"');
    report(t, '"رئیس جمهور"', phrase);
    assert.ok(phrase.length > 0);
    for (const h of phrase) assert.equal(foldKey(h.text), foldKey('رئیس جمهور'), 'the phrase as typed, cut inside رئیس جمهوری');
    assert.equal((await search('"رئیسجمهور"')).every((h) => !h.text.includes(' ')), true);
  });

  test('the index reads as Arabic exactly the real articles the list calls Arabic', (t) => {
    const arabic: string[] = [];
    for (const [file, text] of texts) {
      assert.equal(isArabicKey(foldKey(text)), detectLanguage(text) === 'ar', file);
      if (isArabicKey(foldKey(text))) arabic.push(file);
    }
    t.diagnostic(`read as Arabic (one-letter proclitics apply): ${arabic.sort().join(', ')}`);
  });

  test('every affix in the lists is written in folded letters', () => {
    for (const a of everyAffix()) assert.equal(foldKey(a), a, a);
  });
});

describe('the app and the CLI', () => {
  const CASES: Array<{ query: string; wholeWord?: boolean; lenient?: boolean }> = [
    { query: 'گفت و گو' },
    { query: 'رئيس' },
    { query: 'رئیس', wholeWord: true },
    { query: 'سوال' },
    { query: 'و' },
    { query: '"رئیس جمهور"' },
    { query: 'رئیسجمهور', lenient: false },
    { query: 'داعش، ترکیه' },
  ];

  function cli(c: (typeof CASES)[number], json: boolean): string {
    const args = [BIN, 'search', '--corpus', corpus, c.query, ...(json ? ['--json'] : []), ...(c.wholeWord ? ['--whole-word'] : []), ...(c.lenient === false ? ['--strict'] : [])];
    const r = spawnSync(process.execPath, args, { cwd: ROOT, timeout: 60_000, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  }

  test('give the same hits and the same count for the same query and options', async (t) => {
    const appData = join(base, 'app-data');
    // The app's own path: the API call, checked by its schema, answered by the background index.
    const ws = await Workspace.create({ appDataDir: appData, pickFolder: async () => null, defaultCorpus: corpus, live: true });
    try {
      const ask = async (c: (typeof CASES)[number]): Promise<SearchResponse> => {
        for (let tries = 0; ; tries++) {
          const r = await dispatch(ws, 'search', [{ query: c.query, wholeWord: c.wholeWord, lenient: c.lenient, limit: 5000 }]);
          assert.ok(r.ok, JSON.stringify(r));
          const res = r.value as SearchResponse;
          if (res.indexing === null || tries > 200) return res;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      for (const c of CASES) {
        const app = await ask(c);
        const json = JSON.parse(cli(c, true)) as { hits: Array<{ file: string; start: number; end: number; text: string; context: string }> };
        const human = cli(c, false);
        const count = /^(\d+) hits? in (\d+) articles?/m.exec(human) ?? (/^no hits$/m.test(human) ? ['', '0', '0'] : null);
        assert.ok(count, human);
        const options = `${c.wholeWord ? ' --whole-word' : ''}${c.lenient === false ? ' --strict' : ''}`;
        t.diagnostic(`${shown(c.query)}${options}: app ${app.totalHits} hits in ${app.totalArticles} articles, CLI ${json.hits.length} hits (prints «${count[1]} hits in ${count[2]} articles»)`);
        assert.deepEqual(app.hits.map((h) => ({ file: h.file, start: h.start, end: h.end, text: h.text, context: h.context })), json.hits, c.query);
        assert.equal(app.totalHits, json.hits.length);
        assert.equal(app.approximate, false);
        assert.equal(Number(count[1]), app.totalHits);
        assert.equal(Number(count[2]), app.totalArticles);
      }
    } finally {
      await ws.close();
    }
  });
});
