// Dates as Persian and Arabic news print them: Solar Hijri (`22 شهریور 1400`, `۵ آذر ۱۴۰۳`,
// `1400/06/22`), Gregorian with Levantine/Iraqi, Egyptian/Gulf, Maghrebi or Persian month names
// (`17 أيار 2021`, `17 أيار/مايو 2021`), numeric Gregorian, and Hijri Qamari (`5 رمضان 1442 هـ`).
// Each is converted to ISO with the original string kept. A month name needs a day before it
// and a four-digit year after it: مهر, تیر, دی, صفر, رجب and آب are ordinary words or names.
import type { DateValue } from './date-value';
import { calendarDayToIso, weekdayOfIso, type Calendar } from './calendars';
import { MONTH_PATTERN, WEEKDAY_PATTERN, monthByName, weekdayByName } from './date-names';
import type { Language } from '../text/language';
import { DIGIT, WORD_END, WORD_START, asciiDigits, flexAlternation } from '../text/letter-variants';
import { monthCanFollow } from './month-ahead';

export type { Calendar } from './calendars';

export interface FoundDate {
  /** Offsets of `original` in the searched text (UTF-16 code units). */
  start: number;
  end: number;
  /** The date exactly as written (with its weekday or era mark when they touch it). */
  original: string;
  iso: string;
  calendar: Calendar;
  /** The day in its own calendar. */
  year: number;
  month: number;
  day: number;
  /** Weekday the text gives (0 = Sunday), beside the date or just before a parenthesis. */
  weekday: number | null;
  /** Whether that weekday is the real weekday of the date; null when none is given. */
  weekdayMatches: boolean | null;
  /** Whether a clock time (`07:39`) follows the date on its line. */
  withTime: boolean;
}

export interface DateOptions {
  /** Article language: a bare numeric year 1300–1499 is Hijri Qamari in Arabic, Solar Hijri otherwise. */
  language?: Language;
}

const YEAR_RANGE: Record<Calendar, [number, number]> = {
  'solar-hijri': [1200, 1599],
  gregorian: [1800, 2199],
  'hijri-qamari': [1200, 1599],
};

// Era marks after a year. Listed as written; `ه` alone and `م` alone are common abbreviations.
const ERA_SOLAR = ['هجری شمسی', 'هجري شمسي', 'ه.ش', 'هـ.ش', 'ه ش', 'شمسی', 'ش'];
const ERA_QAMARI = ['هجری قمری', 'هجري قمري', 'هجرية', 'هجري', 'ه.ق', 'هـ.ق', 'قمری', 'ق', 'هـ', 'ه‍', 'ه'];
const ERA_GREGORIAN = ['میلادی', 'ميلادية', 'ميلادي', 'م'];
const ERA_PATTERN = `(?:${flexAlternation([...ERA_SOLAR, ...ERA_QAMARI, ...ERA_GREGORIAN])})`;
const eraMatchers: Array<[Calendar, RegExp]> = [
  ['solar-hijri', new RegExp(`^(?:${flexAlternation(ERA_SOLAR)})$`, 'u')],
  ['hijri-qamari', new RegExp(`^(?:${flexAlternation(ERA_QAMARI)})$`, 'u')],
  ['gregorian', new RegExp(`^(?:${flexAlternation(ERA_GREGORIAN)})$`, 'u')],
];

function eraCalendar(era: string | undefined): Calendar | null {
  if (!era) return null;
  const trimmed = era.replace(/\.$/, '').trim();
  return eraMatchers.find(([, re]) => re.test(trimmed))?.[0] ?? null;
}

const SP = '[\\s\\u00A0\\u200C]';
// Looked for only before a date found (a weekday alternation tried at every position of the
// text would cost more than all the rest of the search).
const WEEKDAY_BEFORE = new RegExp(`(?<weekday>${WEEKDAY_PATTERN})${SP}*[،,]?${SP}*(?<paren>\\(${SP}*)?$`, 'u');
const WEEKDAY_REACH = 30;
const ERA_SUFFIX = `(?:${SP}*(?<era>${ERA_PATTERN})\\.?${WORD_END})?`;

// Some pages set the date without spaces (`10ارديبهشت1397|12:10`), so the day and the year may
// touch the month name; a letter may not, except the ماه of `مهرماه` (`مهرگان` is no month).
// The second month of a joined pair (`آب/اغسطس`, `يناير-كانون الثاني`, `أيار (مايو)`) is one
// month in another family.
const MONTH_END = '(?:(?=ماه)|(?![\\p{L}\\p{M}]))';
const TEXT_DATE = new RegExp(
  `${WORD_START}(?<day>${DIGIT}{1,2})${SP}*(?:ال${SP}*)?` +
    `(?<month>${MONTH_PATTERN})${MONTH_END}` +
    `(?:${SP}*[/(\\-–]${SP}*(?<month2>${MONTH_PATTERN})${MONTH_END}(?:${SP}*\\))?)?` +
    // Each optional piece owns the spaces after it, so a run of spaces is never split two ways.
    `${SP}*(?:ماه${SP}*)?(?:[،,]${SP}*)?(?:سال${SP}+)?` +
    `(?<year>${DIGIT}{4})(?!${DIGIT})${ERA_SUFFIX}`,
  'uy',
);

const NUM = `(?<![\\p{N}/.:-])`;
const NUM_END = `(?!${DIGIT}|[/.:-]${DIGIT})`;
const NUMERIC_YMD = new RegExp(
  `${NUM}(?<year>${DIGIT}{4})(?<sep>[/.-])(?<month>${DIGIT}{1,2})\\k<sep>(?<day>${DIGIT}{1,2})${NUM_END}${ERA_SUFFIX}`,
  'uy',
);
const NUMERIC_DMY = new RegExp(
  `${NUM}(?<day>${DIGIT}{1,2})(?<sep>[/.-])(?<month>${DIGIT}{1,2})\\k<sep>(?<year>${DIGIT}{4})${NUM_END}${ERA_SUFFIX}`,
  'uy',
);

/** A run of the digits DIGIT names (ASCII, Persian, Arabic-Indic). */
const DIGIT_RUN = /[0-9\u06F0-\u06F9\u0660-\u0669]+/g;

/**
 * What a global scan with `re` (sticky) finds, tried only where a digit stands: every date form
 * opens with one (the day or the year). The patterns are too large for V8 to compile to machine
 * code, and a scan tried them at every character of every paragraph in its interpreter, most of
 * the date detector's time. Same matches, same order.
 */
function* matchesAtDigits(re: RegExp, text: string, digits: readonly number[]): Generator<RegExpExecArray> {
  let from = 0;
  for (const i of digits) {
    if (i < from) continue;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) continue;
    yield m;
    from = re.lastIndex;
  }
}

/**
 * Where each pattern can start, found once for the three: every form opens a run of digits (its
 * guard forbids a digit before it), with one or two digits before a month name or a separator,
 * or four before a separator. A run of another length cannot open that form.
 */
function openings(text: string): { named: number[]; ymd: number[]; dmy: number[]; year: boolean } {
  const named: number[] = [];
  const ymd: number[] = [];
  const dmy: number[] = [];
  // A run of four digits or more: every form has a four-digit year, so a text without one has no date.
  let year = false;
  // The runs found by a native search: a loop over every character was most of findDates' time.
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    const i = m.index;
    const end = i + m[0].length;
    const next = text.charCodeAt(end);
    const separated = next === 0x2f || next === 0x2e || next === 0x2d; // / . -
    if (end - i >= 4) year = true;
    if (end - i <= 2) {
      // The day takes the whole run (a digit can neither open a month name nor stand between).
      if (monthCanFollow(text, end)) named.push(i);
      if (separated) dmy.push(i);
    } else if (end - i === 4 && separated) ymd.push(i);
  }
  return { named, ymd, dmy, year };
}

const TIME_AFTER = new RegExp(`^[^\\n\\r]{0,30}?(?<!${DIGIT})${DIGIT}{1,2}:${DIGIT}{2}(?!${DIGIT})`, 'u');

type Groups = Record<string, string | undefined>;

function weekdayBefore(text: string, dateStart: number): { weekday: number; start: number; parenthesised: boolean } | null {
  const from = Math.max(0, dateStart - WEEKDAY_REACH);
  const m = WEEKDAY_BEFORE.exec(text.slice(from, dateStart));
  if (!m?.groups?.weekday) return null;
  const start = from + m.index;
  if (start > 0 && /[\p{L}\p{M}]/u.test(text[start - 1])) return null; // `شنبه` inside `یکشنبه`
  const weekday = weekdayByName(m.groups.weekday);
  return weekday === null ? null : { weekday, start, parenthesised: m.groups.paren !== undefined };
}

function yearInRange(calendar: Calendar, year: number): boolean {
  const [lo, hi] = YEAR_RANGE[calendar];
  return year >= lo && year <= hi;
}

function numericCalendar(year: number, era: Calendar | null, options: DateOptions): Calendar | null {
  if (era) return yearInRange(era, year) ? era : null;
  if (yearInRange('gregorian', year)) return 'gregorian';
  if (year >= 1300 && year <= 1499) return options.language === 'ar' ? 'hijri-qamari' : 'solar-hijri';
  return null;
}

function build(
  text: string,
  match: RegExpExecArray,
  calendar: Calendar,
  year: number,
  month: number,
  day: number,
): FoundDate | null {
  if (!yearInRange(calendar, year)) return null;
  const iso = calendarDayToIso({ calendar, year, month, day });
  if (!iso) return null;
  const end = match.index + match[0].length;
  const before = weekdayBefore(text, match.index);
  // A weekday before a parenthesis (`اليوم الإثنين (17 أيار 2021)`) is read but not quoted.
  const start = before && !before.parenthesised ? before.start : match.index;
  const weekday = before?.weekday ?? null;
  return {
    start,
    end,
    original: text.slice(start, end),
    iso,
    calendar,
    year,
    month,
    day,
    weekday,
    weekdayMatches: weekday === null ? null : weekday === weekdayOfIso(iso),
    withTime: TIME_AFTER.test(text.slice(end, end + 40)),
  };
}

function fromTextMatch(text: string, match: RegExpExecArray): FoundDate | null {
  const g = match.groups as Groups;
  const month = monthByName(g.month ?? '');
  if (!month) return null;
  const second = g.month2 ? monthByName(g.month2) : null;
  // `أيار/مايو` names one month twice; two different months are not a date.
  if (g.month2 && (!second || second.month !== month.month || second.calendar !== month.calendar)) return null;
  return build(text, match, month.calendar, Number(asciiDigits(g.year ?? '')), month.month, Number(asciiDigits(g.day ?? '')));
}

function fromNumericMatch(text: string, match: RegExpExecArray, options: DateOptions): FoundDate | null {
  const g = match.groups as Groups;
  const year = Number(asciiDigits(g.year ?? ''));
  const calendar = numericCalendar(year, eraCalendar(g.era), options);
  if (!calendar) return null;
  return build(text, match, calendar, year, Number(asciiDigits(g.month ?? '')), Number(asciiDigits(g.day ?? '')));
}

function overlaps(a: FoundDate, taken: FoundDate[]): boolean {
  return taken.some((b) => a.start < b.end && b.start < a.end);
}

/** Every valid date in `text`, in reading order. Day-month-year strings that name no real day are left out. */
export function findDates(text: string, options: DateOptions = {}): FoundDate[] {
  const found: FoundDate[] = [];
  // One pass finds both whether the text has a year and where each form can start.
  const at = openings(text);
  if (!at.year) return found;
  for (const m of matchesAtDigits(TEXT_DATE, text, at.named)) {
    const d = fromTextMatch(text, m);
    if (d) found.push(d);
  }
  for (const [re, digits] of [[NUMERIC_YMD, at.ymd], [NUMERIC_DMY, at.dmy]] as const) {
    for (const m of matchesAtDigits(re, text, digits)) {
      const d = fromNumericMatch(text, m, options);
      if (d && !overlaps(d, found)) found.push(d);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * One date string (a user's correction, a cell) as a date; null when it is not exactly one
 * valid date. Surrounding spaces and brackets are allowed.
 */
export function parseDate(input: string, options: DateOptions = {}): FoundDate | null {
  const trimmed = input.trim().replace(/^[(\[«"]\s*/, '').replace(/\s*[)\]»"]$/, '');
  if (trimmed === '') return null;
  const dates = findDates(trimmed, options);
  if (dates.length !== 1) return null;
  const [only] = dates;
  return only.start === 0 && only.end === trimmed.length ? only : null;
}

/** The stored form: ISO when the string is a valid date, always the original beside it. */
export function toDateValue(input: string, options: DateOptions = {}): DateValue {
  return { iso: parseDate(input, options)?.iso ?? null, original: input.trim() };
}
