// mammoth, loaded on the first Word file read (not on import: every reader of the corpus
// imports this folder through extract/article-text.ts) and typed by the few members used here.
import { createRequire } from 'node:module';

interface MammothModule {
  convertToHtml(
    input: { buffer: Buffer },
    options: { convertImage: unknown; externalFileAccess: false; ignoreEmptyParagraphs: boolean },
  ): Promise<{ value: string }>;
  images: { imgElement(f: () => Promise<Record<string, string>>): unknown };
}

const require = createRequire(import.meta.url);
let mammothModule: MammothModule | null = null;
const loadMammoth = (): MammothModule => (mammothModule ??= require('mammoth') as MammothModule);

/**
 * The mammoth release this folder runs, for the extractor's version string (written here, not
 * read from node_modules on import; a test checks it matches the installed release).
 */
export const MAMMOTH_VERSION = '1.13.0';

/**
 * The document as mammoth's HTML: headings as h1–h6, paragraphs, list items and table cells
 * as blocks, footnotes and endnotes as a list at the end, comments left out. Pictures are
 * never read (an empty element in their place) and no linked file outside the zip is opened.
 */
export async function docxToHtml(zip: Uint8Array): Promise<string> {
  const mammoth = loadMammoth();
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) },
    { convertImage: mammoth.images.imgElement(async () => ({})), externalFileAccess: false, ignoreEmptyParagraphs: true },
  );
  return result.value;
}
