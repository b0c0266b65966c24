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
 * Folds every BMP code unit once, in order, and notes what each became (fold's offset map says
 * which raw unit each key unit came from). Folding is one code unit at a time, but for runs of
 * spaces, which become one: a unit merged into the space before it is a space itself, and one
 * that becomes nothing or a space is a gap either way, so folding them side by side tells all.
 * Surrogates are left out: fold keeps them as they are.
 */
export function foldInverse(): FoldInverse {
  if (inverse) return inverse;
  const raw = new Uint16Array(0x10000 - 0x800);
  for (let i = 0; i < raw.length; i++) raw[i] = i < 0xd800 ? i : i + 0x800;
  // No surrogates in it, so the UTF-16 decoder gives back exactly these units.
  const f = fold(new TextDecoder('utf-16le').decode(raw));
  /** How many key units each raw unit became, and (for one) which. */
  const count = new Uint8Array(0x10000);
  const single = new Uint16Array(0x10000);
  const expanding: number[] = [];
  for (let k = 0; k < f.key.length; k++) {
    const c = raw[f.start[k]!]!;
    if (count[c] === 1) expanding.push(c);
    count[c] = Math.min(2, count[c]! + 1);
    single[c] = f.key.charCodeAt(k);
  }
  const gaps: number[] = [];
  for (let c = count.indexOf(0); c >= 0; c = count.indexOf(0, c + 1)) if (!isSurrogate(c)) gaps.push(c);
  for (let c = single.indexOf(0x20); c >= 0; c = single.indexOf(0x20, c + 1)) if (count[c] === 1) gaps.push(c);
  gaps.sort((a, b) => a - b);
  const sources = (u: number): number[] => {
    if (isSurrogate(u)) return [u];
    const out: number[] = [];
    if (u === 0x20) return out; // what becomes a space is a gap
    // Native searches of the table, rather than a loop over every unit per letter asked for.
    for (let c = single.indexOf(u); c >= 0; c = single.indexOf(u, c + 1)) if (count[c] === 1) out.push(c);
    return out;
  };
  inverse = { sources, gaps, expanding };
  return inverse;
}
