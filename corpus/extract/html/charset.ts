// Which encoding a saved page is in: its byte order mark, else what its head declares (a
// `<meta charset>` or an `http-equiv` content type within the first 4 KB, as browsers look),
// else UTF-8 when the bytes are valid UTF-8, else Windows-1256, the legacy code page of
// Persian and Arabic sites.
import iconv from 'iconv-lite';
import { canonicalEncoding } from '../../text/encodings';

const PRESCAN_BYTES = 4096;

export interface DecodedPage {
  html: string;
  /** The encoding the bytes were read as (an iconv-lite name). */
  encoding: string;
  /** Where that came from. */
  source: 'bom' | 'transport' | 'meta' | 'utf-8' | 'fallback';
}

/**
 * `transport` is the charset the page's container names for it (an MHTML part's
 * `Content-Type`): as in a browser, it comes after a byte order mark and before the page's own
 * declaration.
 */
export function decodePage(bytes: Uint8Array, transport?: string | null): DecodedPage {
  const bom = bomEncoding(bytes);
  if (bom) return { html: iconv.decode(bytes.subarray(bom.length), bom.encoding, { stripBOM: false }), encoding: bom.encoding, source: 'bom' };
  if (transport && iconv.encodingExists(transport)) return { html: iconv.decode(bytes, transport, { stripBOM: false }), encoding: transport, source: 'transport' };
  const declared = declaredCharset(bytes);
  if (declared) return { html: iconv.decode(bytes, declared, { stripBOM: false }), encoding: declared, source: 'meta' };
  try {
    return { html: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8', source: 'utf-8' };
  } catch {
    return { html: iconv.decode(bytes, 'windows-1256', { stripBOM: false }), encoding: 'windows-1256', source: 'fallback' };
  }
}

function bomEncoding(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The charset the page's first 4 KB declare, as an encoding iconv-lite knows, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps each byte to one character, so an ASCII declaration reads the same in any
  // ASCII-compatible encoding the page may be in.
  const head = iconv.decode(bytes.subarray(0, PRESCAN_BYTES), 'latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const name = charsetOfMeta(tag);
    if (!name) continue;
    const encoding = usableEncoding(name);
    if (encoding) return encoding;
  }
  return null;
}

function charsetOfMeta(tag: string): string | null {
  const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
  return direct ? direct[1]! : null;
}

function usableEncoding(name: string): string | null {
  const known = canonicalEncoding(name);
  // A page that says it is UTF-16 in a meta cannot be (the meta would not be readable as
  // ASCII): browsers read it as UTF-8, and so does this.
  if (known === 'utf-16le' || known === 'utf-16be') return 'utf-8';
  if (known) return known;
  const lower = name.toLowerCase();
  if (/^utf-?16/.test(lower)) return 'utf-8';
  return iconv.encodingExists(lower) ? lower : null;
}
