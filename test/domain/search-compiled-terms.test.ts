// A query's terms are compiled once and kept (query-matcher.ts, pattern-pieces.ts,
// word-forms.ts): what is kept must never answer for another term. The same words asked
// with other options, in any order, keep each their own hits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyAlphabet } from '../../corpus/search/key-alphabet';
import { QueryMatcher } from '../../corpus/search/query-matcher';
import { compileQuery, type SearchOptions } from '../../corpus/search/search-query';
import { suffixesAfter } from '../../corpus/search/word-forms';
import { foldKey } from '../../corpus/text/normalise';

const KEY = foldKey('رئیس جمهور گفت. رئیسجمهور آمد. رئیسی رفت. الرئیس قال.');

function hits(query: string, options: SearchOptions, arabic = false): string[] {
  const m = QueryMatcher.compile(compileQuery(query, options).terms, keyAlphabet());
  return (m?.spans(KEY, arabic) ?? []).map((s) => KEY.slice(s.start, s.end));
}

describe('terms compiled once and kept', () => {
  it('keep each their own hits when the same words are asked strict, lenient and whole-word, in any order', () => {
    const asks: Array<[string, SearchOptions, string[]]> = [
      ['رئیس جمهور', { lenient: true }, ['رئیس جمهور', 'رئیسجمهور']],
      ['رئیس جمهور', { lenient: false }, ['رئیس جمهور']],
      ['رئیس', { wholeWord: true }, ['رئیس']],
      ['رئیس', {}, ['رئیس', 'رئیسی', 'الرئیس']],
      ['"رئیس"', {}, ['رئیس', 'رئیس', 'رئیس', 'رئیس']],
    ];
    for (const order of [asks, [...asks].reverse(), asks]) {
      for (const [query, options, expected] of order) assert.deepEqual(hits(query, options), expected.map((x) => foldKey(x)), `${query} ${JSON.stringify(options)}`);
    }
  });

  it('give a short word only the suffixes of its length however often longer ones were asked first', () => {
    for (const n of [5, 2, 9, 3, 4, 1]) {
      const list = suffixesAfter(n);
      assert.equal(list.includes('ی'), n >= 3, `one-letter extension after ${n} letters`);
      assert.equal(list.includes('ش'), n >= 4, `one-letter pronoun after ${n} letters`);
      list.length = 0; // a caller's copy: changing it changes nothing kept
      assert.ok(suffixesAfter(n).length > 0);
    }
    assert.deepEqual(suffixesAfter(4), suffixesAfter(40));
  });
});
