// pdf.js (Mozilla's reader, legacy build for Node), loaded at run time and typed by the few
// members used here. It is imported by a computed name so that the bundler leaves it in
// node_modules (the packaged app carries it) and its fake worker finds its own files; it is
// an ES module, so `createRequire` (as html/dom.ts does for jsdom) cannot load it on Node 20.

export interface PdfTextItem {
  str: string;
  dir?: string;
  transform: number[];
  width: number;
}

export interface PdfPage {
  getTextContent(): Promise<{ items: ReadonlyArray<PdfTextItem | { type: string }> }>;
  /** The page's drawing operations; a text-showing operation's first argument is its glyphs. */
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup(): unknown;
}

export interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  getMetadata(): Promise<{ info?: Record<string, unknown>; metadata?: { get(name: string): unknown } | null }>;
  destroy(): Promise<void>;
}

interface PdfjsModule {
  getDocument(options: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
  OPS: { setFont: number; showText: number; showSpacedText: number; paintImageXObject: number; paintInlineImageXObject: number; paintImageMaskXObject: number };
}

const SPECIFIER = ['pdfjs-dist', 'legacy', 'build', 'pdf.mjs'].join('/');
let loaded: Promise<PdfjsModule> | null = null;

/**
 * Opens a PDF with nothing that could run or fetch: no eval (fonts and functions are
 * interpreted, not compiled), no font faces, no system fonts, no range requests. pdf.js in
 * Node runs no document JavaScript at all (that is the viewer's opt-in scripting sandbox).
 */
function pdfjsModule(): Promise<PdfjsModule> {
  loaded ??= import(SPECIFIER) as Promise<PdfjsModule>;
  return loaded;
}

/** The operator codes that show text (`Tj`, `TJ`), whose arguments hold the glyphs drawn. */
export async function textShowingOps(): Promise<ReadonlySet<number>> {
  const { OPS } = await pdfjsModule();
  return new Set([OPS.showText, OPS.showSpacedText]);
}

/** The operator code that sets the font (`Tf`), whose first argument names it. */
export async function fontSettingOp(): Promise<number> {
  const { OPS } = await pdfjsModule();
  return OPS.setFont;
}

/** The operator codes that paint an image: a page with one and no text is a scan. */
export async function imagePaintingOps(): Promise<ReadonlySet<number>> {
  const { OPS } = await pdfjsModule();
  return new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await pdfjsModule();
  // pdf.js takes the buffer over (detaches it): give it a copy, the caller's bytes stay usable.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  return task.promise;
}
