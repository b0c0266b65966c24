// The article details editor in a real Chromium against the harness (issue 4): the detected
// headline, outlet, date and boilerplate lines are shown, corrected, kept in the sidecar
// across a restart, and put back to the detected values on request.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Sidecar } from '../../annotations/model/types';
import { findChromium, NO_CHROMIUM, screenshot, useSession, type Session } from './browser-env';
import { isShown, waitShown } from './test-hooks';

const skip = findChromium() ? false : NO_CHROMIUM;
const FA = '000_4b15f26e11b27dea.txt';
const NEWS_CODE = 'کد خبر: 626824';

async function openArticle(page: Page, file: string): Promise<void> {
  // Clicking the open article opens it again and redraws its header under the test's feet.
  if (await isShown(page, file)) return;
  await page.click(`li.article[data-file="${file}"]`);
  await waitShown(page, file);
}

/** The sheet is linked from index.html; until it is, the test links it the same way. */
async function linkStyles(page: Page): Promise<void> {
  const linked = await page.evaluate(() => !!document.querySelector('link[rel="stylesheet"][href$="quotations.css"]'));
  if (!linked) await page.addStyleTag({ url: 'styles/quotations.css' });
}

async function openEditor(page: Page): Promise<void> {
  await linkStyles(page);
  const button = page.locator('.article-head button.edit-metadata');
  assert.equal(await button.count(), 1, 'the reader header has an "Edit details…" button (renderer/app/reading-controller.ts opens openMetadataEditor with it)');
  await button.click();
  await page.waitForSelector('dialog.metadata-editor[open]');
}

async function save(page: Page): Promise<void> {
  await page.click('dialog.metadata-editor .md-save');
  await page.waitForSelector('dialog.metadata-editor', { state: 'detached' });
}

function line(text: string): string {
  return `dialog.metadata-editor .md-line:has(.md-line-text:text-is("${text}"))`;
}

async function sidecar(session: Session, file: string): Promise<Sidecar> {
  return JSON.parse(await readFile(join(session.corpus, `${file}.annotations.json`), 'utf8')) as Sidecar;
}

describe('correcting an article’s details', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s));

  test('the editor shows what was detected: headline, outlet, no date, and the boilerplate lines ticked', async () => {
    const page = session.page;
    await openArticle(page, FA);
    await openEditor(page);
    assert.equal(await page.inputValue('.md-headline'), 'رئیسجمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول در منطقه و جهان است');
    assert.equal(await page.getAttribute('.md-headline', 'dir'), 'rtl');
    assert.equal(await page.inputValue('.md-outlet'), 'ایسکانیوز');
    assert.equal(await page.inputValue('.md-original'), '');
    assert.equal(await page.isChecked(`${line(NEWS_CODE)} input`), true);
    assert.equal(await page.textContent(`${line(NEWS_CODE)} .md-line-tag`), 'detected');
    assert.equal(await page.isChecked(`${line('رئیسجمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول در منطقه و جهان است')} input`), false);
    const align = await page.$eval(`${line(NEWS_CODE)} .md-line-text`, (el) => getComputedStyle(el).textAlign);
    assert.equal(align, 'right');
    await page.fill('.md-original', '۲۲ شهریور ۱۴۰۰');
    // The app parses what was typed (an API call), so the ISO field fills in a moment later.
    await page.waitForFunction(() => (document.querySelector('.md-iso') as HTMLInputElement | null)?.value !== '', undefined, { timeout: 5000 }).catch(() => {});
    assert.equal(await page.inputValue('.md-iso'), '2021-09-13', 'the ISO date follows the date as written');
    await page.$eval(line(NEWS_CODE), (li) => li.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'metadata-editor.png');
    await page.click('dialog.metadata-editor .md-cancel');
    await page.waitForSelector('dialog.metadata-editor', { state: 'detached' });
    assert.deepEqual((await sidecar(session, FA).catch(() => null))?.metadata ?? {}, {}, 'cancel saves nothing');
  });

  test('a corrected outlet and date and an unmarked boilerplate line are kept after a restart, in the sidecar', async () => {
    let page = session.page;
    await openArticle(page, FA);
    await openEditor(page);
    await page.fill('.md-outlet', 'خبرگزاری ایسکا');
    await page.fill('.md-original', '۲۲ شهریور ۱۴۰۰');
    await page.uncheck(`${line(NEWS_CODE)} input`);
    assert.equal(await page.textContent(`${line(NEWS_CODE)} .md-line-tag`), 'unmarked by you');
    await save(page);
    await page.waitForFunction(() => document.querySelector('.article-head .outlet')?.textContent === 'خبرگزاری ایسکا');

    const stored = (await sidecar(session, FA)).metadata;
    assert.equal(stored.outlet, 'خبرگزاری ایسکا');
    assert.deepEqual(stored.date, { iso: '2021-09-13', original: '۲۲ شهریور ۱۴۰۰' });
    const newsCode = (await readFile(join(session.corpus, FA), 'utf8')).indexOf(NEWS_CODE);
    assert.deepEqual(stored.furniture, [{ start: newsCode, text: NEWS_CODE, on: false }], 'only the line the user changed, by its position');
    assert.equal(stored.boilerplate, undefined);
    assert.equal(stored.headline, undefined, 'an unchanged field stores nothing');

    page = await session.reload();
    await openArticle(page, FA);
    assert.equal(await page.textContent('.article-head .outlet'), 'خبرگزاری ایسکا');
    assert.match(await page.textContent('.article-head .date') ?? '', /۲۲ شهریور ۱۴۰۰.*2021-09-13/);
    const para = await page.$eval(`.reading-text .para:text-is("${NEWS_CODE}")`, (p) => p.classList.contains('boilerplate'));
    assert.equal(para, false, 'the unmarked line is no longer dimmed');
    await openEditor(page);
    assert.equal(await page.inputValue('.md-outlet'), 'خبرگزاری ایسکا');
    assert.equal(await page.inputValue('.md-iso'), '2021-09-13');
    assert.equal(await page.isChecked(`${line(NEWS_CODE)} input`), false);
    await page.click('dialog.metadata-editor .md-cancel');
  });

  test('"use detected" puts the detected outlet back and removes the correction', async () => {
    const page = session.page;
    await openArticle(page, FA);
    await openEditor(page);
    await page.click('.md-reset-outlet');
    assert.equal(await page.inputValue('.md-outlet'), 'ایسکانیوز');
    await page.click('.md-reset-lines');
    assert.equal(await page.isChecked(`${line(NEWS_CODE)} input`), true);
    await save(page);
    await page.waitForFunction(() => document.querySelector('.article-head .outlet')?.textContent === 'ایسکانیوز');
    const stored = (await sidecar(session, FA)).metadata;
    assert.equal(stored.outlet, undefined);
    assert.equal(stored.boilerplate, undefined);
    assert.equal(stored.furniture, undefined);
    assert.deepEqual(stored.date, { iso: '2021-09-13', original: '۲۲ شهریور ۱۴۰۰' }, 'the date correction stays');
    assert.equal(await page.$eval(`.reading-text .para:text-is("${NEWS_CODE}")`, (p) => p.classList.contains('boilerplate')), true);
  });

  test('an ISO date that names no real day is refused with a message', async () => {
    const page = session.page;
    await openEditor(page);
    await page.fill('.md-iso', '2021-02-30');
    await page.click('dialog.metadata-editor .md-save');
    assert.match(await page.textContent('dialog.metadata-editor .error') ?? '', /ISO date/);
    assert.equal(await page.isVisible('dialog.metadata-editor'), true);
    await page.click('dialog.metadata-editor .md-cancel');
  });
});
