// Tesseract's text for one page as paragraphs: a block of lines between blank lines is a
// paragraph, its lines joined with one space (a line-end hyphen means nothing in Arabic
// script, and an English one is left as printed). Letters are folded as a PDF's text layer's
// are, sentence punctuation that Tesseract put at the start of a right-to-left line goes back
// to its end, and a page number alone at the top or bottom of the page is left out.
import { foldPresentationForms, withoutControls } from '../pdf/arabic-letters';
import { isPageNumber } from '../pdf/furniture';

export interface OcrParagraph {
  text: string;
  /** 1-based page the paragraph is on. */
  page: number;
}

const ARABIC_LETTER = /\p{Script=Arabic}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

/** Sentence punctuation that ends a clause; Tesseract writes it first on a right-to-left line when it reads the line's ends the wrong way round. */
const LEADING_PUNCTUATION = /^([.:،؛!؟,;?…]+)\s*(?=\S)/u;

function mostlyArabicScript(line: string): boolean {
  const arabic = line.match(ARABIC_LETTER)?.length ?? 0;
  return arabic > 0 && arabic > (line.match(LATIN_LETTER)?.length ?? 0);
}

/** ".را ثبات و امنیت خود میداند" → "را ثبات و امنیت خود میداند.": only on a line whose letters are mostly Arabic script. */
export function endPunctuationBack(line: string): string {
  const m = LEADING_PUNCTUATION.exec(line);
  if (!m || !mostlyArabicScript(line)) return line;
  return `${line.slice(m[0].length).trimEnd()}${m[1]}`;
}

/** One page's Tesseract output (lines, blank lines between blocks, a form feed at the end) as its paragraphs. */
export function pageParagraphs(output: string, page: number): OcrParagraph[] {
  const lines = withoutControls(output.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((l) => foldPresentationForms(l).replace(/[ \t\u00A0]+/g, ' ').trim());
  const written = lines.map((l, i) => (l ? i : -1)).filter((i) => i >= 0);
  // The page's first and last lines only: a number alone inside the text is the article's.
  for (const edge of [written[0], written.at(-1)]) if (edge !== undefined && isPageNumber(lines[edge]!)) lines[edge] = '';
  const paragraphs: OcrParagraph[] = [];
  let block: string[] = [];
  const close = () => {
    if (block.length > 0) paragraphs.push({ text: block.join(' '), page });
    block = [];
  };
  for (const line of lines) {
    if (line) block.push(endPunctuationBack(line));
    else close();
  }
  close();
  return paragraphs;
}
