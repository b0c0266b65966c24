// One day written in two or three calendars on one line: `14 جمادى الآخرة 1444 هـ الموافق 07
// يناير 2023 م`, `دوشنبه ۱۲ مه ۲۰۲۵ میلادی برابر با ۲۲ اردیبهشت ۱۴۰۴`, `۲۵ شهريور ۱۳۸۸ - ۱۶:۰۰ 16
// September 2009`. They are one candidate, not two. The Hijri Qamari day depends on whose month
// it is (Umm al-Qura, the tabular calendar, a local moon sighting: Al Jazeera's `الاثنين
// 1427/4/9 هـ - الموافق 8/5/2006 م` is Sunday by Umm al-Qura), so when a Gregorian or Solar day
// stands beside it that day is taken and the weekday printed before the pair is checked
// against it. Two calendars that name days further apart than that are a contradiction, and
// the line gives no date.
import { weekdayOfIso } from './calendars';
import type { FoundDate } from './dates';
import { DIGIT, flexAlternation } from '../text/letter-variants';

const SEPARATORS = '[\\s\\u00A0\\u200C\\-–—/|,،()]*';
const JOINERS = flexAlternation(['الموافق لـ', 'الموافق ل', 'الموافق', 'الموافقة', 'يوافق', 'مصادف با', 'برابر با', 'برابر']);
const JOINED = new RegExp(
  `^${SEPARATORS}(?:(?:${JOINERS})${SEPARATORS})?(?:(?:ساعت|الساعة)?${SEPARATORS}${DIGIT}{1,2}:${DIGIT}{2}${SEPARATORS})?$`,
  'u',
);
/** Days a Qamari date may differ from the day beside it and still be that day. */
const QAMARI_SLACK_DAYS = 2;
const DAY_MS = 86_400_000;

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS;
}

function sameDay(a: FoundDate, b: FoundDate): boolean {
  if (a.calendar === 'hijri-qamari' || b.calendar === 'hijri-qamari') return daysApart(a.iso, b.iso) <= QAMARI_SLACK_DAYS;
  return a.iso === b.iso;
}

/** The one day a group names: the first date not in the Qamari calendar, else the first. */
function dayOf(group: readonly FoundDate[]): FoundDate {
  const chosen = group.find((d) => d.calendar !== 'hijri-qamari') ?? group[0];
  const weekday = group.find((d) => d.weekday !== null)?.weekday ?? null;
  return {
    ...chosen,
    weekday,
    weekdayMatches: weekday === null ? null : weekday === weekdayOfIso(chosen.iso),
    withTime: group.some((d) => d.withTime),
  };
}

/** One day of a line, and where all the dates that write it stand. */
export interface SameDay {
  day: FoundDate;
  /** From the first written date of the group (its weekday included) to the end of the last. */
  start: number;
  end: number;
}

export interface SameDayReading {
  /** The days of the line, each joined group as its one day. */
  days: SameDay[];
  /** Joined dates that name different days, as written. */
  contradictions: string[];
}

/** Reads `dates` (found in `text`, in order) with the days written twice taken once. */
export function joinSameDay(text: string, dates: readonly FoundDate[]): SameDayReading {
  const groups: FoundDate[][] = [];
  for (const d of dates) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    const joined = last && last.calendar !== d.calendar && !group.some((g) => g.calendar === d.calendar) && JOINED.test(text.slice(last.end, d.start));
    if (joined) group.push(d);
    else groups.push([d]);
  }
  const out: SameDayReading = { days: [], contradictions: [] };
  for (const group of groups) {
    if (group.every((a) => group.every((b) => sameDay(a, b)))) {
      out.days.push({ day: dayOf(group), start: group[0].start, end: group[group.length - 1].end });
    }
    else out.contradictions.push(text.slice(group[0].start, group[group.length - 1].end));
  }
  return out;
}
