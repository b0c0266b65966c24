// A Word file (.docx) as an article: its XML parts unzipped within size limits, its body read
// by mammoth into HTML (headings, paragraphs, list items and table cells as blocks, in the
// order the document has them), then cut into paragraphs as a saved page is. Footnotes,
// endnotes and comments are notes on the text, not the text: they are left out of it.
import { parseInert, type HtmlDocument } from '../html/dom';
import { paragraphsOf } from '../html/paragraphs';
import { ExtractionError, type Extracted } from '../types';
import { CORE_PROPERTIES_PART, readCoreProperties } from './core-properties';
import { docxToHtml, MAMMOTH_VERSION } from './mammoth';
import { readDocxParts, repack } from './zip-parts';

/** Bump whenever this folder's text for the same bytes may change (sidecars then re-anchor). */
export const DOCX_REVISION = 1;

export const DOCX_EXTRACTOR = { name: 'mammoth', version: `${MAMMOTH_VERSION}/${DOCX_REVISION}` } as const;

/** Larger than a Word report full of photographs; the text parts have their own limits (zip-parts.ts). */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024;

/** mammoth's footnote and endnote list items and the reference marks pointing to them. */
const NOTES = 'li[id^="footnote-"], li[id^="endnote-"], li[id^="comment-"], a[id^="footnote-ref-"], a[id^="endnote-ref-"], a[href^="#comment-"]';

export async function extractDocx(bytes: Uint8Array): Promise<Extracted> {
  if (bytes.length > MAX_DOCX_BYTES) {
    throw new ExtractionError(`This Word file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_DOCX_BYTES / 1024 / 1024} MB a Word article may have; it was not read.`);
  }
  const parts = readDocxParts(bytes);
  const meta = readCoreProperties(parts.get(CORE_PROPERTIES_PART));
  let html: string;
  try {
    html = await docxToHtml(repack(parts));
  } catch (e) {
    throw new ExtractionError(`This Word file is damaged${whatMammothSaid(e)}; it could not be read.`);
  }
  const page = parseInert(`<!doctype html><html><body>${html}</body></html>`);
  try {
    const doc = page.document;
    for (const el of Array.from(doc.querySelectorAll(NOTES))) el.remove();
    const heading = firstHeading(doc);
    const text = doc.body ? paragraphsOf(doc.body).join('\n\n') : '';
    if (!text) throw new ExtractionError('This Word file has no text (it may hold only pictures, or be empty).');
    const title = meta.title ?? heading;
    return { format: 'docx', text, meta: { ...meta, ...(title ? { title } : {}) }, extractor: { ...DOCX_EXTRACTOR } };
  } finally {
    page.close();
  }
}

/** The first heading's text (Word's Heading 1–6 styles), spaces folded. */
function firstHeading(doc: HtmlDocument): string | undefined {
  const h = doc.querySelector('h1, h2, h3, h4, h5, h6');
  const text = h?.textContent?.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/**
 * mammoth's own sentence when it has one ("Could not find main document part"), nothing when
 * the failure is a slip inside it (a part cut short makes it read a property of null): that
 * says nothing to the person.
 */
function whatMammothSaid(e: unknown): string {
  if (!(e instanceof Error) || e instanceof TypeError || e instanceof RangeError) return '';
  return ` (${e.message.split('\n')[0]!.slice(0, 200)})`;
}
