// Key spans mapped back to the original text from a key already at hand (key-offsets.ts), and
// the hits found that way (text-hits.ts's findHitsInKey): exactly what folding the text again
// gives, for odd texts of every kind, real and generated articles and the bench's queries; and
// the full fold when the key is not the text's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { CodePage, OTHER } from '../../corpus/search/code-page';
import { compileQuery } from '../../corpus/search/search-query';
import { findHits, findHitsInKey, matcherOf } from '../../corpus/search/text-hits';
import { originalSpansOfKey, type KeyRange } from '../../corpus/text/key-offsets';
import { fold, foldKey, originalSpan } from '../../corpus/text/normalise';
import { makeQueries, neighbourQueries } from '../bench/bench-queries';
import { buildVocabulary, makeArticle } from '../bench/synthetic-corpus';
import { makeRng, type Rng } from '../fixtures/seeded-random';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE_DIR = fileURLToPath(new URL('../../corpus/sample/', import.meta.url));
const SAMPLES = ['000_4b15f26e11b27dea.txt', '002_b7e8f03d4cd73c5b.txt', '004_df093c946d86f816.txt'];
const sample = (name: string) => readFileSync(SAMPLE_DIR + name, 'utf8');

/** Pieces of text a fold treats differently: letters and their variants, marks, format characters, spaces, ligatures, astral characters. */
const PIECES = [
  'ا', 'ب', 'ی', 'ي', 'ى', 'ک', 'ك', 'ه', 'ة', 'ۀ', 'أ', 'إ', 'آ', 'ؤ', 'ئ', 'و', 'ن', 'ل', 'م', 'ر', 'س',
  '\u064e', '\u064b', '\u0651', '\u0670', '\u0654', '\u0640', '\u0640\u0640', '\u06d6', '\ufe0f', '\u034f',
  '\u200c', '\u200d', '\u200f', '\u200b', '\u202b', '\u2066', '\u00ad', '\ufeff', '\u061c', '\u08e2',
  ' ', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2009', '\u3000', '\u2028', ' \u200c ', '\n\u064e',
  '\ufefb', '\ufdf2', '\ufdfa', '\ufefc', '\ufe8e', '\ufb8f', '\ufe70', '\ufc5e',
  '😀', '👍🏽', '\ud83d', '\ude00', '𝐀',
  'A', 'b', 'Z', 'İ', 'É', 'ß', 'Σ', 'Ж',
  '0', '7', '۱', '۴', '٣', '٫', '٬', '٪', '.', '،', '؛', '«', '»', '-', '(',
];

function randomText(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += PIECES[Math.floor(rng() * PIECES.length)];
  return s;
}

/** Ascending, non-overlapping spans over a key of `len`, empty ones and ones past the end included. */
function randomSpans(rng: Rng, len: number): KeyRange[] {
  const spans: KeyRange[] = [];
  let at = 0;
  const count = Math.floor(rng() * 6);
  for (let i = 0; i < count; i++) {
    const start = at + Math.floor(rng() * Math.max(1, (len - at) / 2 + 2));
    const r = rng();
    const end = r < 0.15 ? start : start + 1 + Math.floor(rng() * (r < 0.3 ? len + 3 : 6));
    spans.push({ start, end });
    at = end;
  }
  return spans;
}

function expected(text: string, spans: readonly KeyRange[]): Array<[number, number]> {
  const f = fold(text);
  return spans.map((s) => originalSpan(f, s.start, s.end));
}

test('spans from the key are the spans of the fold, for random texts of every kind of character', () => {
  const rng = makeRng(2501);
  for (let t = 0; t < 4000; t++) {
    const text = randomText(rng, Math.floor(rng() * (t % 10 === 0 ? 200 : 25)));
    const key = foldKey(text);
    for (let r = 0; r < 4; r++) {
      const spans = randomSpans(rng, key.length);
      assert.deepEqual(originalSpansOfKey(text, key, spans), expected(text, spans), JSON.stringify({ text, spans }));
    }
  }
});

test('every single key span and every span ending at the key end, on texts with marks and spaces at the end', () => {
  const rng = makeRng(7);
  for (let t = 0; t < 300; t++) {
    const text = randomText(rng, 1 + Math.floor(rng() * 12)) + (t % 2 ? '\u064e \u200c\n\u0640' : '');
    const key = foldKey(text);
    for (let a = 0; a <= key.length; a++) {
      for (let b = a; b <= key.length + 1; b++) {
        assert.deepEqual(originalSpansOfKey(text, key, [{ start: a, end: b }]), expected(text, [{ start: a, end: b }]), JSON.stringify({ text, a, b }));
      }
    }
  }
});

test('the empty text and the empty key', () => {
  assert.deepEqual(originalSpansOfKey('', '', [{ start: 0, end: 0 }, { start: 0, end: 3 }]), expected('', [{ start: 0, end: 0 }, { start: 0, end: 3 }]));
  assert.deepEqual(originalSpansOfKey('\u200c\u064e', '', [{ start: 0, end: 1 }]), expected('\u200c\u064e', [{ start: 0, end: 1 }]));
  assert.deepEqual(originalSpansOfKey('abc', 'abc', []), []);
});

test('the index one-byte key, spelled through its code page, gives the same spans', () => {
  const rng = makeRng(99);
  const page = new CodePage();
  for (let t = 0; t < 1000; t++) {
    const text = randomText(rng, Math.floor(rng() * 40));
    const key = foldKey(text);
    const bytes = page.encode(key, true)!;
    const spans = randomSpans(rng, key.length);
    assert.deepEqual(originalSpansOfKey(text, bytes, spans, { byteOf: page.byteOf, other: OTHER }), expected(text, spans), JSON.stringify({ text, spans }));
  }
});

test('a key the text does not fold to is found out: null, and findHitsInKey gives what findHits gives', () => {
  const text = 'رئیس جمهور ایران گفت که دولت ایران آماده است.';
  const other = 'رئیس جمهور ایران گفت که ملت ایران آماده است.';
  const key = foldKey(other);
  const spans = matcherOf(compileQuery('آماده'))!.spans(key, false)!;
  assert.equal(originalSpansOfKey(text, key, spans), null);
  // The text runs out before the key does.
  assert.equal(originalSpansOfKey('ایران', foldKey('ایران ایران'), [{ start: 6, end: 11 }]), null);
  // Out of order or overlapping spans are not guessed at.
  assert.equal(originalSpansOfKey(other, key, [{ start: 5, end: 9 }, { start: 2, end: 4 }]), null);
  for (const q of ['آماده', 'ایران', 'رئیس جمهور', 'گفت، است']) {
    const query = compileQuery(q);
    assert.deepEqual(findHitsInKey(text, key, query), findHits(text, query), q);
  }
  const s0 = sample(SAMPLES[0]!);
  const s1 = sample(SAMPLES[2]!);
  for (const q of ['ایران', 'که', 'و']) {
    const query = compileQuery(q);
    assert.deepEqual(findHitsInKey(s0, foldKey(s1), query), findHits(s0, query), q);
  }
});

function assertSameHits(text: string, queries: readonly string[]): void {
  const key = foldKey(text);
  for (const q of queries) {
    const query = compileQuery(q);
    for (const options of [{}, { limit: 3 }, { arabic: true }, { arabic: false, limit: 1 }]) {
      assert.deepEqual(findHitsInKey(text, key, query, options), findHits(text, query, options), JSON.stringify({ q, options }));
    }
  }
}

test('findHitsInKey finds what findHits finds in the sample articles, for the bench queries', () => {
  const rng = makeRng(25);
  const queries = [
    ...makeQueries(SAMPLE_DIR, SAMPLES, 60, rng),
    ...neighbourQueries(() => sample(SAMPLES[Math.floor(rng() * SAMPLES.length)]!), 60, rng, 3),
    'ایران', 'که', 'و', 'ال', 'رئیسجمهور', '1403', '۱۲', 'CNN', '"در این"',
  ];
  for (const name of SAMPLES) assertSameHits(sample(name), queries);
});

test('findHitsInKey finds what findHits finds in generated articles', () => {
  const rng = makeRng(2025);
  const vocab = { fa: buildVocabulary(rng, ROOT, 'fa', 2000), ar: buildVocabulary(rng, ROOT, 'ar', 2000) };
  const articles = Array.from({ length: 60 }, (_, i) => makeArticle(rng, i, vocab).text);
  let next = 0;
  const queries = neighbourQueries(() => articles[next++ % articles.length]!, 40, rng, 2);
  for (const text of articles) assertSameHits(text, queries);
});
