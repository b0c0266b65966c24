// The scan with no index decodes and folds a UTF-8 article in one pass (corpus/search/scan-fold.ts)
// instead of decoding it and then folding it. Its hits are placed through that fold's map, so
// the text and the map must be exactly what decoding and `fold` give, or a hit would quote the
// wrong words; where it cannot vouch (a ligature, a character outside the BMP, a control
// character) it must say so, and the scan decodes and folds as before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeAndFold } from '../../corpus/search/scan-fold';
import { fold } from '../../corpus/text/normalise';
import { articleTextsIn, REAL_ARTICLE_FOLDERS } from '../fixtures/real-articles';
import { makeRng } from '../fixtures/seeded-random';

const ARTICLES = REAL_ARTICLE_FOLDERS.flatMap(articleTextsIn);

/** What a damaged page holds: letters of both languages, harakat, tatweel, ZWNJ, bidi marks, odd spaces, digits, Latin. */
const PIECES = ['ا', 'ي', 'ی', 'ك', 'ک', 'ة', 'ه', 'أ', 'ؤ', 'ئ', 'َ', 'ِ', 'ّ', 'ـ', '\u200c', '\u200f', '\u202b', '\u00ad', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '۱', '٣', 'A', 'é', 'İ', 'x', '.', '،', '\r\n', 'گ', 'پ'];

function assertSameAsFold(text: string): void {
  const both = decodeAndFold(Buffer.from(text, 'utf8'), true);
  assert.ok(both, `decoded and folded: ${JSON.stringify(text.slice(0, 40))}`);
  const folded = fold(text);
  assert.equal(both.text, text);
  assert.equal(both.folded.key, folded.key);
  assert.deepEqual([...both.folded.start], [...folded.start]);
  assert.deepEqual([...both.folded.end], [...folded.end]);
}

test('an article decoded and folded in one pass reads and maps back exactly as decoding and then folding it', () => {
  assert.ok(ARTICLES.length > 20);
  for (const text of ARTICLES) assertSameAsFold(text);
  const rng = makeRng(7);
  for (let n = 0; n < 2000; n++) {
    let text = '';
    const length = 1 + Math.floor(rng() * 60);
    for (let i = 0; i < length; i++) text += PIECES[Math.floor(rng() * PIECES.length)]!;
    assertSameAsFold(text);
  }
  // The scratch arrays grow for a long article and still give the same map.
  assertSameAsFold(ARTICLES.join('\n').repeat(3));
});

test('where one pass cannot vouch for the fold (a ligature, a character outside the BMP, a control character), it says so', () => {
  assert.equal(decodeAndFold(Buffer.from('سلام ﻻ هنا', 'utf8'), true), null);
  assert.equal(decodeAndFold(Buffer.from('سلام 😀', 'utf8'), true), null);
  assert.equal(decodeAndFold(Buffer.from('سلام\u0001', 'utf8'), true), null);
  // After a byte order mark decodeArticle reads controls as text: so does this.
  assert.ok(decodeAndFold(Buffer.from('سلام\u0001', 'utf8'), false));
});
