// Journey (issue 11): the quotation browser's From/To dates typed as people write them — a
// Solar Hijri date in Persian digits, one with the month's name, a bare Hijri date — each
// shown as the Gregorian day it means, and the rows on screen filtered by that day.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM, openSession, waitReady, type Session } from '../browser/browser-env';
import { clickOn, press, screenshotsAtBothSizes, type } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;

// Dated in their bylines: ۲۲ شهریور ۱۴۰۰ is 13 September 2021, 20 جمادى الآخرة 1445 is 2 January 2024.
const FA_FILE = 'fa-shahrivar-1400.txt';
const FA_QUOTE = 'گفت‌وگوها با طرف‌های اروپایی';
const FA_TEXT = [
  'ظریف: گفت‌وگوها با طرف‌های اروپایی ادامه دارد',
  'تهران - ایرنا - ۲۲ شهریور ۱۴۰۰',
  'وزیر امور خارجه ایران روز دوشنبه در نشست خبری گفت که گفت‌وگوها با طرف‌های اروپایی درباره برنامه هسته‌ای ادامه دارد و هیئت ایرانی هفته آینده پیشنهادهای تازه‌ای ارائه خواهد کرد.',
  'او افزود که جمهوری اسلامی ایران به تعهدات خود پایبند است.',
].join('\n');
const AR_FILE = 'ar-jumada-1445.txt';
const AR_QUOTE = 'المحادثات مع الجانب الأوروبي';
const AR_TEXT = [
  'وزير الخارجية: المحادثات مع الجانب الأوروبي مستمرة',
  'القاهرة - 20 جمادى الآخرة 1445 هـ',
  'قال وزير الخارجية في مؤتمر صحفي يوم الاثنين إن المحادثات مع الجانب الأوروبي بشأن الملف النووي مستمرة، وإن الوفد سيقدم مقترحات جديدة الأسبوع المقبل.',
  'وأضاف أن بلاده ملتزمة بتعهداتها وتنتظر من الأطراف الأخرى أن تفي بوعودها.',
].join('\n');
// The sample's Arabic article is dated 17 May 2021.
const SAMPLE_AR = '002_b7e8f03d4cd73c5b.txt';
const SAMPLE_QUOTE = 'حسن روحاني';

/** The dates of the rows on screen, once the table shows exactly `expected` (in any order). */
async function rowDatesBecome(page: Page, expected: string[]): Promise<void> {
  const want = [...expected].sort().join(' ');
  await page
    .waitForFunction(
      (w) => {
        const dates = [...document.querySelectorAll('.q-body .q-row:not(.loading) .q-date')].map((d) => d.textContent!.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '-');
        return dates.sort().join(' ') === w;
      },
      want,
      { timeout: 15_000 },
    )
    .catch(async () => {
      const seen = await page.$$eval('.q-body .q-row:not(.loading) .q-date', (ds) => ds.map((d) => d.textContent));
      assert.fail(`rows on screen are dated ${JSON.stringify(seen)}, not ${want}`);
    });
}

async function typeInto(page: Page, field: string, text: string): Promise<void> {
  await clickOn(page, field);
  await press(page, 'Control+A', 'Backspace');
  if (text) await type(page, text);
}

async function meaningShown(page: Page, field: 'from' | 'to', day: RegExp): Promise<string> {
  const sel = `label.q-dates:has(.q-filter-${field}) .q-date-means`;
  await page.waitForFunction(([s, src]) => new RegExp(src).test(document.querySelector(s)?.textContent ?? ''), [sel, day.source] as const, { timeout: 10_000 });
  const text = (await page.textContent(sel)) ?? '';
  assert.ok(await page.locator(sel).isVisible(), 'the day it means is shown next to the field');
  return text;
}

describe('date filters typed as people write them', { skip }, () => {
  let session: Session;

  before(async () => {
    session = await openSession({
      viewport: { width: 1440, height: 900 },
      prepare: async (corpus) => {
        await writeFile(join(corpus, FA_FILE), FA_TEXT, 'utf8');
        await writeFile(join(corpus, AR_FILE), AR_TEXT, 'utf8');
      },
    });
    // The corpus comes with one quotation in each dated article (the data the journey starts from).
    const ws = session.harness.workspace;
    for (const [file, exact] of [[FA_FILE, FA_QUOTE], [AR_FILE, AR_QUOTE], [SAMPLE_AR, SAMPLE_QUOTE]] as const) {
      const text = (await ws.openArticle(file)).text;
      const start = text.indexOf(exact);
      await ws.createAnnotation(file, { start, end: start + exact.length, tags: [], gloss: '', note: '' });
    }
    await waitReady(session.page);
  });

  after(() => session?.close());

  test('Solar Hijri and Hijri dates, typed with the keyboard, filter the rows by the Gregorian day they mean', async () => {
    const page = session.page;
    await clickOn(page, '.tab-quotations');
    await rowDatesBecome(page, ['2021-05-17', '2021-09-13', '2024-01-02']);

    // From ۱۴۰۰/۰۶/۲۲ (Persian digits, Solar Hijri): 13 September 2021.
    await typeInto(page, '.q-filter-from', '۱۴۰۰/۰۶/۲۲');
    assert.match(await meaningShown(page, 'from', /13 September 2021/), /13 September 2021/);
    await rowDatesBecome(page, ['2021-09-13', '2024-01-02']);

    // To 1445/06/06, a bare number: a year past 1410 is Hijri, 19 December 2023.
    await typeInto(page, '.q-filter-to', '1445/06/06');
    await meaningShown(page, 'to', /19 December 2023/);
    await rowDatesBecome(page, ['2021-09-13']);
    await screenshotsAtBothSizes(page, 'date-filters-hijri');

    // To 22 شهریور 1400 (the month by name), from nothing: 13 September 2021 and before.
    await typeInto(page, '.q-filter-from', '');
    await typeInto(page, '.q-filter-to', '22 شهریور 1400');
    await meaningShown(page, 'to', /13 September 2021/);
    await rowDatesBecome(page, ['2021-05-17', '2021-09-13']);
    assert.equal(await page.inputValue('.q-filter-to'), '22 شهریور 1400', 'the field keeps what was typed');

    // ISO still works, and what is no date says so and filters nothing.
    await typeInto(page, '.q-filter-to', '2021-06-01');
    await meaningShown(page, 'to', /1 June 2021/);
    await rowDatesBecome(page, ['2021-05-17']);
    await typeInto(page, '.q-filter-to', 'فردا');
    await meaningShown(page, 'to', /not a date/);
    await rowDatesBecome(page, ['2021-05-17', '2021-09-13', '2024-01-02']);
    await screenshotsAtBothSizes(page, 'date-filters-solar');
    // What is typed there can be cleared in one click, though it filters nothing.
    assert.equal(await page.locator('.q-filter-clear').isEnabled(), true, 'Clear filters is offered while something is typed');
    await clickOn(page, '.q-filter-clear');
    assert.equal(await page.inputValue('.q-filter-to'), '', 'the field is cleared');
    assert.equal(await page.locator('.q-filter-clear').isEnabled(), false, 'and nothing is left to clear');
  });
});
