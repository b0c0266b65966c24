// What folding does to each character, read back from fold() itself rather than copied from
// its tables: which raw characters become a given key character, which vanish or become the
// space, and which become several. The scan's raw-text prefilter (raw-prefilter.ts) is built
// from it, so that it can never disagree with the fold it stands in for.
import { fold } from '../text/normalise';

export interface FoldInverse {
  /** The raw code units that fold to exactly this one key unit (surrogates aside). */
  sources(keyUnit: number): readonly number[];
  /** Raw code units that fold to nothing or to the space: all that may stand between two letters of a stem. */
  readonly gaps: readonly number[];
  /** Raw code units that fold to more than one key unit (presentation-form ligatures). */
  readonly expanding: readonly number[];
}

let inverse: FoldInverse | null = null;

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/**
 * Folds every BMP code unit once, each after a plain letter (so that a mark has a letter to
 * belong to and a space is never merged with the one before it), and notes what it became.
 * Folding is one code unit at a time (only runs of spaces are merged), so this is all of it.
 * Surrogates are left out: fold keeps them as they are.
 */
export function foldInverse(): FoldInverse {
  if (inverse) return inverse;
  const SEPARATOR = 0x61; // 'a' folds to itself
  const raw = new Uint16Array(2 * (0x10000 - 0x800));
  let n = 0;
  for (let c = 0; c < 0x10000; c++) {
    if (isSurrogate(c)) continue;
    raw[n++] = SEPARATOR;
    raw[n++] = c;
  }
  // No surrogates in it, so the UTF-16 decoder gives back exactly these units.
  const f = fold(new TextDecoder('utf-16le').decode(raw));
  /** Key units each raw unit became, and the one it became when there was one. */
  const count = new Uint8Array(0x10000);
  const single = new Uint16Array(0x10000);
  for (let k = 0; k < f.key.length; k++) {
    const at = f.start[k]!;
    if (at % 2 === 0) continue; // a separator's own key unit
    const c = raw[at]!;
    count[c] = Math.min(255, count[c]! + 1);
    single[c] = f.key.charCodeAt(k);
  }
  const gaps: number[] = [];
  const expanding: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (isSurrogate(c)) continue;
    if (count[c] === 0 || (count[c] === 1 && single[c] === 0x20)) gaps.push(c);
    else if (count[c]! > 1) expanding.push(c);
  }
  // The raw units of each key unit, bucketed by key unit (a counting sort): one pass, not one per letter asked for.
  const first = new Uint32Array(0x10001);
  for (let c = 0; c < 0x10000; c++) if (count[c] === 1 && single[c] !== 0x20) first[single[c]! + 1]!++;
  for (let u = 0; u < 0x10000; u++) first[u + 1]! += first[u]!;
  const bucket = new Uint16Array(first[0x10000]!);
  const fill = first.slice(0, 0x10000);
  for (let c = 0; c < 0x10000; c++) if (count[c] === 1 && single[c] !== 0x20) bucket[fill[single[c]!]!++] = c;
  const sources = (u: number): number[] => (isSurrogate(u) ? [u] : Array.from(bucket.subarray(first[u]!, first[u + 1]!)));
  inverse = { sources, gaps, expanding };
  return inverse;
}
