// The steps that turn a PDF's text runs into an article's text, each on made-up runs whose
// right answer is known: letters mended, lines in reading order, furniture left out,
// paragraphs joined with their page kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldPresentationForms, hasPresentationForms, joinLoneMarks, mendLamAlef } from '../../corpus/extract/pdf/arabic-letters';
import { furnitureOf, isPageNumber } from '../../corpus/extract/pdf/furniture';
import { itemsToLines, type Line, type TextItem } from '../../corpus/extract/pdf/lines';
import { linesToParagraphs } from '../../corpus/extract/pdf/paragraphs';
import { pdfDateToIso } from '../../corpus/extract/pdf/pdf-meta';
import { applyRepairs, ligatureRepairs } from '../../corpus/extract/pdf/ligature-order';

test('presentation forms become the letters they show, and Persian letters, ZWNJ and digits elsewhere stay exactly as they were', () => {
  assert.equal(foldPresentationForms('ﺇﺫﺍ ﻟﻢ ﺗﺴﺘﺢ'), 'إذا لم تستح');
  assert.equal(foldPresentationForms('ﻻ'), 'لا');
  const persian = 'می‌خواهم ۱۲٫۵ درصد گروه‌ها';
  assert.equal(foldPresentationForms(`${persian} ﻧﺴﺨﻪ`), `${persian} نسخه`);
  assert.equal(hasPresentationForms(foldPresentationForms('ﮔﻨﺠﯿﻨۀ ﻭﺍﮊﻩﻫﺎﯼ')), false);
  assert.equal(foldPresentationForms('﴿ﺑﺴﻢ﴾'), '﴿بسم﴾', 'the ornate parentheses around a verse are punctuation and stay');
  assert.equal(hasPresentationForms('﴿بسم﴾'), false);
});

test('a lam-alef read back reversed is mended (الإنتاجية, مقالات, الانتخابات) and a word that merely has an alef before a lam is left alone', () => {
  assert.equal(mendLamAlef('اإلنتاجية'), 'الإنتاجية');
  assert.equal(mendLamAlef('مقاالت'), 'مقالات');
  assert.equal(mendLamAlef('األصوات'), 'الأصوات');
  assert.equal(mendLamAlef('االنتخابات'), 'الانتخابات');
  for (const word of ['الكتاب', 'بالعربية', 'سال', 'والله', 'مقالات']) assert.equal(mendLamAlef(word), word);
});

test('a tanween the text layer set apart by a space joins its letter again', () => {
  assert.equal(joinLoneMarks('مرحبا ً'), 'مرحباً');
  assert.equal(joinLoneMarks('توزيعا َ طبيعيا'), 'توزيعاَ طبيعيا');
});

const item = (str: string, x: number, y: number, width: number, dir = 'rtl', size = 12): TextItem => ({ str, x, y, width, dir, size });

test('right-to-left words drawn left to right come out rightmost first, with an English name and a number inside kept in their own order', () => {
  // As pdf.js gives ArabicCIDTrueType.pdf: the three words in drawing order, left to right.
  const [line] = itemsToLines([item('العربية', 160, 733, 117), item('الخطوط', 288, 733, 121), item('انواع', 420, 733, 82)]);
  assert.equal(line!.text, 'انواع الخطوط العربية');
  assert.equal(line!.dir, 'rtl');
  const [mixed] = itemsToLines([item('in', 100, 500, 10, 'ltr'), item('Jeremy', 60, 500, 30, 'ltr'), item('اسمي', 150, 500, 30), item('العربية', 10, 500, 40)]);
  assert.equal(mixed!.text, 'اسمي Jeremy in العربية');
});

test('lines are taken from top to bottom, a mark drawn a little higher stays on its line, and an English line stays left to right', () => {
  const lines = itemsToLines([item('مرحبا', 274, 681, 26, 'rtl', 14), item('ً', 274, 685, 0, 'ltr', 14), item('one', 10, 600, 20, 'ltr'), item('two', 34, 600, 20, 'ltr')]);
  assert.deepEqual(lines.map((l) => [l.text, l.dir]), [['مرحباً', 'rtl'], ['one two', 'ltr']]);
});

const line = (text: string, y: number, x0 = 0, x1 = 500, dir: 'ltr' | 'rtl' = 'rtl', size = 12): Line => ({ text, y, x0, x1, dir, size });

test('lines join into paragraphs: a right-to-left line stopping short of the left edge, a wider gap or a bigger type ends one; each paragraph knows its page', () => {
  const page1 = [line('عنوان', 800, 300, 500, 'rtl', 20), line('سطر اول', 770), line('سطر دوم', 756), line('پایان', 742, 350), line('بند دوم', 700), line('ادامه', 686)];
  const page2 = [line('ادامه در صفحه دوم', 800), line('آخر', 786, 400)];
  const paragraphs = linesToParagraphs([page1, page2]);
  assert.deepEqual(paragraphs, [
    { text: 'عنوان', page: 1 },
    { text: 'سطر اول سطر دوم پایان', page: 1 },
    { text: 'بند دوم ادامه ادامه در صفحه دوم آخر', page: 1 },
  ]);
});

test('a running header and page numbers at the top or bottom of most pages are furniture; the same words inside a page are not', () => {
  const words = ['نخست', 'دوم', 'سوم', 'چهارم'];
  const pages = words.map((w, n) => [line('گزارش سالانه ۱۴۰۲', 820), line(`بند ${w}`, 700), line('گزارش سالانه ۱۴۰۲', 600), line(`پایان ${w}`, 500), line(`${n + 1}`, 40)]);
  const furniture = furnitureOf(pages);
  assert.deepEqual(pages.map((p) => p.filter((l) => !furniture.has(l)).map((l) => l.text)), words.map((w) => [`بند ${w}`, 'گزارش سالانه ۱۴۰۲', `پایان ${w}`]));
  for (const t of ['12', '- 3 -', '۱۲', 'صفحه ۳', 'page 4', '3 / 40']) assert.ok(isPageNumber(t), t);
  for (const t of ['1402 سال', 'نتیجه ۱۲ نفر']) assert.ok(!isPageNumber(t), t);
  const single = [[line('عنوان خبر', 800), line('متن', 700)]];
  assert.equal(furnitureOf(single).size, 0, "a one-page PDF's headline is its headline");
});

test("a PDF's date (D:20190403221549+02'00') becomes ISO 8601, and a malformed one is none", () => {
  assert.equal(pdfDateToIso("D:20190403221549+02'00'"), '2019-04-03T22:15:49+02:00');
  assert.equal(pdfDateToIso('D:20150928080050Z00\'00\''), '2015-09-28T08:00:50Z');
  assert.equal(pdfDateToIso('D:2015'), '2015-01-01');
  assert.equal(pdfDateToIso('yesterday'), null);
});

test('a lam-alef glyph read back reversed after a joining letter (سلام read سالم, فضلاً read فضالً) is mended from the glyphs, and a real سالم drawn letter by letter is left alone', () => {
  const same = (t: string) => t;
  // Drawn left to right: meem, the lam-alef ligature (its Unicode "لا"), seen.
  const salam = ['م', 'لا', 'س'];
  const fadlan = ['ً', 'لا', 'ض', 'ف'];
  const repairs = ligatureRepairs([salam, fadlan], same);
  assert.equal(applyRepairs('قال: سالم، فضالً عن ذلك', repairs), 'قال: سلام، فضلاً عن ذلك');
  const salim = ['م', 'ل', 'ا', 'س'];
  assert.equal(applyRepairs('سالم', ligatureRepairs([salam, salim], same)), 'سالم', 'the page also has the word سالم: nothing is changed');
});
