// The search box on the shared corpus, and a live folder (issue 5).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findChromium, NO_CHROMIUM, screenshot, useSession, type Session } from './browser-env';
import { shownArticle, waitShown } from './test-hooks';
import { foldKey } from '../../corpus/text/normalise';

const skip = findChromium() ? false : NO_CHROMIUM;

describe('searching the corpus', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s));

  test('a query typed with Arabic letters finds the Persian spelling and opens the article with the hit marked', async () => {
    const page = session.page;
    // Arabic ي and ك, no ZWNJ: the Persian article writes «رئیسجمهور» with Persian ی.
    const query = 'رئيسجمهور';
    await page.click('input.search-box');
    await page.keyboard.type(query);
    // Results come while typing (and while the index fills in): wait for those of the whole query.
    await page.waitForFunction(() => {
      const marks = [...document.querySelectorAll('li.hit mark')].map((m) => m.textContent);
      return marks.includes('رئیسجمهور') && marks.includes('رئیس جمهوری');
    }, undefined, { timeout: 20_000 });
    const hits = await page.$$eval('li.hit', (lis) => lis.map((li, i) => ({ i, file: li.getAttribute('data-file')!, start: Number(li.getAttribute('data-start')), end: Number(li.getAttribute('data-end')), marked: li.querySelector('mark')!.textContent })));
    // Lenient matching (on for Persian) also finds the spaced spelling, marked as the whole
    // written word with its suffix: «رئیس جمهوری».
    assert.ok(hits.some((h) => h.marked === 'رئیس جمهوری'));
    const first = hits.find((h) => h.marked === 'رئیسجمهور');
    assert.ok(first, 'the hit shows the original Persian characters');
    await screenshot(page, 'search-results.png');

    await page.click(`li.hit >> nth=${first.i}`);
    await waitShown(page, first.file);
    await page.waitForSelector('.reading-text .mark');
    const marked = await page.$$eval('.reading-text .mark', (els) => els.map((e) => e.textContent).join(''));
    const text = (await shownArticle(session.harness.workspace, page)).text;
    assert.equal(marked, text.slice(first.start, first.end));
    assert.equal(marked, 'رئیسجمهور');
    const visible = await page.evaluate(() => {
      const r = document.querySelector('.reading-text .mark')!.getBoundingClientRect();
      const v = document.querySelector('.reading')!.getBoundingClientRect();
      return r.top >= v.top && r.bottom <= v.bottom;
    });
    assert.equal(visible, true, 'scrolled into view');
    await screenshot(page, 'search-hit-in-article.png');
  });

  test('lenient matching finds a word written with a space, and Persian digits match Latin ones', async () => {
    const res = await session.harness.workspace.search({ query: 'رئیس جمهور' });
    assert.ok(res.hits.some((h) => h.text === 'رئیسجمهور'), 'the joined spelling is found for the spaced query');
    const digits = await session.harness.workspace.search({ query: '1403' });
    assert.ok(digits.hits.some((h) => h.text === '۱۴۰۳'));
  });

  test('the whole-word toggle keeps رئیس from رئیسی and الرئيس, and the box shows the count the engine (and the CLI) gives', async () => {
    const page = session.page;
    await page.fill('input.search-box', 'رئيس');
    const shows = async (wholeWord: boolean) => {
      const res = await session.harness.workspace.search({ query: 'رئيس', wholeWord, limit: 300 });
      await page.waitForFunction((n) => document.querySelector('.search-status')?.textContent?.startsWith(`${n} hit`) ?? false, res.totalHits, { timeout: 10_000 });
      return res;
    };
    const forms = await shows(false);
    assert.ok(forms.hits.some((h) => h.text === 'الرئيس'));
    await page.click('input.whole-word');
    const whole = await shows(true);
    assert.ok(whole.totalHits > 0 && whole.totalHits < forms.totalHits);
    const marks = await page.$$eval('li.hit mark', (ms) => ms.map((m) => m.textContent ?? ''));
    assert.equal(marks.length, whole.totalHits);
    for (const m of marks) assert.equal(foldKey(m), foldKey('رئیس'), m);
    await page.click('input.whole-word');
    await shows(false);
    // Back in the box, where the next test's Escape leaves the search.
    await page.focus('input.search-box');
  });

  test('an article added to the folder shows up in the list without a restart', async () => {
    const page = session.page;
    await page.keyboard.press('Escape');
    await writeFile(join(session.corpus, 'new-article.txt'), 'خبر تازه: گفت‌وگوی تلفنی وزیران خارجه\n\nمتن خبر.\n');
    await page.waitForSelector('li.article[data-file="new-article.txt"]', { timeout: 15_000 });
    // The list (its own worker) can show the article a moment before the search worker has read it.
    const found = async () => (await session.harness.workspace.search({ query: 'گفتوگوی تلفنی وزیران' })).hits.some((h) => h.file === 'new-article.txt');
    const until = Date.now() + 15_000;
    while (!(await found()) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(await found());
  });
});
