// A check on an article's raw text, before it is folded, that rules out most articles a query
// cannot hit: the scan with no index (scan-articles.ts) folds and matches only those that
// pass. It must never rule out an article with a hit, so it is built from what folding does
// (fold-inverse.ts) and from what every hit holds, once spaces are left out: each stem
// (term-pattern.ts's termStems, what the index's trigrams narrow by) and one of its term's
// anchors (what the matcher looks for first; a typed article's ل before the stem). In the
// raw text, each of those letters is any character that folds to it, and between two of them
// may stand only characters that fold to nothing or to a space (diacritics, tatweel, ZWNJ,
// bidi marks, whitespace). A ligature that folds to several letters could hold part of a stem:
// a text with one passes whatever it says.
//
// The same check runs on the bytes of a plain-text file, so that a file ruled out is not even
// decoded: each character is then its UTF-8 bytes, matched in the file read as latin1 (one
// byte, one character, no decoding). That holds only for a file the decoder reads as UTF-8;
// any other passes, to be decoded and checked as text.
import { isUtf8 } from 'node:buffer';
import { foldInverse } from './fold-inverse';
import type { CompiledQuery } from './search-query';
import { keyAlphabet } from './key-alphabet';
import { rareByteNeeds, SKIPPED_LEAD } from './rare-byte-needs';
import { termPattern, termStems } from './term-pattern';

export interface RawPrefilter {
  /** False only when the text, folded, cannot hold a hit of every term. */
  textMayHold(text: string): boolean;
  /**
   * For a file decodeArticle decodes by detection (no encoding chosen for it): false when its
   * text cannot hold a hit of every term (it need not be decoded), true when it passes as
   * its text would, null when its bytes cannot tell (the decoded text is to be checked).
   */
  bytesMayHold(bytes: Uint8Array): boolean | null;
  /** bytesMayHold's answer with what it read on the way, for decoding without reading the bytes again. */
  checkBytes(bytes: Uint8Array): BytesCheck;
}

export interface BytesCheck {
  verdict: boolean | null;
  /** The bytes after a UTF-8 byte order mark (all of them when there is none). */
  body: Buffer;
  bom: boolean;
}

const NEVER = '(?!)';

function hex(n: number, digits: number): string {
  return n.toString(16).padStart(digits, '0');
}

/** Sorted numbers as [lo, hi] runs. */
function runs(values: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === v - 1) last[1] = v;
    else out.push([v, v]);
  }
  return out;
}

/** A regex class of code units (or of latin1 bytes), `(?!)` when there are none. */
function unitClass(units: readonly number[], digits = 4): string {
  if (units.length === 0) return NEVER;
  const esc = (n: number) => (digits === 2 ? `\\x${hex(n, 2)}` : `\\u${hex(n, 4)}`);
  return `[${runs(units)
    .map(([lo, hi]) => (lo === hi ? esc(lo) : `${esc(lo)}-${esc(hi)}`))
    .join('')}]`;
}

/** The UTF-8 bytes of a BMP code unit that is not a surrogate. */
function utf8(c: number): number[] {
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 0x3f)];
  return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
}

/** A regex over latin1 text matching the UTF-8 bytes of any of `units`, as a trie of byte classes. */
function byteAlternation(units: readonly number[]): string {
  const seqs = units.map(utf8);
  if (seqs.length === 0) return NEVER;
  const branch = (list: number[][]): string => {
    const ends = list.filter((s) => s.length === 1).map((s) => s[0]!);
    const byFirst = new Map<number, number[][]>();
    for (const s of list) {
      if (s.length === 1) continue;
      const rest = byFirst.get(s[0]!) ?? [];
      rest.push(s.slice(1));
      byFirst.set(s[0]!, rest);
    }
    const parts: string[] = ends.length > 0 ? [unitClass(ends, 2)] : [];
    for (const [first, rest] of byFirst) parts.push(`\\x${hex(first, 2)}${branch(rest)}`);
    return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
  };
  return branch(seqs);
}

function unitsOf(s: string): number[] {
  return Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
}

function hasSurrogate(s: string): boolean {
  return /[\ud800-\udfff]/.test(s);
}

/** What every hit of the query holds, each stem without its spaces (empty ones hold nothing to check). */
function stemsOf(query: CompiledQuery): string[][] {
  const unspaced = (list: readonly string[]) => [...new Set(list.map((s) => s.replace(/ /g, '')))];
  const needs: string[][] = [];
  for (const t of query.terms) {
    for (const stem of unspaced(termStems(t))) needs.push([stem]);
    // And one of the anchors the matcher looks for (a typed article's ل before the stem, say),
    // in an Arabic article or any other.
    const patterns = [termPattern(t, keyAlphabet(), true), termPattern(t, keyAlphabet(), false)];
    if (patterns.every((p) => p !== null)) needs.push(unspaced(patterns.flatMap((p) => p!.anchors)));
  }
  const shortest = (alternatives: string[]) => Math.min(...alternatives.map((a) => a.length));
  // Longer ones first: they rule out more, and the first that fails ends the check.
  const seen = new Set<string>();
  return needs
    .filter((alternatives) => !alternatives.includes('') && !seen.has(alternatives.join('|')) && seen.add(alternatives.join('|')))
    .sort((a, b) => shortest(b) - shortest(a));
}

const prefilters = new WeakMap<CompiledQuery, RawPrefilter>();

/** The query's prefilter, built once per query (a worker builds it before its articles arrive). */
export function prefilterOf(query: CompiledQuery): RawPrefilter {
  let p = prefilters.get(query);
  if (!p) prefilters.set(query, (p = rawPrefilter(query)));
  return p;
}

/** The prefilter of a query: every stem, spelled in raw characters with gaps allowed between its letters. */
export function rawPrefilter(query: CompiledQuery): RawPrefilter {
  const inv = foldInverse();
  const stems = stemsOf(query);
  const textGap = `${unitClass(inv.gaps)}*`;
  const textStems = stems.map((alternatives) => new RegExp(alternatives.map((s) => unitsOf(s).map((u) => unitClass(inv.sources(u))).join(textGap)).join('|')));
  const textExpanding = new RegExp(unitClass(inv.expanding));
  const textMayHold = (text: string) => textStems.every((re) => re.test(text)) || textExpanding.test(text);
  // A stem with a surrogate has no UTF-8 spelling one code unit at a time: such a query's
  // files are all decoded (and checked as text).
  if (stems.some((alternatives) => alternatives.some(hasSurrogate))) {
    const unknown = (b: Uint8Array): BytesCheck => ({ verdict: null, body: Buffer.from(b.buffer, b.byteOffset, b.byteLength), bom: false });
    return { textMayHold, bytesMayHold: () => null, checkBytes: unknown };
  }
  const byteGap = `${byteAlternation(inv.gaps)}*`;
  const byteStems = stems.map((alternatives) => new RegExp(alternatives.map((s) => unitsOf(s).map((u) => byteAlternation(inv.sources(u))).join(byteGap)).join('|')));
  const byteExpanding = new RegExp(byteAlternation(inv.expanding));
  // Every expanding character's UTF-8 begins with one byte (0xEF, presentation forms), which
  // a plain search finds far faster than the pattern: the pattern only runs where it occurs.
  const leads = new Set(inv.expanding.map((u) => String.fromCharCode(utf8(u)[0]!)));
  const lead = leads.size === 1 ? [...leads][0]! : null;
  const mayExpand = (latin1: string) => (lead === null || latin1.includes(lead)) && byteExpanding.test(latin1);
  // Each need's alternatives written as they are, where every letter is one of its own
  // sources: found as such, they pass without the pattern (a native search, no latin1 copy).
  const literal = (stem: string) => (unitsOf(stem).every((u) => inv.sources(u).includes(u)) ? Buffer.from(stem, 'utf8') : null);
  const literals = stems.map((alternatives) => alternatives.map(literal));
  const literally = (body: Buffer) => literals.every((alternatives) => alternatives.some((l) => l !== null && body.indexOf(l) >= 0));
  // A file without the byte presentation forms begin with (nearly all) has its needs walked out
  // from their rarest letters (rare-byte-needs.ts) rather than by the literal search, the latin1
  // copy and the regex: the bench's 20,000 articles checked for 'نخست وزیر' in 60 ms of CPU, not 234.
  const walked = lead === String.fromCharCode(SKIPPED_LEAD) ? rareByteNeeds(stems, inv) : null;
  const checkBytes = (b: Uint8Array): BytesCheck => {
    const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    const body = Buffer.from(b.buffer, b.byteOffset + (bom ? 3 : 0), b.byteLength - (bom ? 3 : 0));
    // UTF-16 and UTF-32 byte order marks: other encodings.
    if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return { verdict: null, body, bom };
    // NULs: the decoder may take the file for UTF-16 without a BOM.
    if (body.indexOf(0) >= 0) return { verdict: null, body, bom };
    if (walked !== null && body.indexOf(SKIPPED_LEAD) < 0) {
      // Nothing in it expands: the needs decide, as the regexes below would.
      if (walked.every((need) => need(body))) return { verdict: true, body, bom };
      return { verdict: isUtf8(body) ? false : null, body, bom };
    }
    if (literally(body)) return { verdict: true, body, bom };
    const latin1 = body.toString('latin1');
    if (byteStems.every((re) => re.test(latin1)) || mayExpand(latin1)) return { verdict: true, body, bom };
    // Ruled out, if the decoder reads the file as UTF-8: it does a valid UTF-8 file without
    // NULs; a file it rejects as binary has no text to hit either. An invalid one may be read
    // in a single-byte code page: its text tells.
    return { verdict: isUtf8(body) ? false : null, body, bom };
  };
  const bytesMayHold = (b: Uint8Array) => checkBytes(b).verdict;
  return { textMayHold, bytesMayHold, checkBytes };
}
