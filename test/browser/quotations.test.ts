// The quotation browser in a real Chromium against the harness (issue 4): filtering by tag
// and by words across letter variants and digit sets, sorting, exporting CSV and DOCX from
// the browser, opening a quotation in its article, and a corpus of twenty thousand rows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import type { Annotation, Sidecar } from '../../annotations/model/types';
import { findChromium, NO_CHROMIUM, openSession, screenshot, waitReady, type Session, useSession } from './browser-env';
import { waitShown } from './test-hooks';

const skip = findChromium() ? false : NO_CHROMIUM;
const FA = '000_4b15f26e11b27dea.txt';
const AR = '002_b7e8f03d4cd73c5b.txt';
const FA2 = '004_df093c946d86f816.txt';

interface Shown {
  index: number;
  id: string;
  quote: string;
  gloss: string;
  dir: string;
  lang: string;
}

/** The sheet is linked from index.html; until it is, the test links it the same way. */
async function linkStyles(page: Page): Promise<void> {
  const linked = await page.evaluate(() => !!document.querySelector('link[rel="stylesheet"][href$="quotations.css"]'));
  if (!linked) await page.addStyleTag({ url: 'styles/quotations.css' });
}

async function loads(page: Page): Promise<number> {
  return page.evaluate(() => Number((document.querySelector('.quotations-view') as HTMLElement | null)?.dataset.loaded ?? '0'));
}

/** Runs `action` and waits until the browser has shown the new result set. */
async function reloaded(page: Page, action: () => Promise<unknown>): Promise<number> {
  const before = await loads(page);
  await action();
  await page.waitForFunction((n) => Number((document.querySelector('.quotations-view') as HTMLElement).dataset.loaded ?? '0') > n, before);
  return page.evaluate(() => Number((document.querySelector('.quotations-view') as HTMLElement).dataset.total));
}

async function openBrowser(page: Page): Promise<number> {
  await linkStyles(page);
  return reloaded(page, () => page.click('.tab-quotations'));
}

async function shown(page: Page): Promise<Shown[]> {
  return page.$$eval('.q-body .q-row:not(.loading)', (rows) =>
    rows
      .map((r) => {
        const quote = r.querySelector('.q-quote') as HTMLElement;
        return {
          index: Number((r as HTMLElement).dataset.index),
          id: (r as HTMLElement).dataset.id!,
          quote: quote.textContent!,
          gloss: r.querySelector('.q-gloss')?.textContent ?? '',
          dir: quote.dir,
          lang: quote.lang,
        };
      })
      .sort((a, b) => a.index - b.index),
  );
}

async function row(page: Page, quote: string): Promise<string> {
  const id = (await shown(page)).find((r) => r.quote === quote)?.id;
  assert.ok(id, `a row shows "${quote}"`);
  return `.q-row[data-id="${id}"]`;
}

/** Opens the export dialog, picks the options, and returns the downloaded file's bytes. */
async function exportFrom(page: Page, options: { format: string; scope: 'selected' | 'all'; group?: string }): Promise<{ name: string; bytes: Buffer }> {
  await page.click('.q-export');
  await page.waitForSelector('dialog.q-export-dialog[open]');
  await page.selectOption('.q-export-format', options.format);
  if (options.group) await page.selectOption('.q-export-group', options.group);
  await page.check(options.scope === 'selected' ? '.q-export-selected' : '.q-export-all');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.q-export-go')]);
  await page.waitForSelector('dialog.q-export-dialog', { state: 'detached' });
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

describe('the quotation browser', { skip }, () => {
  let session: Session;
  let page: Page;
  const quotes = {
    faPm: 'نخستوزیر عراق',
    // Persian ی and ک, which the search must find when typed with Arabic ي and ك.
    faHelp: 'هیچ کمکی دریغ نمیکند',
    arSupport: 'دعم إيران للعراق',
    arRouhani: 'حسن روحاني',
    arDate: '17 أيار 2021',
    fa2Rouhani: 'حسن روحانی خواستار همکاری ایران و ترکیه',
  };

  before(async () => {
    session = await openSession();
    const ws = session.harness.workspace;
    const put = async (file: string, exact: string, tags: string[], gloss: string, note = '') => {
      const text = (await ws.openArticle(file)).text;
      const start = text.indexOf(exact);
      assert.ok(start >= 0, `"${exact}" is in ${file}`);
      return ws.createAnnotation(file, { start, end: start + exact.length, tags, gloss, note });
    };
    await put(FA, quotes.faPm, ['place'], 'Iraqi prime minister');
    await put(FA, quotes.faHelp, ['statement'], 'spares no help');
    await put(AR, quotes.arSupport, ['stance'], 'Iran supports Iraq', 'Rouhani to Kadhimi');
    await put(AR, quotes.arRouhani, ['person', 'stance'], 'Hassan Rouhani');
    await put(AR, quotes.arDate, ['date'], '17 May 2021');
    await put(FA2, quotes.fa2Rouhani, ['person'], 'Zarif? no: Rouhani asks Turkey to cooperate');
    page = session.page;
    await waitReady(page);
  });

  after(async () => {
    await session?.close();
  });

  test('every annotation of the corpus is a row, the quote right-to-left in its own language', async () => {
    const total = await openBrowser(page);
    assert.equal(total, 6);
    const rows = await shown(page);
    assert.deepEqual(new Set(rows.map((r) => r.quote)), new Set(Object.values(quotes)));
    const fa = rows.find((r) => r.quote === quotes.faPm)!;
    const ar = rows.find((r) => r.quote === quotes.arSupport)!;
    assert.deepEqual([fa.dir, fa.lang], ['rtl', 'fa']);
    assert.deepEqual([ar.dir, ar.lang], ['rtl', 'ar']);
    const look = await page.evaluate(() => {
      const quote = document.querySelector('.q-row .q-quote[lang="fa"]') as HTMLElement;
      const cell = quote.closest('.q-cell') as HTMLElement;
      const q = quote.getBoundingClientRect();
      const c = cell.getBoundingClientRect();
      return { align: getComputedStyle(quote).textAlign, font: getComputedStyle(quote).fontFamily, rightGap: c.right - q.right, rowHeight: (quote.closest('.q-row') as HTMLElement).offsetHeight };
    });
    assert.equal(look.align, 'right');
    assert.match(look.font, /^Vazirmatn/);
    assert.ok(look.rightGap < 12, 'the quote sits against the right edge of its cell');
    // Articles, outlets and dates come from each article's metadata.
    const arRow = await row(page, quotes.arSupport);
    assert.match(await page.textContent(`${arRow} .q-date`) ?? '', /2021-05-17/);
    assert.match(await page.textContent(`${arRow} .q-headline`) ?? '', /روحاني يؤكد للكاظمي/);
    assert.equal(await page.textContent(`${await row(page, quotes.faPm)} .q-outlet`), 'ایسکانیوز');
    await page.click(`${arRow} .q-c-note`);
    await page.waitForSelector('.q-detail:not([hidden]) .q-detail-quote');
    assert.equal(await page.textContent('.q-detail-quote'), quotes.arSupport);
    assert.equal(await page.textContent('.q-detail-sentence mark'), quotes.arSupport);
    await screenshot(page, 'quotations-browser.png');
  });

  test('filtering by tags keeps rows with any of them, or with all of them', async () => {
    assert.equal(await reloaded(page, () => page.click('.q-filter-tags [data-tag="person"]')), 2);
    assert.deepEqual(new Set((await shown(page)).map((r) => r.quote)), new Set([quotes.arRouhani, quotes.fa2Rouhani]));
    assert.equal(await reloaded(page, () => page.click('.q-filter-tags [data-tag="stance"]')), 3);
    assert.equal(await reloaded(page, () => page.selectOption('.q-filter-tagmode', 'all')), 1);
    assert.deepEqual((await shown(page)).map((r) => r.quote), [quotes.arRouhani]);
    assert.equal(await reloaded(page, () => page.click('.q-filter-clear')), 6);
  });

  test('the word filter finds Persian ی and ک typed as Arabic ي and ك, and Latin digits typed as Arabic-Indic', async () => {
    // كمكي with Arabic kaf and yeh; the article has Persian کمکی.
    assert.equal(await reloaded(page, () => page.fill('.q-filter-text', 'كمكي دريغ')), 1);
    assert.deepEqual((await shown(page)).map((r) => r.quote), [quotes.faHelp]);
    assert.equal(await reloaded(page, () => page.fill('.q-filter-text', '١٧ أيار ٢٠٢١')), 1);
    assert.deepEqual((await shown(page)).map((r) => r.quote), [quotes.arDate]);
    // Persian digits; then an Arabic yeh that also finds the Persian روحانی (quote and headline).
    assert.equal(await reloaded(page, () => page.fill('.q-filter-text', '۱۷ ایار')), 1);
    assert.equal(await reloaded(page, () => page.fill('.q-filter-text', 'روحاني')), 4);
    assert.equal(await reloaded(page, () => page.fill('.q-filter-text', 'nowhere in the corpus')), 0);
    assert.match(await page.textContent('.q-empty') ?? '', /No quotation matches these filters/);
    assert.equal(await page.isVisible('.q-scroller'), false);
    assert.equal(await reloaded(page, () => page.fill('.q-filter-text', '')), 6);
    assert.equal(await page.isVisible('.q-empty'), false);
  });

  test('clicking a column header sorts by it, ascending then descending, and shows which', async () => {
    await reloaded(page, () => page.click('[data-sort="gloss"] .q-sort'));
    assert.equal(await page.getAttribute('[data-sort="gloss"]', 'aria-sort'), 'ascending');
    const asc = (await shown(page)).map((r) => r.gloss);
    assert.deepEqual(asc, ['17 May 2021', 'Hassan Rouhani', 'Iran supports Iraq', 'Iraqi prime minister', 'spares no help', 'Zarif? no: Rouhani asks Turkey to cooperate']);
    await reloaded(page, () => page.click('[data-sort="gloss"] .q-sort'));
    assert.equal(await page.getAttribute('[data-sort="gloss"]', 'aria-sort'), 'descending');
    assert.deepEqual((await shown(page)).map((r) => r.gloss), [...asc].reverse());
    assert.equal(await page.textContent('[data-sort="gloss"] .q-sort-mark'), '▼');
    await reloaded(page, () => page.click('[data-sort="date"] .q-sort'));
    assert.equal(await page.getAttribute('[data-sort="gloss"]', 'aria-sort'), 'none');
    const byDate = await shown(page);
    // The Arabic article has the only known date (17 May 2021); undated rows go last.
    assert.deepEqual(new Set(byDate.slice(0, 3).map((r) => r.quote)), new Set([quotes.arSupport, quotes.arRouhani, quotes.arDate]));
    await reloaded(page, () => page.click('[data-sort="date"] .q-sort'));
    await reloaded(page, () => page.click('[data-sort="date"] .q-sort'));
    assert.equal(await page.getAttribute('[data-sort="date"]', 'aria-sort'), 'none');
  });

  test('the selected rows export as a CSV with a BOM that a CSV parser reads back with the Persian and Arabic quotes', async () => {
    await page.check(`${await row(page, quotes.faPm)} .q-c-select input`);
    await page.check(`${await row(page, quotes.arSupport)} .q-c-select input`);
    assert.match(await page.textContent('.q-selection') ?? '', /2 selected/);
    const { name, bytes } = await exportFrom(page, { format: 'csv', scope: 'selected' });
    assert.match(name, /\.csv$/);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
    const records = parse(bytes.toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    assert.equal(records.length, 2);
    const fa = records.find((r) => r.Quote === quotes.faPm);
    const ar = records.find((r) => r.Quote === quotes.arSupport);
    assert.ok(fa && ar, 'both quotes, exactly as in the articles');
    assert.equal(fa.Gloss, 'Iraqi prime minister');
    assert.equal(ar['Date (ISO)'], '2021-05-17');
    await page.click('.q-clear-selection');
    assert.equal(await page.$$eval('.q-row input:checked', (boxes) => boxes.length), 0);
  });

  test('all rows matching a filter export as a Word report holding the quotes as right-to-left runs', async () => {
    assert.equal(await reloaded(page, () => page.click('.q-filter-tags [data-tag="stance"]')), 2);
    const { name, bytes } = await exportFrom(page, { format: 'docx', scope: 'all', group: 'tag' });
    assert.match(name, /\.docx$/);
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
    assert.ok(xml.includes(quotes.arSupport), 'the Arabic quote is in word/document.xml');
    assert.ok(xml.includes(quotes.arRouhani));
    assert.ok(!xml.includes(quotes.faPm), 'rows outside the filter are left out');
    assert.match(xml, /<w:rtl\/>|<w:rtl w:val="(true|1)"\/>/);
    await reloaded(page, () => page.click('.q-filter-clear'));
  });

  test('"Open" shows the quotation in its article, marked', async () => {
    await page.click(`${await row(page, quotes.faHelp)} .q-open`);
    await waitShown(page, FA);
    await page.waitForFunction(() => document.querySelectorAll('.reading-text .mark').length > 0);
    const marked = await page.$$eval('.reading-text .mark', (els) => els.map((e) => e.textContent).join(''));
    assert.equal(marked, quotes.faHelp);
    assert.equal(await page.getAttribute('.tab-read', 'aria-pressed'), 'true');
    assert.equal(await page.isVisible('.quotations-view'), false);
    // Back in the browser, the table is still there and up to date.
    assert.equal(await reloaded(page, () => page.click('.tab-quotations')), 6);
  });

  test('the keyboard moves through the rows, Space ticks one and Enter opens it', async () => {
    await page.focus('.q-scroller');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    const current = await page.$eval('.q-row.current', (r) => (r as HTMLElement).dataset.index);
    assert.equal(current, '1');
    await page.keyboard.press(' ');
    assert.equal(await page.$eval('.q-row.current input', (b) => (b as HTMLInputElement).checked), true);
    await page.keyboard.press(' ');
    const quote = await page.$eval('.q-row.current .q-quote', (q) => q.textContent);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.reading-text .mark').length > 0);
    assert.equal(await page.$$eval('.reading-text .mark', (els) => els.map((e) => e.textContent).join('')), quote);
    await reloaded(page, () => page.click('.tab-quotations'));
  });

  test('a broken sidecar is named in a notice and the rest of the corpus is still listed', async () => {
    const path = join(session.corpus, `${FA2}.annotations.json`);
    const good = await readFile(path, 'utf8');
    await writeFile(path, '{ "format": 1, "annotations": [ broken');
    try {
      await page.click('.tab-read');
      // A new workspace reads the files again, as after a restart.
      page = await session.reload();
      const total = await openBrowser(page);
      assert.equal(total, 5);
      assert.equal(await page.isVisible('.q-notice'), true);
      assert.match(await page.textContent('.q-notice') ?? '', new RegExp(FA2.replace('.', '\\.')));
      await screenshot(page, 'quotations-broken-sidecar.png');
    } finally {
      await writeFile(path, good);
    }
  });
});

describe('the quotation browser of a corpus with no annotations', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s));

  test('says that nothing is annotated yet and how to start', async () => {
    const page = session.page;
    assert.equal(await openBrowser(page), 0);
    assert.equal(await page.isVisible('.q-empty'), true);
    assert.match(await page.textContent('.q-empty') ?? '', /Nothing is annotated yet/);
    assert.equal(await page.isVisible('.q-scroller'), false);
    assert.equal(await page.isDisabled('.q-export'), true);
  });
});

describe('the quotation browser with twenty thousand annotations', { skip }, () => {
  let session: Session;
  const N = 20_000;

  before(async () => {
    session = await openSession();
    const ws = session.harness.workspace;
    const text = (await ws.openArticle(FA2)).text;
    const start = text.indexOf('حسن روحانی');
    const first = await ws.createAnnotation(FA2, { start, end: start + 'حسن روحانی'.length, tags: ['person'], gloss: 'g00000', note: '' });
    // Written straight into the sidecar (one write instead of twenty thousand), then read by
    // a fresh workspace as after a restart.
    const path = join(session.corpus, `${FA2}.annotations.json`);
    const sidecar = JSON.parse(await readFile(path, 'utf8')) as Sidecar;
    const copies: Annotation[] = [];
    for (let i = 1; i < N; i++) copies.push({ ...first, id: `bulk-${i}`, gloss: `g${String(i).padStart(5, '0')}` });
    sidecar.annotations.push(...copies);
    await writeFile(path, JSON.stringify(sidecar, null, 2));
    await session.reload();
  });

  after(async () => {
    await session?.close();
  });

  test('only the rows on screen are in the page, and scrolling to the end brings the last ones', async () => {
    const page = session.page;
    assert.equal(await openBrowser(page), N);
    const drawn = await page.$$eval('.q-row', (rows) => rows.length);
    assert.ok(drawn > 5 && drawn < 100, `${drawn} rows drawn of ${N}`);
    await page.$eval('.q-scroller', (s) => (s.scrollTop = s.scrollHeight));
    await page.waitForFunction((n) => {
      const last = document.querySelector(`.q-row[aria-rowindex="${n + 1}"]`);
      return !!last && !last.classList.contains('loading');
    }, N);
    assert.equal(await page.textContent(`.q-row[aria-rowindex="${N + 1}"] .q-gloss`), `g${String(N - 1).padStart(5, '0')}`);
    assert.ok((await page.$$eval('.q-row', (rows) => rows.length)) < 100);
    await screenshot(page, 'quotations-20000.png');
  });

  test('"select all" ticks every matching row without loading them, and unticking one leaves it out of the export', async () => {
    const page = session.page;
    assert.equal(await reloaded(page, () => page.fill('.q-filter-text', 'g1999')), 10);
    await page.click('.q-select-matching');
    assert.match(await page.textContent('.q-selection') ?? '', /10 selected/);
    await page.uncheck(`${await row(page, 'حسن روحانی')} .q-c-select input`);
    assert.match(await page.textContent('.q-selection') ?? '', /9 selected/);
    const { bytes } = await exportFrom(page, { format: 'json', scope: 'selected' });
    const records = JSON.parse(bytes.toString('utf8')) as unknown;
    const list = (Array.isArray(records) ? records : (records as { quotations: unknown[] }).quotations) as Array<{ gloss: string }>;
    assert.equal(list.length, 9);
    assert.ok(list.every((r) => r.gloss.startsWith('g1999')));
  });
});
