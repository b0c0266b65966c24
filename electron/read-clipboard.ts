// The clipboard as File → New Article from Clipboard reads it: the plain text, the HTML flavour
// and, where the browser that copied put it there, the address of the page it came from.
// Each browser and system names that address its own way (there is no standard yet: see
// w3c/clipboard-apis#244); every known name is tried, and only an http(s) address is kept.
import type { ApiResponse, ClipboardContents } from '../corpus/api/api';
import { MAX_CLIPBOARD_CHARS } from '../corpus/extract/clipboard-text';

/** One entry of the clipboard, as Electron's `clipboard.read()` (modelled on the W3C API) gives it. */
export interface ClipboardItemLike {
  readonly types: readonly string[];
  getType(type: string): Promise<unknown>;
}

/** The parts of Electron's `clipboard` read here; a test passes a plain object. */
export interface ClipboardLike {
  readText(): Promise<string>;
  read(): Promise<ClipboardItemLike[]>;
}

/**
 * Where browsers put the source address: Chromium on Linux (`chromium/x-source-url`), on macOS
 * (`org.chromium.source-url`) and on Windows ("Chromium internal source URL"); Firefox
 * (`text/x-moz-url-priv`, UTF-16). Windows's CF_HTML carries it as a `SourceURL:` header line.
 * Electron names a platform format it has no MIME type for `electron application/osclipboard;format="…"`.
 */
export const SOURCE_URL_FORMATS = ['chromium/x-source-url', 'org.chromium.source-url', 'Chromium internal source URL', 'text/x-moz-url-priv'];
const OS_FORMAT = /^electron application\/osclipboard;format="(.*)"$/;
const CF_HTML_FORMATS = ['HTML Format'];

export async function readClipboardWith(clipboard: ClipboardLike): Promise<ApiResponse<ClipboardContents>> {
  const items = await clipboard.read().catch(() => [] as ClipboardItemLike[]);
  const text = (await clipboard.readText().catch(() => '')) || (await flavour(items, 'text/plain')) || '';
  const html = (await flavour(items, 'text/html')) ?? '';
  // More than any copied selection: refused whole rather than cut.
  if (text.length > MAX_CLIPBOARD_CHARS || html.length > MAX_CLIPBOARD_CHARS) {
    return { ok: false, error: { code: 'bad-request', message: 'The clipboard holds more than 20 MB of text: copy less at a time.' } };
  }
  return { ok: true, value: { text, html: html.trim() === '' ? null : html, url: await sourceUrl(items, html) } };
}

/** The first entry's data of that type as text, or null when no entry has it (or it cannot be read). */
async function flavour(items: readonly ClipboardItemLike[], wanted: (type: string) => boolean): Promise<string | null>;
async function flavour(items: readonly ClipboardItemLike[], wanted: string): Promise<string | null>;
async function flavour(items: readonly ClipboardItemLike[], wanted: string | ((type: string) => boolean)): Promise<string | null> {
  const matches = typeof wanted === 'string' ? (t: string) => t === wanted : wanted;
  for (const item of items) {
    for (const type of item.types) {
      if (!matches(type)) continue;
      try {
        const data = await item.getType(type);
        if (typeof data === 'string') return data;
        if (data && typeof (data as Blob).arrayBuffer === 'function') return decodeFlavour(Buffer.from(await (data as Blob).arrayBuffer()));
      } catch {
        // A format the platform lists but cannot give: the next one is tried.
      }
    }
  }
  return null;
}

const platformFormat = (type: string) => OS_FORMAT.exec(type)?.[1] ?? type;

async function sourceUrl(items: readonly ClipboardItemLike[], html: string): Promise<string | null> {
  for (const format of SOURCE_URL_FORMATS) {
    const url = firstHttpLine((await flavour(items, (t) => platformFormat(t) === format)) ?? '');
    if (url) return url;
  }
  const cfHtml = await flavour(items, (t) => CF_HTML_FORMATS.includes(platformFormat(t)));
  return (cfHtml && cfHtmlSourceUrl(cfHtml)) || cfHtmlSourceUrl(html);
}

/** Some flavours are UTF-16 (Firefox's, a Windows string): told apart by their NUL bytes. */
export function decodeFlavour(bytes: Buffer): string {
  const sample = bytes.subarray(0, 64);
  const nulAtOdd = sample.some((b, i) => i % 2 === 1 && b === 0);
  return (nulAtOdd ? bytes.toString('utf16le') : bytes.toString('utf8')).replace(/\0+$/, '');
}

/** The address on a CF_HTML header's `SourceURL:` line, read only before the markup begins. */
export function cfHtmlSourceUrl(flavour: string): string | null {
  const markup = flavour.indexOf('<');
  const header = (markup < 0 ? flavour : flavour.slice(0, markup)).slice(0, 2048);
  const line = /^SourceURL:(.+)$/m.exec(header);
  return line ? firstHttpLine(line[1]!) : null;
}

/** The first line when it is an http(s) address with no spaces in it (Firefox puts the title on the next line). */
export function firstHttpLine(value: string): string | null {
  const first = value.split(/\r?\n/)[0]!.trim();
  return first.length <= 2048 && /^https?:\/\/[^\s\u0000-\u001f]+$/i.test(first) ? first : null;
}
