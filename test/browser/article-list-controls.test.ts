// The article list shows a bidi override in a file name or headline instead of applying it: a
// file named `\u202Egnp.exe.txt` would be drawn `txt.exe.png`, and a person must see that it
// is not a picture. Real Chromium against the harness; a screenshot for a person to look at.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findChromium, NO_CHROMIUM, useSession, type Session } from './browser-env';

const skip = findChromium() ? false : NO_CHROMIUM;
const RLO = '\u202E';
// The list shows .txt articles only, so the planted name keeps that ending after the trick.
const FILE = `${RLO}gnp.exe.txt`;
const HEADLINE = `خبر فوری ${RLO}ssergorp ni`;
const SCREENSHOT = '/tmp/exports-list.png';

describe('the article list shows hidden direction characters', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s), {
    viewport: { width: 1440, height: 900 },
    prepare: (corpus) => writeFile(join(corpus, FILE), `${HEADLINE}\n\nمتن خبر در اینجا آمده است و ادامه دارد.\n`),
  });

  test('a file named \\u202Egnp.exe.txt is listed with a visible ⟨RLO⟩ marker and its name in logical order, not as txt.exe.png', async () => {
    const page = session.page;
    await page.waitForFunction((file) => [...document.querySelectorAll('li.article')].some((li) => (li as HTMLElement).dataset.file === file), FILE, { timeout: 15_000 });
    const row = await page.evaluate((file) => {
      const li = [...document.querySelectorAll('li.article')].find((el) => (el as HTMLElement).dataset.file === file)!;
      const name = li.querySelector('.file')!;
      const headline = li.querySelector('.headline')!;
      const markers = [...li.querySelectorAll('.bidi-control')].map((m) => {
        const r = m.getBoundingClientRect();
        return { text: m.textContent ?? '', title: m.getAttribute('title') ?? '', width: r.width, height: r.height };
      });
      return { name: name.textContent ?? '', headline: headline.textContent ?? '', markers };
    }, FILE);
    const tried = 2;
    const shown = [row.name, row.headline].filter((t) => t.includes('⟨RLO⟩') && !t.includes(RLO)).length;
    console.log(`article list: ${tried} fields with an override tried, ${shown} shown with a marker, ${tried - shown} applied; name reads «${row.name}»`);
    assert.equal(row.name, '⟨RLO⟩gnp.exe.txt', 'the name reads in logical order with the control shown as a marker');
    assert.ok(!row.name.includes(RLO) && !row.headline.includes(RLO), 'no override is left in the list to reverse a name');
    assert.ok(row.headline.startsWith('خبر فوری'), 'the Persian of the headline is kept as it is');
    assert.ok(row.headline.includes('⟨RLO⟩ssergorp ni'));
    assert.ok(row.markers.length >= 2 && row.markers.every((m) => m.width > 0 && m.height > 0), 'the markers are drawn');
    assert.match(row.markers[0]!.title, /U\+202E/);
    await page.screenshot({ path: SCREENSHOT });
  });

  test('opened, the article header and the window title show the ⟨RLO⟩ marker too, never the override', async () => {
    const page = session.page;
    await page.evaluate((file) => ([...document.querySelectorAll('li.article')].find((el) => (el as HTMLElement).dataset.file === file) as HTMLElement).click(), FILE);
    await page.waitForFunction(() => document.querySelector('.article-head .file')?.textContent?.includes('gnp.exe'), undefined, { timeout: 15_000 });
    const head = await page.evaluate(() => ({
      file: document.querySelector('.article-head .file')!.textContent ?? '',
      headline: document.querySelector('.article-head .headline')!.textContent ?? '',
      title: document.title,
    }));
    console.log(`article header: file «${head.file}», window title «${head.title}»`);
    assert.equal(head.file, '⟨RLO⟩gnp.exe.txt');
    assert.ok(head.headline.includes('⟨RLO⟩ssergorp ni') && !head.headline.includes(RLO));
    assert.ok(!head.title.includes(RLO) && head.title.includes('⟨RLO⟩'));
    await page.screenshot({ path: '/tmp/exports-head.png' });
  });

  test('a search hit in that article shows the marker in its headline and file name, never the override', async () => {
    const page = session.page;
    await page.fill('input.search-box', 'ادامه دارد');
    const hit = await page.waitForFunction(
      (file) => {
        const li = [...document.querySelectorAll('li.hit')].find((el) => el.getAttribute('data-file') === file);
        const name = li?.querySelector('.hit-file')?.textContent;
        return name ? { file: name, headline: li!.querySelector('.hit-headline')?.textContent ?? '' } : null;
      },
      FILE,
      { timeout: 20_000 },
    );
    const shown = (await hit.jsonValue()) as { file: string; headline: string };
    console.log(`search hit: file «${shown.file}», headline «${shown.headline}»`);
    assert.equal(shown.file, '⟨RLO⟩gnp.exe.txt');
    assert.ok(!shown.headline.includes(RLO) && shown.headline.includes('⟨RLO⟩'));
    await page.keyboard.press('Escape');
  });
});
