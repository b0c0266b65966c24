// Journey (issue 13): a real page that names two outlets as its publisher (Mir News on its
// masthead, Tasnim in the lead's «به گزارش … تسنیم»; Youm7 in its follow line, Reuters in the
// dateline). The person opens Edit details…, reads the choices with where each was read, picks
// the other outlet with the mouse and saves: the byline and the sidecar name it. A text with no
// headline shows its first sentence in the list, marked as not a headline.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findChromium, NO_CHROMIUM, useSession, type Session } from '../browser/browser-env';
import { sidecarOnDisk } from '../browser/test-hooks';
import { clickOn, openArticle, pause, screenshotsAtBothSizes } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;
const FIELD = new URL('../fixtures/field/', import.meta.url);

const ARTICLES = [
  { language: 'Persian', from: 'fa/mirnews-1.txt', file: 'mirnews.txt', detected: 'میرنیوز', other: 'خبرگزاری تسنیم', otherEvidence: 'attribution' },
  { language: 'Arabic', from: 'ar/youm7-1.txt', file: 'youm7.txt', detected: 'صحيفة اليوم السابع', other: 'رويترز', otherEvidence: 'dateline' },
];
const UNTITLED = { from: 'ar/spa-1.txt', file: 'spa.txt' };
const TAILED = { from: 'ar/alarabiya-1.txt', file: 'alarabiya.txt', headline: 'بنك "ستاندرد تشارترد" يبدأ تقديم خدماته المصرفية في السعودية' };

describe('choosing the publisher among the outlets a page names', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s), {
    viewport: { width: 1440, height: 900 },
    prepare: async (corpus) => {
      for (const a of [...ARTICLES, UNTITLED, TAILED]) await copyFile(new URL(a.from, FIELD), join(corpus, a.file));
    },
  });

  for (const a of ARTICLES) {
    test(`${a.language}: the details editor offers both outlets with where each was read; the one picked is saved`, async () => {
      const page = session.page;
      // The list is drawn again when the previous save reaches the folder watcher: a person
      // waits for it to settle before clicking the next row.
      await page.waitForLoadState('networkidle');
      await pause(800);
      await openArticle(page, a.file);
      assert.equal((await page.textContent('.article-head .byline .outlet'))?.trim(), a.detected, 'the byline names the likelier publisher');

      await clickOn(page, '.article-head button.edit-metadata');
      await page.waitForSelector('dialog.metadata-editor[open]', { timeout: 10_000 });
      const choices = page.locator('dialog.metadata-editor .md-outlet-choices');
      await choices.waitFor({ timeout: 5000 });
      const said = (await choices.innerText()).replace(/\s+/g, ' ');
      assert.match(said, /More than one outlet reads as the publisher; pick one:/);
      assert.ok(said.includes(a.detected) && said.includes(a.other), `both outlets offered: ${said}`);
      assert.ok(said.includes(a.otherEvidence), `where the other was read is said: ${said}`);
      await screenshotsAtBothSizes(page, `outlet-choice-${a.language.toLowerCase()}`);

      await clickOn(page, `dialog.metadata-editor .md-outlet-choice:has-text("${a.other}")`);
      await pause(100);
      assert.equal(await page.inputValue('dialog.metadata-editor input.md-outlet'), a.other, 'the field takes the outlet picked');
      await clickOn(page, 'dialog.metadata-editor .md-save');
      await page.waitForSelector('dialog.metadata-editor', { state: 'detached', timeout: 10_000 });
      await page.waitForFunction((name) => document.querySelector('.article-head .byline .outlet')?.textContent?.trim() === name, a.other, { timeout: 10_000 });

      const stored = (await sidecarOnDisk(session.corpus, a.file)).metadata;
      assert.equal(stored.outlet, a.other, 'the sidecar keeps the outlet the person picked');
    });
  }

  test('a text with no headline shows its first sentence in the list, marked as not a headline', async () => {
    const page = session.page;
    const row = page.locator(`li.article[data-file="${UNTITLED.file}"] .headline`);
    await row.waitFor({ timeout: 10_000 });
    assert.equal(await row.getAttribute('title'), 'No headline in the text: its first sentence');
    assert.equal(await row.evaluate((el) => getComputedStyle(el).fontStyle), 'italic');
    assert.match((await row.textContent()) ?? '', /^الرياض 14 جمادى الآخرة 1444 هـ/);
    const titled = page.locator(`li.article[data-file="${ARTICLES[0].file}"] .headline`);
    assert.equal(await titled.getAttribute('title'), null, 'a real headline is not marked');
    await screenshotsAtBothSizes(page, 'untitled-in-list');
    // Opened, the reading view's heading says the same.
    await page.waitForLoadState('networkidle');
    await openArticle(page, UNTITLED.file);
    const h1 = page.locator('.article-head h1.headline');
    assert.equal(await h1.getAttribute('title'), 'No headline in the text: its first sentence');
    assert.equal(await h1.evaluate((el) => getComputedStyle(el).fontStyle), 'italic');
    await screenshotsAtBothSizes(page, 'untitled-reading');
  });

  test("a page title's site name glued to the headline line is drawn as furniture, and left out of the headline", async () => {
    const page = session.page;
    await page.waitForLoadState('networkidle');
    await openArticle(page, TAILED.file);
    assert.equal((await page.textContent('.article-head h1.headline'))?.trim(), TAILED.headline);
    const tail = page.locator('.reading-text .furniture-tail').first();
    await tail.waitFor({ timeout: 5000 });
    assert.equal((await tail.textContent())?.trim().replace(/^[-–]\s*/u, ''), 'العربية');
    const [tailColour, lineColour] = await tail.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.closest('.para')!).color]);
    assert.notEqual(tailColour, lineColour, 'the tail is dimmed, the line is not');
    await screenshotsAtBothSizes(page, 'furniture-tail-arabic');
  });
});
