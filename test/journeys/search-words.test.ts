// Journey (issue 13): searching as a reader means it. The person types «گفت و گو» into the box and
// sees only the word in its spellings (never the letter و inside other words), then types «رئيس»,
// sees الرئيس and للرئيس among the hits, ticks "whole word" with the mouse and sees them go.
// Judged by the marked words on screen; nothing is asked of the API.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM, useSession, type Session } from '../browser/browser-env';
import { foldKey } from '../../corpus/text/normalise';
import { clickOn, pause, press, screenshotsAtBothSizes, type } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;

/** The words marked in the results list, and the count the status line gives, once they agree and there are some. */
async function marksOnScreen(page: Page): Promise<{ count: number; marks: string[] }> {
  await page.waitForFunction(() => {
    const status = document.querySelector('.search-status')?.textContent ?? '';
    const n = /^(\d+) hits?/.exec(status)?.[1];
    // Every query here has hits: `0 hits` is the index still filling in on a first start.
    return n !== undefined && Number(n) > 0 && document.querySelectorAll('li.hit mark').length === Number(n);
  }, null, { timeout: 15_000 });
  const count = Number(/^(\d+)/.exec((await page.textContent('.search-status')) ?? '')![1]);
  return { count, marks: await page.$$eval('li.hit mark', (ms) => ms.map((m) => m.textContent ?? '')) };
}

async function searchFor(page: Page, words: string): Promise<void> {
  await clickOn(page, 'input.search-box');
  await press(page, 'Control+a', 'Backspace');
  await type(page, words);
  await pause(400);
}

const bare = (s: string): string => foldKey(s).replace(/[\s\u200C]+/g, '');

describe('search finds words as a reader means them', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s), {
    viewport: { width: 1440, height: 900 },
    // The sample articles and the real passages the search rules are tested on.
    prepare: async (corpus) => {
      const field = new URL('../fixtures/search-field/', import.meta.url);
      for (const f of (await readdir(field)).filter((n) => n.endsWith('.txt'))) await copyFile(new URL(f, field), join(corpus, f));
    },
  });

  test('«گفت و گو» finds the word in every spelling and no lone و inside other words', async () => {
    const page = session.page;
    await searchFor(page, 'گفت و گو');
    const { count, marks } = await marksOnScreen(page);
    assert.ok(count > 0);
    for (const m of marks) assert.match(bare(m), /^گفتوگو(?:ی)?$/u, `a hit is the word, not a letter inside another: «${m}»`);
    await screenshotsAtBothSizes(page, 'search-sequence-persian');
  });

  test('«رئيس» finds الرئيس and للرئيس; ticking whole word with the mouse keeps only رئيس itself', async () => {
    const page = session.page;
    await searchFor(page, 'رئيس');
    const forms = await marksOnScreen(page);
    assert.ok(forms.marks.some((m) => bare(m) === bare('الرئيس')), 'the article form');
    assert.ok(forms.marks.some((m) => bare(m) === bare('للرئيس')), 'ل with the article');
    await screenshotsAtBothSizes(page, 'search-word-forms-arabic');

    await clickOn(page, 'input.whole-word');
    await page.waitForFunction((n) => !(document.querySelector('.search-status')?.textContent ?? '').startsWith(`${n} hit`), forms.count, { timeout: 10_000 });
    const whole = await marksOnScreen(page);
    assert.ok(whole.count > 0 && whole.count < forms.count, `${whole.count} of ${forms.count}`);
    for (const m of whole.marks) assert.equal(bare(m), bare('رئیس'), `only the word itself: «${m}»`);
    await screenshotsAtBothSizes(page, 'search-whole-word');
    await clickOn(page, 'input.whole-word');
  });
});
