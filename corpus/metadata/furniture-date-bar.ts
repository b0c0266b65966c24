// The page's metadata bar: dates, clocks, news codes, section and reporter fields, joined by
// `|`, `-`, `/` or nothing (`۱۹ آبان ۱۳۹۳ | ۱۳:۵۲ کد : ۱۹۴۰۶۴۹ سرخط اخبار`, `كشـ24 | و.م.ع نشر في:
// 17 سبتمبر 2021`, `سه شنبه، 25 اردیبهشت 1403 ساعت 11:452024-05-14سياسي`). Everything the bar
// is made of is taken out; what is left must be a site or section name of a word or two, never
// a clause. A bar with a date is a 'date-line', so that the publication-date finder still reads
// it; one with only codes and fields is a 'field' line.
import { findDates } from './dates';
import { MONTH_NAMES, MONTH_PATTERN, WEEKDAY_NAMES, WEEKDAY_PATTERN } from './date-names';
import { phraseSkeletons, skeleton } from './phrase-skeleton';
import { withoutBullet } from './furniture-shapes';
import { type Line, words } from './furniture-line';
import { DIGIT, flexAlternation, WORD_END, WORD_START } from '../text/letter-variants';

const flex = (phrases: readonly string[]): string => `(?:${flexAlternation(phrases)})`;
const g = (source: string): RegExp => new RegExp(source, 'giu');
const bounded = (phrases: readonly string[]): string => `${WORD_START}${flex(phrases)}${WORD_END}`;

const NUMERIC_DATE = g(`${DIGIT}{1,4}[-/.]${DIGIT}{1,2}[-/.]${DIGIT}{1,4}`);
const CLOCK = g(`${DIGIT}{1,2}:${DIGIT}{2}(?::${DIGIT}{2})?`);
const CODE = g(`${flex(['کد خبر', 'کد مطلب', 'شناسه خبر', 'شماره خبر', 'کد', 'رقم الخبر', 'رمز الخبر', 'رقم'])}\\s*[:：]?\\s*${DIGIT}+|news\\s*(?:id|code)\\s*[:：]?\\s*\\d+`);
/** `سرویس : اقتصاد`, `دسته‌بندی: گردشگری و میراث`: a field and its short value, up to the next separator. */
const FIELD = g(`${flex(['سرویس', 'دسته بندی', 'دسته‌بندی', 'دسته', 'بخش', 'گروه', 'القسم', 'التصنيف', 'الفئة'])}\\s*[:：]\\s*[^|•:/\\-–\\p{N}]{1,30}`);
/** `خبرنگار : 71191`, `گزارشگر : ۳۵۱۶`: the reporter's code, not a byline. */
const REPORTER_CODE = g(`${flex(['خبرنگار', 'گزارشگر', 'کد خبرنگار', 'کد نویسنده', 'رقم المحرر'])}\\s*[:：]\\s*${DIGIT}+`);
/** `سرویس اقتصاد`, `سرویس سیاسی` alone between separators. */
const SECTION_FIELD = g(`(?:^|(?<=[|•/\\-–]))\\s*${flex(['سرویس'])}\\s+[\\p{L}\\u200C]+(?:\\s+[\\p{L}\\u200C]+)?\\s*(?=$|[|•/\\-–])`);
const WEEKDAYS = g(`${WORD_START}(?:${WEEKDAY_PATTERN})${WORD_END}`);
const MONTHS = g(`${WORD_START}(?:${MONTH_PATTERN})${WORD_END}`);
const YEAR = new RegExp(`${DIGIT}{4}`, 'u');
const LABELS = g(
  bounded([
    'تاریخ انتشار', 'تاريخ النشر', 'منتشر شده در', 'منتشر شده', 'نشر في', 'نشر بتاريخ', 'آخر تحديث', 'آخر بروزرسانی', 'به روز شده',
    'به‌روزرسانی', 'بروزرسانی', 'الموافق', 'مصادف با', 'برابر با', 'مكة المكرمة', 'غرينتش', 'بتوقيت', 'تاریخ', 'تاريخ', 'انتشار',
    'امروز', 'اليوم', 'ساعت', 'الساعة', 'صباحا', 'صباحاً', 'مساء', 'مساءً', 'ظهر', 'عصر',
  ]),
);
const EXTRA_WORDS =
  /^(?:GMT|UTC|AM|PM|published|updated|today|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|هـ|ص|م)$/iu;
// A leftover with one of these is a clause (`كان يوما حاسما في …`), not a site's name.
const CLAUSE_WORDS = /^(?:في|من|على|إلى|الى|عن|أن|ان|إن|قال|كان|كانت|هو|هي|در|از|به|که|را|با|تا|برای|این|آن|است|بود|شد|گفت)$/u;

const EMPTY_DATE_LABEL = new RegExp(`^${flex(['تاریخ انتشار', 'تاريخ النشر', 'نشر في', 'نشر بتاريخ', 'منتشر شده در', 'امروز', 'اليوم'])}\\s*[:：]\\s*[^\\p{L}]*$|^(?:published|today)\\s*:\\s*$`, 'iu');

const BAR_MAX_WORDS = 20;
const LEFTOVER_MAX_WORDS = 4;
const PIECE_MAX_WORDS = 2;

// What a line must hold for each name pattern to match it (phrase-skeleton.ts): most lines of a
// page hold none of them, and are not scanned by the long alternations.
const CODE_WORDS = ['کد خبر', 'کد مطلب', 'شناسه خبر', 'شماره خبر', 'کد', 'رقم الخبر', 'رمز الخبر', 'رقم'];
const NEEDS = new Map<RegExp, (text: string, bare: () => string) => boolean>([
  [CODE, needing(CODE_WORDS, /news/iu)],
  [REPORTER_CODE, colonAnd(needing(['خبرنگار', 'گزارشگر', 'کد خبرنگار', 'کد نویسنده', 'رقم المحرر']))],
  [FIELD, colonAnd(needing(['سرویس', 'دسته بندی', 'دسته‌بندی', 'دسته', 'بخش', 'گروه', 'القسم', 'التصنيف', 'الفئة']))],
  [SECTION_FIELD, needing(['سرویس'])],
  [WEEKDAYS, needing(WEEKDAY_NAMES.flat())],
  [MONTHS, needing(MONTH_NAMES.flatMap((m) => m.names))],
]);

/** A test that the line holds one of `phrases` as flexPattern matches it, or an `other` match; always true when the phrases cannot be checked so. */
function needing(phrases: readonly string[], other?: RegExp): (text: string, bare: () => string) => boolean {
  const needs = phraseSkeletons(phrases);
  if (needs === null) return () => true;
  return (text, bare) => (other !== undefined && other.test(text)) || needs.some((n) => bare().includes(n));
}

/** The field patterns need a colon after their word. */
function colonAnd(test: (text: string, bare: () => string) => boolean): (text: string, bare: () => string) => boolean {
  return (text, bare) => (text.includes(':') || text.includes('：')) && test(text, bare);
}

function take(text: string, re: RegExp): { rest: string; found: boolean } {
  const needs = NEEDS.get(re);
  if (needs !== undefined) {
    let bare: string | undefined;
    if (!needs(text, () => (bare ??= skeleton(text)))) return { rest: text, found: false };
  }
  let found = false;
  const rest = text.replace(re, () => {
    found = true;
    return ' ';
  });
  return { rest, found };
}

/** What the line is when it is a metadata bar, or null. */
export function metadataBarKind(line: Line): 'date-line' | 'field' | null {
  if (EMPTY_DATE_LABEL.test(line.text)) return 'date-line';
  if (line.words > BAR_MAX_WORDS || !/\p{N}|سرویس/u.test(line.text)) return null;
  let rest = withoutBullet(line.text);
  let dated = false;
  for (const d of findDates(rest)) {
    rest = rest.replace(d.original, ' ');
    dated = true;
  }
  let fielded = false;
  for (const [re, isDate] of [
    [NUMERIC_DATE, true],
    [CLOCK, true],
    [CODE, false],
    [REPORTER_CODE, false],
    [FIELD, false],
    [SECTION_FIELD, false],
  ] as const) {
    const r = take(rest, re);
    rest = r.rest;
    if (r.found && isDate) dated = true;
    if (r.found && !isDate) fielded = true;
  }
  const weekday = take(rest, WEEKDAYS);
  const month = take(weekday.rest, MONTHS);
  // `الأحد, أغسطس 24, 2025`: a weekday with a number, or a month with a year, is a date too.
  if ((weekday.found && /\p{N}/u.test(rest)) || (month.found && YEAR.test(rest))) dated = true;
  if (!dated && !fielded) return null;
  rest = take(month.rest, LABELS).rest.replace(/\p{N}+/gu, ' ').replace(/\u0640/gu, '');
  const pieces = rest
    .split(/[\p{P}\p{S}_]+/u)
    .map((piece) => words(piece).filter((w) => w.length > 1 && !EXTRA_WORDS.test(w)))
    .filter((piece) => piece.length > 0);
  const leftover = pieces.flat();
  const ok =
    leftover.length <= 1 ||
    (leftover.length <= LEFTOVER_MAX_WORDS && pieces.every((p) => p.length <= PIECE_MAX_WORDS) && !leftover.some((w) => CLAUSE_WORDS.test(w)));
  if (!ok) return null;
  return dated ? 'date-line' : 'field';
}
