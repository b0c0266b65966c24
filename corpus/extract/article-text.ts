// The one place that turns an article file's bytes into the text Hashiya reads: a plain text
// file is decoded (with the person's encoding choice), a saved web page or a Word file is extracted. Every
// reader (the list, search, opening, the command line) goes through here, so that offsets
// index the same text wherever they are used.
import { createHash } from 'node:crypto';
import { MAX_ARTICLE_BYTES } from '../text/decode';
import { articleFormatOf, plainArticleText, type ArticleFormat, type PageFormat, type PlainArticleText } from './article-format';
import { DOCX_EXTRACTOR, extractDocx, MAX_DOCX_BYTES } from './docx/extract-docx';
import { extractHtml, HTML_EXTRACTOR } from './html/extract-html';
import { extractMhtml, MHTML_EXTRACTOR, type ExtractedMhtml } from './mhtml/extract-mhtml';
import { extractPdf, PDF_EXTRACTOR } from './pdf/extract-pdf';
import { ExtractionError, type ExtractedMeta } from './types';

export { articleFormatOf, type ArticleFormat, type PageFormat } from './article-format';

const EXTRACTORS: Record<PageFormat, { name: string; version: string }> = { html: HTML_EXTRACTOR, mhtml: MHTML_EXTRACTOR, docx: DOCX_EXTRACTOR, pdf: PDF_EXTRACTOR };

/** Each extracted format's reader; a `warning` is what the person should hear (a cut-off archive, scanned pages). */
const EXTRACT: Record<PageFormat, (bytes: Uint8Array) => ExtractedMhtml | Promise<ExtractedMhtml>> = {
  html: (bytes) => extractHtml(bytes),
  mhtml: extractMhtml,
  docx: extractDocx,
  pdf: extractPdf,
};

export type ArticleText =
  | Extract<PlainArticleText, { ok: true }>
  | {
      ok: true;
      format: PageFormat;
      text: string;
      /** The charset the page was read in does not matter to offsets; pages report UTF-8 text. */
      encoding: 'utf-8';
      /** What the person should know about how it was read (an MHTML cut off before its end). */
      warning?: string;
      meta: ExtractedMeta;
      /** `name/version`, recorded in a sidecar so that a new extractor re-anchors. */
      extractor: string;
      /** Its cache entry's key (`extractionKey`): what the list keeps so that stale entries can be removed. */
      key: string;
    }
  | {
      ok: false;
      message: string;
      /** A PDF with no text layer: the key its OCR text is kept under once the person has it read (`ocrKey`). */
      needsOcr?: string;
    };

/** A page's extraction as a cache keeps it. */
export interface CachedPage {
  text: string;
  meta: ExtractedMeta;
  extractor: string;
  warning?: string;
}

/**
 * Where extracted pages are kept between runs (extraction takes a second or two a page, and
 * the list and search read every article). `get` gives null for anything absent or unusable.
 */
export interface ExtractedTextCache {
  get(key: string): CachedPage | null;
  put(key: string, page: CachedPage): void;
  /** A scanned PDF's text as OCR gave it, kept under `ocrKey(bytes)`: null until the person has it read. */
  getOcr?(key: string): CachedPage | null;
}

/**
 * Where a page missing from the cache is extracted instead of the calling thread (the app's
 * main process hands it to a worker: a page takes seconds); null when it cannot be, and the
 * caller extracts it itself.
 */
export type ExtractElsewhere = (name: string, bytes: Uint8Array) => Promise<ArticleText | null>;

/** The cache key of a page: its bytes and the extractor that reads them (a new version is a new key). */
export function extractionKey(bytes: Uint8Array, extractor: string): string {
  return createHash('sha256').update(extractor).update('\0').update(bytes).digest('hex');
}

/**
 * Where a scanned PDF's OCR text is kept: its bytes alone. Unlike an extraction, the OCR text
 * is not made again for a new engine version: it took minutes and the person asked for it,
 * and the annotations on it index it; reading the scan again is the person's choice.
 */
export function ocrKey(bytes: Uint8Array): string {
  return createHash('sha256').update('ocr\0').update(bytes).digest('hex');
}

/**
 * The largest file of each format read as an article. A Word file's, an MHTML's and a PDF's
 * pictures and fonts make them large without adding text (a report with photos is 30 MB, a
 * page saved whole by Chrome 25 MB): only their text is unpacked, within its own limits. Plain
 * text and HTML are read whole.
 */
const MAX_FILE_BYTES: Partial<Record<ArticleFormat, number>> = { docx: MAX_DOCX_BYTES, mhtml: MAX_DOCX_BYTES, pdf: MAX_DOCX_BYTES };

export function maxArticleFileBytes(name: string): number {
  return MAX_FILE_BYTES[articleFormatOf(name) ?? 'txt'] ?? MAX_ARTICLE_BYTES;
}

/** Why a file of this name and size is not read at all (it is not even loaded), or null. */
export function tooLargeToRead(name: string, size: number): string | null {
  const max = maxArticleFileBytes(name);
  return size > max ? `This file is ${(size / 1024 / 1024).toFixed(1)} MB, larger than the ${max / 1024 / 1024} MB an article of its kind may have; it was not read.` : null;
}

/** The extractor (name/version) that gives the text of a file of this name; null for plain text. */
export function extractorFor(name: string): string | null {
  const format = articleFormatOf(name);
  return format === null || format === 'txt' ? null : extractorLabel(EXTRACTORS[format]);
}

export function extractorLabel(e: { name: string; version: string }): string {
  return `${e.name}/${e.version}`;
}

/**
 * The article text of the file `name` (only its extension matters) with these bytes. The
 * encoding choice applies to plain text; a page declares its own. Never rejects for a file
 * that cannot be read: it is `{ ok: false, message }`, listed with that reason.
 */
export async function articleText(
  name: string,
  bytes: Uint8Array,
  encoding?: string | null,
  cache?: ExtractedTextCache,
  elsewhere?: ExtractElsewhere,
): Promise<ArticleText> {
  const format = articleFormatOf(name) ?? 'txt';
  if (format === 'txt') return plainArticleText(bytes, encoding);
  if (format === 'pdf' && cache?.getOcr) {
    // A scan the person had read by OCR: that text is the article's from then on.
    const key = ocrKey(bytes);
    const read = cache.getOcr(key);
    if (read) return { ok: true, format, encoding: 'utf-8', key, ...read };
  }
  const key = extractionKey(bytes, extractorLabel(EXTRACTORS[format]));
  const kept = cache?.get(key);
  if (kept) return { ok: true, format, encoding: 'utf-8', key, ...kept };
  const read = elsewhere ? await elsewhere(name, bytes) : null;
  if (read) return read;
  try {
    const page = await EXTRACT[format](bytes);
    const done: CachedPage = { text: page.text, meta: page.meta, extractor: extractorLabel(page.extractor), ...(page.warning ? { warning: page.warning } : {}) };
    cache?.put(key, done);
    return { ok: true, format, encoding: 'utf-8', key, ...done };
  } catch (error) {
    if (error instanceof ExtractionError) return { ok: false, message: error.message, ...(error.reason === 'needs-ocr' ? { needsOcr: ocrKey(bytes) } : {}) };
    // Anything else (a bug in the extractor, a library missing from a build) must not stop the
    // list or the search worker: the page is listed with the reason, the others are read.
    return { ok: false, message: `This ${format === 'docx' ? 'Word file' : 'page'} could not be read (${error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unknown error'}).` };
  }
}
