// A plain-text article's text for the scan with no index, decoded only when the raw-text
// prefilter (raw-prefilter.ts) lets it through. Most files are UTF-8 and pass the prefilter
// on their bytes; their text is then decoded here with what the prefilter has already found
// out, rather than by decodeArticle's detection, which looks over every byte three more times
// (binary signatures, UTF-16 without a BOM, control characters). Whatever this cannot vouch
// for goes to decodeArticle, so the text is always the one articleText gives.
import { isUtf8 } from 'node:buffer';
import { endianness } from 'node:os';
import { decodeArticle, MAX_ARTICLE_BYTES } from '../text/decode';
import { strictUtf8 } from '../text/utf8';
import type { Folded } from '../text/normalise';
import type { BytesCheck, RawPrefilter } from './raw-prefilter';
import { decodeAndFold } from './scan-fold';

export interface ScanText {
  text: string;
  checked: boolean;
  /** The text's fold when it was made while decoding (scan-fold.ts): valid until the next article is read. */
  folded?: Folded;
}

/** First bytes of the binary signatures decodeArticle knows (PDF, ZIP, PNG, GIF, JPEG, gzip, RAR, 7-Zip, ELF, OLE). */
const SIGNATURE_LEADS = new Set([0x25, 0x50, 0x89, 0x47, 0xff, 0x1f, 0x52, 0x37, 0x7f, 0xd0]);
/** UTF-16 code units written as the platform orders them; read back as UTF-16LE, so only where that is the order. */
const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * decodeArticle's text of a file that passed the check on its bytes (no other byte order
 * mark, no NUL), when decodeArticle would read it as UTF-8, null
 * when it would find no text in it; undefined when the check cannot tell (decodeArticle decides).
 */
function utf8Text(bytes: Uint8Array, check: BytesCheck): ScanText | null | undefined {
  if (!LITTLE_ENDIAN || check.verdict !== true || bytes.length === 0 || bytes.length > MAX_ARTICLE_BYTES) return undefined;
  // With a BOM, decodeArticle takes the file for UTF-8 at once; without, after ruling out binary signatures and controls.
  if (!check.bom && SIGNATURE_LEADS.has(bytes[0]!)) return undefined;
  if (!isUtf8(check.body)) return undefined;
  const both = decodeAndFold(check.body, !check.bom);
  const text = both?.text ?? textWithoutControls(check.body, !check.bom);
  if (text === null) return undefined;
  return text.trim() === '' ? null : { text, checked: true, folded: both?.folded };
}

/** The text of valid UTF-8, null where it holds a control character decodeArticle counts towards calling a file binary (when they count: no BOM). */
function textWithoutControls(body: Uint8Array, controlsMatter: boolean): string | null {
  const seen = { controls: 0 };
  const text = strictUtf8(body, seen);
  return text === null || (controlsMatter && seen.controls > 0) ? null : text;
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
  if (fast !== undefined) return fast;
  const decoded = decodeArticle(bytes, null);
  return decoded.ok ? { text: decoded.text, checked: check.verdict === true } : null;
}
