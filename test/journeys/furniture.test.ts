// Journey (issue 11): a headline that the page repeats lower down, in a teaser block with no
// heading the furniture rules know (under «اخبار مرتبط» or «أخبار ذات صلة» they mark it themselves).
// The person opens Edit details…, ticks the repeated line with the mouse and saves: only that
// line is dimmed, the headline above stays as it was, and the sidecar keeps the mark by position.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM, useSession, type Session } from '../browser/browser-env';
import { sidecarOnDisk, waitShown } from '../browser/test-hooks';
import { pause, screenshotsAtBothSizes } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;

const FA_HEADLINE = 'ظریف: گفت‌وگوها با طرف‌های اروپایی ادامه دارد';
const FA_TEXT = [
  FA_HEADLINE,
  'خبرگزاری جمهوری اسلامی (ایرنا) - تهران',
  'وزیر امور خارجه ایران روز دوشنبه در نشست خبری گفت که گفت‌وگوها با طرف‌های اروپایی درباره برنامه هسته‌ای ادامه دارد و هیئت ایرانی هفته آینده پیشنهادهای تازه‌ای ارائه خواهد کرد.',
  'او افزود که جمهوری اسلامی ایران به تعهدات خود پایبند است و از طرف‌های مقابل انتظار دارد که به وعده‌های خود عمل کنند.',
  FA_HEADLINE,
  'قیمت نفت در بازارهای جهانی افزایش یافت',
].join('\n');
const AR_HEADLINE = 'وزير الخارجية: المحادثات مع الجانب الأوروبي مستمرة';
const AR_TEXT = [
  AR_HEADLINE,
  'وكالة الأنباء - القاهرة',
  'قال وزير الخارجية في مؤتمر صحفي يوم الاثنين إن المحادثات مع الجانب الأوروبي بشأن الملف النووي مستمرة، وإن الوفد سيقدم مقترحات جديدة الأسبوع المقبل.',
  'وأضاف أن بلاده ملتزمة بتعهداتها وتنتظر من الأطراف الأخرى أن تفي بوعودها، مشيرا إلى أن الحوار هو السبيل الوحيد لحل الخلافات.',
  AR_HEADLINE,
  'ارتفاع أسعار النفط في الأسواق العالمية',
].join('\n');

const ARTICLES = [
  { language: 'Persian', file: 'fa-related-news.txt', text: FA_TEXT, headline: FA_HEADLINE },
  { language: 'Arabic', file: 'ar-related-news.txt', text: AR_TEXT, headline: AR_HEADLINE },
];

/** A click where the element is drawn, after scrolling it into sight with the wheel as a person would. */
async function clickOnScreen(page: Page, selector: string, index = 0): Promise<void> {
  const target = page.locator(selector).nth(index);
  for (let i = 0; i < 40; i++) {
    const box = await target.boundingBox();
    const view = page.viewportSize()!;
    if (box && box.y >= 0 && box.y + box.height <= view.height) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 6 });
      await pause(80);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      return;
    }
    // The wheel over the dialog's list of lines (or the page) brings it nearer.
    const lines = page.locator('dialog.metadata-editor .md-lines');
    const list = (await lines.count()) > 0 ? await lines.boundingBox() : await page.locator('ol.article-list').boundingBox({ timeout: 2000 }).catch(() => null);
    if (list) await page.mouse.move(list.x + list.width / 2, Math.max(list.y, 0) + 40);
    await page.mouse.wheel(0, box && box.y < 0 ? -120 : 120);
    await pause(100);
  }
  throw new Error(`${selector} [${index}] never came into sight`);
}

/** For each paragraph on screen with exactly `text`: whether it is drawn dimmed (grey, smaller). */
function dimmedCopies(page: Page, text: string): Promise<boolean[]> {
  return page.evaluate((t) => {
    const paras = [...document.querySelectorAll<HTMLElement>('.reading-text .para')];
    const body = paras.find((p) => p.textContent !== t && p.textContent!.length > 40)!;
    const normal = getComputedStyle(body);
    return paras
      .filter((p) => p.textContent === t)
      .map((p) => {
        const s = getComputedStyle(p);
        return s.color !== normal.color && parseFloat(s.fontSize) < parseFloat(normal.fontSize);
      });
  }, text);
}

describe('a repeated headline line marked as page furniture', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s), {
    viewport: { width: 1440, height: 900 },
    prepare: async (corpus) => {
      for (const a of ARTICLES) await writeFile(join(corpus, a.file), a.text, 'utf8');
    },
  });

  for (const a of ARTICLES) {
    test(`${a.language}: ticking the repeated line dims that line only, and the sidecar marks it by position`, async () => {
      const page = session.page;
      // The list is drawn again when a previous save reaches the folder watcher: a person waits for it.
      await page.waitForLoadState('networkidle');
      await pause(800);
      await clickOnScreen(page, `li.article[data-file="${a.file}"]`);
      await waitShown(page, a.file);
      await page.waitForFunction((t) => [...document.querySelectorAll('.reading-text .para')].filter((p) => p.textContent === t).length === 2, a.headline, { timeout: 15_000 });
      assert.deepEqual(await dimmedCopies(page, a.headline), [false, false], 'before: neither copy is dimmed');

      await page.click('.article-head button.edit-metadata');
      await page.waitForSelector('dialog.metadata-editor[open]', { timeout: 10_000 });
      const copies = `dialog.metadata-editor .md-line:has(.md-line-text:text-is("${a.headline}"))`;
      assert.equal(await page.locator(copies).count(), 2, 'the editor lists both lines with the headline');
      await clickOnScreen(page, `${copies} input[type="checkbox"]`, 1);
      await page.locator(`${copies} .md-line-tag:text-is("marked by you")`).waitFor({ timeout: 5000 });
      assert.equal(await page.locator(copies).nth(1).locator('.md-line-tag').textContent(), 'marked by you');
      const ticks = await page.locator(`${copies} input[type="checkbox"]`).evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked));
      assert.deepEqual(ticks, [false, true], 'the headline above keeps no tick');
      await screenshotsAtBothSizes(page, `furniture-editor-${a.language.toLowerCase()}`);

      await page.click('dialog.metadata-editor .md-save');
      await page.waitForSelector('dialog.metadata-editor', { state: 'detached', timeout: 10_000 });
      await page.waitForFunction((t) => [...document.querySelectorAll('.reading-text .para.boilerplate')].some((p) => p.textContent === t), a.headline, { timeout: 10_000 });
      assert.deepEqual(await dimmedCopies(page, a.headline), [false, true], 'after: only the repeated line is dimmed');
      assert.equal(await page.textContent('.article-head h1.headline'), a.headline, 'the headline stays the headline');
      await screenshotsAtBothSizes(page, `furniture-reading-${a.language.toLowerCase()}`);

      const stored = (await sidecarOnDisk(session.corpus, a.file)).metadata;
      assert.deepEqual(stored.furniture, [{ start: a.text.lastIndexOf(a.headline), text: a.headline, on: true }]);
      assert.equal(stored.boilerplate, undefined, 'nothing keyed by the line’s text');
    });
  }
});
