// A browser's single-file page as an article: its HTML part taken out of the MIME archive,
// then read exactly as a saved `.html` page is, with the archive's address, saving time and
// charset as hints the page's own head can override.
import { extractHtml, HTML_EXTRACTOR } from '../html/extract-html';
import type { Extracted } from '../types';
import { readMhtml } from './read-mhtml';

/** Bump whenever this folder's choice of part or its decoding may change the page read. */
export const MHTML_REVISION = 1;

export const MHTML_EXTRACTOR = { name: 'mhtml+readability', version: `${MHTML_REVISION}/${HTML_EXTRACTOR.version}` } as const;

export interface ExtractedMhtml extends Extracted {
  /** What the person should know: the file ends before its closing boundary, so the page may be incomplete. */
  warning?: string;
}

export async function extractMhtml(bytes: Uint8Array): Promise<ExtractedMhtml> {
  const page = await readMhtml(bytes);
  const hints = { charset: page.charset, ...(page.url ? { url: page.url } : {}), ...(page.saved ? { saved: page.saved } : {}) };
  const extracted = extractHtml(page.html, hints);
  return {
    ...extracted,
    format: 'mhtml',
    extractor: { ...MHTML_EXTRACTOR },
    ...(page.truncated ? { warning: 'this saved page (MHTML) is cut off before its end (an incomplete download or copy); what it holds was read.' } : {}),
  };
}
