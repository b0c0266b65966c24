// The search key: Persian and Arabic text folded so that spelling variants match (letter
// forms, diacritics, tatweel, ZWNJ, bidi marks, digit sets, case), with a map from every key
// character back to the original characters it came from. Folding is for matching only;
// what is shown and quoted is always the original text, found through the map.
//
// One pass over UTF-16 code units with lookup tables; no regex, no per-character strings.
// Stored text is never NFKC-normalised (one ligature would become 18 characters and every
// offset after it would move); NFKC is used once, here, to learn what presentation forms mean.

/** Bump when the fold changes, so that keys stored on disk (a search index) are rebuilt. */
export const FOLD_VERSION = 1;

export interface Folded {
  key: string;
  /** For each key index i, the original span [start[i], end[i]) it came from. */
  start: Int32Array;
  end: Int32Array;
}

export interface FoldOptions {
  /**
   * Also drop every space, so that a word written joined, spaced or with ZWNJ
   * (`رئیسجمهور`, `رئیس جمهور`, `رئیس‌جمهور`) folds to one key.
   */
  lenient?: boolean;
}

// What a code unit does in the key. Exported for key-offsets.ts, which walks the same tables.
export const KEEP = 0; // emits MAP[c]
export const MARK = 1; // deleted; belongs to the character before it (harakat, tatweel)
export const DROP = 2; // deleted on its own (ZWNJ, ZWJ, bidi controls, soft hyphen)
export const SPACE = 3; // any whitespace; a run becomes one space
export const EXPAND = 4; // a presentation-form ligature that stands for several letters
export const SURROGATE = 5; // kept as is, but the key may then hold a lone surrogate

let CLASS: Uint8Array | null = null;
let MAP: Uint16Array | null = null;
const EXPANSIONS = new Map<number, string>();

function setRange(cls: Uint8Array, from: number, to: number, value: number): void {
  for (let c = from; c <= to; c++) cls[c] = value;
}

function buildTables(): void {
  const cls = new Uint8Array(0x10000);
  const map = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) map[c] = c;

  // Harakat, Quranic marks, superscript alef, hamza above/below, tatweel.
  setRange(cls, 0x0610, 0x061a, MARK);
  setRange(cls, 0x064b, 0x065f, MARK);
  cls[0x0670] = MARK;
  setRange(cls, 0x06d6, 0x06ed, MARK);
  setRange(cls, 0x08ca, 0x08ff, MARK);
  cls[0x08e2] = DROP; // a format character inside that block
  cls[0x0640] = MARK;
  cls[0x034f] = MARK; // combining grapheme joiner
  setRange(cls, 0xfe00, 0xfe0f, MARK); // variation selectors

  // Invisible format characters: ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, embeddings and isolates,
  // word joiner, BOM used as ZWNBSP, soft hyphen.
  cls[0x00ad] = DROP;
  cls[0x061c] = DROP;
  cls[0x180e] = DROP;
  setRange(cls, 0x200b, 0x200f, DROP);
  setRange(cls, 0x202a, 0x202e, DROP);
  setRange(cls, 0x2060, 0x2064, DROP);
  setRange(cls, 0x2066, 0x2069, DROP);
  cls[0xfeff] = DROP;

  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) cls[c] = SPACE;
  setRange(cls, 0x2000, 0x200a, SPACE);
  setRange(cls, 0xd800, 0xdfff, SURROGATE);

  const to = (target: string, sources: string) => {
    for (const s of sources) map[s.charCodeAt(0)] = target.charCodeAt(0);
  };
  to('\u06cc', '\u064a\u0649\u0626\u06d0\u06cd\u06d2\u06d3\u0678'); // ي ى ئ ې ۍ ے ۓ ٸ → ی
  to('\u06a9', '\u0643\u06aa'); // ك ڪ → ک
  to('\u0647', '\u0629\u06c0\u06c1\u06c2\u06c3\u06d5\u06be'); // ة ۀ ہ ۂ ۃ ە ھ → ه
  to('\u0627', '\u0623\u0625\u0622\u0671\u0672\u0673\u0675'); // أ إ آ ٱ ٲ ٳ ٵ → ا
  to('\u0648', '\u0624\u0676'); // ؤ ٶ → و
  for (let d = 0; d < 10; d++) {
    map[0x0660 + d] = 0x30 + d; // Arabic-Indic digits
    map[0x06f0 + d] = 0x30 + d; // Persian digits
  }
  map[0x066b] = 0x2e; // ٫ decimal separator
  map[0x066c] = 0x2c; // ٬ thousands separator
  map[0x066a] = 0x25; // ٪

  // Lower case, one code unit to one, for Latin (and Greek and Cyrillic, which cost nothing).
  const lower = (from: number, toCode: number) => {
    for (let c = from; c <= toCode; c++) {
      const l = String.fromCharCode(c).toLowerCase();
      if (l.length === 1 && l.charCodeAt(0) !== c) map[c] = l.charCodeAt(0);
    }
  };
  lower(0x41, 0x5a);
  lower(0xc0, 0x24f);
  lower(0x370, 0x52f);
  lower(0x1e00, 0x1fff);
  map[0x0130] = 0x69; // İ lower-cases to two code units; i is what a search means

  CLASS = cls;
  MAP = map;

  // Arabic presentation forms (text extracted from PDFs): each means its base letter(s).
  for (let c = 0xfb50; c <= 0xfefc; c++) {
    if (c >= 0xfe00 && c < 0xfe70) continue;
    const ch = String.fromCharCode(c);
    const nfkc = ch.normalize('NFKC');
    if (nfkc === ch) continue;
    const folded = foldKey(nfkc);
    if (folded.trim() === '') cls[c] = MARK; // isolated harakat forms
    else if (folded.length === 1) map[c] = folded.charCodeAt(0);
    else {
      cls[c] = EXPAND;
      EXPANSIONS.set(c, folded);
    }
  }
}

function tables(): { cls: Uint8Array; map: Uint16Array } {
  if (!CLASS || !MAP) buildTables();
  return { cls: CLASS!, map: MAP! };
}

/**
 * The fold's tables: each code unit's class (KEEP, MARK, ...), what a KEEP unit becomes, and
 * what an EXPAND unit becomes. For code that must fold exactly as `fold` does without its arrays.
 */
export function foldTables(): { cls: Uint8Array; map: Uint16Array; expansions: ReadonlyMap<number, string> } {
  const { cls, map } = tables();
  return { cls, map, expansions: EXPANSIONS };
}

const CHUNK = 8192;
/** Keys up to this length are made by fromCharCode (see toKeyString). */
const SHORT_KEY = 64;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
let utf16: InstanceType<typeof TextDecoder> | null = null;

// TextDecoder builds the string natively and is several times faster than fromCharCode,
// but it would replace a lone surrogate with U+FFFD and so break the one-to-one map.
function toKeyString(out: Uint16Array, length: number, surrogates: boolean): string {
  // A short key (a word, a line's name) is built faster in JS than by a call into the decoder.
  if (length <= SHORT_KEY) return String.fromCharCode.apply(null, out.subarray(0, length) as unknown as number[]);
  if (!surrogates && LITTLE_ENDIAN) {
    utf16 ??= new TextDecoder('utf-16le');
    return utf16.decode(out.subarray(0, length));
  }
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, out.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

function grownU16(a: Uint16Array<ArrayBuffer>, used: number, size: number): Uint16Array<ArrayBuffer> {
  const b = new Uint16Array(size);
  b.set(a.subarray(0, used));
  return b;
}

function grownI32(a: Int32Array<ArrayBuffer>, used: number, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a.subarray(0, used));
  return b;
}

/** The search key of `text` with its map back to the original offsets. */
export function fold(text: string, options: FoldOptions = {}): Folded {
  const { cls, map } = tables();
  const lenient = options.lenient === true;
  const n = text.length;
  let cap = n + 16;
  let out = new Uint16Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let k = 0;
  let surrogates = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    switch (cls[c]) {
      case KEEP:
        out[k] = map[c]!;
        start[k] = i;
        end[k] = i + 1;
        k++;
        break;
      case SURROGATE:
        surrogates = true;
        out[k] = c;
        start[k] = i;
        end[k] = i + 1;
        k++;
        break;
      case MARK:
        // A mark stays with its letter, so that a hit's original span keeps the letter's
        // diacritics instead of cutting them off.
        if (k > 0 && end[k - 1] === i) end[k - 1] = i + 1;
        break;
      case SPACE:
        if (lenient) break;
        if (k > 0 && out[k - 1] === 0x20) end[k - 1] = i + 1;
        else {
          out[k] = 0x20;
          start[k] = i;
          end[k] = i + 1;
          k++;
        }
        break;
      case EXPAND: {
        const s = EXPANSIONS.get(c)!;
        // Every other character emits at most one key character, so room for the rest of
        // the text after this expansion is all that is needed.
        const need = k + s.length + (n - i - 1);
        if (need > cap) {
          cap = Math.max(need, cap * 2);
          out = grownU16(out, k, cap);
          start = grownI32(start, k, cap);
          end = grownI32(end, k, cap);
        }
        for (let j = 0; j < s.length; j++) {
          out[k] = s.charCodeAt(j);
          start[k] = i;
          end[k] = i + 1;
          k++;
        }
        break;
      }
      default: // DROP
        break;
    }
  }
  return { key: toKeyString(out, k, surrogates), start: start.subarray(0, k), end: end.subarray(0, k) };
}

const SCRATCH_MAX = 64 * 1024;
let keyScratch = new Uint16Array(1024);

/** The search key alone, for queries and index terms (no offset map). */
export function foldKey(text: string, options: FoldOptions = {}): string {
  const { cls, map } = tables();
  const lenient = options.lenient === true;
  const n = text.length;
  // One buffer for every call (taken after tables(), which folds while it builds them): the
  // list worker folds many thousand short lines, and a new array for each was a large share.
  // A whole book is folded into its own array, not kept.
  if (n + 16 > keyScratch.length && n + 16 <= SCRATCH_MAX) keyScratch = new Uint16Array(Math.min(SCRATCH_MAX, Math.max(n + 16, 2 * keyScratch.length)));
  let out = n + 16 <= keyScratch.length ? keyScratch : new Uint16Array(n + 16);
  let k = 0;
  let surrogates = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    switch (cls[c]) {
      case KEEP:
        out[k++] = map[c]!;
        break;
      case SURROGATE:
        surrogates = true;
        out[k++] = c;
        break;
      case SPACE:
        if (!lenient && (k === 0 || out[k - 1] !== 0x20)) out[k++] = 0x20;
        break;
      case EXPAND: {
        const s = EXPANSIONS.get(c)!;
        const need = k + s.length + (n - i - 1);
        if (need > out.length) out = grownU16(out, k, Math.max(need, out.length * 2));
        for (let j = 0; j < s.length; j++) out[k++] = s.charCodeAt(j);
        break;
      }
      default: // MARK, DROP
        break;
    }
  }
  return toKeyString(out, k, surrogates);
}

/**
 * The original span [start, end) of the key span [keyStart, keyEnd): from the first original
 * character of the first key character to the end of the last one (its diacritics included).
 * An empty key span gives an empty span at the matching original position.
 */
export function originalSpan(f: Folded, keyStart: number, keyEnd: number): [number, number] {
  const len = f.key.length;
  const a = Math.max(0, Math.min(len, Math.floor(keyStart)));
  const b = Math.max(a, Math.min(len, Math.floor(keyEnd)));
  if (a === b) {
    const p = a < len ? f.start[a]! : len > 0 ? f.end[len - 1]! : 0;
    return [p, p];
  }
  return [f.start[a]!, f.end[b - 1]!];
}

/**
 * The first key index whose original character starts at or after `offset`: where an
 * original offset (an annotation's start, say) falls in the key.
 */
export function keyIndexAt(f: Folded, offset: number): number {
  let lo = 0;
  let hi = f.key.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (f.start[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
