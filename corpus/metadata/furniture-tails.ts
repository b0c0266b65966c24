// Furniture glued to the end of an article line, where the line itself is the article's: the
// site's name after a headline (` - العربية`, ` – DW – 2025/7/18`), a time stamp
// (` 2020-02-16T11:40:43+03:30`), a wire service's end marker (` انتهى 25ن`), a source or a
// caption credit (`منبع: ایسنا`, `روزنامه کیهان؛۸ اردیبهشت`), the outlet's blurb about itself
// glued to the last full stop. A tail runs from where the furniture starts to the end of the
// line, and never takes an article word with it: each rule reads from the end of the line
// back, and stops at the first piece that is not furniture.
import { classifyBoilerplate } from './boilerplate';
import { findDates } from './dates';
import { MONTH_PATTERN } from './date-names';
import { words } from './furniture-line';
import { isSectionLine } from './furniture-words';
import { knownOutletsIn, outletByName } from './outlet-gazetteer';
import type { Language } from '../text/language';
import { DIGIT, execAll, flexAlternation } from '../text/letter-variants';
import type { Paragraph } from '../text/paragraphs';

export interface FurnitureTail {
  /** Index of the line in the paragraph list. */
  paragraph: number;
  /** Offsets into the article text: the tail's first character, and the end of its line. */
  start: number;
  end: number;
}

/** What is left of a line before its tail must still be a line: a headline or a sentence. */
const HEAD_MIN_WORDS = 3;
const TITLE_MAX_WORDS = 40;
const SEGMENT_MAX_WORDS = 4;

/** `العربية`, `RT Arabic`, `DW`, `2025/7/18`, `الاقتصادي`: what a page puts after its titles. */
function isSiteSegment(segment: string): boolean {
  const s = segment.trim();
  const n = words(s).length;
  if (n === 0 || n > SEGMENT_MAX_WORDS) return false;
  if (outletByName(s) !== null) return true;
  if (/^[\p{Script=Latin}\s.&'’]+$/u.test(s) && /\p{L}/u.test(s)) return true;
  const date = findDates(s);
  if (date.length === 1 && date[0].original.trim().length >= s.length - 1) return true;
  return isSectionLine(s);
}

/** ` - `, ` – `, ` | ` between a title and what the site adds to it. */
const SEPARATOR = /\s+[-–—|]\s+/gu;

/** ` - العربية`, ` – DW – 2025/7/18`: the title's suffix, read from the end back. */
function titleSuffix(text: string): number | null {
  const separators = [...execAll(SEPARATOR, text)].map((m) => ({ at: m.index, after: m.index + m[0].length }));
  let end = text.length;
  let start: number | null = null;
  for (const sep of separators.reverse()) {
    if (!isSiteSegment(text.slice(sep.after, end))) break;
    start = sep.at;
    end = sep.at;
  }
  if (start === null || words(text.slice(0, start)).length < HEAD_MIN_WORDS || words(text).length > TITLE_MAX_WORDS) return null;
  return start;
}

const ISO_STAMP = /\s+\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/u;
const END_MARKER = new RegExp(
  `(?<=[.!?؟»"”)]\\s*)\\s*[/(]?(?:${flexAlternation(['انتهى', 'انتهای پیام', 'پایان پیام'])})[/)]?(?:\\s*[\\p{L}\\p{N}]{1,4}(?:/[\\p{L}\\p{N}]{1,4})?)?\\s*$`,
  'u',
);
const SOURCE_CREDIT = new RegExp(`(?<=[.!?؟»"”)\\s])(?:${flexAlternation(['منبع', 'المصدر', 'مصدر'])}|source)\\s*[:：]\\s*[^.!?؟:]{1,40}$`, 'iu');
const DAY_MONTH = new RegExp(`^\\s*[؛;،,\\-–|]?\\s*(?:${DIGIT}{1,2}\\s*(?:${MONTH_PATTERN})(?:\\s*${DIGIT}{4})?|${DIGIT}{1,4}[/.-]${DIGIT}{1,2}[/.-]${DIGIT}{1,4})\\s*$`, 'u');

/** `منبع: ایسنا` at the end of a paragraph; only a known outlet makes it a source. */
function sourceCredit(text: string): number | null {
  const m = SOURCE_CREDIT.exec(text);
  return m && knownOutletsIn(m[0]).length > 0 ? m.index : null;
}

/** `…و نوشت:روزنامه کیهان؛۸ اردیبهشت`: a photo's credit, an outlet and a day, glued on. */
function outletAndDay(text: string): number | null {
  const last = knownOutletsIn(text).at(-1);
  if (!last || last.ambiguous) return null;
  let start = last.index;
  const prefix = /(?:روزنامه|صحيفة|جريدة)\s*$/u.exec(text.slice(0, start));
  if (prefix && outletByName(prefix[0] + last.written)) start = prefix.index;
  if (start === 0 || !/[.:!?؟»"”)]\s*$/u.test(text.slice(0, start))) return null;
  return DAY_MONTH.test(text.slice(last.index + last.written.length)) ? start : null;
}

// The start of a reported sentence: the outlet is the source of what follows, not its subject.
const ATTRIBUTION = new RegExp(
  `^(?:${flexAlternation(['به گزارش', 'به نقل از', 'بنا بر گزارش', 'طبق گزارش', 'به نوشته', 'وفقا لـ', 'وفقا ل', 'نقلا عن', 'بحسب', 'حسب', 'قال', 'وقال', 'أفاد', 'ذكر', 'ذكرت', 'أعلن', 'أعلنت'])})`,
  'u',
);
// A sentence that reports (`… در ادامه نوشت`, `وأضاف`) is the story's, whoever it names.
const REPORTING = new RegExp(flexAlternation(['گفت', 'نوشت', 'افزود', 'اعلام', 'گزارش', 'اظهار', 'قال', 'أضاف', 'ذكر', 'أعلن', 'نقل', 'أفاد', 'أكد']), 'u');
const BLURB_OUTLET_WORDS = 4;
const BLURB_MAX_WORDS = 40;

/**
 * `…ظاهر می‌شوند.خبرگاه دویچه وله فارسی مجموعه‌ای خبری از … است.`: the last sentence, glued
 * to the full stop before it, naming the outlet in its first words and reporting nothing.
 */
function outletBlurb(text: string): number | null {
  const m = /[.!?؟](?=[^\s.!?؟])([^.!?؟]+[.!?؟]?)\s*$/u.exec(text);
  if (!m) return null;
  const sentence = m[1];
  const opening = sentence.split(/\s+/u).slice(0, BLURB_OUTLET_WORDS).join(' ');
  if (words(sentence).length > BLURB_MAX_WORDS || ATTRIBUTION.test(sentence) || REPORTING.test(sentence)) return null;
  if (!knownOutletsIn(opening).some((o) => !o.ambiguous)) return null;
  return m.index + 1;
}

const RULES: Array<(text: string) => number | null> = [
  titleSuffix,
  (t) => ISO_STAMP.exec(t)?.index ?? null,
  (t) => END_MARKER.exec(t)?.index ?? null,
  sourceCredit,
  outletAndDay,
  outletBlurb,
];

/**
 * The furniture glued to the end of article lines: one tail per line at most, the longest the
 * rules agree is furniture. Lines that are furniture as a whole are left to classifyBoilerplate.
 */
export function detectFurnitureTails(paragraphs: readonly Paragraph[], language: Language): FurnitureTail[] {
  const furniture = classifyBoilerplate(paragraphs, language);
  const tails: FurnitureTail[] = [];
  paragraphs.forEach((p, i) => {
    if (furniture.has(i)) return;
    const text = p.text.trimEnd();
    const starts = RULES.map((rule) => rule(text)).filter((s): s is number => s !== null && words(text.slice(0, s)).length >= HEAD_MIN_WORDS);
    if (starts.length === 0) return;
    tails.push({ paragraph: i, start: p.start + Math.min(...starts), end: p.end });
  });
  return tails;
}
