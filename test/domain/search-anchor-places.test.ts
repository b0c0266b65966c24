// The matcher tries a term's pattern only near the places its anchors hold (query-matcher.ts,
// anchor-seek.ts), and which places those are is chosen for speed: longer anchors for a word
// written with a space inside it, a sequence sought by its rarest word. Whatever the choice, the
// hits must be those of the pattern tried at every place a hit may start, leftmost first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyAlphabet } from '../../corpus/search/key-alphabet';
import { QueryMatcher, type KeySpan } from '../../corpus/search/query-matcher';
import { compileQuery, type SearchOptions } from '../../corpus/search/search-query';
import { termPattern, termStems } from '../../corpus/search/term-pattern';
import { foldKey } from '../../corpus/text/normalise';
import { leftmostFirst } from '../fixtures/leftmost-spans';
import { makeRng } from '../fixtures/seeded-random';

/** The term's regex tried at every word start (every place, for a phrase), leftmost first, no overlaps. */
function everyStart(key: string, terms: ReturnType<typeof compileQuery>['terms'], arabic: boolean): KeySpan[] | null {
  const a = keyAlphabet();
  const all: KeySpan[] = [];
  for (let t = 0; t < terms.length; t++) {
    const p = termPattern(terms[t]!, a, arabic);
    if (p === null) return null;
    const re = new RegExp(p.source, 'y');
    let n = 0;
    for (let start = 0; start < key.length; start++) {
      if (p.wordStart && start > 0 && a.isWord(key.charCodeAt(start - 1))) continue;
      re.lastIndex = start;
      const m = re.exec(key);
      if (m === null) continue;
      all.push({ start, end: start + m[0].length, term: t });
      n++;
      start += Math.max(0, m[0].length - 1);
    }
    if (n === 0) return null;
  }
  return leftmostFirst(all);
}

/** A word with a space put inside it at random, sometimes two. */
function spaced(w: string, rng: () => number): string {
  let out = w;
  const spaces = rng() < 0.3 ? 2 : 1;
  for (let k = 0; k < spaces && out.length > 2; k++) {
    const at = 1 + Math.floor(rng() * (out.length - 1));
    if (out[at - 1] !== ' ' && out[at] !== ' ') out = `${out.slice(0, at)} ${out.slice(at)}`;
  }
  return out;
}

describe('the places a term is looked for at', () => {
  it('give the hits of the pattern tried at every place a hit may start', () => {
    const rng = makeRng(95);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
    const words = ['الان', 'الانتخابات', 'امام', 'امامی', 'داعش', 'والداعش', 'ایران', 'ایرانی', 'این', 'وزارت', 'وزارتخانه', 'جمهور', 'روابط', 'رئیس', 'گفت', 'وگو', 'و', 'از', 'قال', 'ان', 'ال', 'انسانیه', 'الایرانیه', 'بما', 'الاقتصادیه', 'ها', 'های', 'کمک', 'گفتوگو', 'رئیسجمهور', 'گفت و گو', 'ال ان', 'ام ام', 'ای ران', 'ایر ان', 'دا عش'];
    const queries = ['الان', 'امام', 'داعش', 'ایران', 'این وزارت', 'جمهور روابط', 'رئیس جمهور', 'گفت و گو', 'انسانیه الایرانیه', 'الاقتصادیه بما', 'گفتوگو', 'رئیسجمهور', 'کمک های', 'این، وزارت', '"ال ان"', 'و این وزارت'];
    for (let round = 0; round < 50; round++) {
      const parts: string[] = [];
      for (let i = 0; i < 80; i++) {
        let w = pick(words);
        if (rng() < 0.2 && w.length > 2) w = spaced(w, rng);
        parts.push(w, rng() < 0.1 ? '، ' : rng() < 0.15 ? '' : ' ');
      }
      const key = foldKey(parts.join(''));
      for (const q of queries) {
        for (const options of [{}, { lenient: false }, { wholeWord: true }] as SearchOptions[]) {
          const terms = compileQuery(q, options).terms;
          for (const arabic of [false, true]) {
            const expected = everyStart(key, terms, arabic);
            // The first look: each term's first hit on its own.
            const firsts = terms.map((_, t) => everyStart(key, [terms[t]!], arabic)?.[0]?.start ?? -1);
            // A sequence sought by each of its words in turn (the one whose stem is called rarest).
            const stems = terms.flatMap((t) => termStems(t));
            for (const rare of [null, ...stems]) {
              const m = QueryMatcher.compile(terms, keyAlphabet(), rare === null ? undefined : (stem) => (stem === rare ? 0 : 1));
              const what = `${q} ${JSON.stringify(options)} arabic ${arabic} sought by ${rare} in ${key}`;
              assert.deepEqual(m?.spans(key, arabic) ?? null, expected, what);
              assert.deepEqual(m?.firsts(key, arabic) ?? null, firsts.includes(-1) ? null : firsts, what);
            }
          }
        }
      }
    }
  });
});
