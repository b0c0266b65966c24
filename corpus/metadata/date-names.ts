// Month and weekday names as Persian and Arabic news print them. Spellings differ only by
// letter variants are matched by flexPattern, so each name is listed once per real spelling.
import type { Calendar } from './calendars';
import { flexAlternation, flexPattern } from '../text/letter-variants';

export interface MonthName {
  calendar: Calendar;
  month: number;
  /** Which naming tradition, for the reader and the tests. */
  family: 'persian-solar' | 'levantine' | 'egyptian' | 'maghrebi' | 'persian-gregorian' | 'english' | 'hijri';
  names: readonly string[];
}

const solar = (month: number, ...names: string[]): MonthName => ({ calendar: 'solar-hijri', month, family: 'persian-solar', names });
const levant = (month: number, ...names: string[]): MonthName => ({ calendar: 'gregorian', month, family: 'levantine', names });
const egypt = (month: number, ...names: string[]): MonthName => ({ calendar: 'gregorian', month, family: 'egyptian', names });
const maghreb = (month: number, ...names: string[]): MonthName => ({ calendar: 'gregorian', month, family: 'maghrebi', names });
const faGreg = (month: number, ...names: string[]): MonthName => ({ calendar: 'gregorian', month, family: 'persian-gregorian', names });
const english = (month: number, ...names: string[]): MonthName => ({ calendar: 'gregorian', month, family: 'english', names });
const hijri = (month: number, ...names: string[]): MonthName => ({ calendar: 'hijri-qamari', month, family: 'hijri', names });

// Persian آذر (Solar month 9) and Levantine آذار (March) differ by a letter and are separate
// entries; flexPattern keeps them apart because it never makes a letter optional.
export const MONTH_NAMES: readonly MonthName[] = [
  solar(1, 'فروردین'),
  solar(2, 'اردیبهشت'),
  solar(3, 'خرداد'),
  solar(4, 'تیر'),
  solar(5, 'مرداد', 'امرداد'),
  solar(6, 'شهریور'),
  solar(7, 'مهر'),
  solar(8, 'آبان'),
  solar(9, 'آذر'),
  solar(10, 'دی'),
  solar(11, 'بهمن'),
  solar(12, 'اسفند'),

  levant(1, 'كانون الثاني', 'كانون ثاني'),
  levant(2, 'شباط'),
  levant(3, 'آذار'),
  levant(4, 'نيسان'),
  levant(5, 'أيار'),
  levant(6, 'حزيران'),
  levant(7, 'تموز'),
  levant(8, 'آب'),
  levant(9, 'أيلول'),
  levant(10, 'تشرين الأول', 'تشرين أول'),
  levant(11, 'تشرين الثاني', 'تشرين ثاني'),
  levant(12, 'كانون الأول', 'كانون أول'),

  egypt(1, 'يناير'),
  egypt(2, 'فبراير'),
  egypt(3, 'مارس'),
  egypt(4, 'أبريل', 'إبريل'),
  egypt(5, 'مايو'),
  egypt(6, 'يونيو', 'يونيه'),
  egypt(7, 'يوليو', 'يوليه'),
  egypt(8, 'أغسطس'),
  egypt(9, 'سبتمبر'),
  egypt(10, 'أكتوبر'),
  egypt(11, 'نوفمبر'),
  egypt(12, 'ديسمبر'),

  // Algeria and Tunisia (from French), and Morocco's own July, August, September, November and
  // December (`الجمعة 20 نونبر 2020`); the other months they share with the Egyptian family.
  maghreb(1, 'جانفي'),
  maghreb(2, 'فيفري'),
  maghreb(4, 'أفريل'),
  maghreb(5, 'ماي'),
  maghreb(6, 'جوان'),
  maghreb(7, 'جويلية', 'يوليوز'),
  maghreb(8, 'أوت', 'غشت'),
  maghreb(9, 'شتنبر'),
  maghreb(11, 'نونبر'),
  maghreb(12, 'دجنبر'),

  faGreg(1, 'ژانویه', 'ژانویهٔ'),
  faGreg(2, 'فوریه'),
  faGreg(4, 'آوریل'),
  faGreg(5, 'مه', 'می'),
  faGreg(6, 'ژوئن'),
  faGreg(7, 'ژوئیه', 'جولای'),
  faGreg(8, 'اوت', 'آگوست'),
  faGreg(9, 'سپتامبر'),
  faGreg(10, 'اکتبر'),
  faGreg(11, 'نوامبر'),
  faGreg(12, 'دسامبر'),

  // English, for the translations that sit beside the articles.
  english(1, 'January', 'Jan'),
  english(2, 'February', 'Feb'),
  english(3, 'March', 'Mar'),
  english(4, 'April', 'Apr'),
  english(5, 'May'),
  english(6, 'June', 'Jun'),
  english(7, 'July', 'Jul'),
  english(8, 'August', 'Aug'),
  english(9, 'September', 'Sept', 'Sep'),
  english(10, 'October', 'Oct'),
  english(11, 'November', 'Nov'),
  english(12, 'December', 'Dec'),

  hijri(1, 'محرم', 'محرم الحرام'),
  hijri(2, 'صفر', 'صفر المظفر'),
  hijri(3, 'ربيع الأول', 'ربيع الأولى'),
  hijri(4, 'ربيع الثاني', 'ربيع الآخر', 'ربيع الثانی'),
  hijri(5, 'جمادى الأولى', 'جمادى الأول', 'جمادى الاولی'),
  hijri(6, 'جمادى الآخرة', 'جمادى الثانية', 'جمادى الثاني', 'جمادى الآخر', 'جمادى الأخرى'),
  hijri(7, 'رجب', 'رجب المرجب'),
  hijri(8, 'شعبان', 'شعبان المعظم'),
  hijri(9, 'رمضان', 'رمضان المبارك'),
  hijri(10, 'شوال', 'شوال المكرم'),
  hijri(11, 'ذو القعدة', 'ذي القعدة', 'ذيقعده'),
  hijri(12, 'ذو الحجة', 'ذي الحجة', 'ذيحجه'),
];

// Index 0 = Sunday, as Date.getUTCDay.
export const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['یکشنبه', 'الأحد', 'Sunday'],
  ['دوشنبه', 'الإثنين', 'الاثنين', 'Monday'],
  ['سه شنبه', 'الثلاثاء', 'Tuesday'],
  ['چهارشنبه', 'الأربعاء', 'Wednesday'],
  ['پنجشنبه', 'الخميس', 'Thursday'],
  ['جمعه', 'الجمعة', 'Friday'],
  ['شنبه', 'السبت', 'Saturday'],
];

export const MONTH_PATTERN = flexAlternation(MONTH_NAMES.flatMap((m) => m.names));
export const WEEKDAY_PATTERN = flexAlternation(WEEKDAY_NAMES.flat());

const monthMatchers = MONTH_NAMES.map((m) => ({
  entry: m,
  re: new RegExp(`^(?:${flexAlternation(m.names)})$`, 'u'),
}));
const weekdayMatchers = WEEKDAY_NAMES.map((names, index) => ({
  index,
  re: new RegExp(`^(?:${names.map(flexPattern).join('|')})$`, 'u'),
}));

/** The month a name stands for (one name never belongs to two calendars). */
export function monthByName(name: string): MonthName | null {
  const trimmed = name.trim();
  return monthMatchers.find((m) => m.re.test(trimmed))?.entry ?? null;
}

export function weekdayByName(name: string): number | null {
  const trimmed = name.trim();
  return weekdayMatchers.find((w) => w.re.test(trimmed))?.index ?? null;
}
