// What the words around a date say it is. Each cue is a convention of Persian and Arabic news
// pages, not of one site: a label before the date (`تاریخ انتشار :`, `نشر في:`, `تاریخ
// مخابره`) or after it (`(آخر تحديث)`), a newspaper's issue line (`سال سيزدهم - شماره ۳۹۲۷`), a
// wire dateline opening the lead (`الرياض 14 جمادى الآخرة 1444 هـ ... واس`), a machine timestamp
// (`2020-02-16T11:40:43+03:30`, a page's published time), a title's suffix (`– DW – 2025/7/18`),
// the page store's own marker and a
// clock bar's place (`۱۴۰۲ تهران ۱۶:۵۹`).
import { WEEKDAY_PATTERN } from './date-names';
import { DIGIT, WORD_START, flexAlternation } from '../text/letter-variants';

export type DateLabel = 'published' | 'updated';

const PUBLISHED_LABELS = [
  'تاریخ انتشار',
  'زمان انتشار',
  'منتشر شده در',
  'منتشر شده',
  'تاریخ مخابره',
  'زمان مخابره',
  'تاریخ خبر',
  'تاريخ النشر',
  'نشر في',
  'نشر بتاريخ',
  'تاريخ الخبر',
  'published on',
  'published',
  'posted on',
  'posted',
];
// A bare `تاریخ` or `نشر` is a label only on a date line; in a sentence it is a word.
const WEAK_LABELS = ['تاریخ', 'تاريخ', 'نشر'];
const UPDATED_LABELS = ['آخر تحديث', 'تاريخ التحديث', 'آخرین بروزرسانی', 'آخرین به روز رسانی', 'بروزرسانی', 'به روز رسانی', 'last updated', 'updated'];

const LABEL_REACH = 30;
const AFTER_REACH = 20;
const published = flexAlternation(PUBLISHED_LABELS);
const weak = flexAlternation(WEAK_LABELS);
const updated = flexAlternation(UPDATED_LABELS);
const BEFORE = new RegExp(`${WORD_START}(?:(?<updated>${updated})|(?<published>${published})|(?<weak>${weak}))(?<rest>[^\\n]*)$`, 'iu');
// The label stands right before the date (a weekday may sit between) and ends in a colon: a
// field of the page, wherever the line runs on.
const FIELD_REST = new RegExp(`^\\s*[:：]\\s*(?:(?:${WEEKDAY_PATTERN})[\\s,،]*)?$`, 'u');
const AFTER = new RegExp(`^[\\s\\-–|]*[(\\[]?\\s*${WORD_START}(?:(?<updated>${updated})|(?<published>${published}))`, 'iu');

export interface LabelCue {
  label: DateLabel;
  /** A `label:` field: it names the date even on a long line. */
  field: boolean;
}

/** The publication or update label before `dateStart` (which includes a printed weekday), if any. */
export function labelBefore(text: string, dateStart: number): LabelCue | null {
  const m = BEFORE.exec(text.slice(Math.max(0, dateStart - LABEL_REACH), dateStart));
  if (!m?.groups) return null;
  const label: DateLabel = m.groups.updated ? 'updated' : 'published';
  const field = m.groups.weak === undefined && FIELD_REST.test(m.groups.rest ?? '');
  return { label, field };
}

/** `8/5/2006 م (آخر تحديث)`: a label right after the date. */
export function labelAfter(text: string, dateEnd: number): DateLabel | null {
  const m = AFTER.exec(text.slice(dateEnd, dateEnd + AFTER_REACH));
  if (!m?.groups) return null;
  return m.groups.updated ? 'updated' : 'published';
}

// A newspaper page's issue line gives the volume (its year) and the issue number beside the
// day: `سه شنبه ۲ اسفند ۱۳۸۴ - سال سيزدهم - شماره ۳۹۲۷ - Feb 21, 2006`, `السنة 12 - العدد 3456`.
const ISSUE_VOLUME = new RegExp(`${WORD_START}(?:${flexAlternation(['سال', 'السنة'])})\\s+[\\p{L}\\p{N}]+`, 'u');
const ISSUE_NUMBER = new RegExp(`${WORD_START}(?:${flexAlternation(['شماره', 'العدد'])})\\s*[:：]?\\s*${DIGIT}+`, 'u');

export function isIssueLine(text: string): boolean {
  return ISSUE_VOLUME.test(text) && ISSUE_NUMBER.test(text);
}

// A wire dateline names the city, then the day: `الرياض 14 جمادى ...`, `کابل - ۱۲ مهر ۱۴۰۰`.
// One or two words of a name, not a preposition (`در ۱۲ تیر ۱۳۹۹ ...` opens with a story date).
const DATELINE_MAX_WORDS = 2;
const NOT_A_PLACE = new RegExp(
  `^(?:${flexAlternation([
    ...['در', 'ودر', 'از', 'تا', 'به', 'با', 'برای', 'طی', 'پس', 'پیش', 'روز', 'مورخ', 'مورخه', 'تاریخ', 'بتاریخ', 'حتی'],
    ...['في', 'فى', 'وفي', 'وفى', 'ففي', 'من', 'إلى', 'الى', 'عن', 'على', 'منذ', 'ومنذ', 'حتى', 'وحتى', 'يوم', 'ويوم', 'قبل', 'بعد', 'خلال'],
    ...['تاريخ', 'بتاريخ', 'وبتاريخ', 'اعتبارا', 'اعتباراً', 'ابتداء', 'ابتداءً', 'on', 'since', 'until', 'from', 'to', 'in', 'at', 'by'],
  ])})$`,
  'iu',
);

export function opensDateline(paragraph: string, dateStart: number): boolean {
  const before = paragraph.slice(0, dateStart).trim().replace(/[\s\-–—,،]+$/u, '');
  if (before === '' || /[\p{N}.!?؟:؛;«»"()]/u.test(before)) return false;
  const words = before.split(/[\s\-–—,،]+/u).filter(Boolean);
  return words.length <= DATELINE_MAX_WORDS && !words.some((w) => NOT_A_PLACE.test(w));
}

// A page title ending in the site's name and the day: `... الروسي – DW – 2025/7/18`.
const TITLE_SUFFIX = /(?:^|\s)[–—|-]\s*[^\s–—|-]+(?:\s+[^\s–—|-]+){0,2}\s*[–—|-]\s*$/u;

export function endsTitle(text: string, dateStart: number, dateEnd: number): boolean {
  return text.slice(dateEnd).trim() === '' && TITLE_SUFFIX.test(text.slice(0, dateStart));
}

/** `2020-02-16T11:40:43+03:30`: the ISO form a page's metadata gives its published time in. */
export function isMachineTimestamp(text: string, dateEnd: number): boolean {
  return /^T\d{2}:\d{2}/.test(text.slice(dateEnd, dateEnd + 6));
}

/**
 * ` date 2025-12-02 ` before the first word: the marker the page store puts in front of a
 * stored page, with the date the page gives itself (see publication-date.ts for why it counts).
 */
export function isStoreMarker(text: string, dateStart: number, original: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(original) && /^\s*date\s+$/.test(text.slice(0, dateStart));
}

// `چهارشنبه ۹ فروردین ۱۴۰۲ تهران ۱۶:۵۹`: a site's clock says whose time it shows; an article's
// date line does not (`۲۳ مهر ۱۳۹۲، ۱۰:۵۹`, `... 2023 الساعة 09 صباحاً`).
const NOT_A_CLOCK_PLACE = new RegExp(
  `^(?:${flexAlternation(['ساعت', 'الساعة', 'ساعة', 'صبح', 'ظهر', 'عصر', 'صباحا', 'صباحاً', 'مساء', 'مساءً', 'at', 'um'])}|${WEEKDAY_PATTERN})$`,
  'iu',
);
const CLOCK_PLACE = new RegExp(`^[\\s,،\\-–|/]*(?<place>\\p{L}[\\p{L}\\p{M}]*(?:\\s\\p{L}[\\p{L}\\p{M}]*)?)\\s+${DIGIT}{1,2}:${DIGIT}{2}(?!${DIGIT})`, 'u');

export function clockPlaceAfter(text: string, dateEnd: number): string | null {
  const place = CLOCK_PLACE.exec(text.slice(dateEnd, dateEnd + 40))?.groups?.place;
  return place && !NOT_A_CLOCK_PLACE.test(place) ? place : null;
}
