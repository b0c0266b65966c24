// The reading view's header for a saved web page (issue 23): the publication time the page
// declares is shown as a day, as other dates are, not as a raw ISO timestamp; there is no
// encoding menu (a page declares its own charset); the page's address is shown as link-looking
// text that a click selects for copying and that never takes the window anywhere.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM, screenshot, useSession, type Session } from './browser-env';
import { waitShown } from './test-hooks';

const skip = findChromium() ? false : NO_CHROMIUM;
const PAGE = 'ar_01_youm7_magichtml.html';
const TXT = '000_4b15f26e11b27dea.txt';
/** From test/fixtures/pages/truth.json; the page's head gives `article:published_time` 2024-05-20T07:00:00Z. */
const URL_OF_PAGE = 'https://www.youm7.com/story/2024/5/20/وزارة-العمل-تفاصيل-تسفير-5-آلاف-عامل-مصرى-لليونان-للعمل/6574622';

async function open(page: Page, file: string): Promise<void> {
  await page.click(`li.article[data-file="${file}"]`);
  await waitShown(page, file);
  await page.waitForFunction((f) => document.querySelector('.article-head .file')?.textContent === f, file);
}

describe('the reading view’s header for a saved page', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s), {
    viewport: { width: 1440, height: 900 },
    prepare: (corpus) => copyFile(fileURLToPath(new URL(`../fixtures/pages/${PAGE}`, import.meta.url)), join(corpus, PAGE)),
  });

  test('the page’s declared time is shown as its day, not as a raw ISO timestamp', async () => {
    const page = session.page;
    await open(page, PAGE);
    const date = page.locator('.article-head .date');
    const shown = (await date.innerText()).trim();
    console.log(`  date shown: «${shown}», tooltip «${await date.getAttribute('title')}»`);
    assert.equal(shown, '20 May 2024');
    assert.doesNotMatch(shown, /T\d\d:/, 'no raw timestamp');
    assert.equal(await date.getAttribute('title'), 'The page gives 2024-05-20T07:00:00Z');
  });

  test('a page has no encoding menu; a plain-text article keeps it', async () => {
    const page = session.page;
    assert.equal(await page.locator('.article-head select.encoding').count(), 0, 'no encoding menu for a page');
    await open(page, TXT);
    assert.equal(await page.locator('.article-head select.encoding').count(), 1, 'a .txt article can still be read in another encoding');
    assert.equal(await page.locator('.article-head .address').count(), 0, 'a plain text has no address');
    await open(page, PAGE);
  });

  test('the page’s address is shown; a click selects it for copying and the window stays where it is', async () => {
    const page = session.page;
    const address = page.locator('.article-head .address');
    assert.equal(await address.innerText(), URL_OF_PAGE);
    assert.equal(await address.evaluate((e) => e.tagName), 'BDI', 'text, not a link the window could follow');
    assert.equal(await page.locator('.article-head a[href]').count(), 0);
    const before = page.url();
    let navigated = false;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigated = true;
    });
    await address.click();
    await page.waitForTimeout(300);
    assert.equal(page.url(), before);
    assert.equal(navigated, false, 'no navigation');
    assert.equal(await page.evaluate(() => document.getSelection()?.toString()), URL_OF_PAGE, 'one click selects the whole address');
    // The Arabic slug reads in place: the story number after it is drawn to its right, as in the address.
    const order = await address.evaluate((el) => {
      const slug = el.querySelector('bdi')!.getBoundingClientRect();
      const last = el.lastChild as Text;
      const r = document.createRange();
      r.setStart(last, 0);
      r.setEnd(last, last.data.length);
      return { slugRight: slug.right, numberLeft: r.getBoundingClientRect().left, number: last.data };
    });
    assert.equal(order.number, '6574622');
    assert.ok(order.numberLeft >= order.slugRight - 1, `the number follows the slug at its right: ${JSON.stringify(order)}`);
    const box = (await address.boundingBox())!;
    const head = (await page.locator('.article-head').boundingBox())!;
    assert.ok(box.x >= head.x && box.x + box.width <= head.x + head.width + 1, 'the address stays inside the header');
    await page.setViewportSize({ width: 900, height: 700 });
    const narrow = (await address.boundingBox())!;
    const narrowHead = (await page.locator('.article-head').boundingBox())!;
    assert.ok(narrow.x + narrow.width <= narrowHead.x + narrowHead.width + 1, 'at 900 px the address is cut with an ellipsis, inside the header');
    console.log(`  screenshots: ${await screenshot(page, 'reading-page-head-900x700.png')}`);
    await page.setViewportSize({ width: 1440, height: 900 });
    console.log(`  screenshots: ${await screenshot(page, 'reading-page-head-1440x900.png')}`);
  });
});
