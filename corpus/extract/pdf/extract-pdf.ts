// A PDF with a text layer as an article: pdf.js reads each page's text runs, which become
// lines in reading order (lines.ts; a page set in columns one column after the other,
// columns.ts), with their letters mended (arabic-letters.ts), headers,
// footers and page numbers left out (furniture.ts), and paragraphs (paragraphs.ts) that
// remember their page. Pages are read one at a time and released, so memory stays bounded.
import { ExtractionError, type Extracted } from '../types';
import { mendArabicLetters, withoutControls } from './arabic-letters';
import { furnitureOf } from './furniture';
import type { Line, TextItem } from './lines';
import { pageLines } from './columns';
import { linesToParagraphs } from './paragraphs';
import { applyRepairs, ligatureRepairs } from './ligature-order';
import { drawnGlyphs, joinKashidaSplits, kashidaSplits, letterRuns } from './kashida-spaces';
import { fontSettingOp, imagePaintingOps, openPdf, textShowingOps, type PdfDocument, type PdfPage, type PdfTextItem } from './pdfjs';
import { pdfMeta } from './pdf-meta';

/** Bump whenever the text given for the same PDF may change. */
export const PDF_REVISION = 5;
export const PDF_EXTRACTOR = { name: 'pdfjs', version: `4.10.38/${PDF_REVISION}` } as const;

/** More pages than a book-length report, or more text than a long book, is not an article. */
export const MAX_PDF_PAGES = 1000;
export const MAX_PDF_CHARACTERS = 4_000_000;

export const NEEDS_OCR = 'This PDF has no text layer (a scanned page): its text has to be read by OCR.';

export interface ExtractedPdf extends Extracted {
  /** Pages that are scans among pages with text: the person hears their text is not there. */
  warning?: string;
  meta: Extracted['meta'] & {
    /** The page (1-based) each paragraph of `text` starts on, in order. */
    pages: number[];
  };
}

function toItem(raw: PdfTextItem): TextItem {
  const [a = 0, b = 0, , , x = 0, y = 0] = raw.transform;
  return { str: withoutControls(raw.str), ...(raw.dir ? { dir: raw.dir } : {}), x, y, width: raw.width, size: Math.hypot(a, b) || 1 };
}

function plainReason(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'This PDF is password-protected: open it in a PDF viewer, save a copy without a password, and put that in the folder.';
  if (name === 'InvalidPDFException') return 'This file is not a readable PDF (it is damaged or not a PDF).';
  const message = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unknown error';
  return `This PDF could not be read (${message}).`;
}

interface PageRead {
  lines: Line[];
  /** No text, but an image: a scanned page. */
  scanned: boolean;
}

async function readPage(doc: PdfDocument, n: number): Promise<PageRead> {
  const page = await doc.getPage(n);
  try {
    const content = await page.getTextContent();
    const items = content.items.filter((i): i is PdfTextItem => 'str' in i && typeof i.str === 'string').map(toItem);
    const raw = pageLines(items);
    if (raw.length === 0) {
      const painting = await imagePaintingOps();
      return { lines: raw, scanned: (await page.getOperatorList()).fnArray.some((fn) => painting.has(fn)) };
    }
    return { lines: await mendFromGlyphs(page, raw), scanned: false };
  } finally {
    page.cleanup();
  }
}

/** Arabic-script letters: only a page with some can hold a kashida read as a space or a reversed lam-alef. */
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

async function mendFromGlyphs(page: PdfPage, raw: Line[]): Promise<Line[]> {
  // Reading a page glyph by glyph (the operator list) costs more than its text, images
  // included: only a page of Arabic script is read so.
  if (!raw.some((l) => ARABIC_SCRIPT.test(l.text))) return raw.map((l) => ({ ...l, text: mendArabicLetters(l.text) }));
  const list = await page.getOperatorList();
  const showText = await textShowingOps();
  const glyphs = drawnGlyphs(list, { showText, setFont: await fontSettingOp() });
  const splits = kashidaSplits(glyphs);
  const lines = raw.map((l) => ({ ...l, text: mendArabicLetters(joinKashidaSplits(l.text, splits)) }));
  if (!lines.some((l) => l.text.includes('ال'))) return lines;
  const repairs = ligatureRepairs(letterRuns(glyphs), mendArabicLetters);
  return lines.map((l) => ({ ...l, text: applyRepairs(l.text, repairs) }));
}

/** "3", "3 and 5", "3, 5–7 and 9": page numbers as a person reads them. */
export function pageList(pages: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j += 1;
    ranges.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j + 1;
  }
  return ranges.length <= 1 ? (ranges[0] ?? '') : `${ranges.slice(0, -1).join(', ')} and ${ranges.at(-1)}`;
}

/** Characters of a script a reader here reads: Arabic script, Latin, and digits of any kind. */
const READABLE = /[\p{Script=Arabic}\p{Script=Latin}\p{Nd}]/gu;

/**
 * A text layer that is mostly other code points (a font with no usable Unicode map, as in a
 * calligraphy sheet, gives Armenian, Greek and Cyrillic letters) or is empty is no text layer:
 * the page has to be read by OCR. Harakat, punctuation and spaces count for neither side, so a
 * fully vowelled verse is text.
 */
export function hasTextLayer(text: string): boolean {
  const visible = text.replace(/[\s\p{M}\p{P}\p{Cf}]/gu, '');
  if (visible.length === 0) return false;
  return (visible.match(READABLE)?.length ?? 0) >= 0.6 * visible.length;
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  let doc: PdfDocument;
  try {
    doc = await openPdf(bytes);
  } catch (error) {
    throw new ExtractionError(plainReason(error));
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new ExtractionError(`This PDF has ${doc.numPages} pages; Hashiya reads PDFs of up to ${MAX_PDF_PAGES} pages as articles.`);
    const pages: Line[][] = [];
    const scans: number[] = [];
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n += 1) {
      const { lines, scanned } = await readPage(doc, n).catch((error: unknown) => {
        throw new ExtractionError(`Page ${n} of this PDF could not be read: ${plainReason(error)}`);
      });
      characters += lines.reduce((sum, l) => sum + l.text.length, 0);
      if (characters > MAX_PDF_CHARACTERS) throw new ExtractionError(`This PDF holds more than ${MAX_PDF_CHARACTERS.toLocaleString('en')} characters of text; Hashiya reads shorter PDFs as articles.`);
      pages.push(lines);
      if (scanned) scans.push(n);
    }
    const furniture = furnitureOf(pages);
    const paragraphs = linesToParagraphs(pages.map((lines) => lines.filter((l) => !furniture.has(l))));
    const text = paragraphs.map((p) => p.text).join('\n\n');
    if (!hasTextLayer(text)) throw new ExtractionError(NEEDS_OCR, 'needs-ocr');
    const info = await doc.getMetadata().catch(() => null);
    return {
      format: 'pdf',
      text,
      meta: { ...pdfMeta(info?.info, info?.metadata), pages: paragraphs.map((p) => p.page) },
      extractor: { ...PDF_EXTRACTOR },
      ...(scans.length > 0
        ? { warning: `${scans.length === 1 ? 'page' : 'pages'} ${pageList(scans)} of this PDF ${scans.length === 1 ? 'is an image' : 'are images'} with no text layer (a scan, or a picture of text): any text on ${scans.length === 1 ? 'it' : 'them'} is not here (OCR is offered for a PDF that is scans throughout, not yet for some of its pages).` }
        : {}),
    };
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw new ExtractionError(plainReason(error));
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
