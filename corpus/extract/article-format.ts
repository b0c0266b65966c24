// Which files are articles and how each is read, by its name alone; and the reading of a plain
// text article. Apart from article-text.ts (which extracts the other formats) so that what
// only lists a folder, or searches plain text, does not load the extractors and their libraries.
import { decodeArticle, type DecodeResult } from '../text/decode';

/** The formats read as articles; `txt` is decoded, the others extracted. */
export type ArticleFormat = 'txt' | PageFormat;
/** The extracted formats (a saved page, a Word file, a PDF): cached, read off the main thread, their extractor recorded. */
export type PageFormat = 'html' | 'mhtml' | 'docx' | 'pdf';

/** Extensions (lower case) read as articles, and how. */
const FORMATS: ReadonlyMap<string, ArticleFormat> = new Map([
  ['.txt', 'txt'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.xhtml', 'html'],
  ['.mhtml', 'mhtml'],
  ['.mht', 'mhtml'],
  ['.docx', 'docx'],
  // A macro-enabled Word file is a .docx with one more part (the macros, a binary never even
  // unpacked: only XML parts are) and another content type, which mammoth does not look at.
  // Its text is read; nothing in it runs, as mammoth only converts.
  ['.docm', 'docx'],
  ['.pdf', 'pdf'],
]);

/** How a file of this name is read as an article, or null when it is not one. */
export function articleFormatOf(name: string): ArticleFormat | null {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? null : (FORMATS.get(name.slice(dot).toLowerCase()) ?? null);
}

/** Whether a file of this name is read as plain text (decoded, not extracted); a name of no known kind is. */
export function isPlainTextName(name: string): boolean {
  return (articleFormatOf(name) ?? 'txt') === 'txt';
}

/** A plain text article's text, or why it has none (one of the cases of article-text.ts's ArticleText). */
export type PlainArticleText = (Extract<DecodeResult, { ok: true }> & { format: 'txt' }) | { ok: false; message: string };

/** The text of a plain text article with these bytes, in the encoding chosen for it (else detected). */
export function plainArticleText(bytes: Uint8Array, encoding?: string | null): PlainArticleText {
  const decoded = decodeArticle(bytes, encoding);
  return decoded.ok ? { ...decoded, format: 'txt' } : { ok: false, message: decoded.message };
}
