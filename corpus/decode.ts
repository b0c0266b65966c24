// Articles arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1256.
// Offsets index the decoded text with the BOM removed and nothing else changed.
import iconv from 'iconv-lite';

/** Files above this size are not articles (a 100,000-word article is about 1.2 MB). */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

export type DecodeFailure = 'empty' | 'binary' | 'too-large' | 'undecodable';

export type DecodeResult =
  | { ok: true; text: string; encoding: string; bom: boolean }
  | { ok: false; reason: DecodeFailure; message: string };

export const SUPPORTED_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'iso-8859-6', 'windows-1252'] as const;

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.05;
}

function failure(reason: DecodeFailure, message: string): DecodeResult {
  return { ok: false, reason, message };
}

export function decodeArticle(bytes: Uint8Array, override?: string): DecodeResult {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return failure('too-large', `larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB, not opened as an article`);
  }
  if (bytes.length === 0) return failure('empty', 'empty file');
  let result: DecodeResult;
  if (override) {
    if (!iconv.encodingExists(override)) return failure('undecodable', `unknown encoding ${override}`);
    const text = iconv.decode(Buffer.from(bytes), override, { stripBOM: true });
    result = { ok: true, text, encoding: override.toLowerCase(), bom: false };
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    result = decodeUtf8(bytes.subarray(3), true);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    result = { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', bom: true };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    result = { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', bom: true };
  } else if (looksBinary(bytes)) {
    return failure('binary', 'binary file, not text');
  } else {
    result = decodeUtf8(bytes, false);
    if (!result.ok) {
      // Not UTF-8: in this field the other common single-byte encoding is Windows-1256.
      result = { ok: true, text: iconv.decode(Buffer.from(bytes), 'windows-1256'), encoding: 'windows-1256', bom: false };
    }
  }
  if (result.ok && result.text.trim() === '') return failure('empty', 'no text in the file');
  return result;
}

function decodeUtf8(bytes: Uint8Array, bom: boolean): DecodeResult {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding: 'utf-8', bom };
  } catch {
    return failure('undecodable', 'not valid UTF-8');
  }
}
