// What an extractor gives back for a saved web page, a Word file or a PDF: the article's text
// (the text offsets index from then on), what the file's own metadata says about it, and
// which lines of the text are page furniture rather than the article.

/** The formats whose text is extracted (plain text is decoded, see text/decode.ts). */
export type ExtractedFormat = 'html' | 'mhtml' | 'docx' | 'pdf';

/** What the file itself says about the article, before any guessing from its text. */
export interface ExtractedMeta {
  /** The headline (og:title, JSON-LD headline, <h1>, the PDF's or Word file's title). */
  title?: string;
  /** The site or publisher (og:site_name, JSON-LD publisher.name). */
  site?: string;
  author?: string;
  /** Publication time as ISO 8601 (`2021-09-13` or `2021-09-13T08:30:00+04:30`). */
  published?: string;
  /** The canonical address (<link rel=canonical>, og:url, the MHTML's Content-Location, the "saved from" comment). */
  url?: string;
  /** When the page was saved (MHTML Date header, a Word file's last-saved time, PDF creation date), ISO 8601: the access date when known. */
  saved?: string;
  /** BCP 47 language the file declares (`<html lang>`), if any. */
  language?: string;
  /** A PDF's: the page (1-based) each paragraph of the text starts on, in order (for a citation's "p. 3"). */
  pages?: number[];
  /** The text was read by OCR: engine and languages, as a person reads it ("Tesseract 5.3.0, Persian"). */
  ocr?: string;
}

/** Lines [start, end) of `text` (0-based, counting "\n"-separated lines) that are page furniture. */
export interface LineRange {
  start: number;
  end: number;
}

export type ExtractionFailure =
  /** A PDF with no text layer (a scan): listed, with a note that it needs OCR. */
  | 'needs-ocr'
  /** Password-protected. */
  | 'encrypted'
  /** Not the format its name says (a .docx that is not a zip), or damaged. */
  | 'broken'
  | 'too-large'
  /** The file holds no text. */
  | 'empty';

export type Extraction =
  | {
      ok: true;
      /**
       * One paragraph per line ("\n" between them, no blank lines, no "\r"), each line trimmed,
       * the main content first; then, when the page had any, its other lines (menus, related
       * links, footer), which `furniture` names.
       */
      text: string;
      meta: ExtractedMeta;
      furniture: LineRange[];
      /** What the person should know about how the text was read (e.g. "3 reversed lines put right"). */
      notices: string[];
    }
  | { ok: false; reason: ExtractionFailure; message: string };

/** Every extractor has this shape; `version` changes whenever its output for the same file may change. */
export interface Extractor {
  format: ExtractedFormat;
  /** e.g. `html-1` (bump when the text it gives back for the same bytes may differ). */
  version: string;
  extract(bytes: Uint8Array, context: ExtractContext): Promise<Extraction>;
}

export interface ExtractContext {
  /** The file's name (for messages), corpus-relative. */
  file: string;
}

/** An extractor's result: the article text (what offsets index from then on) and what the file says of itself. */
export interface Extracted {
  format: ExtractedFormat;
  /** Paragraphs separated by a blank line ("\n\n"); no markup, the characters as the page has them. */
  text: string;
  meta: ExtractedMeta;
  /** Which extractor and version made `text`: a sidecar records it, and a new version re-anchors. */
  extractor: { name: string; version: string };
}

/** A file that cannot be read as an article, with a sentence for the user saying why. */
export class ExtractionError extends Error {
  constructor(
    message: string,
    /** Set where the window can offer a remedy (a scan: "Read with OCR…"). */
    readonly reason?: ExtractionFailure,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}
