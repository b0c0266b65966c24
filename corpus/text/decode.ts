// Articles arrive as UTF-8 (with or without BOM), UTF-16 (usually with BOM), or one of the
// single-byte Arabic code pages, Windows-1256 above all. Offsets index the decoded text with
// the BOM removed and nothing else changed: line ends (CRLF, lone CR) stay as they are.
import { createRequire } from 'node:module';
import { SUPPORTED_ENCODINGS, canonicalEncoding, type EncodingId } from './encodings';
import { strictUtf8 } from './utf8';

/**
 * Files above this size are not articles. A 100,000-word article is about 1.2 MB in UTF-8;
 * 20 MB leaves room for whole books pasted into one file while refusing dumps and archives
 * that would stall the window.
 */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

const require = createRequire(import.meta.url);
// Loaded at the first article that is not UTF-8, not on import: its code and tables (~0.5 MB)
// cost every one-off search from the command line, and every worker that decodes, ~18 ms to
// load, while most corpora are UTF-8 throughout.
let iconvModule: typeof import('iconv-lite') | null = null;
const iconv = (): typeof import('iconv-lite') => (iconvModule ??= require('iconv-lite') as typeof import('iconv-lite'));

export type DecodeFailure = 'empty' | 'binary' | 'too-large' | 'undecodable';

export type DecodeResult =
  | {
      ok: true;
      text: string;
      /** One of SUPPORTED_ENCODINGS. */
      encoding: EncodingId;
      /** The file began with a byte order mark (removed from `text`). */
      bom: boolean;
      /** The encoding came from the caller's override, not from detection. */
      overridden: boolean;
      /** Something the user should know, e.g. bytes that were not valid and were replaced. */
      warning?: string;
    }
  | { ok: false; reason: DecodeFailure; message: string };

export { SUPPORTED_ENCODINGS, canonicalEncoding, listEncodings, type EncodingChoice, type EncodingId } from './encodings';

function failure(reason: DecodeFailure, message: string): DecodeResult {
  return { ok: false, reason, message };
}

/**
 * Decode an article file. With `override` (an id from listEncodings or an alias) the bytes
 * are decoded as that encoding whatever they look like; otherwise the encoding is detected.
 */
export function decodeArticle(bytes: Uint8Array, override?: string | null): DecodeResult {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return failure('too-large', `${formatSize(bytes.length)}, larger than the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB an article may have; not opened`);
  }
  if (bytes.length === 0) return failure('empty', 'empty file');
  const result = override ? decodeAs(bytes, override) : detectAndDecode(bytes);
  if (result.ok && isBlank(result.text)) return failure('empty', 'no text in the file, only spaces');
  return result;
}

function decodeAs(bytes: Uint8Array, override: string): DecodeResult {
  const encoding = canonicalEncoding(override);
  if (!encoding) return failure('undecodable', `unknown encoding "${override}"; choose one of ${SUPPORTED_ENCODINGS.join(', ')}`);
  const bom = bomOf(bytes);
  const hasOwnBom = bom !== null && bom.encoding === encoding;
  const body = hasOwnBom ? bytes.subarray(bom.length) : bytes;
  const text = iconv().decode(body, encoding, { stripBOM: false });
  const replaced = countReplacements(text);
  return {
    ok: true,
    text,
    encoding,
    bom: hasOwnBom,
    overridden: true,
    ...(replaced > 0 ? { warning: `${replaced} byte sequences are not valid ${encoding} and show as �` } : {}),
  };
}

function detectAndDecode(bytes: Uint8Array): DecodeResult {
  const bom = bomOf(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (bom.encoding === 'utf-8') {
      const valid = strictUtf8(body);
      return valid !== null ? { ok: true, text: valid, encoding: 'utf-8', bom: true, overridden: false } : damagedUtf8(body, true);
    }
    const text = iconv().decode(body, bom.encoding, { stripBOM: false });
    return { ok: true, text, encoding: bom.encoding, bom: true, overridden: false };
  }
  const magic = knownBinaryFormat(bytes);
  if (magic) return failure('binary', `a ${magic} file, not text`);
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { ok: true, text: utf16.text, encoding: utf16.encoding, bom: false, overridden: false };
  // Well-formed UTF-8 (most articles) is decoded in the same pass that counts its controls.
  const seen = { controls: 0 };
  const valid = strictUtf8(bytes, seen);
  if ((valid === null ? controlRatio(bytes) : seen.controls / bytes.length) > 0.02) return failure('binary', 'binary file, not text');
  if (valid !== null) return { ok: true, text: valid, encoding: 'utf-8', bom: false, overridden: false };
  const utf8 = damagedUtf8(bytes, false);
  if (utf8.ok) return utf8;
  return singleByte(bytes);
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function formatSize(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// --- byte order marks and known binary formats ---------------------------------------------

function bomOf(b: Uint8Array): { encoding: EncodingId; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  // UTF-32 LE's BOM begins with UTF-16 LE's: test the longer one first.
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0 && b.length % 4 === 0) return { encoding: 'utf-32le', length: 4 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

const MAGIC: Array<[string, number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP (or DOCX/XLSX)', [0x50, 0x4b, 0x03, 0x04]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['gzip', [0x1f, 0x8b]],
  ['RAR', [0x52, 0x61, 0x72, 0x21, 0x1a]],
  ['7-Zip', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['Word 97-2003', [0xd0, 0xcf, 0x11, 0xe0]],
];

function knownBinaryFormat(b: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) {
    if (sig.length <= b.length && sig.every((v, i) => b[i] === v)) return name;
  }
  return null;
}

/** Share of bytes that are C0 controls no text file has (NUL, BEL, …; not tab, line ends, ESC, SUB). */
function controlRatio(b: Uint8Array): number {
  let control = 0;
  for (let i = 0; i < b.length; i++) {
    const v = b[i]!;
    if (v < 0x20 && v !== 9 && v !== 10 && v !== 11 && v !== 12 && v !== 13 && v !== 26 && v !== 27) control++;
  }
  return control / b.length;
}

// --- UTF-16 without a BOM ------------------------------------------------------------------

// Arabic-script UTF-16 has 0x06 or 0x00 in every high byte and NULs only there; plain binary
// has NULs on both sides. The decoded text must then look like text.
function bomlessUtf16(b: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | null {
  if (b.length < 4 || b.length % 2 !== 0) return null;
  const n = Math.min(b.length, 65536);
  // Most files have no NUL at all: a native search says so without counting byte by byte.
  if (b.subarray(0, n).indexOf(0) < 0) return null;
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    }
  }
  const half = n / 2;
  let encoding: 'utf-16le' | 'utf-16be';
  if (nulOdd >= half * 0.1 && nulEven === 0) encoding = 'utf-16le';
  else if (nulEven >= half * 0.1 && nulOdd === 0) encoding = 'utf-16be';
  else return null;
  const text = iconv().decode(b, encoding, { stripBOM: false });
  return looksLikeText(text) ? { text, encoding } : null;
}

function looksLikeText(text: string): boolean {
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) odd++;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const pairOk = c < 0xdc00 && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
      if (pairOk) i++;
      else odd++;
    }
  }
  return odd <= text.length * 0.01;
}

// --- UTF-8 ---------------------------------------------------------------------------------

/** Bytes strictUtf8 refused: UTF-8 with a few damaged bytes, or not UTF-8 at all. */
function damagedUtf8(bytes: Uint8Array, bom: boolean): DecodeResult {
  const { valid, invalid } = utf8Sequences(bytes);
  // A BOM, or a file that is overwhelmingly valid multi-byte UTF-8, is UTF-8 with a few
  // damaged bytes (a truncated download, two files pasted together): keep it UTF-8 and
  // say so, rather than turning the whole article into single-byte mojibake.
  if (!bom && invalid * 50 > valid) return failure('undecodable', 'not valid UTF-8');
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  return { ok: true, text, encoding: 'utf-8', bom, overridden: false, warning: `${countReplacements(text)} byte sequences are not valid UTF-8 and show as �` };
}

/** Counts well-formed multi-byte UTF-8 sequences and ill-formed ones. */
function utf8Sequences(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < b.length) {
    const v = b[i]!;
    if (v < 0x80) {
      i++;
      continue;
    }
    const need = v >= 0xc2 && v <= 0xdf ? 1 : v >= 0xe0 && v <= 0xef ? 2 : v >= 0xf0 && v <= 0xf4 ? 3 : -1;
    if (need < 0) {
      invalid++;
      i++;
      continue;
    }
    let k = 1;
    while (k <= need && i + k < b.length && (b[i + k]! & 0xc0) === 0x80) k++;
    if (k === need + 1) {
      valid++;
      i += k;
    } else {
      invalid++;
      i += 1;
    }
  }
  return { valid, invalid };
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

// --- single-byte code pages ----------------------------------------------------------------

// Tried in this order; an equal score keeps the earlier one. Windows-1256 is by far the most
// common legacy encoding of Persian and Arabic files. ISO-8859-6 comes last because it maps
// Latin-1 accented letters (é) to Arabic ones, so Western text must win a tie. The DOS code
// pages are left to the user's override: their letters overlap box-drawing characters.
const SINGLE_BYTE: EncodingId[] = ['windows-1256', 'windows-1252', 'iso-8859-6'];

function singleByte(bytes: Uint8Array): DecodeResult {
  let best: { encoding: EncodingId; text: string; penalty: number } | null = null;
  for (const encoding of SINGLE_BYTE) {
    const text = iconv().decode(bytes, encoding, { stripBOM: false });
    let penalty = implausibility(text);
    // Western text reads the same in 1256 and 1252 (they share Latin-1 letters there); name it Western.
    if (encoding === 'windows-1256' && !hasArabicLetter(text)) penalty += 0.5;
    if (!best || penalty < best.penalty) best = { encoding, text, penalty };
  }
  if (!best || best.penalty > Math.max(3, best.text.length * 0.05)) return bestEffort(bytes, best);
  return { ok: true, text: best.text, encoding: best.encoding, bom: false, overridden: false };
}

/**
 * No one encoding fits (two files pasted together, one UTF-8 and one Windows-1256): the text
 * is shown anyway, so that the person can read it and choose the encoding from its details,
 * rather than being told to choose one for a file that cannot be opened. Its UTF-8 parts are
 * kept when it has any; what cannot be read shows as �.
 */
function bestEffort(bytes: Uint8Array, best: { encoding: EncodingId; text: string } | null): DecodeResult {
  const useUtf8 = utf8Sequences(bytes).valid > 0 || !best;
  const encoding: EncodingId = useUtf8 ? 'utf-8' : best.encoding;
  const text = useUtf8 ? new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes) : best.text;
  const unread = countReplacements(text);
  return {
    ok: true,
    text,
    encoding,
    bom: false,
    overridden: false,
    warning:
      `no one encoding fits this file (parts of it look like another encoding); it is shown as ${encoding}` +
      (unread > 0 ? `, with ${unread} byte sequences that could not be read shown as �` : '') +
      '. Choose the encoding in the article details to read it properly.',
  };
}

function isArabicLetter(c: number): boolean {
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5 || (c >= 0x06fa && c <= 0x06ff);
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function hasArabicLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isArabicLetter(text.charCodeAt(i))) return true;
  return false;
}

/**
 * How unlike real text a decoding is. Wrong code pages leave traces: undefined bytes (�),
 * C1 controls, Arabic letters glued to Latin ones inside a word (ISO-8859-6 read as 1256),
 * and runs of three or more accented Latin letters (Arabic 1256 read as 1252: `ÇáÑÆíÓ`).
 */
function implausibility(text: string): number {
  let penalty = 0;
  let prevArabic = false;
  let prevLatin = false;
  let accentedRun = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) penalty += 10;
    else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 26 && c !== 27) || (c >= 0x80 && c < 0xa0)) penalty += 5;
    const arabic = isArabicLetter(c);
    const latin = isLatinLetter(c);
    const accented = latin && c >= 0xc0;
    if ((arabic && prevLatin) || (latin && prevArabic)) penalty += 3;
    accentedRun = accented ? accentedRun + 1 : 0;
    if (accentedRun >= 3) penalty += 1; // `süß` has two in a row; `ÇáÑÆíÓ` six
    prevArabic = arabic;
    prevLatin = latin;
  }
  return penalty;
}
