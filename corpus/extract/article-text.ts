// The one place that turns an article file's bytes into the text Hashiya reads: a plain text
// file is decoded (with the person's encoding choice), a saved web page is extracted. Every
// reader (the list, search, opening, the command line) goes through here, so that offsets
// index the same text wherever they are used.
import { decodeArticle, type DecodeResult } from '../text/decode';
import { extractHtml, HTML_EXTRACTOR } from './html/extract-html';
import { ExtractionError, type ExtractedMeta } from './types';

/** The formats read as articles; `txt` is decoded, the others extracted. */
export type ArticleFormat = 'txt' | 'html';

/** Extensions (lower case) read as articles, and how. MHTML is not yet: its reader is asynchronous. */
const FORMATS: ReadonlyMap<string, ArticleFormat> = new Map([
  ['.txt', 'txt'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.xhtml', 'html'],
]);

export type ArticleText =
  | (Extract<DecodeResult, { ok: true }> & { format: 'txt' })
  | {
      ok: true;
      format: 'html';
      text: string;
      /** The charset the page was read in does not matter to offsets; pages report UTF-8 text. */
      encoding: 'utf-8';
      warning?: undefined;
      meta: ExtractedMeta;
      /** `name/version`, recorded in a sidecar so that a new extractor re-anchors. */
      extractor: string;
    }
  | { ok: false; message: string };

/** How a file of this name is read as an article, or null when it is not one. */
export function articleFormatOf(name: string): ArticleFormat | null {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? null : (FORMATS.get(name.slice(dot).toLowerCase()) ?? null);
}

/** The extractor (name/version) that gives the text of a file of this name; null for plain text. */
export function extractorFor(name: string): string | null {
  return articleFormatOf(name) === 'html' ? extractorLabel(HTML_EXTRACTOR) : null;
}

export function extractorLabel(e: { name: string; version: string }): string {
  return `${e.name}/${e.version}`;
}

/**
 * The article text of the file `name` (only its extension matters) with these bytes. The
 * encoding choice applies to plain text; a page declares its own. Never throws for a file
 * that cannot be read: it is `{ ok: false, message }`, listed with that reason.
 */
export function articleText(name: string, bytes: Uint8Array, encoding?: string | null): ArticleText {
  const format = articleFormatOf(name) ?? 'txt';
  if (format === 'txt') {
    const decoded = decodeArticle(bytes, encoding);
    return decoded.ok ? { ...decoded, format } : { ok: false, message: decoded.message };
  }
  try {
    const page = extractHtml(bytes);
    return { ok: true, format, text: page.text, encoding: 'utf-8', meta: page.meta, extractor: extractorLabel(page.extractor) };
  } catch (error) {
    if (error instanceof ExtractionError) return { ok: false, message: error.message };
    throw error;
  }
}
