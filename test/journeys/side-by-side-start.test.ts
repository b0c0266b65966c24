// Journey: side by side starts from the article being read. A person clicks an article in the
// list, reads it, clicks the Side by side tab and finds that article in the first column and
// its English translation in the second; a pairing they saved with another text wins; when
// they switch article in Read and come back, the view follows. Persian, and Arabic.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM, useSession, type Session } from '../browser/browser-env';
import { waitShown } from '../browser/test-hooks';
import { clickOn, pause, screenshotsAtBothSizes } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;
const FA = '000_4b15f26e11b27dea.txt';
const FA_EN = '000_4b15f26e11b27dea.en.txt';
const FA2 = '004_df093c946d86f816.txt';
const FA2_EN = '004_df093c946d86f816.en.txt';
const AR = 'ar_flood_basra.txt';
const AR_EN = 'ar_flood_basra.en.txt';

const AR_HEADLINE = 'أمطار غزيرة تغرق شوارع البصرة وتعطل الدوام الرسمي';
const AR_TEXT = `${AR_HEADLINE}

البصرة – وكالات

غمرت مياه الأمطار الغزيرة التي هطلت على محافظة البصرة، اليوم الأحد، عدداً من الشوارع الرئيسية والأحياء السكنية، ما دفع الحكومة المحلية إلى تعطيل الدوام الرسمي في الدوائر الحكومية والمدارس.

وقال محافظ البصرة في بيان إن فرق الدفاع المدني والبلدية تعمل منذ ساعات الفجر على سحب المياه من الأحياء المتضررة، مشيراً إلى أن كمية الأمطار تجاوزت المعدلات المسجلة في السنوات الخمس الماضية.

وأضاف البيان أن مديرية الكهرباء قطعت التيار عن بعض المناطق حفاظاً على سلامة المواطنين، على أن يعاد تدريجياً بعد انحسار المياه.
`;
const AR_EN_HEADLINE = 'Heavy rain floods the streets of Basra and halts official working hours';
const AR_EN_TEXT = `${AR_EN_HEADLINE}

Basra – agencies

Heavy rain that fell on Basra province on Sunday flooded a number of main streets and residential neighbourhoods, prompting the local government to suspend official working hours in government offices and schools.

The governor of Basra said in a statement that civil defence and municipal teams have been working since dawn to pump water out of the affected neighbourhoods, noting that the amount of rain exceeded the rates recorded over the past five years.

The statement added that the electricity directorate cut power to some areas to keep citizens safe, and that it would be restored gradually once the water recedes.
`;

/** Clicks the article's row in the list and waits until its text is shown for reading. */
async function readArticle(page: Page, file: string): Promise<void> {
  await clickOn(page, '.tab-read');
  await page.waitForSelector('.read-view:not([hidden])');
  await clickOn(page, `li.article[data-file="${file}"]`);
  await waitShown(page, file);
  await page.waitForFunction(() => (document.querySelector('.reading')?.textContent ?? '').trim().length > 100);
  await pause(300);
}

/** Clicks the Side by side tab and waits until the view shows its texts. */
async function openSideBySide(page: Page): Promise<void> {
  await clickOn(page, '.tab-side-by-side');
  await page.waitForSelector('.side-by-side-view:not([hidden])[aria-busy="false"]', { timeout: 30_000 });
}

/** The columns as the person sees them: each one's title and the start of its text. */
function columnsOnScreen(page: Page): Promise<Array<{ title: string; text: string }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.side-by-side-view .sbs-col')]
      .filter((c) => (c as HTMLElement).offsetParent !== null)
      .map((c) => ({
        title: c.querySelector('.col-title')?.textContent?.trim() ?? '',
        text: (c.querySelector('.col-text')?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 400),
      })),
  );
}

const firstLine = (text: string) => text.split('\n').find((l) => l.trim())!.trim();

async function expectColumns(page: Page, first: string, second: string): Promise<void> {
  const want = [first, second].map((t) => firstLine(t).slice(0, 30));
  await page
    .waitForFunction(
      (w) => {
        const cols = [...document.querySelectorAll('.side-by-side-view .sbs-col')].map((c) => (c.querySelector('.col-text')?.textContent ?? '').replace(/\s+/g, ' '));
        return cols.length >= 2 && cols[0]!.includes(w[0]!) && cols[1]!.includes(w[1]!);
      },
      want,
      { timeout: 20_000 },
    )
    .catch(() => undefined);
  const cols = await columnsOnScreen(page);
  assert.equal(cols.length, 2, `two columns on screen: ${JSON.stringify(cols)}`);
  assert.ok(cols[0]!.text.includes(want[0]!), `first column shows «${want[0]}»: ${cols[0]!.text.slice(0, 80)}`);
  assert.ok(cols[1]!.text.includes(want[1]!), `second column shows «${want[1]}»: ${cols[1]!.text.slice(0, 80)}`);
}

describe('side by side starts from the article being read', { skip }, () => {
  let session: Session;
  const texts: Record<string, string> = {};
  useSession((s) => (session = s), {
    viewport: { width: 1440, height: 900 },
    prepare: async (corpus) => {
      await writeFile(join(corpus, AR), AR_TEXT);
      await writeFile(join(corpus, AR_EN), AR_EN_TEXT);
      for (const f of [FA, FA_EN, FA2, FA2_EN]) texts[f] = await readFile(join(corpus, f), 'utf8');
      texts[AR] = AR_TEXT;
      texts[AR_EN] = AR_EN_TEXT;
    },
  });

  test('Persian: read an article, click Side by side, and it is there beside its English translation', async () => {
    const page = session.page;
    await readArticle(page, FA2);
    await openSideBySide(page);
    await expectColumns(page, texts[FA2]!, texts[FA2_EN]!);
    const cols = await columnsOnScreen(page);
    assert.match(cols[0]!.title, /[\u0600-\u06FF]/, 'the first column is headed by the Persian headline');
    assert.match(cols[1]!.title, /[A-Za-z]{3}/, 'the second column is headed by the English headline');
    await screenshotsAtBothSizes(page, 'journey-sbs-start-fa');
  });

  test('switching article in Read and coming back: the view follows the new article', async () => {
    const page = session.page;
    await readArticle(page, FA);
    await openSideBySide(page);
    await expectColumns(page, texts[FA]!, texts[FA_EN]!);
  });

  test('Arabic: an Arabic article opens beside its English translation', async () => {
    const page = session.page;
    await readArticle(page, AR);
    await openSideBySide(page);
    await expectColumns(page, AR_TEXT, AR_EN_TEXT);
    const cols = await columnsOnScreen(page);
    assert.ok(cols[0]!.title.includes(AR_HEADLINE), `the first column is headed by the Arabic headline: ${cols[0]!.title}`);
    assert.ok(cols[1]!.title.includes(AR_EN_HEADLINE), `the second column by the English one: ${cols[1]!.title}`);
    await screenshotsAtBothSizes(page, 'journey-sbs-start-ar');
  });

  test('a pairing saved with another text wins over the translation, in Persian and in Arabic', async () => {
    const page = session.page;
    // Each time: the article, the text paired with it, and an article read in between (with the
    // partner it then shows: its translation, or the pairing saved just before).
    const rounds = [
      [FA, FA2, AR, AR_EN],
      [AR, FA2, FA, FA2],
    ] as const;
    for (const [file, other, away, awayPartner] of rounds) {
      // The person pairs the article with another report, with the pickers and the Pair button.
      await readArticle(page, file);
      await openSideBySide(page);
      await page.selectOption('.side-by-side-view .pick-1', other);
      await page.waitForSelector('.side-by-side-view[aria-busy="false"]');
      await expectColumns(page, texts[file]!, texts[other]!);
      await page.selectOption('.side-by-side-view .pair-kind', 'comparable');
      await clickOn(page, '.side-by-side-view .pair-these');
      await page.waitForFunction((o) => /Paired as comparable/.test(document.querySelector('.toast:not([hidden])')?.textContent ?? '') && document.querySelector('.toast')!.textContent!.includes(o), other);
      await page.waitForSelector('.side-by-side-view[aria-busy="false"]');
      // Away to read something else, then back to the paired article: the pairing is what opens.
      await readArticle(page, away);
      await openSideBySide(page);
      await expectColumns(page, texts[away]!, texts[awayPartner]!);
      await readArticle(page, file);
      await openSideBySide(page);
      await expectColumns(page, texts[file]!, texts[other]!);
    }
    // And the pairings are on disk, in the corpus settings, as the person made them.
    const settings = JSON.parse(await readFile(join(session.corpus, 'hashiya-corpus.json'), 'utf8')) as { pairings: Array<{ a: string; b: string; kind: string }> };
    for (const [file, other] of rounds) {
      assert.ok(settings.pairings.some((p) => p.kind === 'comparable' && [p.a, p.b].sort().join() === [file, other].sort().join()), `${file} ⇄ ${other} is saved`);
    }
  });
});
