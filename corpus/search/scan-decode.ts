// A plain-text article's text for the scan with no index, decoded only when the raw-text
// prefilter (raw-prefilter.ts) lets it through. Most files are UTF-8 and pass the prefilter
// on their bytes; their text is then decoded here with what the prefilter has already found
// out, rather than by decodeArticle's detection, which looks over every byte three more times
// (binary signatures, UTF-16 without a BOM, control characters). Whatever this cannot vouch
// for goes to decodeArticle, so the text is always the one articleText gives.
import { isUtf8 } from 'node:buffer';
import { decodeArticle, MAX_ARTICLE_BYTES } from '../text/decode';
import type { BytesCheck, RawPrefilter } from './raw-prefilter';

export interface ScanText {
  text: string;
  checked: boolean;
}

/**
 * Control characters decodeArticle counts towards calling a file binary (NUL among them):
 * a file with none is not binary, nor UTF-16 without a BOM.
 */
const CONTROL = /[\x00-\x08\x0e-\x19\x1c-\x1f]/;
/** First bytes of the binary signatures decodeArticle knows (PDF, ZIP, PNG, GIF, JPEG, gzip, RAR, 7-Zip, ELF, OLE). */
const SIGNATURE_LEADS = new Set([0x25, 0x50, 0x89, 0x47, 0xff, 0x1f, 0x52, 0x37, 0x7f, 0xd0]);
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * decodeArticle's text of a file it would read as UTF-8 (what the check found tells), null
 * when it would find no text in it; undefined when the check cannot tell (decodeArticle decides).
 */
function utf8Text(bytes: Uint8Array, check: BytesCheck): string | null | undefined {
  if (check.latin1 === null || bytes.length === 0 || bytes.length > MAX_ARTICLE_BYTES) return undefined;
  if (!check.bom && (SIGNATURE_LEADS.has(bytes[0]!) || CONTROL.test(check.latin1))) return undefined;
  if (!isUtf8(check.body)) return undefined;
  const text = utf8.decode(check.body);
  return text.trim() === '' ? null : text;
}

/**
 * A plain-text file's text as articleText decodes it (the sidecar's encoding, or the one
 * detected), null when it has none, or when the prefilter rules it out from its bytes: then
 * it is not decoded at all.
 */
export function decodeIfMayHold(bytes: Uint8Array, encoding: string | null, prefilter: RawPrefilter): ScanText | null {
  if (encoding !== null) {
    const decoded = decodeArticle(bytes, encoding);
    return decoded.ok ? { text: decoded.text, checked: false } : null;
  }
  const check = prefilter.checkBytes(bytes);
  if (check.verdict === false) return null;
  const fast = check.verdict === true ? utf8Text(bytes, check) : undefined;
  if (fast !== undefined) return fast === null ? null : { text: fast, checked: true };
  const decoded = decodeArticle(bytes, null);
  return decoded.ok ? { text: decoded.text, checked: check.verdict === true } : null;
}
