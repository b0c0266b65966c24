import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hijriQamariToIso, solarHijriToIso } from '../../corpus/metadata/calendars';
import { findDates, parseDate, toDateValue } from '../../corpus/metadata/dates';

function iso(input: string, language?: 'fa' | 'ar'): string | null {
  return parseDate(input, { language })?.iso ?? null;
}

describe('Solar Hijri dates', () => {
  test('a day, a month name and a year in Latin digits convert to the Gregorian day', () => {
    const d = parseDate('22 شهریور 1400');
    assert.equal(d?.iso, '2021-09-13');
    assert.equal(d?.calendar, 'solar-hijri');
    assert.deepEqual([d?.year, d?.month, d?.day], [1400, 6, 22]);
    assert.equal(d?.original, '22 شهریور 1400');
  });

  test('Persian digits and a weekday are read, and the weekday is checked', () => {
    assert.equal(iso('۵ آذر ۱۴۰۳'), '2024-11-25');
    const d = parseDate('دوشنبه ۵ آذر ۱۴۰۳');
    assert.equal(d?.iso, '2024-11-25');
    assert.equal(d?.original, 'دوشنبه ۵ آذر ۱۴۰۳');
    assert.equal(d?.weekday, 1);
    assert.equal(d?.weekdayMatches, true);
    assert.equal(parseDate('جمعه ۵ آذر ۱۴۰۳')?.weekdayMatches, false);
    assert.equal(parseDate('سه‌شنبه ۶ آذر ۱۴۰۳')?.weekdayMatches, true);
  });

  test('numeric year/month/day in Latin or Persian digits', () => {
    assert.equal(iso('1400/06/22'), '2021-09-13');
    assert.equal(iso('۱۴۰۰/۰۶/۲۲'), '2021-09-13');
    assert.equal(iso('1403/9/5'), '2024-11-25');
    assert.equal(iso('1400-06-22'), '2021-09-13');
  });

  test('every month name, spelled with Arabic or Persian yeh and kaf, with ماه and an era mark', () => {
    const months = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
    months.forEach((name, i) => assert.equal(parseDate(`1 ${name} 1400`)?.month, i + 1, name));
    assert.equal(iso('1 فروردين 1400'), '2021-03-21');
    assert.equal(iso('۱۰ دی ماه ۱۴۰۲'), '2023-12-31');
    assert.equal(iso('22 شهریور ماه 1400 هـ.ش'), '2021-09-13');
  });

  test('a date set without spaces, and a month name with ماه joined to it (sobhegharib-1)', () => {
    assert.equal(iso('10ارديبهشت1397'), '2018-04-30');
    assert.deepEqual(findDates('تاریخ انتشار: 10ارديبهشت1397|12:10').map((d) => d.original), ['10ارديبهشت1397']);
    assert.equal(iso('۱۲ مهرماه ۱۴۰۰'), '2021-10-04');
    assert.equal(iso('۱۲ دی‌ماه ۱۴۰۲'), '2024-01-02');
    // A longer word that begins with a month name is not that month.
    assert.deepEqual(findDates('۱۲ مهرگان ۱۴۰۰'), []);
  });

  test('a day that does not exist is rejected, not converted', () => {
    // Esfand has 30 days only in a leap year: 1403 is one, 1402 is not; it never has 31.
    assert.equal(iso('31 اسفند 1403'), null);
    assert.equal(iso('30 اسفند 1403'), '2025-03-20');
    assert.equal(iso('30 اسفند 1402'), null);
    assert.equal(iso('31 مهر 1400'), null); // months 7–11 have 30 days
    assert.equal(iso('1400/13/01'), null);
    assert.equal(iso('0 تیر 1400'), null);
    assert.equal(solarHijriToIso(1403, 12, 31), null);
  });

  test('Persian آذر (Azar, month 9) is not Levantine آذار (March)', () => {
    assert.equal(parseDate('12 آذر 1399')?.calendar, 'solar-hijri');
    assert.equal(iso('12 آذر 1399'), '2020-12-02');
    assert.equal(parseDate('12 آذار 2020')?.calendar, 'gregorian');
    assert.equal(iso('12 آذار 2020'), '2020-03-12');
  });
});

describe('Arabic Gregorian dates', () => {
  test('Levantine/Iraqi month names', () => {
    assert.equal(iso('17 أيار 2021'), '2021-05-17');
    assert.equal(iso('23 تشرين الثاني 2024'), '2024-11-23');
    assert.equal(iso('1 كانون الثاني 2020'), '2020-01-01');
    assert.equal(iso('3 تشرين الأول 2019'), '2019-10-03');
    assert.equal(iso('31 كانون الأول 2019'), '2019-12-31');
    assert.equal(iso('29 شباط 2020'), '2020-02-29');
    const names = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];
    names.forEach((name, i) => assert.equal(parseDate(`1 ${name} 2021`)?.month, i + 1, name));
  });

  test('Egyptian/Gulf month names, and both families together', () => {
    const names = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
    names.forEach((name, i) => assert.equal(parseDate(`1 ${name} 2021`)?.month, i + 1, name));
    assert.equal(iso('17 مايو 2021'), '2021-05-17');
    assert.equal(iso('5 نوفمبر 2020 م'), '2020-11-05');
    assert.equal(iso('17 أيار/مايو 2021'), '2021-05-17');
    assert.equal(iso('17 أيار (مايو) 2021'), '2021-05-17');
    assert.equal(iso('17 ابريل 2021'), '2021-04-17'); // hamza left out
  });

  test('Moroccan month names (hespress-1, kech24-1)', () => {
    assert.equal(iso('الجمعة 20 نونبر 2020'), '2020-11-20');
    assert.equal(iso('8 شتنبر 2021'), '2021-09-08');
    const moroccan: Array<[string, number]> = [['يوليوز', 7], ['غشت', 8], ['شتنبر', 9], ['نونبر', 11], ['دجنبر', 12]];
    for (const [name, month] of moroccan) assert.equal(parseDate(`1 ${name} 2021`)?.month, month, name);
  });

  test('both month families joined by a slash or a hyphen, with or without hamza (dw-1, marebpress-1)', () => {
    assert.equal(iso('18 يوليو/تموز 2025'), '2025-07-18');
    assert.equal(iso('14 آب/اغسطس 2020'), '2020-08-14');
    assert.equal(iso('28 يناير-كانون الثاني 2023'), '2023-01-28');
    assert.equal(iso('28 يناير-شباط 2023'), null);
  });

  test('two different months, or a day past the month, are no date', () => {
    assert.equal(iso('17 أيار/يونيو 2021'), null);
    assert.equal(iso('29 شباط 2021'), null);
    assert.equal(iso('31 نيسان 2021'), null);
    assert.equal(iso('31 نوفمبر 2021'), null);
  });

  test('numeric Gregorian dates, day first as Arabic and Persian write them', () => {
    assert.equal(iso('17/05/2021'), '2021-05-17');
    assert.equal(iso('2021-05-17'), '2021-05-17');
    assert.equal(iso('٢٠٢١/٠٥/١٧'), '2021-05-17');
    assert.equal(iso('32/05/2021'), null);
  });

  test('Gregorian dates in the English translations', () => {
    assert.equal(iso('17 May 2021'), '2021-05-17');
    assert.equal(parseDate('Monday 17 May 2021')?.weekdayMatches, true);
    assert.equal(iso('31 Sept 2021'), null);
  });

  test('Gregorian dates with Persian month names', () => {
    assert.equal(iso('۱۳ سپتامبر ۲۰۲۱'), '2021-09-13');
    assert.equal(iso('1 ژانویه 2020'), '2020-01-01');
  });
});

describe('Hijri Qamari dates', () => {
  test('Arabic and Persian spellings convert by the Umm al-Qura calendar', () => {
    const d = parseDate('5 رمضان 1442 هـ');
    assert.equal(d?.iso, '2021-04-17');
    assert.equal(d?.calendar, 'hijri-qamari');
    assert.equal(d?.original, '5 رمضان 1442 هـ');
    assert.equal(iso('۲۳ ربیع‌الاول ۱۴۴۳'), '2021-10-29');
    assert.equal(iso('23 ربيع الأول 1443'), '2021-10-29');
    assert.equal(iso('5 شوال 1442'), '2021-05-17');
    assert.equal(iso('10 ذو الحجة 1442 هـ'), '2021-07-20');
    assert.equal(iso('۱۰ ذی‌الحجه ۱۴۴۲'), '2021-07-20');
    assert.equal(iso('1 محرم 1443'), '2021-08-09');
  });

  test('the 30th of a 29-day month, and the 31st, are rejected', () => {
    assert.equal(iso('30 رمضان 1442'), '2021-05-12'); // Ramadan 1442 had 30 days
    assert.equal(iso('30 شوال 1442'), null); // Shawwal 1442 had 29
    assert.equal(iso('31 رجب 1442'), null);
    assert.equal(hijriQamariToIso(1442, 10, 30), null);
  });

  test('a numeric year in the Hijri range is Qamari with هـ or in an Arabic article, Solar otherwise', () => {
    assert.equal(parseDate('1442/09/05 هـ')?.calendar, 'hijri-qamari');
    assert.equal(iso('1442/09/05 هـ'), '2021-04-17');
    assert.equal(parseDate('1442/09/05', { language: 'ar' })?.calendar, 'hijri-qamari');
    assert.equal(parseDate('1400/06/22', { language: 'fa' })?.calendar, 'solar-hijri');
  });
});

describe('finding dates in a text', () => {
  test('gives each date with its offsets, original and calendar', () => {
    const text = 'أكد الرئيس، اليوم الإثنين (17 أيار 2021)، أن ... وفي 5 رمضان 1442 هـ وقع، و به تاریخ ۲۲ شهریور ۱۴۰۰ و 1400/06/22.';
    const found = findDates(text);
    assert.deepEqual(
      found.map((d) => [d.original, d.iso, d.calendar]),
      [
        ['17 أيار 2021', '2021-05-17', 'gregorian'],
        ['5 رمضان 1442 هـ', '2021-04-17', 'hijri-qamari'],
        ['۲۲ شهریور ۱۴۰۰', '2021-09-13', 'solar-hijri'],
        ['1400/06/22', '2021-09-13', 'solar-hijri'],
      ],
    );
    for (const d of found) assert.equal(text.slice(d.start, d.end), d.original);
    // The weekday before the parenthesis is read, though not quoted.
    assert.equal(found[0].weekday, 1);
    assert.equal(found[0].weekdayMatches, true);
  });

  test('month names that are ordinary words are no date without a day and a year beside them', () => {
    assert.deepEqual(findDates('به گزارش خبرگزاری مهر، در ماه مهر و در دی ماه گذشته'), []);
    assert.deepEqual(findDates('رجب طیب اردوغان در سال 1400 گفت'), []);
    assert.deepEqual(findDates('از 12 تیر تا امروز'), []);
    assert.deepEqual(findDates('السبت 23 تشرين الثاني 07:39'), []); // no year
    assert.deepEqual(findDates('۲۵ درصد از ۱۴۰۰ نفر'), []);
  });

  test('a date-shaped string for a day that does not exist is not found', () => {
    assert.deepEqual(findDates('در تاریخ ۳۱ اسفند ۱۴۰۳ اعلام شد'), []);
  });

  test('a clock time after the date is noticed', () => {
    const [d] = findDates('دوشنبه ۵ آذر ۱۴۰۳ ایران ۰۷:۰۷');
    assert.equal(d.withTime, true);
    assert.equal(findDates('۵ آذر ۱۴۰۳ اعلام شد')[0].withTime, false);
  });
});

describe('parsing one string', () => {
  test('text around the date makes it not one date', () => {
    assert.equal(parseDate('امروز ۵ آذر ۱۴۰۳ است'), null);
    assert.equal(parseDate(''), null);
    assert.equal(parseDate('(17 أيار 2021)')?.iso, '2021-05-17');
  });

  test('the stored value keeps the original beside the ISO date, and null ISO when invalid', () => {
    assert.deepEqual(toDateValue(' ۵ آذر ۱۴۰۳ '), { iso: '2024-11-25', original: '۵ آذر ۱۴۰۳' });
    assert.deepEqual(toDateValue('31 اسفند 1403'), { iso: null, original: '31 اسفند 1403' });
  });
});

describe('every month name after a day', () => {
  // findDates tries its named-date pattern only where month-ahead.ts says a month name can
  // follow the day: any name that check missed would never be found as a date again.
  test('is found as a date with the day touching the name, after spaces, and after the article', async () => {
    const { MONTH_NAMES } = await import('../../corpus/metadata/date-names');
    const YEAR = { 'solar-hijri': '1403', gregorian: '2024', 'hijri-qamari': '1445' } as const;
    const missed: string[] = [];
    for (const m of MONTH_NAMES) {
      for (const name of m.names) {
        for (const joint of ['', ' ', '\u00a0', ' ال', 'ال ']) {
          // The article only ever stands before a name that does not already begin with it.
          if (joint.includes('ال') && name.startsWith('ال')) continue;
          const text = `12${joint}${name} ${YEAR[m.calendar as keyof typeof YEAR]}`;
          const found = findDates(text);
          if (!found.some((d) => d.month === m.month && d.day === 12 && d.calendar === m.calendar)) missed.push(JSON.stringify(text));
        }
      }
    }
    assert.deepEqual(missed, []);
  });
});
