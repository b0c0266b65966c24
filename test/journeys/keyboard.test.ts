// The keyboard alone (issue 11): from the article list to the text, a selection, the popover,
// Save, and back, with the focus always visible and never mistaken for the current article.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM, useSession, waitReady, type Session } from '../browser/browser-env';
import { waitSaved, waitShown } from '../browser/test-hooks';
import { press, screenshotsAtBothSizes, selectedText, type, withArabicArticle } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;
/** Each article's first word, which Shift+arrows select from the start of its text. */
const ARTICLES = [
  { name: 'Persian', file: '000_4b15f26e11b27dea.txt', word: 'رئیسجمهور', gloss: 'President' },
  { name: 'Arabic', file: '006_a7ab1c0de5e5a1ab.txt', word: 'العبادي', gloss: 'al-Abadi' },
];

interface FocusLook {
  where: string;
  outline: string;
  outlineWidth: number;
  boxShadow: string;
}

/** What the focused element looks like: how a person sees where the keyboard is. */
function focusLook(page: Page): Promise<FocusLook> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const where = el.matches('li.article') ? `article ${el.getAttribute('data-file')}` : el.matches('.reading-text') ? 'text' : `${el.tagName.toLowerCase()}.${el.className}`;
    return { where, outline: style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineColor}`, outlineWidth: parseFloat(style.outlineWidth), boxShadow: style.boxShadow };
  });
}

function assertVisible(look: FocusLook, what: string): void {
  assert.notEqual(look.outline, 'none', `${what}: the focus has an outline (${JSON.stringify(look)})`);
  assert.ok(look.outlineWidth >= 2, `${what}: the outline is at least 2px wide`);
}

/** Tab until the focus is where `arrived` says, as a person tabs on until they get there. */
async function tabTo(page: Page, arrived: (look: FocusLook) => boolean, limit = 40): Promise<FocusLook> {
  for (let i = 0; i < limit; i++) {
    await press(page, 'Tab');
    const look = await focusLook(page);
    if (arrived(look)) return look;
  }
  throw new Error('Tab never reached the place wanted');
}

describe('the keyboard alone', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s), {
    viewport: { width: 1440, height: 900 },
    prepare: withArabicArticle(ARTICLES[1]!.file),
  });

  for (const { name, file, word, gloss } of ARTICLES) test(`${name}: from the list to the text, a selection, the popover, Save, and Escape back`, async () => {
    const page = session.page;
    // Each journey starts from a freshly loaded window, the focus at its top.
    await page.reload();
    await waitReady(page);
    // The list: each article takes the focus in turn, outlined in a colour other than the current article's bar.
    const onOther = await tabTo(page, (l) => l.where.startsWith('article ') && l.where !== `article ${file}`);
    assertVisible(onOther, 'an article in the list');
    const current = await page.evaluate(() => {
      const el = document.querySelector('li.article.current');
      if (!el || el === document.activeElement) return null;
      const s = getComputedStyle(el);
      return { outline: s.outlineStyle, boxShadow: s.boxShadow };
    });
    if (current) {
      assert.equal(current.outline, 'none', 'the current article, not focused, has no focus outline');
      assert.ok(!onOther.outline.includes(current.boxShadow.split(') ')[0]!), 'focus and current look different');
    }
    const onArticle = await tabTo(page, (l) => l.where === `article ${file}`);
    assertVisible(onArticle, 'the article to open');
    await screenshotsAtBothSizes(page, `keyboard-list-focus-${name.toLowerCase()}`);
    await press(page, 'Enter');
    await waitShown(page, file);

    // On to the text, which shows that it has the focus too.
    const onText = await tabTo(page, (l) => l.where === 'text');
    assertVisible(onText, 'the text');
    await press(page, 'Control+Home');
    // Right to left: the left arrow moves on in reading order.
    await press(page, ...Array<string>(word.length).fill('Shift+ArrowLeft'));
    assert.equal(await selectedText(page), word);
    await page.waitForFunction((w) => document.querySelector('.popover:not([hidden]) .popover-title')?.textContent === w, word, { timeout: 10_000 });

    // Into the popover, type a gloss, Tab to Save and press it.
    await press(page, 'Enter');
    await page.waitForFunction(() => document.activeElement?.matches('.popover input.gloss'));
    assertVisible(await focusLook(page), 'the gloss');
    await type(page, gloss);
    await tabTo(page, (l) => l.where.startsWith('button.') && l.where.includes('save'), 5);
    assertVisible(await focusLook(page), 'the Save button');
    await screenshotsAtBothSizes(page, `keyboard-popover-save-${name.toLowerCase()}`);
    await press(page, 'Enter');
    const saved = await waitSaved(session.corpus, file, (list) => list.some((a) => a.gloss === gloss), 15_000);
    assert.equal(saved.find((a) => a.gloss === gloss)!.target.quote.exact, word, 'the sidecar holds the word selected');

    // Escape closes the popover and gives the focus back to the text.
    await page.waitForFunction(() => document.activeElement?.matches('.popover input.gloss'));
    await press(page, 'Escape');
    await page.waitForSelector('.popover', { state: 'hidden' });
    const back = await focusLook(page);
    assert.equal(back.where, 'text', 'the focus is back in the text');
    assertVisible(back, 'the text, after Escape');
  });
});
