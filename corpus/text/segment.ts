// Paragraphs and sentences of Persian, Arabic and English text, with offsets into the text.
//
// Our own rules rather than Intl.Segmenter: it breaks after the Arabic `د.` (Dr.) and inside
// an ellipsis, and does not break after `؛`. A sentence ends after `.` `?` `!` `؟` `؛` `…` or
// `۔`, together with the closing quotes and brackets that follow (`.»`, `."`, `؟)`), but not:
// inside numbers and dates (`۱۲٫۵`, `12.5`, `1400/06/22`), after an abbreviation made of
// single letters (`د.`, `ه.ش`, `ج.ا.ا`, `ق.ظ`, `U.S.`, `e.g.`) or a Latin title (`Mr.`),
// before a lower-case Latin word, and not after an ellipsis that the sentence goes on from.
// A line break always ends a sentence; ZWNJ is part of the word it joins.
import { forEachLine } from './paragraphs';

/** A span of the text, trimmed of surrounding whitespace. */
export interface Span {
  start: number;
  end: number;
}

export interface SegmentedParagraph extends Span {
  sentences: Span[];
}

// Latin words that end in a period and are followed by a name: `Mr. Smith`.
const TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sr', 'Jr', 'St', 'Mt', 'Ft', 'Gen', 'Col', 'Lt', 'Maj', 'Capt',
  'Sgt', 'Cpl', 'Adm', 'Gov', 'Sen', 'Rep', 'Rev', 'Hon', 'Pres', 'Amb', 'Supt', 'vs', 'Messrs',
]);
// Latin words that end in a period before a number: `No. 5`, `Jan. 12`, `pp. 3-4`.
const BEFORE_NUMBER = new Set([
  'No', 'Nos', 'no', 'Vol', 'vol', 'Fig', 'fig', 'pp', 'Art', 'art', 'Sec', 'Ch', 'ch', 'Para', 'para', 'Ed', 'ed',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'approx', 'ca',
]);

function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x066f) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isLowerLatin(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

function isUpperLatin(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

/** Harakat, tatweel, ZWNJ and ZWJ: inside a word, not letters of their own. */
function isWordJoiner(c: number): boolean {
  return c === 0x0640 || c === 0x200c || c === 0x200d || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x0610 && c <= 0x061a) || (c >= 0x06d6 && c <= 0x06ed);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const DOT = 0x2e;
const ELLIPSIS = 0x2026;

function isTerminator(c: number): boolean {
  // . ! ? ؟ ؛ … ۔ ‼ ⁇ ⁈ ⁉
  return c === DOT || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x061b || c === ELLIPSIS || c === 0x06d4 || c === 0x203c || (c >= 0x2047 && c <= 0x2049);
}

/** Closing quotes and brackets, plus quotes that may close (`"`, `'`, and `“ «` written the wrong way round in RTL text). */
function isCloser(c: number): boolean {
  return c === 0xbb || c === 0x201d || c === 0x2019 || c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x7d || c === 0x203a || c === 0x201c || c === 0xab;
}

/** Quotes that usually open a quotation: after a terminator with no space, they begin the next sentence. */
function isOpener(c: number): boolean {
  return c === 0xab || c === 0x201c || c === 0x22 || c === 0x27 || c === 0x2018;
}

type RunKind = 'period' | 'ellipsis' | 'strong';

function runKind(text: string, from: number, to: number): RunKind {
  let dots = 0;
  let ellipses = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT) dots++;
    else if (c === ELLIPSIS) ellipses++;
    else return 'strong';
  }
  if (ellipses === 0 && dots === 1) return 'period';
  // `....` and `….` are an ellipsis closed by a full stop.
  if ((ellipses === 0 && dots === 4) || (ellipses > 0 && text.charCodeAt(to - 1) === DOT)) return 'period';
  return 'ellipsis';
}

interface WordBefore {
  /** Letters in the word that ends at the terminator (marks, ZWNJ and ZWJ not counted). */
  letters: number;
  latin: boolean;
  arabic: boolean;
  /** Offset where the word begins. */
  start: number;
}

function wordBefore(text: string, at: number, lineStart: number): WordBefore {
  let letters = 0;
  let latin = false;
  let arabic = false;
  let i = at;
  while (i > lineStart) {
    const c = text.charCodeAt(i - 1);
    if (isArabicLetter(c)) {
      arabic = true;
      letters++;
    } else if (isLatinLetter(c)) {
      latin = true;
      letters++;
    } else if (!isWordJoiner(c)) break;
    i--;
  }
  return { letters, latin, arabic, start: i };
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Does a `.` at `at` end the sentence? `next` is the first character after the period and any
 * closing quotes; `spaced` says whether whitespace comes before it.
 */
function periodEnds(text: string, at: number, lineStart: number, next: number, spaced: boolean): boolean {
  const w = wordBefore(text, at, lineStart);
  const before = w.start > lineStart ? text.charCodeAt(w.start - 1) : -1;
  if (!spaced) {
    // `12.5`, `e.g`, `www.example.com`, `ج.ا.ا`: no break. Only a missing space between two
    // Arabic-script words (`الماضي.وأفادت`) is taken as a sentence end.
    return w.arabic && !w.latin && w.letters >= 2 && (isArabicLetter(next) || next === 0xab);
  }
  if (w.letters === 1 && !isDigit(before)) return false; // د. ج. ه.ش. J. U.S.
  if (w.letters > 1 && w.latin) {
    const word = text.slice(w.start, at);
    if (TITLES.has(word)) return false;
    if (BEFORE_NUMBER.has(word) && isDigit(next)) return false;
  }
  if (w.letters === 0) {
    // A list number at the start of the line: `1. `, `۱. `.
    let d = at;
    while (d > lineStart && isDigit(text.charCodeAt(d - 1))) d--;
    if (d < at && at - d <= 3 && firstNonSpace(text, lineStart, d) === d) return false;
  }
  // A lower-case word or a comma goes on with the same sentence: `Inc. said`, `etc., and`.
  if (isLowerLatin(next) || next === 0x2c || next === 0x3b || next === 0x3a || next === 0x060c) return false;
  return true;
}

function ellipsisEnds(next: number, spaced: boolean, closed: boolean): boolean {
  // `... و` and `... and` go on; a quotation closed after an ellipsis, or a capital, starts anew.
  if (closed && spaced) return true;
  return spaced && isUpperLatin(next);
}

function strongEnds(text: string, from: number, next: number, spaced: boolean): boolean {
  // `(?)` and `(!)` are remarks inside a sentence.
  if (from > 0 && text.charCodeAt(from - 1) === 0x28) return false;
  if (spaced) return true;
  // `؟او` with the space forgotten ends; `?id=` and `Yahoo!News` do not.
  return isArabicLetter(next) || next === 0xab;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}

function segmentLine(text: string, lineStart: number, lineEnd: number, out: Span[]): void {
  let sentenceStart = lineStart;
  let i = lineStart;
  while (i < lineEnd) {
    if (!isTerminator(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < lineEnd && isTerminator(text.charCodeAt(j))) j++;
    let q = j;
    while (q < lineEnd && isCloser(text.charCodeAt(q))) q++;
    const w = firstNonSpace(text, q, lineEnd);
    if (w >= lineEnd) break; // the line ends here anyway
    const spaced = w > q;
    // Quotes glued to the next word open the next sentence (`گفت.«ما`); otherwise they close this one.
    const breakAt = !spaced && q > j && isOpener(text.charCodeAt(j)) ? j : q;
    const next = text.charCodeAt(w);
    const kind = runKind(text, i, j);
    let ends: boolean;
    if (kind === 'period') ends = periodEnds(text, i, lineStart, next, spaced);
    else if (kind === 'ellipsis') ends = ellipsisEnds(next, spaced, breakAt > j);
    else ends = strongEnds(text, i, next, spaced);
    if (ends) {
      pushTrimmed(text, sentenceStart, breakAt, out);
      sentenceStart = breakAt;
      i = breakAt;
    } else {
      i = j;
    }
  }
  pushTrimmed(text, sentenceStart, lineEnd, out);
}

/** Sentences of `text[start, end)`; every line break also ends a sentence. */
export function segmentSentences(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  forEachLine(text, (ls, le) => segmentLine(text, ls, le, out), start, end);
  return out;
}

/** Paragraphs (the non-empty lines, trimmed) and the sentences of each. */
export function segmentText(text: string): SegmentedParagraph[] {
  const out: SegmentedParagraph[] = [];
  forEachLine(text, (ls, le) => {
    const para: Span[] = [];
    pushTrimmed(text, ls, le, para);
    if (para.length === 0) return;
    const sentences: Span[] = [];
    segmentLine(text, ls, le, sentences);
    out.push({ start: para[0]!.start, end: para[0]!.end, sentences });
  });
  return out;
}

/**
 * The whole sentence or sentences around `text[start, end)`, for quoting a passage in its
 * context; the span itself when it lies in no sentence.
 */
export function sentenceAround(text: string, start: number, end: number): Span {
  let ls = start;
  while (ls > 0 && !isLineEnd(text.charCodeAt(ls - 1))) ls--;
  let le = Math.max(end, start);
  while (le < text.length && !isLineEnd(text.charCodeAt(le))) le++;
  let s = start;
  let e = end;
  for (const sentence of segmentSentences(text, ls, le)) {
    if (sentence.end > start && sentence.start < Math.max(end, start + 1)) {
      s = Math.min(s, sentence.start);
      e = Math.max(e, sentence.end);
    }
  }
  return { start: s, end: e };
}

function isLineEnd(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}
