// A saved web page's bytes as an article: the charset found, the page parsed with nothing
// run or fetched, its head read for the article's metadata, then its main text found by
// Mozilla's Readability and laid out one paragraph per block.
import { ExtractionError, type Extracted } from '../types';
import { decodePage } from './charset';
import { MAX_ARTICLE_BYTES } from '../../text/decode';
import { parseInert, READABILITY_VERSION, readMainContent, type HtmlDocument } from './dom';
import { paragraphsOf, treeDepth } from './paragraphs';
import { readPageMeta, type PageHints } from './page-meta';
import { removeMachineData } from './machine-data';

/** Bump whenever this folder's text for the same bytes may change (sidecars then re-anchor). */
export const EXTRACTOR_REVISION = 2;

export const HTML_EXTRACTOR = { name: 'readability', version: `${READABILITY_VERSION}/${EXTRACTOR_REVISION}` } as const;

/** Elements that run, embed or load something, and hold no article text. */
const INERT_REMOVALS = 'script, style, iframe, object, embed, noscript, template, link[rel~="stylesheet" i]';

/**
 * Deeper than this, Readability is not run and the body's blocks are the text: its scoring
 * walks up from every paragraph to its ancestors, which on a page nested thousands deep takes
 * minutes and then overflows the stack. Real news pages nest a few dozen levels.
 */
export const MAX_DEPTH_FOR_READABILITY = 200;

export function extractHtml(bytes: Uint8Array, hints: PageHints = {}): Extracted {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    throw new ExtractionError(
      `This page is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB an article may have; it was not read.`,
    );
  }
  const { html } = decodePage(bytes, hints.charset);
  const page = parseOrExplain(html);
  try {
    const doc = page.document;
    // The head is read first: JSON-LD lives in <script> elements, and Readability rewrites the tree.
    const meta = readPageMeta(doc, html, hints);
    for (const el of Array.from(doc.querySelectorAll(INERT_REMOVALS))) el.remove();
    removeMachineData(doc);
    const body = bodyParagraphs(doc);
    const main = doc.body && treeDepth(doc.body) <= MAX_DEPTH_FOR_READABILITY ? readMainContent(doc) : null;
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

function parseOrExplain(html: string): ReturnType<typeof parseInert> {
  try {
    return parseInert(html);
  } catch (e) {
    // jsdom builds its tree recursively: tens of thousands of nested elements overflow the stack.
    if (e instanceof RangeError) throw new ExtractionError('This page nests its elements too deeply to be read (tens of thousands of levels); it is not a saved article.');
    throw e;
  }
}
