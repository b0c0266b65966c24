// Exports as a person makes them: the quotations as CSV from the quotation browser and an
// XLIFF of a Persian and an Arabic article from side by side, with the mouse. What the person
// gets is the download (its bytes are the export) and a message that names the file.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Download, Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM, type Session, useSession, waitReady } from '../browser/browser-env';
import { clickOn, press, screenshotsAtBothSizes } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;
const FA = '000_4b15f26e11b27dea.txt';
const AR = '002_b7e8f03d4cd73c5b.txt';
const FA_QUOTE = 'نخستوزیر عراق';
const AR_QUOTE = 'دعم إيران للعراق';

/** Clicks `selector` and returns the download it starts, with its bytes. */
async function downloadFrom(page: Page, selector: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), clickOn(page, selector)]);
  return { download, bytes: await readFile((await download.path())!) };
}

/** The message on screen once it names `name`. */
async function messageNaming(page: Page, name: string): Promise<string> {
  await page.waitForFunction((n) => (document.querySelector('.toast:not([hidden])')?.textContent ?? '').includes(n), name, { timeout: 20_000 });
  return (await page.locator('.toast').textContent()) ?? '';
}

/** The label the person reads on a drop-down. */
function shownChoice(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
}

/** Picks the option whose label contains `text` with the keyboard, as a person does on a focused drop-down. */
async function chooseWithKeys(page: Page, selector: string, text: string): Promise<void> {
  await clickOn(page, selector);
  await press(page, 'Escape');
  await press(page, 'Home');
  for (let i = 0; i < 40 && !(await shownChoice(page, selector)).includes(text); i++) await press(page, 'ArrowDown');
  assert.ok((await shownChoice(page, selector)).includes(text), `the drop-down shows ${text}`);
}

describe('exports say where they went', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s));

  test('quotations exported as CSV: the download holds the Persian and Arabic quotations and the message names it', { timeout: 120_000 }, async () => {
    const ws = session.harness.workspace;
    for (const [file, quote, gloss] of [
      [FA, FA_QUOTE, 'Iraqi prime minister'],
      [AR, AR_QUOTE, 'Iran’s support for Iraq'],
    ] as const) {
      const text = (await ws.openArticle(file)).text;
      const start = text.indexOf(quote);
      assert.ok(start >= 0, `${quote} is in ${file}`);
      await ws.createAnnotation(file, { start, end: start + quote.length, tags: ['place'], gloss, note: '' });
    }
    await ws.flush();
    const page = await session.reload();
    await waitReady(page);

    await clickOn(page, '.tab-quotations');
    await page.waitForFunction((q) => [...document.querySelectorAll('.q-row .q-quote')].some((e) => e.textContent === q), AR_QUOTE, { timeout: 20_000 });
    await clickOn(page, '.q-export');
    await page.waitForSelector('dialog.q-export-dialog[open]');
    assert.match(await shownChoice(page, '.q-export-format'), /^CSV/);
    const { download, bytes } = await downloadFrom(page, '.q-export-go');
    const name = download.suggestedFilename();
    assert.match(name, /\.csv$/);
    assert.equal(await messageNaming(page, name), `Downloaded ${name}.`);
    const rows = parse(bytes.toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    const cells = rows.flatMap((r) => Object.values(r));
    for (const expected of [FA_QUOTE, AR_QUOTE, 'Iraqi prime minister', 'Iran’s support for Iraq']) assert.ok(cells.includes(expected), `the CSV holds ${expected}`);
    const shots = await screenshotsAtBothSizes(page, 'journey-export-quotations');
    console.log(`screenshots: ${shots.join(', ')}`);
  });

  test('an XLIFF exported from side by side for a Persian and an Arabic article: the download is the article\'s XLIFF and the message names it', { timeout: 120_000 }, async () => {
    const page = session.page;
    await clickOn(page, '.tab-side-by-side');
    await page.waitForSelector('.side-by-side-view[aria-busy="false"]', { timeout: 30_000 });
    for (const file of [FA, AR]) {
      if (!(await shownChoice(page, '.pick-0')).includes(file)) {
        await chooseWithKeys(page, '.pick-0', file);
        await page.waitForSelector('.side-by-side-view[aria-busy="false"]', { timeout: 30_000 });
      }
      assert.match(await shownChoice(page, '.export-format'), /^XLIFF/);
      const { download, bytes } = await downloadFrom(page, '.export-translation');
      const name = download.suggestedFilename();
      assert.equal(name, file.replace(/\.txt$/, '.xlf'));
      assert.equal(await messageNaming(page, name), `Downloaded ${name}.`);
      const xml = bytes.toString('utf8');
      assert.match(xml, /<xliff [^>]*version="2.1"/);
      // The article's own opening words are the first segment's source.
      const article = await readFile(join(session.corpus, file), 'utf8');
      const firstWords = article.trim().split(/\s+/).slice(0, 3).join(' ');
      assert.ok(xml.includes(firstWords), `the XLIFF holds «${firstWords}»`);
      if (file === AR) console.log(`screenshots: ${(await screenshotsAtBothSizes(page, 'journey-export-xliff')).join(', ')}`);
    }
  });
});
