// A scanned PDF read by Tesseract: the bytes written to a private temporary folder, the pages
// counted by pdfinfo, each page rendered by pdftoppm in grey at the scan's own resolution, its
// lines found from its ink (ocr-lines.ts) and read by tesseract, two pages at a time, then cut
// into paragraphs that remember their page (ocr-layout.ts, ocr-text.ts). The
// folder is removed at the end, whether the reading finished, failed or was stopped.
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ExtractionError, type Extracted } from '../types';
import { MAX_PDF_CHARACTERS, MAX_PDF_PAGES } from '../pdf/extract-pdf';
import { pdfMeta } from '../pdf/pdf-meta';
import type { OcrLanguage, OcrTools } from './ocr-tools';
import { pageParagraphs, type OcrParagraph } from './ocr-text';
import { findLines, hasColumns, levelled, parsePgm, pgmBytes, skewSlope, spacedPage } from './ocr-lines';
import { asOcrOutput, bandTexts, paragraphEnds } from './ocr-layout';
import { RunStopped, RunTimeout, runProgram, type RunOptions } from './run-program';

/** Bump whenever the text given for the same PDF, Tesseract and languages may change. */
export const OCR_REVISION = 2;

export interface OcrOptions {
  /** At least one; passed to tesseract as -l fas+ara. */
  languages: OcrLanguage[];
  tools: OcrTools;
  /** After each page is read (done = pages finished). */
  onPage?: (done: number, total: number) => void;
  /** Aborting kills the running processes and rejects with an ExtractionError('OCR was stopped.'). */
  signal?: AbortSignal;
}

export const OCR_STOPPED = 'OCR was stopped.';

/** For a page whose scan resolution is unknown: 300 dpi is what Tesseract's models are trained at; grey keeps the image a third of colour's size. */
const DPI = 300;
/** Two pages at a time: one tesseract per core on a two-core laptop, each with one thread. */
const PARALLEL = 2;
const PAGE_TIMEOUT = 3 * 60_000;
const INFO_TIMEOUT = 30_000;

const LANGUAGE_NAMES: Record<OcrLanguage, string> = { fas: 'Persian', ara: 'Arabic', eng: 'English' };

/** "Tesseract 5.3.0, Persian and Arabic": what the citation and the details say of how the text was read. */
export function ocrLabel(version: string, languages: readonly OcrLanguage[]): string {
  return `Tesseract ${version}, ${languages.map((l) => LANGUAGE_NAMES[l]).join(' and ')}`;
}

interface PdfInfo {
  pages: number;
  info: Record<string, string>;
}

/** pdfinfo's `Key:   value` lines (dates raw, `D:2024…`, as pdf-meta.ts reads them). */
export function parsePdfInfo(output: string): PdfInfo {
  const info: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const m = /^([A-Za-z ]+?):\s*(.*)$/.exec(line);
    if (m) info[m[1]!] = m[2]!.trim();
  }
  return { pages: Number(info['Pages'] ?? 0), info };
}

/**
 * OCR's own environment: one OpenMP thread per tesseract (the default, one per core, made a
 * page take 8.6 s instead of 2 s on a two-core machine, the threads fighting each other).
 */
const tesseractEnv = (): NodeJS.ProcessEnv => ({ ...process.env, OMP_THREAD_LIMIT: '1' });

async function readInfo(tools: OcrTools, pdf: string, run: RunOptions): Promise<PdfInfo> {
  const r = await runProgram(tools.pdfinfo, ['-rawdates', '-enc', 'UTF-8', pdf], { ...run, timeout: INFO_TIMEOUT });
  if (r.code !== 0) {
    if (/password/i.test(r.stderr)) throw new ExtractionError('This PDF is password-protected: open it in a PDF viewer, save a copy without a password, and put that in the folder.');
    throw new ExtractionError('This file is not a readable PDF (it is damaged or not a PDF).');
  }
  const parsed = parsePdfInfo(r.stdout);
  if (!Number.isInteger(parsed.pages) || parsed.pages < 1) throw new ExtractionError('This file is not a readable PDF (it has no pages).');
  if (parsed.pages > MAX_PDF_PAGES) throw new ExtractionError(`This PDF has ${parsed.pages} pages; Hashiya reads PDFs of up to ${MAX_PDF_PAGES} pages as articles.`);
  return parsed;
}

/**
 * The resolution the page's scan was made at (its largest image's x-ppi, from `pdfimages -list`):
 * rendered at it, the page is the scan's own pixels. Resampled to 300 dpi a 200 dpi scan read
 * worse (Arabic scan: word recall 0.650 against 0.956). Outside 150–600, or unknown, 300.
 */
async function scanDpi(tools: OcrTools, pdf: string, n: number, run: RunOptions): Promise<number> {
  const r = await runProgram(join(dirname(tools.pdfinfo), basename(tools.pdfinfo).replace('pdfinfo', 'pdfimages')), ['-list', '-f', String(n), '-l', String(n), pdf], { ...run, timeout: INFO_TIMEOUT }).catch(() => null);
  if (!r || r.code !== 0) return DPI;
  let best = { width: 0, ppi: DPI };
  for (const line of r.stdout.split('\n').slice(2)) {
    const cells = line.trim().split(/\s+/);
    const [width, ppi] = [Number(cells[3]), Number(cells[12])];
    if (cells[2] === 'image' && width > best.width && Number.isFinite(ppi)) best = { width, ppi };
  }
  return best.ppi >= 150 && best.ppi <= 600 ? Math.round(best.ppi) : DPI;
}

async function readPage(tools: OcrTools, dir: string, n: number, languages: string, run: RunOptions): Promise<OcrParagraph[]> {
  const root = join(dir, `page-${n}`);
  const image = `${root}.pgm`;
  const spaced = `${root}-lines.pgm`;
  try {
    const pdf = join(dir, 'input.pdf');
    const dpi = await scanDpi(tools, pdf, n, run);
    const render = await runProgram(tools.pdftoppm, ['-r', String(dpi), '-gray', '-f', String(n), '-l', String(n), '-singlefile', pdf, root], run);
    if (render.code !== 0) throw new ExtractionError(`Page ${n} of this PDF could not be made an image for OCR (${render.stderr.split('\n')[0]!.slice(0, 200) || `pdftoppm exited with ${render.code}`}).`);
    const tesseract = async (file: string, output: 'stdout' | 'tsv') => {
      const args = [file, 'stdout', '-l', languages, '--dpi', String(dpi), ...(output === 'tsv' ? ['--psm', '4', 'tsv'] : [])];
      const read = await runProgram(tools.tesseract, args, { ...run, env: tesseractEnv() });
      if (read.code !== 0) throw new ExtractionError(`Tesseract could not read page ${n} of this PDF (${read.stderr.trim().split('\n').at(-1)?.slice(0, 200) || `it exited with ${read.code}`}).`);
      return read.stdout;
    };
    const scanned = parsePgm(await readFile(image));
    const slope = scanned ? skewSlope(scanned) : 0;
    const page = scanned && slope !== 0 ? levelled(scanned, slope) : scanned;
    const lines = page ? findLines(page) : [];
    // A page in columns, or one where no line was found, is left to Tesseract's own layout analysis.
    if (!page || lines.length === 0 || hasColumns(page, lines)) return pageParagraphs(await tesseract(image, 'stdout'), n);
    const { image: rebuilt, tops } = spacedPage(page, lines);
    await writeFile(spaced, pgmBytes(rebuilt), { mode: 0o600 });
    const texts = bandTexts(await tesseract(spaced, 'tsv'), tops, lines);
    const rtl = !/^eng$/.test(languages);
    return pageParagraphs(asOcrOutput(texts, paragraphEnds(lines, rtl)), n);
  } finally {
    // A page image is some megabytes: gone as soon as it is read, not at the end of a long PDF.
    await Promise.all([image, spaced].map((f) => unlink(f).catch(() => undefined)));
  }
}

/** The pages read `PARALLEL` at a time; the first failure stops the others. */
async function readPages(tools: OcrTools, dir: string, total: number, options: OcrOptions, stop: AbortController): Promise<OcrParagraph[][]> {
  const languages = options.languages.join('+');
  const pages: OcrParagraph[][] = new Array<OcrParagraph[]>(total);
  let next = 1;
  let done = 0;
  let characters = 0;
  // The page count is known before the first page is read: the person sees "page 1 of N" at once.
  options.onPage?.(0, total);
  const worker = async () => {
    while (next <= total && !stop.signal.aborted) {
      const n = next;
      next += 1;
      const paragraphs = await readPage(tools, dir, n, languages, { signal: stop.signal, timeout: PAGE_TIMEOUT });
      characters += paragraphs.reduce((sum, p) => sum + p.text.length, 0);
      if (characters > MAX_PDF_CHARACTERS) throw new ExtractionError(`This PDF holds more than ${MAX_PDF_CHARACTERS.toLocaleString('en')} characters of text; Hashiya reads shorter PDFs as articles.`);
      pages[n - 1] = paragraphs;
      done += 1;
      options.onPage?.(done, total);
    }
  };
  const workers = Array.from({ length: Math.min(PARALLEL, total) }, () =>
    worker().catch((error: unknown) => {
      stop.abort();
      throw error;
    }),
  );
  const settled = await Promise.allSettled(workers);
  // The first real failure is the reason; the others are the stop it caused.
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && !(s.reason instanceof RunStopped)) ?? settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return pages;
}

function plainError(error: unknown, signal: AbortSignal | undefined): ExtractionError {
  if (signal?.aborted) return new ExtractionError(OCR_STOPPED);
  if (error instanceof ExtractionError) return error;
  if (error instanceof RunTimeout) return new ExtractionError(`OCR gave up on this PDF: a page took longer than ${PAGE_TIMEOUT / 60_000} minutes to read (${error.message}).`);
  const message = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unknown error';
  return new ExtractionError(`This PDF could not be read by OCR (${message}).`);
}

/** The text of a scanned PDF read by Tesseract, each paragraph with the page it is on. */
export async function ocrPdf(bytes: Uint8Array, options: OcrOptions): Promise<Extracted> {
  const { tools, languages, signal } = options;
  if (languages.length === 0) throw new ExtractionError('Choose at least one language for OCR.');
  const absent = languages.filter((l) => !tools.languages.includes(l));
  if (absent.length > 0) throw new ExtractionError(`Tesseract has no ${absent.map((l) => LANGUAGE_NAMES[l]).join(' or ')} data: on Debian or Ubuntu, install ${absent.map((l) => `tesseract-ocr-${l}`).join(' and ')}.`);
  if (signal?.aborted) throw new ExtractionError(OCR_STOPPED);
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  // Private (mode 0700, a fresh random name): the scan may be a confidential document.
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-ocr-'));
  try {
    const pdf = join(dir, 'input.pdf');
    await writeFile(pdf, bytes, { mode: 0o600 });
    const { pages: total, info } = await readInfo(tools, pdf, { signal: stop.signal });
    const pages = await readPages(tools, dir, total, options, stop);
    if (signal?.aborted) throw new ExtractionError(OCR_STOPPED);
    const paragraphs = pages.flat();
    const text = paragraphs.map((p) => p.text).join('\n\n');
    if (!text.trim()) throw new ExtractionError(`OCR found no text on this PDF's pages (read as ${languages.map((l) => LANGUAGE_NAMES[l]).join(' and ')}).`);
    return {
      format: 'pdf',
      text,
      meta: { ...pdfMeta(info, null), pages: paragraphs.map((p) => p.page), ocr: ocrLabel(tools.version, languages) },
      extractor: { name: 'tesseract', version: `${tools.version}/${OCR_REVISION}+${languages.join('+')}` },
    };
  } catch (error) {
    throw plainError(error, signal);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stop.abort();
    await rm(dir, { recursive: true, force: true });
  }
}
