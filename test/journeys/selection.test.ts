// Selecting text as a person does (issue 11): drags in either direction, across a line break,
// slow with a rest, with Alt, across paragraphs; a double-click extended with Shift(+Ctrl)+arrows;
// Shift+arrows alone. Judged by the popover's title on screen and the quote in the sidecar on disk.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM, useSession, type Session } from '../browser/browser-env';
import { waitSaved } from '../browser/test-hooks';
import { bringIntoView, clickOn, drag, endsOf, openArticle, pause, press, screenshotsAtBothSizes, selectedText, TEXT, type, withArabicArticle, wordsOnScreen } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;
const FA = '000_4b15f26e11b27dea.txt';
const AR = '006_a7ab1c0de5e5a1ab.txt';
const POPOVER = '.popover:not([hidden])';

/** The popover's title, once a popover is shown and its title reads `expected` (or the wait times out). */
async function popoverTitle(page: Page, expected: string): Promise<string> {
  await page.waitForSelector(POPOVER, { timeout: 10_000 });
  await page.waitForFunction((t) => document.querySelector('.popover:not([hidden]) .popover-title')?.textContent === t, expected, { timeout: 5_000 }).catch(() => undefined);
  return page.locator(`${POPOVER} .popover-title`).innerText();
}

/** Types a gloss into the popover and clicks Save; returns the quote saved on disk for it. */
async function saveWithGloss(session: Session, file: string, gloss: string): Promise<string> {
  const page = session.page;
  await clickOn(page, `${POPOVER} input.gloss`);
  await type(page, gloss);
  await clickOn(page, `${POPOVER} button.save`);
  const saved = await waitSaved(session.corpus, file, (list) => list.some((a) => a.gloss === gloss), 15_000);
  const exact = saved.find((a) => a.gloss === gloss)!.target.quote.exact;
  await clickOn(page, `${POPOVER} button.close`);
  await page.waitForSelector(POPOVER, { state: 'detached', timeout: 5_000 }).catch(() => page.waitForSelector('.popover', { state: 'hidden' }));
  return exact;
}

/** Checks what the popover shows and what lands on disk are both `words`. */
async function expectSaved(session: Session, file: string, words: string, gloss: string): Promise<void> {
  assert.equal(await popoverTitle(session.page, words), words, 'the popover’s title shows the words selected');
  assert.equal(await saveWithGloss(session, file, gloss), words, 'the sidecar holds the words selected');
}

/** A double-click in the middle of `word`, once it is well inside the window. */
async function doubleClickWord(page: Page, word: string): Promise<void> {
  await bringIntoView(page, word);
  const { first, last } = await wordsOnScreen(page, TEXT, word);
  const middle = { x: (first.x + last.x + last.width) / 2, y: first.y + first.height / 2 };
  await page.mouse.move(middle.x, middle.y, { steps: 3 });
  await page.mouse.dblclick(middle.x, middle.y);
  await pause(150);
}

/** Two words either side of the first place the text of paragraph `index` wraps to a new line. */
async function phraseAcrossLineBreak(page: Page, index: number): Promise<string> {
  const phrase = await page.evaluate(
    ([sel, i]) => {
      const p = document.querySelectorAll(`${sel} p.para`)[i]!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let t = walker.nextNode(); t; t = walker.nextNode()) nodes.push(t as Text);
      const text = nodes.map((n) => n.data).join('');
      // No named functions in here: the test runner's transform would wrap them in a helper the page lacks.
      const tops: number[] = [];
      for (const n of nodes) {
        for (let k = 0; k < n.data.length; k++) {
          const r = document.createRange();
          r.setStart(n, k);
          r.setEnd(n, k + 1);
          tops.push(r.getBoundingClientRect().top);
        }
      }
      const firstTop = tops[0]!;
      let wrap = -1;
      for (let k = 1; k < text.length; k++) {
        if (text[k] !== ' ' && tops[k]! - firstTop > 10) {
          wrap = k;
          break;
        }
      }
      if (wrap < 0) return null;
      const words = text.split(' ');
      let at = 0;
      let w = 0;
      while (at + words[w]!.length < wrap) at += words[w++]!.length + 1;
      return words.slice(Math.max(0, w - 2), w + 2).join(' ');
    },
    [TEXT, index] as const,
  );
  assert.ok(phrase, `paragraph ${index} wraps`);
  return phrase;
}

interface Language {
  name: string;
  file: string;
  forward: string;
  backward: string;
  wrapParagraph: number;
  doubleClick: { word: string; next: string };
  ctrlExtend: string;
  keysAlone: string;
  slow: string;
  altPart: string;
  snapPart: { drawn: string; whole: string };
  acrossParagraphs: { from: string; into: string };
}

const LANGUAGES: Language[] = [
  {
    name: 'Persian',
    file: FA,
    forward: 'مبارزه با تروریسم و گروههای تروریستی',
    backward: 'وظیفه مهم همه دولتهای مسئول',
    wrapParagraph: 2,
    doubleClick: { word: 'گفتوگوی', next: 'تلفنی' },
    ctrlExtend: 'نخستوزیر',
    keysAlone: 'حسن روحانی',
    slow: 'آخرین تحولات سیاسی، نظامی و امنیتی',
    altPart: 'بارزه فراگی',
    snapPart: { drawn: 'رورت گذر بر', whole: 'ضرورت گذر برخی' },
    acrossParagraphs: { from: 'بسیار امیدوار کننده است.', into: 'وی با تاکید' },
  },
  {
    name: 'Arabic',
    file: AR,
    forward: 'مكافحة الإرهاب والجماعات الإرهابية',
    backward: 'تحرير عدد من القرى',
    wrapParagraph: 2,
    doubleClick: { word: 'مؤتمر', next: 'صحفي' },
    ctrlExtend: 'العاصمة',
    keysAlone: 'وزارة الدفاع',
    slow: 'حماية المدنيين وتأمين ممرات آمنة',
    altPart: 'ستعادة الأ',
    snapPart: { drawn: 'سؤولية جميع الدو', whole: 'مسؤولية جميع الدول' },
    acrossParagraphs: { from: 'المناطق الشمالية من البلاد.', into: 'وقال العبادي' },
  },
];

describe('selecting text as a person does', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s), {
    viewport: { width: 1440, height: 900 },
    prepare: withArabicArticle(AR),
  });

  for (const lang of LANGUAGES) {
    describe(lang.name, () => {
      before(() => openArticle(session.page, lang.file));

      test('a drag from the first word to the last (right to left) saves those words', async () => {
        const { before: start, after: end } = await endsOf(session.page, lang.forward, true);
        await drag(session.page, start, end);
        await screenshotsAtBothSizes(session.page, `selection-${lang.name.toLowerCase()}-drag`);
        await expectSaved(session, lang.file, lang.forward, `${lang.name} forward`);
      });

      test('after another article and back, the highlight is drawn on the same words and clicking it shows its gloss', async () => {
        // The article comes to the window packed (its annotations' quotes left out where the
        // text holds them): what is drawn and shown must be what was saved.
        const page = session.page;
        await openArticle(page, lang.file === FA ? AR : FA);
        await openArticle(page, lang.file);
        await bringIntoView(page, lang.forward);
        const drawn = await page.evaluate((sel) => [...document.querySelectorAll(`${sel} .hl`)].map((e) => e.textContent).join(''), TEXT);
        assert.ok(drawn.includes(lang.forward), `the highlight covers «${lang.forward}» again`);
        const { first, last } = await wordsOnScreen(page, TEXT, lang.forward);
        await page.mouse.move((first.x + last.x + last.width) / 2, first.y + first.height / 2, { steps: 4 });
        await page.mouse.click((first.x + last.x + last.width) / 2, first.y + first.height / 2);
        assert.equal(await popoverTitle(page, lang.forward), lang.forward, 'its popover names the words');
        assert.equal(await page.locator(`${POPOVER} input.gloss`).inputValue(), `${lang.name} forward`, 'its gloss is the one saved');
        await screenshotsAtBothSizes(page, `selection-${lang.name.toLowerCase()}-reopened`);
        const onDisk = await waitSaved(session.corpus, lang.file, (list) => list.some((a) => a.gloss === `${lang.name} forward`));
        assert.equal(onDisk.find((a) => a.gloss === `${lang.name} forward`)!.target.quote.exact, lang.forward, 'the sidecar still holds the words');
        await clickOn(page, `${POPOVER} button.close`);
        await page.waitForSelector(POPOVER, { state: 'detached', timeout: 5_000 }).catch(() => page.waitForSelector('.popover', { state: 'hidden' }));
      });

      test('a drag from the last word back to the first (left to right) saves those words', async () => {
        const { before: start, after: end } = await endsOf(session.page, lang.backward, true);
        await drag(session.page, end, start);
        await expectSaved(session, lang.file, lang.backward, `${lang.name} backward`);
      });

      test('a drag across a line break saves the words on both lines', async () => {
        const phrase = await phraseAcrossLineBreak(session.page, lang.wrapParagraph);
        const { first, last } = await wordsOnScreen(session.page, TEXT, phrase);
        assert.ok(last.y - first.y > 10, 'the words are on two lines');
        const { before: start, after: end } = await endsOf(session.page, phrase, true);
        await drag(session.page, start, end);
        await expectSaved(session, lang.file, phrase, `${lang.name} wrapped`);
      });

      test('a double-click on a word, extended with Shift+arrows, saves the word and what was added', async () => {
        const page = session.page;
        await doubleClickWord(page, lang.doubleClick.word);
        // In right-to-left text the left arrow moves on in reading order.
        await press(page, ...Array<string>(lang.doubleClick.next.length + 1).fill('Shift+ArrowLeft'));
        const words = `${lang.doubleClick.word} ${lang.doubleClick.next}`;
        assert.equal(await selectedText(page), words, 'the screen shows the word and the next selected');
        await expectSaved(session, lang.file, words, `${lang.name} double-click`);
      });

      test('a double-click extended a word at a time with Ctrl+Shift+arrows saves what is shown selected', async () => {
        const page = session.page;
        await doubleClickWord(page, lang.ctrlExtend);
        await press(page, 'Control+Shift+ArrowLeft');
        const shown = (await selectedText(page)).trim();
        assert.ok(shown.startsWith(lang.ctrlExtend) && shown.length > lang.ctrlExtend.length + 1, `the selection grew by a word: «${shown}»`);
        await expectSaved(session, lang.file, shown, `${lang.name} ctrl-extend`);
      });

      test('Shift+arrows alone, from a caret put before a word, save the letters passed over', async () => {
        const page = session.page;
        const { before: start } = await endsOf(page, lang.keysAlone, true);
        await page.mouse.move(start.x, start.y, { steps: 3 });
        await page.mouse.click(start.x, start.y);
        await pause(150);
        await press(page, ...Array<string>(lang.keysAlone.length).fill('Shift+ArrowLeft'));
        assert.equal(await selectedText(page), lang.keysAlone);
        await expectSaved(session, lang.file, lang.keysAlone, `${lang.name} keys alone`);
      });

      test('a slow drag with a rest midway saves all the words, not those reached at the rest', async () => {
        const page = session.page;
        const { before: start, after: end } = await endsOf(page, lang.slow, true);
        await drag(page, start, end, { restMidway: true });
        await expectSaved(session, lang.file, lang.slow, `${lang.name} slow`);
      });

      test('a drag that ends inside words snaps to the whole words', async () => {
        const { before: start, after: end } = await endsOf(session.page, lang.snapPart.drawn, true);
        await drag(session.page, start, end);
        await expectSaved(session, lang.file, lang.snapPart.whole, `${lang.name} snapped`);
      });

      test('with Alt held, a drag inside words keeps exactly the letters dragged over', async () => {
        const { before: start, after: end } = await endsOf(session.page, lang.altPart, true);
        await drag(session.page, start, end, { modifiers: ['Alt'] });
        await expectSaved(session, lang.file, lang.altPart, `${lang.name} alt`);
      });

      test('a drag into the next paragraph is cut at the end of the first, and says so', async () => {
        const page = session.page;
        const { before: start } = await endsOf(page, lang.acrossParagraphs.from, true);
        const { first } = await wordsOnScreen(page, TEXT, lang.acrossParagraphs.into);
        await drag(page, start, { x: first.x + first.width / 2, y: first.y + first.height / 2 });
        await page.waitForFunction(() => /one paragraph/.test(document.querySelector('.toast:not([hidden])')?.textContent ?? ''), undefined, { timeout: 10_000 });
        assert.equal(await selectedText(page), lang.acrossParagraphs.from, 'the selection on screen is cut too');
        await screenshotsAtBothSizes(page, `selection-${lang.name.toLowerCase()}-across-paragraphs`);
        await expectSaved(session, lang.file, lang.acrossParagraphs.from, `${lang.name} across`);
      });
    });
  }
});
