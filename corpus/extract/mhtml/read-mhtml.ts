// A browser's "single file" page (Chrome/Edge `.mhtml`, Internet Explorer `.mht`: MIME
// multipart/related, RFC 2557) opened to the page's own HTML, for the HTML extractor.
//
// Only MIME is parsed here: nothing in the file is executed, and nothing it names (images,
// style sheets, frames, addresses) is fetched; the other parts are not even looked at.
import { ExtractionError } from '../types';
import { mailDateToIso } from './mail-date';
import { parseMimeParts, type MimePart } from './mime-parts';

export interface MhtmlPage {
  /**
   * The root HTML part's bytes, transfer encoding undone, still in `charset`: the HTML
   * extractor decodes once (postal-mime hands these bytes over before any charset decoding).
   */
  html: Uint8Array;
  /** The part's own charset (WHATWG name), or null when it names none (Chrome's never do: the page's `<meta>` says). */
  charset: string | null;
  /** The address the page was saved from. */
  url?: string;
  /** When it was saved, ISO 8601 with the saving machine's offset. */
  saved?: string;
  /** The file ends before its closing boundary (a cut-off download or copy): `html` is what there is. */
  truncated: boolean;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

// A MIME file starts with a header line (`Name: value`); a page saved as plain HTML does not.
const FIRST_LINE_IS_HEADER = /^(?:\r?\n)*[!-9;-~]+:/;

export async function readMhtml(bytes: Uint8Array): Promise<MhtmlPage> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!FIRST_LINE_IS_HEADER.test(head)) throw notMime();
  let root: MimePart;
  try {
    root = await parseMimeParts(bytes);
  } catch {
    throw new ExtractionError('This saved page (MHTML) is damaged: its MIME structure cannot be read.');
  }
  if (!root.typed) throw notMime();

  const page = rootHtmlPart(root);
  if (!page) {
    throw new ExtractionError('This saved page (MHTML) holds no web page: none of its parts is HTML.');
  }
  const boundary = root.params.boundary;
  const truncated = boundary !== undefined && !hasClosingDelimiter(bytes, boundary);
  const html = withoutDelimiterNewline(page);
  if (html.length === 0) {
    throw new ExtractionError(
      truncated
        ? 'This saved page (MHTML) is cut off before the page itself: the file is incomplete.'
        : 'This saved page (MHTML) holds an empty web page.',
    );
  }

  const url = cleanUrl(root.headers.get('snapshot-content-location')) ?? cleanUrl(page.headers.get('content-location'));
  const date = root.headers.get('date');
  const saved = date === undefined ? undefined : mailDateToIso(date);
  return { html, charset: charsetOf(page), truncated, ...(url ? { url } : {}), ...(saved ? { saved } : {}) };
}

function notMime(): ExtractionError {
  return new ExtractionError(
    'This file is not a saved web page archive (MHTML): it does not start with MIME headers.',
  );
}

/** Leaf parts in file order. */
function leaves(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leaves);
}

const stripAngles = (id: string) => id.trim().replace(/^<|>$/g, '').trim();

/**
 * RFC 2557's root: the part the `start` parameter names by Content-ID; else the HTML part at the
 * snapshot's own address (Chrome's first part; later HTML parts are its frames); else the first.
 */
function rootHtmlPart(root: MimePart): MimePart | undefined {
  if (root.parts.length === 0) return HTML_TYPES.has(root.type) ? root : undefined;
  const html = leaves(root).filter((p) => HTML_TYPES.has(p.type) && p.body !== null);
  const start = root.params.start;
  if (start) {
    const named = html.find((p) => stripAngles(p.headers.get('content-id') ?? '') === stripAngles(start));
    if (named) return named;
  }
  const snapshot = cleanUrl(root.headers.get('snapshot-content-location'));
  if (snapshot) {
    const located = html.find((p) => cleanUrl(p.headers.get('content-location')) === snapshot);
    if (located) return located;
  }
  return html[0];
}

function charsetOf(part: MimePart): string | null {
  const label = part.params.charset?.trim();
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new ExtractionError(
      `This saved page (MHTML) is in the character set "${label}", which Hashiya cannot read.`,
    );
  }
}

/**
 * The line break before a boundary belongs to the boundary (RFC 2046 §5.1.1); postal-mime keeps
 * it as a trailing "\n" on text it decoded line by line, so it is taken off. Base64 bodies are exact.
 */
function withoutDelimiterNewline(part: MimePart): Uint8Array {
  const body = part.body ?? new Uint8Array(0);
  if (part.transferEncoding === 'base64') return body;
  return body.length > 0 && body[body.length - 1] === 0x0a ? body.subarray(0, body.length - 1) : body;
}

function hasClosingDelimiter(bytes: Uint8Array, boundary: string): boolean {
  const closing = Buffer.from(`--${boundary}--`, 'latin1');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(closing) >= 0;
}

/** Header folding may leave spaces inside a long address; an address has none. */
function cleanUrl(value: string | undefined): string | undefined {
  const url = value?.replace(/\s+/g, '');
  return url ? url : undefined;
}
