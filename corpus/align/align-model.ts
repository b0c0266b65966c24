// The Gale–Church length model: a translated segment's length is roughly proportional to its
// source's length, with a variance that grows with the length. Lengths count letters and
// digits only, so that punctuation habits, spaces and the joined or spaced Persian words
// (`رئیسجمهور` / `رئیس جمهور`) do not move them.
import type { AlignmentLink, PairingKind } from '../../annotations/model/types';

export interface AlignParams {
  /** Expected letters of the second text per letter of the first. */
  c: number;
  /** Variance of the second length per letter of the first (Gale and Church: 6.8 for European pairs). */
  s2: number;
}

export type AlignKind = PairingKind;

/** A bead: how many segments of each text one link takes. */
export interface BeadCategory {
  a: number;
  b: number;
  /** Natural log of the prior probability. */
  logPrior: number;
}

/**
 * Gale and Church's value. A careful Persian or Arabic to English translation varies less
 * (about 1.5–2 on the project's test set), a free one more; confirmed links move it either way.
 */
export const DEFAULT_S2 = 6.8;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

export function measure(text: string): number {
  return text.match(LETTER_OR_DIGIT)?.length ?? 0;
}

function categories(weights: Array<[number, number, number]>): BeadCategory[] {
  const total = weights.reduce((s, [, , w]) => s + w, 0);
  return weights.map(([a, b, w]) => ({ a, b, logPrior: Math.log(w / total) }));
}

// Sentence priors after Gale and Church (1-1 .89, 1-0/0-1 .0099, 2-1/1-2 .089, 2-2 .011),
// with room for the 1-3 and 3-1 splits that long Persian and Arabic sentences get in English.
const SENTENCE_TRANSLATION = categories([
  [1, 1, 0.86],
  [1, 0, 0.006],
  [0, 1, 0.006],
  [2, 1, 0.045],
  [1, 2, 0.05],
  [2, 2, 0.011],
  [3, 1, 0.006],
  [1, 3, 0.008],
]);

// Paragraphs: web page furniture (weather bars, share buttons, news codes) is left out of a
// translation, so whole paragraphs go unmatched far more often than sentences do.
const PARAGRAPH_TRANSLATION = categories([
  [1, 1, 0.8],
  [1, 0, 0.06],
  [0, 1, 0.03],
  [2, 1, 0.04],
  [1, 2, 0.04],
  [2, 2, 0.01],
  [3, 1, 0.01],
  [1, 3, 0.01],
]);

// Two reports of one event share some statements and not others, in another order and
// another length: unmatched segments are the rule.
const COMPARABLE = categories([
  [1, 1, 0.4],
  [1, 0, 0.22],
  [0, 1, 0.22],
  [2, 1, 0.06],
  [1, 2, 0.06],
  [2, 2, 0.04],
]);

export function beadCategories(kind: AlignKind, level: 'paragraph' | 'sentence'): BeadCategory[] {
  if (kind === 'comparable') return COMPARABLE;
  return level === 'paragraph' ? PARAGRAPH_TRANSLATION : SENTENCE_TRANSLATION;
}

/**
 * log(erfc(x)) for x >= 0, accurate far into the tail where erfc itself underflows
 * (Numerical Recipes' erfcc, fractional error below 1.2e-7, taken in log space).
 */
function logErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) + poly;
}

/**
 * Cost of leaving `letters` (counted in the first text's letters) without a counterpart.
 * Gale and Church score a deletion with the same length tail as a match, which makes any
 * sentence longer than a headline practically impossible to leave out; an omitted sentence
 * or a translator's note should cost in proportion to its length, and no more.
 */
export const DELETION_LOG_PER_LETTER = -0.05;

/** log P(lengths | the segments translate each other): the two-sided tail of the length deviation. */
export function lengthLogProb(la: number, lb: number, params: AlignParams): number {
  const mean = (la + lb / params.c) / 2;
  if (mean <= 0) return 0;
  const z = Math.abs(lb - la * params.c) / Math.sqrt(params.s2 * mean);
  return logErfc(z / Math.SQRT2);
}

/** Starting parameters for a pair of texts: the ratio of their lengths. */
export function defaultParams(lengthA: number, lengthB: number): AlignParams {
  const c = lengthA > 0 && lengthB > 0 ? lengthB / lengthA : 1;
  return { c, s2: DEFAULT_S2 };
}

/** How many confirmed links weigh as much as the starting parameters. */
const PRIOR_WEIGHT = 4;

/**
 * Re-estimates c and s² from the links a person has confirmed (maximum likelihood under the
 * model, lb ~ N(c·la, s²·la)), shrunk towards `base` while there are few of them so that two
 * odd links cannot wreck the alignment of the rest.
 */
export function estimateParams(confirmed: readonly AlignmentLink[], textA: string, textB: string, base?: AlignParams): AlignParams {
  const start = base ?? defaultParams(measure(textA), measure(textB));
  const pairs: Array<[number, number]> = [];
  for (const link of confirmed) {
    const la = measure(textA.slice(link.a[0], link.a[1]));
    const lb = measure(textB.slice(link.b[0], link.b[1]));
    if (la > 0 && lb > 0) pairs.push([la, lb]);
  }
  const n = pairs.length;
  if (n === 0) return { ...start };
  const sumA = pairs.reduce((s, [la]) => s + la, 0);
  const sumB = pairs.reduce((s, [, lb]) => s + lb, 0);
  const cHat = sumB / sumA;
  const c = (n * cHat + PRIOR_WEIGHT * start.c) / (n + PRIOR_WEIGHT);
  const s2Hat = pairs.reduce((s, [la, lb]) => s + (lb - c * la) ** 2 / la, 0) / n;
  const s2 = (n * s2Hat + PRIOR_WEIGHT * start.s2) / (n + PRIOR_WEIGHT);
  return { c, s2: Math.max(1, s2) };
}
