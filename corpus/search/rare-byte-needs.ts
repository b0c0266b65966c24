// The raw-text prefilter's needs (raw-prefilter.ts) checked on a file's UTF-8 bytes without a
// regex: the regex over the file read as latin1 tried a match at every byte like its first
// letter's (ن of نخست: one Arabic letter in thirty), and a native search for a whole spelling
// fares no better (UTF-8 Arabic is a few lead bytes over and over). Here only the last byte of
// the need's rarest letter is searched for (memchr: a tenth of the cost), and from each place
// it stands the letters are walked out on both sides, gaps skipped, in plain code. Walking is
// exact because no character is both a gap and a letter's source, nor a source of two letters.
//
// Presentation forms (U+FB50–U+FEFF, the only characters that fold to several letters) all
// begin with the byte 0xEF; a file holding that byte is left to the regex, so here every
// letter's sources are the ones written without it.
import type { FoldInverse } from './fold-inverse';

/** The lead byte of U+F000–U+FFFF in UTF-8: a file that has it is not checked here. */
export const SKIPPED_LEAD = 0xef;

/**
 * Rough frequencies (per cent of letters) of the characters that make up most Arabic and
 * Persian text, for choosing the rarest letter of a need; other characters count as rare.
 * A poor guess only makes a check slower, never wrong.
 */
const FREQUENT: Record<string, number> = {
  'ا': 12, 'ل': 9, 'ی': 5, 'ي': 6, 'ن': 6, 'م': 6, 'و': 6, 'ر': 5, 'ه': 4, 'ب': 4, 'ت': 4, 'د': 3, 'ة': 3, 'أ': 2,
  'س': 2.5, 'ع': 2.5, 'ک': 1.5, 'ك': 1.5, 'ف': 2.5, 'ق': 2, 'ح': 2, 'ج': 1.5, 'ش': 1.2, 'ز': 1, 'إ': 1, 'ى': 1,
  'خ': 0.8, 'ص': 0.8, 'ط': 0.8, 'پ': 0.4, 'گ': 0.6, 'ض': 0.5, 'ذ': 0.6, 'غ': 0.5, 'ث': 0.5, 'چ': 0.3, 'ئ': 0.5,
  ' ': 15, '\n': 1, '.': 1, '،': 1, e: 2, a: 2, t: 2, o: 2, i: 2, n: 2, s: 2, r: 2,
};

/** How often a byte ends a character, from FREQUENT. */
const LAST_BYTE_SHARE = (() => {
  const share = new Float64Array(256);
  for (const [ch, pct] of Object.entries(FREQUENT)) {
    const bytes = Buffer.from(ch, 'utf8');
    share[bytes[bytes.length - 1]!]! += pct;
  }
  return share;
})();

/** The UTF-8 of a BMP code unit that is not a surrogate. */
function utf8(c: number): number[] {
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 0x3f)];
  return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
}

/** Set by charAt and charBefore: the length in bytes of the character they decoded. */
let charLength = 0;

/** The code point starting at b[i] (charLength its bytes), -1 past the end or where the bytes are not UTF-8 there. */
function charAt(b: Buffer, i: number, n: number): number {
  if (i >= n) return -1;
  const c0 = b[i]!;
  if (c0 < 0x80) {
    charLength = 1;
    return c0;
  }
  let more: number;
  let c: number;
  if (c0 < 0xc2) return -1;
  if (c0 < 0xe0) {
    more = 1;
    c = c0 & 0x1f;
  } else if (c0 < 0xf0) {
    more = 2;
    c = c0 & 0x0f;
  } else if (c0 < 0xf5) {
    more = 3;
    c = c0 & 0x07;
  } else return -1;
  if (i + more >= n) return -1;
  for (let k = 1; k <= more; k++) {
    const ck = b[i + k]!;
    if ((ck & 0xc0) !== 0x80) return -1;
    c = (c << 6) | (ck & 0x3f);
  }
  charLength = more + 1;
  return c;
}

/** The code point ending just before b[j] (charLength its bytes), -1 at the start or where the bytes are not UTF-8 there. */
function charBefore(b: Buffer, j: number, n: number): number {
  let i = j - 1;
  while (i >= 0 && i > j - 4 && (b[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return -1;
  const c = charAt(b, i, n);
  return c >= 0 && i + charLength === j ? c : -1;
}

let gapTable: { inv: FoldInverse; gap: Uint8Array } | null = null;

/** 1 for each code unit that may stand between two letters of a stem (FoldInverse.gaps). */
function gapsOf(inv: FoldInverse): Uint8Array {
  if (gapTable?.inv !== inv) {
    const gap = new Uint8Array(0x10000);
    for (const c of inv.gaps) gap[c] = 1;
    gapTable = { inv, gap };
  }
  return gapTable.gap;
}

/**
 * For each need (folded stems, letters only, one of which must stand in the text), a check
 * that the bytes hold one of its stems, each letter any of its sources, gaps allowed between
 * letters: what raw-prefilter.ts's regex of the same need matches, for valid UTF-8 without
 * the byte SKIPPED_LEAD. (Elsewhere it may answer either way: the caller trusts a no only
 * from valid UTF-8.)
 */
export function rareByteNeeds(needs: ReadonlyArray<readonly string[]>, inv: FoldInverse): Array<(b: Buffer) => boolean> {
  const gap = gapsOf(inv);
  return needs.map((alternatives) => {
    // A stem holding another holds a spelling of it: the shorter one decides alone.
    const kept = alternatives.filter((a) => !alternatives.some((o) => o !== a && a.includes(o)));
    const walks = kept.map((stem) => walkOf(stem, inv, gap));
    return (b: Buffer) => walks.some((walk) => walk(b));
  });
}

/** Code points not in the table (beyond the BMP) are neither gaps nor letters. */
function lookup(table: Uint8Array | Uint16Array, c: number): number {
  return c < table.length ? table[c]! : 0;
}

/** Whether the bytes hold a spelling of the stem, found from its rarest letter. */
function walkOf(stem: string, inv: FoldInverse, gap: Uint8Array): (b: Buffer) => boolean {
  const letters = Array.from({ length: stem.length }, (_, i) => stem.charCodeAt(i));
  const distinct = [...new Set(letters)];
  /** For each source (written without SKIPPED_LEAD) of a letter of the stem, that letter's index in `distinct` + 1. */
  const letterOf = new Uint16Array(0x10000);
  const lastBytes = distinct.map(() => new Set<number>());
  distinct.forEach((u, d) => {
    for (const s of inv.sources(u)) {
      const bytes = utf8(s);
      if (bytes[0] === SKIPPED_LEAD) continue;
      letterOf[s] = d + 1;
      lastBytes[d]!.add(bytes[bytes.length - 1]!);
    }
  });
  const wanted = letters.map((u) => distinct.indexOf(u) + 1);
  // The rarest letter: the fewest places its sources' last bytes stand, a search each.
  const cost = (d: number) => [...lastBytes[d]!].reduce((sum, x) => sum + LAST_BYTE_SHARE[x]! + 0.05, 0);
  let at = 0;
  for (let i = 1; i < letters.length; i++) if (cost(wanted[i]! - 1) < cost(wanted[at]! - 1)) at = i;
  const anchor = wanted[at]!;
  const searched = [...lastBytes[anchor - 1]!];
  const m = letters.length;
  /** Whether the stem's letters stand around the anchor letter found at start..end. */
  const around = (b: Buffer, n: number, start: number, end: number): boolean => {
    let i = end;
    for (let k = at + 1; k < m; ) {
      const c = charAt(b, i, n);
      if (c < 0) return false;
      i += charLength;
      if (lookup(letterOf, c) === wanted[k]) k++;
      else if (lookup(gap, c) === 0) return false;
    }
    let j = start;
    for (let k = at - 1; k >= 0; ) {
      const c = charBefore(b, j, n);
      if (c < 0) return false;
      j -= charLength;
      if (lookup(letterOf, c) === wanted[k]) k--;
      else if (lookup(gap, c) === 0) return false;
    }
    return true;
  };
  return (b) => {
    const n = b.length;
    for (const x of searched) {
      for (let q = b.indexOf(x); q >= 0; q = b.indexOf(x, q + 1)) {
        const c = charBefore(b, q + 1, n);
        if (c >= 0 && lookup(letterOf, c) === anchor && around(b, n, q + 1 - charLength, q + 1)) return true;
      }
    }
    return false;
  };
}
