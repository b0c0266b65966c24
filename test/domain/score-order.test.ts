// The first look's order of very many articles (score-order.ts) is the stable sort's: highest
// score first, equal scores in the order the articles came, so that ranking gives the same
// list however the scores are ordered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byScoreDescending } from '../../corpus/search/score-order';
import { makeRng } from '../fixtures/seeded-random';

function stableOrder(scores: Float64Array): number[] {
  return [...scores].map((score, i) => ({ score, i })).sort((x, y) => y.score - x.score).map((x) => x.i);
}

test('many scores, with ties and near ties, come out as a stable sort orders them', () => {
  const rng = makeRng(7);
  for (const n of [0, 1, 2, 17, 3000, 20_000]) {
    const scores = new Float64Array(n);
    // Few distinct values (ties), values a bit apart, and tiny or huge ones.
    for (let i = 0; i < n; i++) scores[i] = i % 3 === 0 ? 1 + Math.floor(rng() * 5) / 4 : i % 3 === 1 ? rng() * 3 : 10 ** (rng() * 20 - 10);
    assert.deepEqual([...byScoreDescending(scores, n)], stableOrder(scores));
  }
});

test('scores that are not positive numbers are ordered as the comparator orders them', () => {
  const scores = new Float64Array([2, 0, -1, 3, 0, 2]);
  assert.deepEqual([...byScoreDescending(scores, scores.length)], stableOrder(scores));
});
