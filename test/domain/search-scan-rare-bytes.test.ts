// The prefilter's check on the bytes of a file without presentation forms (nearly every one):
// the needs walked out from their rarest letters (corpus/search/rare-byte-needs.ts) rather than
// matched by a regex. It must never rule out a file with a hit: checked on real articles
// respelled with every variation folding undoes but presentation forms, with hits at the
// very start and end of a file, and on damaged bytes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rawPrefilter } from '../../corpus/search/raw-prefilter';
import { decodeIfMayHold } from '../../corpus/search/scan-decode';
import { compileQuery } from '../../corpus/search/search-query';
import { findHits } from '../../corpus/search/text-hits';
import { decodeArticle } from '../../corpus/text/decode';
import { neighbourQueries } from '../bench/bench-queries';
import { articleTextsIn } from '../fixtures/real-articles';
import { makeRng, type Rng } from '../fixtures/seeded-random';

const ARTICLES = [...articleTextsIn('corpus/sample'), ...articleTextsIn('test/fixtures/field/fa').slice(0, 20), ...articleTextsIn('test/fixtures/field/ar').slice(0, 20)];

const ARABIC_LETTER = /[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]/;
const RESPELL: Record<string, string> = { 'ی': 'ي', 'ي': 'ی', 'ک': 'ك', 'ك': 'ک', 'ه': 'ة', 'ا': 'أ', 'ى': 'ی' };
/** What may stand between letters and fold away: fatha, shadda, tatweel, ZWNJ, RLM, a no-break space. */
const BETWEEN = ['\u064e', '\u0651\u064f', '\u0640', '\u200c', '\u200f', '\u00a0'];

/** The text as another writer might have it, with nothing written in presentation forms. */
function respelled(text: string, rng: Rng): string {
  let out = '';
  for (const ch of text) {
    const letter = ARABIC_LETTER.test(ch);
    out += letter && rng() < 0.15 ? (RESPELL[ch] ?? ch) : ch;
    if (letter && rng() < 0.15) out += BETWEEN[Math.floor(rng() * BETWEEN.length)];
  }
  return out;
}

const hasHit = (text: string, q: string) => findHits(text, compileQuery(q), { limit: 1 }).length > 0;

test('on the bytes of a file without presentation forms, the prefilter passes every file with a hit and agrees with the text', () => {
  const rng = makeRng(4025);
  const texts = ARTICLES.flatMap((t) => [t, respelled(t, rng)]);
  const queries = [...neighbourQueries(() => ARTICLES[Math.floor(rng() * ARTICLES.length)]!, 80, rng, 2), 'نخست وزیر', 'رئیسجمهور', 'گفتوگو', 'الإيرانية', 'ایران', 'للرئيس', 'لا', 'و'];
  let withHits = 0;
  for (const q of queries) {
    const query = compileQuery(q);
    if (query.terms.length === 0) continue;
    const prefilter = rawPrefilter(query);
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      assert.equal(bytes.indexOf(0xef), -1, 'no presentation forms in the test text');
      const fromBytes = prefilter.bytesMayHold(bytes);
      if (findHits(text, query, { limit: 1 }).length > 0) {
        withHits++;
        assert.equal(fromBytes, true, `${JSON.stringify(q)} in «${text.slice(0, 40)}…»`);
      } else assert.equal(fromBytes, prefilter.textMayHold(text), `bytes and text agree: ${JSON.stringify(q)}`);
    }
  }
  assert.ok(withHits > 300, `enough article–query pairs with a hit (${withHits})`);
});

test('a hit at the very start or end of a file, its rarest letter first or last, passes', () => {
  const cases: Array<[string, string]> = [
    ['نخست وزیر', 'نخست وزیر'],
    ['نخست وزیر', 'نَخُست\u200cوزير'],
    ['نخست وزیر', 'گفت: نخست وزیر'],
    ['رئیسجمهور', 'رئيس جمهور'],
    ['گفتوگو', 'گفت و گو'],
    ['الإيرانية', 'الايرانية'],
    ['خبر', 'خ\u0640ب\u064eر'],
    ['ژ', 'ژ'],
  ];
  for (const [q, text] of cases) {
    assert.ok(hasHit(text, q), `${q} hits «${text}»`);
    assert.equal(rawPrefilter(compileQuery(q)).bytesMayHold(Buffer.from(text, 'utf8')), true, `${q} in «${text}»`);
  }
  // And a file holding only part of the word, cut short, is ruled out.
  const query = compileQuery('نخست وزیر');
  for (const text of ['نخست وز', 'خست وزیر', 'ن', 'وزیر نخ', '']) assert.equal(rawPrefilter(query).bytesMayHold(Buffer.from(text, 'utf8')), false, `«${text}»`);
});

test('damaged bytes are never ruled out when their decoded text has a hit, and never make the check fail', () => {
  const rng = makeRng(77);
  const queries = ['نخست وزیر', 'ایران', 'الإيرانية', 'رئیسجمهور', 'گفتوگو', 'خبر'];
  const prefilters = queries.map((q) => ({ q, query: compileQuery(q), prefilter: rawPrefilter(compileQuery(q)) }));
  for (const text of ARTICLES.slice(0, 40)) {
    const good = Buffer.from(text, 'utf8');
    for (let k = 0; k < 6; k++) {
      // A byte changed, dropped or cut at random, most often inside a letter's two bytes.
      const at = Math.floor(rng() * good.length);
      const damaged = [
        Buffer.concat([good.subarray(0, at), Buffer.from([0x80 + Math.floor(rng() * 0x40)]), good.subarray(at + 1)]),
        Buffer.concat([good.subarray(0, at), good.subarray(at + 1)]),
        good.subarray(0, at),
        good.subarray(at),
      ][k % 4]!;
      const decoded = decodeArticle(damaged, null);
      for (const { q, query, prefilter } of prefilters) {
        const verdict = prefilter.bytesMayHold(damaged);
        const got = decodeIfMayHold(damaged, null, prefilter);
        if (decoded.ok && findHits(decoded.text, query, { limit: 1 }).length > 0) {
          assert.notEqual(verdict, false, `${q}: a damaged article with a hit is not ruled out`);
          assert.ok(got !== null && got.text === decoded.text, `${q}: its text is the decoder's`);
        }
      }
    }
  }
});
