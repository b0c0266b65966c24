import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCitation, formatCitationHtml, formatIsoDate, transliterateDate } from '../../annotations/quotations/citation';
import { bdiHtml, escapeHtml, isolate, isolatedSegments, isolateRtlRuns, stripIsolates } from '../../annotations/export/bidi';

const FSI = '\u2068';
const RLI = '\u2067';
const PDI = '\u2069';

test('a citation reads Outlet, "Headline", date (original calendar), para. N', () => {
  const text = formatCitation({ outlet: 'Tasnim', headline: 'Talks resume', date: { iso: '2021-09-13', original: '22 شهریور 1400' }, paragraph: 4 });
  assert.equal(text, `Tasnim News Agency (${FSI}خبرگزاری تسنیم${PDI}), "Talks resume", 13 Sep 2021 (22 Shahrivar 1400), para. 4`);
});

test('a known outlet is cited by its English name, its own name kept beside it, the same for every spelling', () => {
  const cite = (outlet: string) => stripIsolates(formatCitation({ outlet, headline: '', date: null, paragraph: null }));
  assert.equal(cite('خبرگزاری فارس'), 'Fars News Agency (خبرگزاری فارس)');
  assert.equal(cite('وكالة فارس'), 'Fars News Agency (خبرگزاری فارس)');
  assert.equal(cite('ایسنا'), cite('خبرگزاری دانشجویان ایران'));
  assert.equal(cite('رويترز'), cite('Reuters'));
  // An outlet Hashiya does not know is cited as written.
  assert.equal(cite('هفته‌نامه محلی نمونه'), 'هفته‌نامه محلی نمونه');
});

test('what is unknown is left out of the citation', () => {
  assert.equal(formatCitation({ outlet: null, headline: 'Talks resume', date: null, paragraph: null }), '"Talks resume"');
  assert.equal(formatCitation({ outlet: 'IRNA', headline: '', date: { iso: null, original: 'دیروز' }, paragraph: 2 }), `Islamic Republic News Agency (${FSI}ایرنا${PDI}), para. 2`);
  assert.equal(formatCitation({ outlet: null, headline: '', date: null, paragraph: null }), '');
  assert.equal(formatCitation({ outlet: null, headline: '', date: { iso: null, original: '۵ آذر ۱۴۰۳' }, paragraph: null }), '5 Azar 1403');
});

test('Solar Hijri originals are transliterated, in Persian or Latin digits, named or numeric', () => {
  assert.equal(transliterateDate({ iso: '2021-09-13', original: '۲۲ شهریور ۱۴۰۰' }), '22 Shahrivar 1400');
  assert.equal(transliterateDate({ iso: '2024-11-25', original: 'دوشنبه ۵ آذر ۱۴۰۳' }), '5 Azar 1403');
  assert.equal(transliterateDate({ iso: '2021-09-13', original: '1400/06/22' }, 'fa'), '22 Shahrivar 1400');
  assert.equal(transliterateDate({ iso: '2022-01-05', original: '15 دی 1400' }), '15 Dey 1400');
});

test('Lunar Hijri originals are transliterated with AH; Gregorian originals need no parentheses', () => {
  assert.equal(transliterateDate({ iso: '2021-04-17', original: '5 رمضان 1442 هـ' }), '5 Ramadan 1442 AH');
  assert.equal(transliterateDate({ iso: null, original: '۱۸ ربیع‌الثانی ۱۴۴۶' }), "18 Rabi' al-Thani 1446 AH");
  assert.equal(transliterateDate({ iso: '2021-05-17', original: '17 أيار 2021' }), null);
  assert.equal(transliterateDate({ iso: '2021-11-23', original: 'السبت 23 تشرين الثاني 2021' }), null);
  assert.equal(
    formatCitation({ outlet: 'Zagros', headline: 'x', date: { iso: '2021-05-17', original: '17 أيار 2021' }, paragraph: 1 }),
    'Zagros, "x", 17 May 2021, para. 1',
  );
});

test('English dates are day, short month, year; partial ISO dates stay partial', () => {
  assert.equal(formatIsoDate('2021-09-13'), '13 Sep 2021');
  assert.equal(formatIsoDate('2024-01-05'), '5 Jan 2024');
  assert.equal(formatIsoDate('2021-09'), 'Sep 2021');
  assert.equal(formatIsoDate('2021'), '2021');
  assert.equal(formatIsoDate('13/09/2021'), null);
  assert.equal(formatIsoDate(null), null);
});

test('RTL parts of a citation are isolated in plain text and in HTML, Latin parts are not', () => {
  const source = { outlet: 'ایسنا', headline: 'مبارزه با تروریسم', date: { iso: '2021-09-13', original: '۲۲ شهریور ۱۴۰۰' }, paragraph: 4 };
  const isna = "Iranian Students' News Agency";
  assert.equal(formatCitation(source), `${isna} (${FSI}ایسنا${PDI}), "${FSI}مبارزه با تروریسم${PDI}", 13 Sep 2021 (22 Shahrivar 1400), para. 4`);
  assert.equal(formatCitationHtml(source), `${isna.replace("'", '&#39;')} (<bdi>ایسنا</bdi>), "<bdi>مبارزه با تروریسم</bdi>", 13 Sep 2021 (22 Shahrivar 1400), para. 4`);
  assert.equal(stripIsolates(formatCitation(source)), `${isna} (ایسنا), "مبارزه با تروریسم", 13 Sep 2021 (22 Shahrivar 1400), para. 4`);
});

test('a Persian headline that begins with a Latin word is isolated as right-to-left, not by its first letter', () => {
  assert.equal(isolate('CNN گزارش داد که مذاکرات ادامه دارد'), `${RLI}CNN گزارش داد که مذاکرات ادامه دارد${PDI}`);
  assert.equal(bdiHtml('CNN گزارش داد که مذاکرات ادامه دارد'), '<bdi dir="rtl">CNN گزارش داد که مذاکرات ادامه دارد</bdi>');
  assert.equal(isolate('Reuters'), 'Reuters');
});

test('HTML in a headline or outlet is escaped in the HTML citation', () => {
  const html = formatCitationHtml({ outlet: '<img src=x onerror=alert(1)>', headline: 'عنوان <script>', date: null, paragraph: null });
  assert.ok(!html.includes('<img'));
  assert.ok(!html.includes('<script>'));
  assert.equal(html, '&lt;img src=x onerror=alert(1)&gt;, "<bdi>عنوان &lt;script&gt;</bdi>"');
  assert.equal(escapeHtml(`"'&`), '&quot;&#39;&amp;');
});

test('Persian words inside an English gloss are isolated one run at a time', () => {
  const text = isolateRtlRuns('He said تروریسم (terrorism) 3 times');
  assert.equal(text, `He said ${FSI}تروریسم${PDI} (terrorism) 3 times`);
  assert.deepEqual(isolatedSegments(text), [
    { text: 'He said ', isolate: null },
    { text: 'تروریسم', isolate: 'auto' },
    { text: ' (terrorism) 3 times', isolate: null },
  ]);
  assert.equal(isolateRtlRuns('plain English'), 'plain English');
});

test('the author a file names (a Word file, a saved page) comes first, isolated when right to left; none, and the citation reads as before', () => {
  const source = { outlet: 'Tasnim', headline: 'Talks resume', date: { iso: '2021-09-13', original: '2021-09-13' }, paragraph: 2 };
  assert.equal(formatCitation({ ...source, author: '  سارا احمدی ' }), `${FSI}سارا احمدی${PDI}, Tasnim News Agency (${FSI}خبرگزاری تسنیم${PDI}), "Talks resume", 13 Sep 2021, para. 2`);
  assert.equal(formatCitation({ ...source, author: 'Jane Roe' }).split(', ')[0], 'Jane Roe');
  for (const author of [undefined, null, '', '   ']) assert.equal(formatCitation({ ...source, author }), formatCitation(source));
  assert.equal(formatCitationHtml({ ...source, author: 'سارا <b>' }).split(', ')[0], '<bdi>سارا &lt;b&gt;</bdi>');
});
