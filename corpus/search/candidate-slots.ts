// Which articles can hold a query: the slots in every trigram list of its stems. Shared by the
// index in memory (search-index.ts) and the index read in place from its file
// (index-in-place.ts), so that both narrow to the same candidates.
import { trigram, type CodePage } from './code-page';
import type { CompiledTerm } from './search-query';
import { termStems } from './term-pattern';

/** A trigram's list: its length (0 when the trigram never occurs) and its slots, ascending. */
export interface TrigramLists {
  count(gram: number): number;
  slots(gram: number): Uint32Array;
}

/** Trigram numbers of a stem (spaces left out); null when it cannot occur in any article. */
function gramsOf(page: CodePage, stem: string): number[] | null {
  const enc = page.encode(stem.replace(/ /g, ''), false);
  if (enc === null) return null;
  const sym = page.sym;
  const out = new Set<number>();
  for (let i = 2; i < enc.length; i++) {
    out.add(trigram(sym[enc.charCodeAt(i - 2)]!, sym[enc.charCodeAt(i - 1)]!, sym[enc.charCodeAt(i)]!));
  }
  return [...out];
}

/** The distinct trigrams of the terms' stems; null when a stem cannot occur in any article. */
export function termGrams(terms: readonly CompiledTerm[], page: CodePage): number[] | null {
  const grams: number[] = [];
  for (const t of terms) {
    for (const stem of termStems(t)) {
      const g = gramsOf(page, stem);
      if (g === null) return null;
      grams.push(...g);
    }
  }
  return [...new Set(grams)];
}

/**
 * How many articles at most hold a stem: its rarest trigram's count (Infinity for a stem too
 * short to have one). Which word of a sequence to seek by (query-matcher.ts) asks it.
 */
export function stemRarity(page: CodePage, lists: TrigramLists): (stem: string) => number {
  return (stem) => {
    const grams = gramsOf(page, stem);
    if (grams === null) return 0;
    let least = Infinity;
    for (const g of grams) least = Math.min(least, lists.count(g));
    return least;
  };
}

/** Candidate slots for all terms, or null for "every article" (no stem long enough to narrow). */
export function candidateSlots(terms: readonly CompiledTerm[], page: CodePage, lists: TrigramLists): Uint32Array | null {
  const unique = termGrams(terms, page);
  if (unique === null) return new Uint32Array(0);
  if (unique.length === 0) return null;
  if (unique.some((g) => lists.count(g) === 0)) return new Uint32Array(0);
  unique.sort((x, y) => lists.count(x) - lists.count(y));
  let current = lists.slots(unique[0]!);
  for (let i = 1; i < unique.length && current.length > 0; i++) {
    // A list far longer than the candidates narrows them little; checking keys is cheaper.
    if (i >= 3 && lists.count(unique[i]!) > current.length * 16) break;
    current = intersect(current, lists.slots(unique[i]!));
  }
  return current;
}

/** The slots in both sorted lists. */
export function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, k);
}
