// Saved pages' extracted text kept in the corpus's hidden folder (`.hashiya/page-KEY.json`),
// so that the list, search and opening do not run the extractor (a second or two a page)
// again for a page already read. The key is the page's bytes with the extractor's version:
// a changed page or a new extractor is a new entry. Nothing is written beside the page.
import { z } from 'zod';
import type { CachedPage, ExtractedTextCache } from '../extract/article-text';
import { MAX_ARTICLE_BYTES } from '../text/decode';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { appFolder, readCacheBytesSync, writeCache } from './index-store';

const metaSchema = z.object({
  title: z.string().optional(),
  site: z.string().optional(),
  author: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
  saved: z.string().optional(),
  language: z.string().optional(),
  pages: z.array(z.number().int().positive()).optional(),
  ocr: z.string().optional(),
});

const entrySchema = z.object({ text: z.string().min(1), meta: metaSchema, extractor: z.string(), warning: z.string().optional() });

/** An entry's text is at most a page's size, escaped as JSON: anything larger is not ours. */
const MAX_ENTRY_BYTES = MAX_ARTICLE_BYTES * 6;

export function cacheFileName(key: string): string {
  return `page-${key}.json`;
}

/** A scanned PDF's OCR text (KEY from `ocrKey`): not a cache entry, never pruned with them. */
export function ocrFileName(key: string): string {
  return `ocr-${key}.json`;
}

const KEY = /^[0-9a-f]{64}$/;

function readEntry(root: string, name: string): CachedPage | null {
  const bytes = readCacheBytesSync(root, name, MAX_ENTRY_BYTES);
  if (!bytes) return null;
  try {
    const parsed = entrySchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? stripUndefined(parsed.data) : null;
  } catch {
    return null;
  }
}

/**
 * Whether the OCR text of the scan with this key was kept at or after `since` (ms since the
 * epoch): the first reading of a scan, or a reading again (in another language, say). A list
 * or an index that last read the folder before then reads that PDF again.
 */
export function ocrTextSince(root: string, key: string, since: number): boolean {
  if (!KEY.test(key)) return false;
  const info = statSync(join(appFolder(root), ocrFileName(key)), { throwIfNoEntry: false });
  return !!info && info.mtimeMs >= since;
}

/** Keeps a scan's OCR text; false when it could not be written (the text is then lost with the run). */
export function saveOcrText(root: string, key: string, page: CachedPage): Promise<boolean> {
  if (!KEY.test(key)) return Promise.resolve(false);
  return writeCache(root, ocrFileName(key), JSON.stringify(page));
}

/**
 * The cache of the corpus at `root` (a realpath). Reads are synchronous (every reader is);
 * writes go on in the background and a failed one only means the page is extracted again.
 */
export function extractedTextCache(root: string): ExtractedTextCache {
  return {
    get(key: string): CachedPage | null {
      return KEY.test(key) ? readEntry(root, cacheFileName(key)) : null;
    },
    getOcr(key: string): CachedPage | null {
      return KEY.test(key) ? readEntry(root, ocrFileName(key)) : null;
    },
    put(key: string, page: CachedPage): void {
      // The list's and the search's workers both read a new page at first: the second finds the
      // first's entry (the same bytes and extractor give the same text) and leaves it be, so no
      // write lands over an entry read since. A damaged entry is written again.
      if (readEntry(root, cacheFileName(key))) return;
      void writeCache(root, cacheFileName(key), JSON.stringify(page));
    },
  };
}

function stripUndefined(page: z.infer<typeof entrySchema>): CachedPage {
  const meta = Object.fromEntries(Object.entries(page.meta).filter(([, v]) => v !== undefined));
  return { text: page.text, meta, extractor: page.extractor, ...(page.warning ? { warning: page.warning } : {}) };
}
