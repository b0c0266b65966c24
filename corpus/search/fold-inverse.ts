// What folding does to each character, read back from fold's own tables (normalise.ts's
// foldTables, what fold itself runs on) rather than copied from them: which raw characters
// become a given key character, which vanish or become the space, and which become several.
// The scan's raw-text prefilter (raw-prefilter.ts) is built from it, so that it can never
// disagree with the fold it stands in for.
import { EXPAND, foldTables, KEEP, SPACE, SURROGATE } from '../text/normalise';

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
 * What fold does with each BMP code unit on its own, from its tables: a kept unit becomes its
 * mapped unit, a space the space, a ligature its expansion; marks and dropped units become
 * nothing. (Folding a string of the whole BMP and reading its offset map, as this did before,
 * took a thread starting a search some 20 ms; a test holds the two to the same answers.)
 * A run of spaces folds to one, but a space is a gap whether it becomes the space or merges
 * into it, so units taken one at a time tell all. Surrogates are left out: fold keeps them as
 * they are.
 */
export function foldInverse(): FoldInverse {
  if (inverse) return inverse;
  const { cls, map, expansions } = foldTables();
  /** How many key units each raw unit becomes (2 for more than one), and (for one) which. */
  const count = new Uint8Array(0x10000);
  const single = new Uint16Array(0x10000);
  const expanding: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    switch (cls[c]) {
      case KEEP:
        count[c] = 1;
        single[c] = map[c]!;
        break;
      case SPACE:
        count[c] = 1;
        single[c] = 0x20;
        break;
      case EXPAND: {
        const e = expansions.get(c)!;
        count[c] = Math.min(2, e.length);
        single[c] = e.charCodeAt(e.length - 1);
        if (e.length > 1) expanding.push(c);
        break;
      }
      case SURROGATE:
        break; // left out: see isSurrogate
      default: // MARK, DROP: nothing
    }
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
