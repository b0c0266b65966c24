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

/**
 * Arabic letters that join the letter after them (Unicode joining type D, ArabicShaping.txt):
 * all but alef, dal, thal, reh, zain, waw, teh marbuta and their kin (type R), and hamza (U).
 * Only after one of these can a justifier stretch a word with a kashida.
 */
const JOINS_NEXT = '\u0620\u0626\u0628\u062A-\u062E\u0633-\u0647\u0649\u064A\u066E\u066F\u0678-\u0687\u069A-\u06BF\u06C1\u06C2\u06CC\u06CE\u06D0\u06D1\u06FA-\u06FC\u06FF\u0750-\u077F';
const JOINS_NEXT_LETTER = new RegExp(`[${JOINS_NEXT}][\\u064B-\\u065F\\u0670]*$`);

/** Whether a word's piece ends in a letter that joins the next (harakat after it aside): only there can a kashida stretch it. */
export function endsJoiningNext(piece: string): boolean {
  return JOINS_NEXT_LETTER.test(piece);
}

const ARABIC_LETTER = '\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F';
const HARAKAT = '\u064B-\u065F\u0670';
/**
 * What LibreOffice's text layer gives for the kashida glyphs it draws to justify Arabic: the
 * glyph's own code in the font subset, a byte, so a different character from file to file
 * (`ذل==ك`, `حس3ن`, `ع\u0005\u0005راق`). Symbols and digits of the first 256 code points only: not
 * spaces, Latin letters, nor the punctuation that sits between Arabic letters in real text
 * (`ص.ب`, `عربي/إنجليزي`, `سعد-الدين`, quotes, brackets).
 */
const STAND_IN = '\u0001-\u0008\u000E-\u001F\u0021\u0023-\u0025\u002A\u0030-\u0039\u003B-\u0040\u005C\u005E\u0060\u007C\u007E-\u009F\u00A1-\u00A9\u00AC-\u00B4\u00B6-\u00B9\u00BC-\u00BF\u00D7\u00F7';
const KASHIDA_STAND_IN = new RegExp(`([${JOINS_NEXT}][${HARAKAT}]*)([${STAND_IN}])\\2*(?=[${ARABIC_LETTER}])`, 'g');

const ONE_STAND_IN = new RegExp(`^[${STAND_IN}]$`);

/** Whether a glyph's text could be a kashida's stand-in (a run of these alone is a justified word's stretch, not letters). */
export function mayStandInForKashida(glyph: string): boolean {
  return ONE_STAND_IN.test(glyph);
}

/**
 * A stand-in for a kashida, between a letter that joins the next and the next letter of the
 * same word, is left out: the word comes back whole for search, quotation and counts. No word
 * is spelt with a digit or symbol between two joined Arabic letters.
 */
export function withoutKashidaStandIns(text: string): string {
  return text.replace(KASHIDA_STAND_IN, '$1');
}

/** All four, in the order they must run (folding first: a ligature may hold the lam-alef, and a shaped letter the join). */
export function mendArabicLetters(text: string): string {
  return mendLamAlef(joinLoneMarks(withoutKashidaStandIns(foldPresentationForms(text))));
}
