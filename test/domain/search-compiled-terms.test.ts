// A query's terms are compiled once and kept (query-matcher.ts, pattern-pieces.ts,
// word-forms.ts): what is kept must never answer for another term. The same words asked
// with other options, in any order, keep each their own hits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyAlphabet } from '../../corpus/search/key-alphabet';
import { QueryMatcher, type KeySpan } from '../../corpus/search/query-matcher';
import { compileQuery, type SearchOptions } from '../../corpus/search/search-query';
import { termPattern } from '../../corpus/search/term-pattern';
import { suffixesAfter } from '../../corpus/search/word-forms';
import { foldKey } from '../../corpus/text/normalise';
import { leftmostFirst } from '../fixtures/leftmost-spans';
import { makeRng } from '../fixtures/seeded-random';

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

// The matcher looks for an anchor by its rarest letter, one stream per anchor or one for all;
// before, it looked at every place the anchors' shared start occurs. That way, kept here as
// the reference, must find the very same hits.
function referenceSpans(key: string, terms: ReturnType<typeof compileQuery>['terms'], arabic: boolean): KeySpan[] | null {
  const a = keyAlphabet();
  const all: KeySpan[] = [];
  for (let ti = 0; ti < terms.length; ti++) {
    const p = termPattern(terms[ti]!, a, arabic);
    if (p === null) return null;
    const anchors = p.anchors.filter((x) => x !== '');
    let prefix = anchors[0]!;
    for (const x of anchors) while (!x.startsWith(prefix)) prefix = prefix.slice(0, -1);
    if (prefix === '') prefix = anchors[0]!;
    const re = new RegExp(p.source, 'y');
    const lead = Math.max(0, ...p.before.map((x) => x.length));
    const follow = p.follow === null ? null : new Set([...p.follow].map((x) => x.charCodeAt(0)));
    let n = 0;
    let reached = 0;
    let last = -1;
    for (let at = key.indexOf(prefix); at >= 0; at = key.indexOf(prefix, at + 1)) {
      if (!key.startsWith(anchors[0]!, at)) {
        if (!anchors.some((x, i) => i > 0 && key.startsWith(x, at))) continue;
      } else if (follow !== null) {
        const after = at + anchors[0]!.length;
        if (after < key.length && a.isWord(key.charCodeAt(after)) && !follow.has(key.charCodeAt(after))) continue;
      }
      let start = at;
      if (p.wordStart) {
        while (start > 0 && at - start < lead && a.isWord(key.charCodeAt(start - 1))) start--;
        if (start > 0 && a.isWord(key.charCodeAt(start - 1))) continue;
        if (!p.before.includes(key.slice(start, at))) continue;
      }
      if (start < reached || start === last) continue;
      last = start;
      re.lastIndex = start;
      const m = re.exec(key);
      if (m === null) continue;
      all.push({ start, end: start + m[0].length, term: ti });
      reached = start + m[0].length;
      n++;
    }
    if (n === 0) return null;
  }
  return leftmostFirst(all);
}

describe('looking for anchors by their rarest letter', () => {
  it('finds the same hits as looking at every place their shared start occurs', () => {
    const rng = makeRng(25);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
    const words = ['ایران', 'ایرانی', 'است', 'استقرار', 'رئیس', 'جمهور', 'رئیسجمهور', 'گفت', 'وگو', 'و', 'از', 'الرئیس', 'والرئیس', 'للرئیس', 'حکومه', 'حکومتها', 'کمک', 'های', 'ها', 'سوال', 'تونس', 'والجزائر', 'نامه', 'بالایران', 'ایرانیها', 'روحانی', 'رو حانی', 'روح', 'انسانیه', 'ان سانیه', 'انسان'];
    const queries = ['ایران', 'است', 'رئیس جمهور', 'رئیسجمهور', 'گفت و گو', 'گفتوگو', 'الرئیس', 'حکومه', 'کمک های', 'سوال', 'ایران، است', 'رئیس، جمهور', '"ایران"', '"ران ا"', 'نامه', 'و', 'روحانی', 'انسانیه', 'انسانیه الایرانیه'];
    for (let round = 0; round < 60; round++) {
      const parts: string[] = [];
      for (let i = 0; i < 80; i++) {
        let w = pick(words);
        if (rng() < 0.15 && w.length > 3) w = `${w.slice(0, 2)} ${w.slice(2)}`;
        parts.push(w, rng() < 0.1 ? '، ' : rng() < 0.2 ? '' : ' ');
      }
      const key = foldKey(parts.join(''));
      for (const q of queries) {
        for (const options of [{}, { lenient: false }, { wholeWord: true }] as SearchOptions[]) {
          const terms = compileQuery(q, options).terms;
          for (const arabic of [false, true]) {
            const m = QueryMatcher.compile(terms, keyAlphabet());
            assert.deepEqual(m?.spans(key, arabic) ?? null, referenceSpans(key, terms, arabic), `${q} ${JSON.stringify(options)} arabic ${arabic} in ${key}`);
          }
        }
      }
    }
  });
});
