// A saved web page's bytes as an article: the charset found, the page parsed with nothing
// run or fetched, its head read for the article's metadata, then its main text found by
// Mozilla's Readability and laid out one paragraph per block.
import { ExtractionError, type Extracted } from '../types';
import { decodePage } from './charset';
import { parseInert, READABILITY_VERSION, readMainContent, type HtmlDocument } from './dom';
import { paragraphsOf } from './paragraphs';
import { readPageMeta, type PageHints } from './page-meta';

/** Bump whenever this folder's text for the same bytes may change (sidecars then re-anchor). */
export const EXTRACTOR_REVISION = 1;

export const HTML_EXTRACTOR = { name: 'readability', version: `${READABILITY_VERSION}/${EXTRACTOR_REVISION}` } as const;

/** Elements that run, embed or load something, and hold no article text. */
const INERT_REMOVALS = 'script, style, iframe, object, embed, noscript, template, link[rel~="stylesheet" i]';

export function extractHtml(bytes: Uint8Array, hints: PageHints = {}): Extracted {
  const { html } = decodePage(bytes);
  const page = parseInert(html);
  try {
    const doc = page.document;
    // The head is read first: JSON-LD lives in <script> elements, and Readability rewrites the tree.
    const meta = readPageMeta(doc, html, hints);
    for (const el of Array.from(doc.querySelectorAll(INERT_REMOVALS))) el.remove();
    const body = bodyParagraphs(doc);
    const main = readMainContent(doc);
    const paragraphs = main ? paragraphsOf(main) : [];
    const text = (paragraphs.length > 0 ? paragraphs : body).join('\n\n');
    if (!text) throw new ExtractionError('This page has no article text: nothing in it reads as text once scripts and styles are set aside.');
    return { format: 'html', text, meta, extractor: { ...HTML_EXTRACTOR } };
  } finally {
    page.close();
  }
}

/** The body's own blocks, kept aside before Readability rewrites the tree, for when it finds nothing. */
function bodyParagraphs(doc: HtmlDocument): string[] {
  return doc.body ? paragraphsOf(doc.body) : [];
}
