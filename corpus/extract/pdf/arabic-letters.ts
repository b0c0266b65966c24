// Letters as a PDF's text layer gives them, put back as they were typed: Arabic presentation
// forms (the shaped glyphs a font draws) folded to the letters they show, and lam-alef pairs
// whose two letters a ligature's mapping gave back in the wrong order mended.

/** Control characters: a glyph with no letter behind it (LibreOffice's kashida in justified Persian reads as U+0005 inside a word). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The text with control characters left out: no reader sees them, and inside a word they break it for search. */
export function withoutControls(text: string): string {
  return text.replace(CONTROL, '');
}

/** U+FB50–U+FDFF (Arabic Presentation Forms-A) and U+FE70–U+FEFF (Forms-B, with the BOM). */
const PRESENTATION_FORM = /[\uFB50-\uFDFF\uFE70-\uFEFF]+/g;

/**
 * Each run of presentation forms NFKC-folded, nothing else touched: NFKC on the whole text
 * would also change Persian letters' neighbours (ligatures such as ﷲ are meant to expand, but
 * ZWNJ, digits and ۀ elsewhere must stay as the PDF has them). A BOM (U+FEFF) is dropped.
 */
export function foldPresentationForms(text: string): string {
  return text.replace(PRESENTATION_FORM, (run) => run.normalize('NFKC').replace(/\uFEFF/g, ''));
}

/** Whether any shaped letter is left (the ornate parentheses ﴾ ﴿ of the same block are punctuation, kept as they are). */
export function hasPresentationForms(text: string): boolean {
  return (text.match(PRESENTATION_FORM) ?? []).some((run) => run.normalize('NFKC') !== run);
}

const ALEFS = 'اأإآ';

/**
 * A lam-alef ligature whose ToUnicode entry is "lam, alef" is read back reversed when the line
 * is reordered glyph by glyph (pdf.js 16754, pdfminer 850, pypdf 1589): `الإنتاجية` comes out
 * `اإلنتاجية`, `مقالات` `مقاالت`. Two alefs in a row never occur in Arabic or Persian spelling,
 * so an alef followed by an alef and a lam is the reversed pair: the lam goes back before the
 * second alef. Where the alef before the ligature is not there (`سلام` read `سالم`), both
 * spellings are words and nothing is changed.
 */
export function mendLamAlef(text: string): string {
  return text.replace(new RegExp(`([${ALEFS}])([${ALEFS}])ل`, 'g'), '$1ل$2');
}

/** A space the text layer put before a haraka (a tanween drawn as its own glyph run) joins it back to its letter. */
export function joinLoneMarks(text: string): string {
  return text.replace(/ +(?=[\u064B-\u065F\u0670])/g, '');
}

/** All three, in the order they must run (folding first: a ligature may hold the lam-alef). */
export function mendArabicLetters(text: string): string {
  return mendLamAlef(joinLoneMarks(foldPresentationForms(text)));
}
