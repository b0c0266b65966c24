// The raw-text prefilter of the scan with no index (corpus/search/raw-prefilter.ts): an article
// it rules out is never folded, so it must never rule out one the search hits, whatever the
// spelling (diacritics, tatweel, ZWNJ, letter variants, presentation forms, ligatures) and
// whatever the encoding of the file. Checked on the sample and field articles, respelled.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { foldInverse } from '../../corpus/search/fold-inverse';
import { rawPrefilter } from '../../corpus/search/raw-prefilter';
import { compileQuery } from '../../corpus/search/search-query';
import { findHits } from '../../corpus/search/text-hits';
import { foldKey } from '../../corpus/text/normalise';
import { neighbourQueries } from '../bench/bench-queries';
import { articleTextsIn } from '../fixtures/real-articles';
import { makeRng, type Rng } from '../fixtures/seeded-random';

const ARTICLES = [
  ...articleTextsIn('corpus/sample'),
  ...articleTextsIn('test/fixtures/search-field'),
  ...articleTextsIn('test/fixtures/field/fa').slice(0, 25),
  ...articleTextsIn('test/fixtures/field/ar').slice(0, 25),
];

/** Each Arabic letter's isolated presentation form (what text copied out of a PDF holds). */
const PRESENTATION = new Map<string, string>();
for (let c = 0xfe80; c <= 0xfefc; c++) {
  const base = String.fromCharCode(c).normalize('NFKC');
  if (base.length === 1 && !PRESENTATION.has(base)) PRESENTATION.set(base, String.fromCharCode(c));
}

const ARABIC_LETTER = /[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]/;
const RESPELL: Record<string, string> = { 'ی': 'ي', 'ي': 'ی', 'ک': 'ك', 'ك': 'ک', 'ه': 'ة', 'ا': 'أ' };

/** The text as another writer (or a PDF) might have it: every change one that folding undoes. */
function respelled(text: string, rng: Rng): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const letter = ARABIC_LETTER.test(ch);
    const r = rng();
    if (letter && ch === 'ل' && text[i + 1] === 'ا' && r < 0.3) {
      out += '\ufefb'; // the lam-alef ligature: one character for two letters
      i++;
      continue;
    }
    if (letter && r < 0.08) out += PRESENTATION.get(ch) ?? ch;
    else if (letter && r < 0.14) out += RESPELL[ch] ?? ch;
    else out += ch;
    if (!letter) continue;
    const after = rng();
    if (after < 0.06) out += '\u064e'; // fatha
    else if (after < 0.08) out += '\u0651\u064f'; // shadda, damma
    else if (after < 0.1) out += '\u0640'; // tatweel
    else if (after < 0.12) out += '\u200c'; // ZWNJ
    else if (after < 0.13) out += '\u200f'; // RLM
  }
  return out;
}

test('what the prefilter is built from is what folding does to each character', () => {
  const inv = foldInverse();
  const gaps = new Set(inv.gaps);
  const expanding = new Set(inv.expanding);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const key = foldKey(String.fromCharCode(c));
    if (key === '' || key === ' ') assert.ok(gaps.has(c), `U+${c.toString(16)} folds away`);
    else if (key.length > 1) assert.ok(expanding.has(c), `U+${c.toString(16)} folds to ${key.length} characters`);
    else assert.ok(inv.sources(key.charCodeAt(0)).includes(c), `U+${c.toString(16)} folds to U+${key.charCodeAt(0).toString(16)}`);
  }
});

test('each unit the prefilter takes for a letter folds to that letter, and each gap to nothing or the space', () => {
  const inv = foldInverse();
  for (const c of inv.gaps) assert.ok(['', ' '].includes(foldKey(String.fromCharCode(c))), `U+${c.toString(16)} is no gap`);
  for (const c of inv.expanding) assert.ok(foldKey(String.fromCharCode(c)).length > 1, `U+${c.toString(16)} does not expand`);
  for (let u = 0; u < 0x10000; u++) {
    if (u >= 0xd800 && u <= 0xdfff) continue;
    for (const c of inv.sources(u)) assert.equal(foldKey(String.fromCharCode(c)), String.fromCharCode(u), `U+${c.toString(16)} as U+${u.toString(16)}`);
  }
});

test('the prefilter never rules out an article the search hits, however it is spelled or encoded', () => {
  const rng = makeRng(2511);
  const texts = ARTICLES.flatMap((t) => [t, respelled(t, rng)]);
  const queries = [
    ...neighbourQueries(() => ARTICLES[Math.floor(rng() * ARTICLES.length)]!, 120, rng, 2),
    'نخست وزیر', 'نخست‌وزیر', 'رئیس جمهور', 'رئیسجمهور', 'ایران', 'الرئيس', 'للرئيس', 'وزير الخارجية', 'لا', 'الله', 'و', 'في', '۱۴۰۳', '2019',
  ];
  let withHits = 0;
  let withoutHits = 0;
  let ruledOut = 0;
  for (const q of queries) {
    for (const options of [{}, { lenient: false, wholeWord: true }]) {
      const query = compileQuery(q, options);
      if (query.terms.length === 0) continue;
      const prefilter = rawPrefilter(query);
      for (const text of texts) {
        const hit = findHits(text, query, { limit: 1 }).length > 0;
        const passes = prefilter.textMayHold(text);
        const utf8 = Buffer.from(text, 'utf8');
        const fromBytes = prefilter.bytesMayHold(utf8);
        if (hit) {
          withHits++;
          const what = `${JSON.stringify(q)} ${JSON.stringify(options)} in «${text.slice(0, 40)}…»`;
          assert.ok(passes, `the text passes: ${what}`);
          assert.notEqual(fromBytes, false, `its UTF-8 bytes pass: ${what}`);
          assert.notEqual(prefilter.bytesMayHold(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])), false, `with a BOM: ${what}`);
          // Other encodings are decoded first: the bytes do not tell.
          assert.equal(prefilter.bytesMayHold(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])), null, `UTF-16: ${what}`);
          assert.notEqual(prefilter.bytesMayHold(iconv.encode(text, 'windows-1256')), false, `Windows-1256: ${what}`);
        } else {
          withoutHits++;
          if (!passes) ruledOut++;
          // The bytes and the text decide alike on a valid UTF-8 file.
          assert.equal(fromBytes, passes, `bytes and text agree: ${JSON.stringify(q)}`);
        }
      }
    }
  }
  assert.ok(withHits > 1000, `enough article–query pairs with a hit (${withHits})`);
  // And it does its job: most articles without a hit are never folded.
  assert.ok(ruledOut > withoutHits * 0.6, `${ruledOut} of ${withoutHits} articles without a hit ruled out`);
});

test('a word written only with a ligature, in presentation forms or with every mark between its letters still passes', () => {
  const cases: Array<[string, string]> = [
    ['السلام', 'قال ﺍﻟﺴﻼﻡ عليكم'], // presentation forms, lam-alef among them
    ['السلام', 'قال الس\ufefbم عليكم'],
    ['لا', 'قال \ufefb يريد'],
    ['الله', 'بسم \ufdf2 الرحمن'], // one character for four letters
    ['نخست وزیر', 'نَـخُـسْـتْ\u200cوَزِیـــر گفت'],
    ['نخست وزیر', 'نخست\u00a0\u200f وزير'],
    ['رئیسجمهور', 'رئیس\u200cجمهور'],
    ['۱۴۰۳', 'سال 1403 و ١٤٠٣'],
    ['"با تروریسم"', 'مبارزه بـا تروريسم'],
  ];
  for (const [q, text] of cases) {
    const query = compileQuery(q);
    assert.ok(findHits(text, query).length > 0, `${q} hits «${text}»`);
    const prefilter = rawPrefilter(query);
    assert.ok(prefilter.textMayHold(text), `${q} in «${text}» passes`);
    assert.equal(prefilter.bytesMayHold(Buffer.from(text, 'utf8')), true, `${q} in «${text}» passes on its bytes`);
  }
  // Without such a character, a text that lacks a stem is ruled out.
  const query = compileQuery('نخست وزیر');
  assert.equal(rawPrefilter(query).textMayHold('قال الرئيس إن الحكومة'), false);
  assert.equal(rawPrefilter(query).bytesMayHold(Buffer.from('قال الرئيس إن الحكومة', 'utf8')), false);
});
