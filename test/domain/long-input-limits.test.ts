// Limits where work grows with what the user typed: a gloss of many thousand characters, a
// search of hundreds of words, and an unexpected failure whose message is huge. Each must stay
// inside the action it belongs to and reach the window as a short, plain sentence.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Annotation } from '../../annotations/model/types';
import type { AlignmentView, ArticleDoc, ExportFile, HashiyaApi, SearchResponse } from '../../corpus/api/api';
import { ApiError } from '../../corpus/api/api';
import { dispatch } from '../../corpus/api/api-schema';
import { MAX_WINDOW_MESSAGE } from '../../corpus/api/failure-message';
import { APP_ENTRY_URL } from '../../electron/app-origin';
import { guardedHandler, type FrameLike } from '../../electron/ipc';
import { hostileCorpus } from '../fixtures/hostile-corpus';
import { validateTmx } from '../fixtures/xml-validation';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');

const FA_A = 'وزیر امور خارجه ایران روز دوشنبه به آنکارا سفر کرد.\n\nاو گفت گفت و گوها با ترکیه ادامه دارد.\n\nسازمان ملل از این سفر استقبال کرد.\n';
const EN_A = 'The Iranian foreign minister travelled to Ankara on Monday.\n\nHe said the talks with Turkey would go on.\n\nThe United Nations welcomed the visit.\n';
const FA_B = 'رئیس جمهور عراق با نخست وزیر دیدار کرد.\n\nدو طرف درباره همکاری اقتصادی گفت و گو کردند.\n';
const EN_B = 'The president of Iraq met the prime minister.\n\nThe two sides discussed economic cooperation.\n';

/** 25,000 characters of words: what a user pasting a whole article into the gloss box makes. */
const LONG_GLOSS = 'foreign minister of the Islamic Republic '.repeat(700).slice(0, 25_000);

function fromBase64(b64: string): string {
  return Buffer.from(b64, 'base64').toString('utf8');
}

test('a gloss of 25,000 characters never breaks alignment or TMX export of any pair in the corpus', async () => {
  const c = await hostileCorpus([], async ({ corpus }) => {
    await writeFile(join(corpus, 'a.txt'), FA_A);
    await writeFile(join(corpus, 'a.en.txt'), EN_A);
    await writeFile(join(corpus, 'b.txt'), FA_B);
    await writeFile(join(corpus, 'b.en.txt'), EN_B);
  });
  try {
    const doc = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(doc.ok, JSON.stringify(doc).slice(0, 300));
    const at = FA_A.indexOf('وزیر امور خارجه');
    const short = await c.call<Annotation>('createAnnotation', 'a.txt', { start: at, end: at + 'وزیر امور خارجه'.length, version: doc.value.version, tags: [], gloss: 'foreign minister', note: '' });
    assert.ok(short.ok, JSON.stringify(short).slice(0, 300));
    const wt = FA_A.indexOf('سازمان ملل');
    const long = await c.call<Annotation>('createAnnotation', 'a.txt', { start: wt, end: wt + 'سازمان ملل'.length, version: doc.value.version, tags: [], gloss: LONG_GLOSS, note: '' });
    assert.ok(long.ok, JSON.stringify(long).slice(0, 300));
    let tried = 0;
    let held = 0;
    for (const [a, b] of [['a.txt', 'a.en.txt'], ['b.txt', 'b.en.txt']] as const) {
      assert.ok((await c.call('setPairing', { a, b, kind: 'translation' })).ok);
      for (const method of ['getAlignment', 'alignAgain'] as const) {
        tried++;
        const view = await c.call<AlignmentView>(method, a, b);
        assert.ok(view.ok, `${method} ${a}: ${JSON.stringify(view).slice(0, 300)}`);
        assert.ok(view.value.links.length > 0, `${method} ${a} links the pair`);
        held++;
      }
      tried++;
      const tmx = await c.call<ExportFile>('exportTranslation', a, 'tmx', b);
      assert.ok(tmx.ok, `TMX ${a}: ${JSON.stringify(tmx).slice(0, 300)}`);
      await validateTmx(fromBase64(tmx.value.base64), `${a}.tmx`);
      held++;
    }
    console.log(`gloss of ${LONG_GLOSS.length} characters: alignments and TMX exports tried ${tried}, held ${held}, lost ${tried - held}`);
    // The short gloss is still an anchor and still in the glossary; the long one is kept as written.
    const glossary = await c.call<Array<{ term: string; gloss: string }>>('getGlossary');
    assert.ok(glossary.ok);
    assert.ok(glossary.value.some((g) => g.gloss === 'foreign minister'));
    const reopened = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(reopened.ok);
    assert.ok(reopened.value.annotations.some((x) => x.gloss === LONG_GLOSS), 'the long gloss is kept as the user wrote it');
  } finally {
    await c.close();
  }
});

const LONG_QUERY = 'و '.repeat(499);

test('a search of 499 words is refused at once with a plain sentence, not an internal error after seconds', { timeout: 60_000 }, async () => {
  const c = await hostileCorpus(['a.txt', 'b.txt']);
  try {
    const started = Date.now();
    const r = await c.call<SearchResponse>('search', { query: LONG_QUERY });
    console.log(`search of ${LONG_QUERY.length} characters (499 words): answered in ${Date.now() - started} ms`);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'bad-request');
    assert.match(r.error.message, /^A search can have at most \d+ words; this one has 499\.$/);
    // A query of ordinary length still works.
    const fine = await c.call<SearchResponse>('search', { query: 'وزیر امور خارجه' });
    assert.ok(fine.ok, JSON.stringify(fine).slice(0, 300));
    assert.ok(fine.value.hits.length > 0);
  } finally {
    await c.close();
  }
});

test('hashiya search refuses a search of 499 words with the same sentence as the app', { timeout: 60_000 }, async () => {
  const c = await hostileCorpus(['a.txt']);
  try {
    const started = Date.now();
    const r = spawnSync(process.execPath, [BIN, 'search', '--corpus', c.corpus, LONG_QUERY], { cwd: ROOT, timeout: 55_000 });
    console.log(`hashiya search of 499 words: exit ${r.status} in ${Date.now() - started} ms`);
    const stderr = r.stderr.toString('utf8');
    assert.equal(r.status, 2, stderr.slice(0, 500));
    assert.match(stderr, /A search can have at most \d+ words; this one has 499\./);
    assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  } finally {
    await c.close();
  }
});

test('an unexpected failure with a 100 KB message reaches the window as a short sentence, the details only in the log', async () => {
  const huge = `Invalid regular expression: /(?<![\\p{L}\\p{N}])${'word\\s+'.repeat(15_000)}/: Maximum call stack size exceeded at /home/someone/corpus/secret.txt`;
  const failing = {
    getGlossary: async () => {
      throw new Error(huge);
    },
  } as unknown as HashiyaApi;
  const logged: string[] = [];
  const r = await dispatch(failing, 'getGlossary', [], { log: (line) => logged.push(line) });
  console.log(`internal message of ${huge.length} characters shown as ${r.ok ? 0 : r.error.message.length}: ${r.ok ? '' : r.error.message.slice(0, 300)}`);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.error.code, 'internal');
  assert.ok(r.error.message.length <= 300, `short: ${r.error.message.length} characters`);
  assert.doesNotMatch(r.error.message, /regular expression|\\p\{L\}|\/home\/|secret\.txt|\n\s+at /);
  assert.match(r.error.message, /glossary/i, 'says which action failed');
  assert.match(r.error.message, /details are in the log/i);
  assert.ok(logged.some((l) => l.includes('Maximum call stack size exceeded')), 'the full error is in the log');
});

test('a refusal quoting a long value reaches the window cut to a readable length', async () => {
  const name = 'ن'.repeat(10_000);
  const refusing = {
    openArticle: async () => {
      throw new ApiError('not-found', `${name}.txt is not in the corpus`);
    },
  } as unknown as HashiyaApi;
  const r = await dispatch(refusing, 'openArticle', ['x.txt']);
  console.log(`refusal of ${name.length + 24} characters shown as ${r.ok ? 0 : r.error.message.length}`);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.error.code, 'not-found', 'a refusal keeps its code');
  assert.ok(r.error.message.length <= MAX_WINDOW_MESSAGE);
  assert.ok(r.error.message.endsWith('…'));
});

test('a shell call that fails unexpectedly (the Save dialog, say) shows a plain sentence, its error only in the log', async () => {
  const main: FrameLike = { url: APP_ENTRY_URL, processId: 4, routingId: 1, parent: null };
  const logged: string[] = [];
  const handler = guardedHandler('saveFile', { trustedFrame: () => main, log: (m) => logged.push(m) }, async () => {
    throw new Error("EACCES: permission denied, open '/home/someone/Desktop/quotations.docx'");
  });
  const r = await handler({ senderFrame: main });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.error.code, 'internal');
  assert.doesNotMatch(r.error.message, /EACCES|\/home\//);
  assert.match(r.error.message, /details are in the log/);
  assert.ok(logged.some((l) => l.includes('EACCES')), 'the full error is in the log');
});
