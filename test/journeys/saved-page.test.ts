// Journey (issue 23, "What must be shown"): a folder with a saved web page (CNN Arabic, as a
// browser saved it) and a Chrome "single file" MHTML opens. The person finds the page in the
// list under its headline, opens it, reads the page's date and address in its header, drags the
// mouse over words of its right-to-left body, glosses and tags them, saves, and reads the
// quotation's citation in Quotations: the page's site, headline, date and address. The sidecar
// on disk holds the quote at the exact offsets of the article text. Screenshots at 1440×900 and
// 900×700 of the highlight and of the citation.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM, OUTPUT_DIR, useSession, type Session } from '../browser/browser-env';
import { waitSaved } from '../browser/test-hooks';
import { makeMhtml, PAGES, pageBytes } from '../fixtures/mhtml/make-mhtml';
import { clickOn, drag, endsOf, openArticle, pause, press, screenshotsAtBothSizes, selectedText, type } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;
const PAGE_FILE = 'ar_03_cnnarabic_goose3.html';
const MHTML_FILE = 'اليوم السابع - العمل.mhtml';
const POPOVER = '.popover:not([hidden])';

/** What a person reads on the CNN Arabic page (test/fixtures/pages/truth.json). */
const TRUTH = {
  headline: 'معارضون يسيطرون على مخازن للصواريخ بريف دمشق',
  // truth.json writes the site as the page's og:site_name `CNNArabic`; Hashiya names the known outlet.
  site: ['CNNArabic', 'CNN Arabic', 'سي إن إن بالعربية'],
  date: '2013-08-03',
  dateShown: '3 Aug 2013',
  url: 'http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html',
};
/** Words of the body's first paragraph, dragged over from the first to the last. */
const SPAN = 'فصائل مسلحة معارضة لنظام الرئيس بشار الأسد';
const GLOSS = 'armed opposition factions against President Bashar al-Assad';
const TAG = 'organisation';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The folder the person opens: the saved page copied in, and an MHTML saved by Chrome from another page. */
function folder(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hashiya-saved-page-')), 'corpus');
  mkdirSync(dir);
  made.push(dirname(dir));
  copyFileSync(fileURLToPath(new URL(`../fixtures/pages/${PAGE_FILE}`, import.meta.url)), join(dir, PAGE_FILE));
  const youm7 = PAGES[0];
  writeFileSync(join(dir, MHTML_FILE), makeMhtml({ html: pageBytes(youm7.file), url: youm7.url, title: youm7.title, date: youm7.date }));
  return dir;
}

function report(line: string): void {
  console.log(`  ${line}`);
}

async function shots(page: Page, name: string): Promise<void> {
  report(`screenshots: ${(await screenshotsAtBothSizes(page, name)).join(', ')}`);
}

/** The text of the first element matching `selector`, as drawn. */
function shown(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().innerText();
}

describe('a saved web page read, glossed and quoted', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s), { source: folder(), viewport: { width: 1440, height: 900 } });

  test('the page is listed under its headline, and the MHTML is named with its reason', async () => {
    const page = session.page;
    await page.waitForSelector(`li.article[data-file="${PAGE_FILE}"]`);
    const headline = await shown(page, `li.article[data-file="${PAGE_FILE}"] .headline`);
    report(`listed as: «${headline}»`);
    assert.equal(headline, TRUTH.headline, 'the list shows the page’s headline, not its file name');
    // MHTML is not read yet on this build: it is named, not left out.
    const summary = (await page.locator('.unread-documents summary').textContent())?.trim();
    report(`under the list: «${summary}»`);
    assert.equal(summary, '1 file not read');
    await clickOn(page, '.unread-documents summary');
    await pause(200);
    assert.equal(await shown(page, '.unread-documents .unread-file'), MHTML_FILE);
    assert.equal(await shown(page, '.unread-documents .unread-reason'), 'saved web pages are not read yet');
  });

  test('opened, its header shows the headline, the site and the address, with no encoding menu', async () => {
    const page = session.page;
    await openArticle(page, PAGE_FILE);
    assert.equal(await shown(page, '.article-head h1.headline'), TRUTH.headline);
    const outlet = await shown(page, '.article-head .outlet');
    report(`site in the header: «${outlet}»`);
    assert.ok(TRUTH.site.includes(outlet), `the site is the page's: «${outlet}»`);
    assert.equal(await shown(page, '.article-head .address'), TRUTH.url, 'the page’s address is shown');
    assert.equal(await page.locator('.article-head select.encoding').count(), 0, 'a page declares its own charset: no encoding menu');
  });

  test('a date the page does not state is corrected by the person in Edit details, and shown as dates are', async () => {
    const page = session.page;
    const before = (await shown(page, '.article-head .date')).trim();
    report(`date in the header before: «${before}»`);
    // The page states no publication date (only a "last updated" stamp): the person gives the day of its address.
    if (before !== TRUTH.dateShown) {
      await clickOn(page, '.article-head button.edit-metadata');
      await page.waitForSelector('dialog.metadata-editor[open]');
      await clickOn(page, 'dialog.metadata-editor .md-iso');
      await press(page, 'Control+A');
      await type(page, TRUTH.date);
      await clickOn(page, 'dialog.metadata-editor .md-save');
      await page.waitForSelector('dialog.metadata-editor', { state: 'detached' });
    }
    await page.waitForFunction((d) => document.querySelector('.article-head .date')?.textContent?.includes(d), TRUTH.dateShown, { timeout: 10_000 });
    report(`date in the header: «${(await shown(page, '.article-head .date')).trim()}»`);
  });

  test('a drag over words of the body selects them in reading order; glossed, tagged and saved at their offsets', async () => {
    const page = session.page;
    const { before: start, after: end } = await endsOf(page, SPAN, true);
    await drag(page, start, end);
    assert.equal(await selectedText(page), SPAN, 'the selection is the words between the two points, in logical order');
    await page.waitForSelector(POPOVER, { timeout: 10_000 });
    assert.equal(await shown(page, `${POPOVER} .popover-title`), SPAN);
    await clickOn(page, `${POPOVER} .chip[data-tag="${TAG}"]`);
    await clickOn(page, `${POPOVER} input.gloss`);
    await type(page, GLOSS);
    await clickOn(page, `${POPOVER} button.save`);
    const saved = await waitSaved(session.corpus, PAGE_FILE, (list) => list.some((a) => a.gloss === GLOSS), 15_000);
    const annotation = saved.find((a) => a.gloss === GLOSS)!;
    const text = (await session.harness.workspace.openArticle(PAGE_FILE)).text;
    const at = text.indexOf(SPAN);
    report(`saved: [${annotation.target.position.start}, ${annotation.target.position.end}) «${annotation.target.quote.exact}» tags ${annotation.tags.join(',')}`);
    assert.ok(at > 0 && text.indexOf(SPAN, at + 1) < 0, 'the words occur once in the article text');
    assert.deepEqual(annotation.target.position, { start: at, end: at + SPAN.length }, 'the offsets index the article text');
    assert.equal(annotation.target.quote.exact, SPAN);
    assert.equal(text.slice(annotation.target.position.start, annotation.target.position.end), annotation.target.quote.exact);
    assert.deepEqual(annotation.tags, [TAG]);
    await clickOn(page, `${POPOVER} button.close`);
    await page.waitForSelector(POPOVER, { state: 'detached', timeout: 5_000 }).catch(() => page.waitForSelector('.popover', { state: 'hidden' }));
    // The highlight is drawn over exactly those words.
    const highlighted = await page.evaluate(() => [...document.querySelectorAll('.reading-text .hl')].map((e) => e.textContent ?? '').join(''));
    assert.equal(highlighted, SPAN, 'the highlight covers the words selected');
    await endsOf(page, SPAN, true);
    await shots(page, 'saved-page-reading');
  });

  test('in Quotations, the citation names the page’s site, headline, date and address', async () => {
    const page = session.page;
    await clickOn(page, '.tab-quotations');
    await page.waitForFunction((q) => [...document.querySelectorAll('.q-row .q-quote')].some((e) => e.textContent === q), SPAN, { timeout: 20_000 });
    const dateCell = (await shown(page, '.q-row .q-date')).trim();
    report(`date column: «${dateCell}»`);
    assert.equal(dateCell, TRUTH.date, 'the day once, not the same ISO day twice');
    await clickOn(page, '.q-row .q-quote');
    await page.waitForSelector('.q-detail:not([hidden]) .q-detail-citation');
    const citation = await page.locator('.q-detail-citation').evaluate((p) => p.firstChild?.textContent ?? '');
    report(`citation: «${citation}»`);
    // Strip the bidi isolates the citation carries around right-to-left parts before comparing.
    const plain = citation.replace(/[\u2066-\u2069]/g, '');
    assert.ok(TRUTH.site.some((s) => plain.includes(s)), 'the site');
    assert.ok(plain.includes(`"${TRUTH.headline}"`), 'the headline, in quotation marks');
    assert.ok(plain.includes(TRUTH.dateShown), 'the date');
    assert.ok(plain.endsWith(TRUTH.url), 'the address, at the end');
    // Where the eye finds the punctuation: the quotation marks at the outer ends of the headline,
    // its first word at the right (it reads right to left), the comma after the closing mark.
    const drawn = await page.locator('.q-detail-citation').evaluate((p, headline) => {
      const text = p.firstChild as Text;
      const at = text.data.indexOf(headline);
      const open = text.data.lastIndexOf('"', at);
      const close = text.data.indexOf('"', at + headline.length);
      // No named functions in here: the test runner's transform would wrap them in a helper the page lacks.
      const spans: Record<string, [number, number]> = { open: [open, open + 1], whole: [at, at + headline.length], first: [at, at + 1], last: [at + headline.length - 1, at + headline.length], close: [close, close + 1], comma: [close + 1, close + 2] };
      const out: Record<string, { left: number; right: number }> = {};
      for (const [name, [from, to]] of Object.entries(spans)) {
        const r = document.createRange();
        r.setStart(text, from);
        r.setEnd(text, to);
        const b = r.getBoundingClientRect();
        out[name] = { left: Math.round(b.left), right: Math.round(b.right) };
      }
      return out as Record<'open' | 'whole' | 'first' | 'last' | 'close' | 'comma', { left: number; right: number }>;
    }, TRUTH.headline);
    report(`citation drawn: ${JSON.stringify(drawn)}`);
    assert.ok(drawn.open.right <= drawn.whole.left + 1, 'the opening mark is at the headline’s left, where an English line opens a quotation');
    assert.ok(drawn.close.left >= drawn.whole.right - 1, 'the closing mark is at its right');
    assert.ok(drawn.comma.left >= drawn.close.right - 1, 'the comma follows the closing mark');
    assert.ok(drawn.first.left > drawn.last.left, 'the headline reads right to left inside its marks');
    await shots(page, 'saved-page-quotation');
    // The citation line alone, at its own size, to read its punctuation by eye.
    const closeUp = join(OUTPUT_DIR, 'saved-page-citation.png');
    await page.locator('.q-detail-citation').screenshot({ path: closeUp });
    report(`screenshots: ${closeUp}`);
  });
});
