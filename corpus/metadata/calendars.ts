// Converting a day of one of the three calendars of Persian and Arabic news to an ISO
// (proleptic Gregorian) date. Every converter validates first and returns null for a day that
// does not exist, because the libraries below happily convert 31 Esfand or 30 Safar too.
import { isValidJalaaliDate, toGregorian } from 'jalaali-js';

export type Calendar = 'solar-hijri' | 'gregorian' | 'hijri-qamari';

/** A day in its own calendar. */
export interface CalendarDay {
  calendar: Calendar;
  year: number;
  month: number;
  day: number;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function gregorianToIso(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return isoOf(year, month, day);
}

export function solarHijriToIso(year: number, month: number, day: number): string | null {
  if (!isValidJalaaliDate(year, month, day)) return null;
  const g = toGregorian(year, month, day);
  return isoOf(g.gy, g.gm, g.gd);
}

// Hijri Qamari. No Hijri library is installed, and the well-known ones either bundle moment
// or implement only the arithmetic (tabular) calendar, which is off by a day or two from the
// months actually used. ICU, which ships with Node and with Chromium, carries the Umm al-Qura
// tables (the Saudi official calendar, the one most Arabic outlets print) and formats any
// instant in it; Intl cannot parse, so we invert it: start from the tabular estimate and
// search the few days around it for the day ICU names (year, month, day). Iran's own lunar
// calendar follows moon sightings and may differ from Umm al-Qura by a day; the original
// string is always kept beside the ISO date for that reason.
const DAY_MS = 86_400_000;
const UNIX_EPOCH_JDN = 2_440_588;
const ISLAMIC_EPOCH_JDN = 1_948_439;
const SEARCH_DAYS = 5;

let qamariFormat: Intl.DateTimeFormat | null | undefined;

function umalquraFormat(): Intl.DateTimeFormat | null {
  if (qamariFormat !== undefined) return qamariFormat;
  try {
    const format = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    qamariFormat = format.resolvedOptions().calendar === 'islamic-umalqura' ? format : null;
  } catch {
    qamariFormat = null;
  }
  return qamariFormat;
}

/** Days since 1970-01-01 of a tabular (civil) Islamic date: exact for the tabular calendar. */
function tabularQamariToUnixDay(year: number, month: number, day: number): number {
  const jdn =
    day + Math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + ISLAMIC_EPOCH_JDN - 1;
  return jdn - UNIX_EPOCH_JDN;
}

function unixDayToIso(unixDay: number): string {
  const d = new Date(unixDay * DAY_MS);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function qamariPartsOf(format: Intl.DateTimeFormat, unixDay: number): { year: number; month: number; day: number } {
  const parts = format.formatToParts(new Date(unixDay * DAY_MS));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day') };
}

export function hijriQamariToIso(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1 || month < 1 || month > 12 || day < 1 || day > 30) return null;
  const estimate = tabularQamariToUnixDay(year, month, day);
  const format = umalquraFormat();
  if (!format) {
    // Without ICU's Umm al-Qura tables the tabular calendar is the best we have; 30 is valid
    // only in its odd months and in the last month of a leap year.
    const monthLength = month % 2 === 1 || (month === 12 && (14 + 11 * year) % 30 < 11) ? 30 : 29;
    return day <= monthLength ? unixDayToIso(estimate) : null;
  }
  for (let delta = 0; delta <= SEARCH_DAYS; delta++) {
    for (const candidate of delta === 0 ? [estimate] : [estimate - delta, estimate + delta]) {
      const p = qamariPartsOf(format, candidate);
      if (p.year === year && p.month === month && p.day === day) return unixDayToIso(candidate);
    }
  }
  return null;
}

export function calendarDayToIso(d: CalendarDay): string | null {
  switch (d.calendar) {
    case 'solar-hijri':
      return solarHijriToIso(d.year, d.month, d.day);
    case 'gregorian':
      return gregorianToIso(d.year, d.month, d.day);
    case 'hijri-qamari':
      return hijriQamariToIso(d.year, d.month, d.day);
  }
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function weekdayOfIso(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}
