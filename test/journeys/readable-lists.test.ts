// Journey: lists a person reads (issue 11, point 7). The side-by-side text pickers show each
// headline's start; where highlights overlap, the menu puts each quote and its gloss on lines of
// their own; a note shows in the sidebar under its annotation, folded when long. Persian and Arabic.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findChromium, NO_CHROMIUM, useSession, type Session } from '../browser/browser-env';
import { waitSaved } from '../browser/test-hooks';
import { clickOn, drag, endsOf, openArticle, pause, press, screenshotsAtBothSizes, TEXT, type, withArabicArticle, wordsOnScreen } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;
const FA = '000_4b15f26e11b27dea.txt';
const AR = '006_a7ab1c0de5e5a1ab.txt';
const POPOVER = '.popover:not([hidden])';

interface Overlap {
  name: string;
  file: string;
  /** Two phrases of one paragraph, the first one's last word the second one's first. */
  first: string;
  second: string;
}

const OVERLAPS: Overlap[] = [
  { name: 'Persian', file: FA, first: 'تلفنی با نخستوزیر عراق،', second: 'عراق، مبارزه با تروریسم' },
  { name: 'Arabic', file: AR, first: 'مكافحة الإرهاب والجماعات', second: 'والجماعات الإرهابية' },
];

/** Drags over `words`, presses a tag's key, types a gloss and presses Enter: an annotation made by hand. */
async function annotate(session: Session, file: string, words: string, key: string, gloss: string): Promise<void> {
  const page = session.page;
  const { before: start, after: end } = await endsOf(page, words, true);
  await drag(page, start, end);
  await press(page, key);
  // Made at once from the tag's key; its popover opens with the caret in the gloss.
  await page.waitForFunction(() => document.activeElement?.matches('.popover:not([hidden]) input.gloss'), undefined, { timeout: 10_000 });
  await type(page, gloss);
  await press(page, 'Enter');
  await waitSaved(session.corpus, file, (list) => list.some((a) => a.gloss === gloss), 15_000);
  await page.waitForSelector(POPOVER, { state: 'detached', timeout: 5_000 }).catch(() => page.waitForSelector('.popover', { state: 'hidden' }));
}

describe('lists a person can read', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s), {
    viewport: { width: 1440, height: 900 },
    prepare: withArabicArticle(AR),
  });

  test('the side-by-side text pickers show a Persian headline from its start, cut at its end', async () => {
    const page = session.page;
    await clickOn(page, '.tab-side-by-side');
    await page.waitForSelector('.side-by-side-view:not([hidden])[aria-busy="false"]', { timeout: 30_000 });
    const shown = await page.locator('.side-by-side-view .pick-0').evaluate((s) => {
      const select = s as HTMLSelectElement;
      const option = select.selectedOptions[0]!;
      return { direction: getComputedStyle(select).direction, label: option.textContent ?? '', lang: option.lang };
    });
    const headline = (await page.locator('li.article[data-file="' + FA + '"] .headline').textContent())!.trim();
    report(`first picker: ${shown.direction}, «${shown.label.slice(0, 50)}…»`);
    assert.equal(shown.lang, 'fa');
    assert.equal(shown.direction, 'rtl', 'a right-to-left headline is shown right to left, so the picker cuts it at the left, where it ends');
    assert.ok(shown.label.replace(/[\u2066-\u2069]/g, '').startsWith(headline.split(' ').slice(0, 3).join(' ')), `the label starts with the headline's first words: «${shown.label}»`);
    await screenshotsAtBothSizes(page, 'lists-side-by-side-pickers');
    await clickOn(page, '.tab-read');
  });

  for (const lang of OVERLAPS) {
    test(`where two ${lang.name} highlights overlap, the menu shows each quote and its gloss on lines of their own`, async () => {
      const page = session.page;
      await openArticle(page, lang.file);
      await annotate(session, lang.file, lang.first, '1', `${lang.name} first`);
      await annotate(session, lang.file, lang.second, '2', `${lang.name} second`);
      // On the word both share: the second phrase's first letter.
      const { first } = await wordsOnScreen(page, TEXT, lang.second);
      const click = { x: first.x + first.width / 2, y: first.y + first.height / 2 };
      await page.mouse.move(click.x, click.y, { steps: 4 });
      await pause(60);
      await page.mouse.click(click.x, click.y);
      await page.waitForSelector('.popover:not([hidden]) .picker', { timeout: 10_000 });
      const items = await page.locator('.picker .pick').evaluateAll((buttons) =>
        buttons.map((b) => {
          const quote = b.querySelector('.pick-quote') as HTMLElement;
          const gloss = b.querySelector('.pick-gloss') as HTMLElement | null;
          const q = quote.getBoundingClientRect();
          const g = gloss?.getBoundingClientRect();
          return { quote: quote.textContent ?? '', quoteDir: getComputedStyle(quote).direction, gloss: gloss?.textContent ?? '', glossDir: gloss ? getComputedStyle(gloss).direction : '', glossBelow: g ? g.top >= q.bottom - 1 : false };
        }),
      );
      report(JSON.stringify(items));
      assert.equal(items.length, 2, 'both annotations are offered');
      assert.deepEqual(items.map((i) => i.gloss).sort(), [`${lang.name} first`, `${lang.name} second`]);
      for (const item of items) {
        assert.equal(item.quoteDir, 'rtl', 'the quote reads right to left');
        assert.equal(item.glossDir, 'ltr', 'the gloss reads left to right');
        assert.ok(item.glossBelow, 'the gloss is on its own line, under its quote');
        assert.ok([lang.first, lang.second].includes(item.quote), `the quote is shown whole from its start: «${item.quote}»`);
      }
      await screenshotsAtBothSizes(page, `lists-overlap-menu-${lang.name.toLowerCase()}`);
      await clickOn(page, '.picker .pick');
      await page.waitForSelector(`${POPOVER} input.gloss`);
      await press(page, 'Escape');
    });
  }

  test('a long note shows under its annotation in the sidebar, folded, and unfolds on request', async () => {
    const page = session.page;
    await openArticle(page, FA);
    const words = 'آخرین تحولات سیاسی، نظامی و امنیتی';
    const { before: start, after: end } = await endsOf(page, words, true);
    await drag(page, start, end);
    await page.waitForSelector(`${POPOVER} input.gloss`);
    await clickOn(page, `${POPOVER} input.gloss`);
    await type(page, 'the latest political, military and security developments');
    await clickOn(page, `${POPOVER} textarea.note`);
    const note = 'Rouhani lists the three fields in this order in both the Persian and the Arabic report; the English version of the agency drops "security". Check against the presidency site before quoting this in the brief.';
    await type(page, note);
    await clickOn(page, `${POPOVER} button.save`);
    await waitSaved(session.corpus, FA, (list) => list.some((a) => a.note === note), 15_000);
    await clickOn(page, `${POPOVER} button.close`);
    const entry = page.locator('.annotation-list li.annotation', { hasText: 'the latest political' });
    await entry.waitFor();
    const look = await entry.evaluate((li) => {
      const quote = li.querySelector('.quote')!.getBoundingClientRect();
      const n = li.querySelector('.note') as HTMLElement;
      return { below: n.getBoundingClientRect().top >= quote.bottom - 1, folded: n.scrollHeight > n.clientHeight + 2, text: n.textContent ?? '', button: li.querySelector('.note-more')?.textContent ?? '' };
    });
    report(JSON.stringify(look));
    assert.equal(look.text, note, 'the note is shown as written');
    assert.ok(look.below, 'the note is under its quote');
    assert.ok(look.folded, 'a long note is folded');
    assert.equal(look.button, 'Show the whole note');
    await screenshotsAtBothSizes(page, 'lists-sidebar-note-folded');
    await clickOn(page, '.annotation-list li.annotation .note-more');
    const unfolded = await entry.evaluate((li) => {
      const n = li.querySelector('.note') as HTMLElement;
      return n.scrollHeight <= n.clientHeight + 2;
    });
    assert.ok(unfolded, 'the whole note shows once unfolded');
    assert.equal(await page.locator(POPOVER).count(), 0, 'unfolding the note does not open the annotation');
  });
});

function report(line: string): void {
  console.log(`# ${line}`);
}
