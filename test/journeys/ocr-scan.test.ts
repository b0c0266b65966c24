// Journey (issue 24, item 3): a folder holds a scanned PDF (every page a picture, made from a
// sample Persian article by LibreOffice and pdftoppm) beside a Persian text. The person sees
// the scan listed as needing OCR, presses "Read with OCR…", finds Persian already ticked,
// starts it and watches the pages being read in the list; the scan becomes an article, which
// they open (its header says it was read by OCR), drag over words, gloss and save; its
// quotation's citation gives the page and says the words came from a scan. A second person,
// on a machine without Tesseract, is told what to install. Screenshots at 1440×900 and 900×700.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, NO_CHROMIUM, useSession, type Session } from '../browser/browser-env';
import { waitSaved } from '../browser/test-hooks';
import { NO_SOFFICE_PDF, samplePdf } from '../fixtures/pdf/persian-pdf';
import { NO_OCR, scanOf } from '../fixtures/pdf/scan-pdf';
import { makePdf } from '../fixtures/pdf/make-pdf';
import { clickOn, drag, endsOf, keepScreenshots, openArticle, pause, report, screenshotsAtBothSizes, selectedText, type } from './person';

const skip = findChromium() ? NO_SOFFICE_PDF || NO_OCR || false : NO_CHROMIUM;
const POPOVER = '.popover:not([hidden])';
const SCAN = 'اسکن گفت‌وگوی روحانی.pdf';
const ROW = `li.article[data-file="${SCAN}"]`;
const GLOSS = 'terrorism';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function folder(withScan: boolean): string {
  const base = mkdtempSync(join(tmpdir(), 'hashiya-ocr-journey-'));
  made.push(base);
  const corpus = join(base, 'corpus');
  mkdirSync(corpus);
  writeFileSync(join(corpus, 'یادداشت.txt'), 'یادداشت درباره گفت‌وگو\n\nاین متن کوتاه کنار اسکن است.\n');
  // The real scan is made in `prepare` (LibreOffice, then pdftoppm); a page that is only a picture will do where no OCR runs.
  if (!withScan) writeFileSync(join(corpus, SCAN), makePdf({ pages: [[]], scanPages: [1] }));
  return corpus;
}

describe('a scanned PDF read by OCR, then glossed and quoted with its page', { skip }, () => {
  let session: Session;
  const source = folder(true);
  useSession((s) => (session = s), {
    source,
    viewport: { width: 1440, height: 900 },
    prepare: async (corpus) => {
      const work = join(corpus, '..', 'made');
      mkdirSync(work, { recursive: true });
      copyFileSync(await scanOf(samplePdf(work, '000_4b15f26e11b27dea.txt', 18), join(work, 'pdf')), join(corpus, SCAN));
    },
  });

  test('the scan is listed as needing OCR, with a button to read it', async () => {
    const page = session.page;
    await page.waitForSelector(`${ROW} button.ocr-ask`, { timeout: 60_000 });
    const note = (await page.locator(`${ROW} .note`).textContent()) ?? '';
    report(`row note: «${note}»`);
    assert.match(note, /no text layer/);
    await keepScreenshots(await screenshotsAtBothSizes(page, 'ocr-scan-listed'));
  });

  test('"Read with OCR…" offers Persian first; reading shows each page in the row, then the scan is an article', async () => {
    const page = session.page;
    await clickOn(page, `${ROW} button.ocr-ask`);
    await page.waitForSelector('dialog.modal .ocr-dialog');
    const ticked = await page.locator('dialog.modal input[name="ocr-language"]:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    assert.deepEqual(ticked, ['fas'], 'the corpus is Persian: Persian is ticked');
    await keepScreenshots(await screenshotsAtBothSizes(page, 'ocr-scan-dialog'));
    await clickOn(page, 'dialog.modal button.primary');
    await page.waitForSelector(`${ROW} .ocr.running`, { timeout: 10_000 });
    const statuses = new Set<string>();
    let shot = false;
    // Watched as a person watches the row: until it turns into an article.
    for (let i = 0; i < 1200; i++) {
      const now = await page.evaluate((row) => {
        const li = document.querySelector(row);
        return { status: li?.querySelector('.ocr-status')?.textContent ?? null, done: !!li && !li.classList.contains('unopenable') };
      }, ROW);
      if (now.status) statuses.add(now.status);
      if (!shot && now.status && /Reading page 2 of/.test(now.status)) {
        shot = true;
        await keepScreenshots(await screenshotsAtBothSizes(page, 'ocr-scan-reading'));
      }
      if (now.done) break;
      await pause(100);
    }
    report(`statuses seen: ${[...statuses].join(' | ')}`);
    assert.ok([...statuses].some((s) => /^Reading page 1 of \d+…$/.test(s)), 'the first page is announced');
    assert.ok([...statuses].some((s) => /^Reading page [2-9] of \d+…$/.test(s)), 'later pages are announced');
    const toast = (await page.locator('.toast-message').textContent()) ?? '';
    report(`toast: «${toast}»`);
    assert.match(toast, /was read by OCR \(\d+ pages\)/);
    assert.ok(readdirSync(join(session.corpus, '.hashiya')).some((f) => f.startsWith('ocr-')), 'the text is kept');
  });

  test('the article opens right to left, says it was read by OCR; a dragged word is glossed, saved at its offsets and cited with its page and the scan', async () => {
    const page = session.page;
    await openArticle(page, SCAN);
    const mark = await page.locator('.article-head .ocr-mark').textContent();
    assert.equal(mark, 'read by OCR');
    assert.equal(await page.locator('.article-head button.ocr-again').textContent(), 'Read again…', 'a scan read in the wrong language can be read again');
    const dirs = await page.locator('.reading-text p.para').evaluateAll((ps) => ps.map((p) => p.getAttribute('dir')));
    assert.ok(dirs.length >= 5 && dirs.every((d) => d === 'rtl'), `paragraphs right to left: ${dirs.join(',')}`);
    const doc = await session.harness.workspace.openArticle(SCAN);
    // Two words OCR read as the source has them, in the second paragraph: what a person would drag over.
    const span = 'مبارزه با تروریسم';
    assert.ok(doc.text.includes(span), `OCR read «${span}»`);
    const { before, after: end } = await endsOf(page, span, true);
    await drag(page, before, end);
    assert.equal(await selectedText(page), span);
    await page.waitForSelector(POPOVER, { timeout: 10_000 });
    await clickOn(page, `${POPOVER} input.gloss`);
    await type(page, GLOSS);
    await clickOn(page, `${POPOVER} button.save`);
    const saved = await waitSaved(session.corpus, SCAN, (list) => list.some((a) => a.gloss === GLOSS), 15_000);
    const a = saved.find((x) => x.gloss === GLOSS)!;
    assert.equal(doc.text.slice(a.target.position.start, a.target.position.end), span, 'the offsets index the OCR text');
    report(`sidecar: «${a.target.quote.exact}» at ${a.target.position.start}–${a.target.position.end}`);
    await clickOn(page, `${POPOVER} button.close`);
    await keepScreenshots(await screenshotsAtBothSizes(page, 'ocr-scan-article'));

    await clickOn(page, '.tab-quotations');
    const row = `.q-row:has(.q-quote:text-is("${span}"))`;
    await page.waitForSelector(row, { timeout: 20_000 });
    await clickOn(page, `${row} .q-quote`);
    await page.waitForFunction((q) => document.querySelector('.q-detail:not([hidden]) .q-detail-quote')?.textContent === q, span);
    const citation = ((await page.locator('.q-detail-citation').textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');
    report(`citation: «${citation}»`);
    assert.match(citation, /, p\. 1, scan read by OCR/);
    await keepScreenshots(await screenshotsAtBothSizes(page, 'ocr-scan-quotation'));
  });
});

describe('on a machine without Tesseract, "Read with OCR…" says what to install', { skip: findChromium() ? false : NO_CHROMIUM }, () => {
  let session: Session;
  const missing = 'OCR needs Tesseract with its Persian and Arabic data, and poppler: on Debian or Ubuntu, sudo apt install tesseract-ocr tesseract-ocr-fas tesseract-ocr-ara poppler-utils';
  useSession((s) => (session = s), { source: folder(false), viewport: { width: 900, height: 700 }, findOcrTools: async () => ({ missing }) });

  test('the dialog names the packages and offers nothing that cannot work', async () => {
    const page = session.page;
    await page.waitForSelector(`${ROW} button.ocr-ask`, { timeout: 60_000 });
    await clickOn(page, `${ROW} button.ocr-ask`);
    await page.waitForSelector('dialog.modal .ocr-dialog');
    const text = (await page.locator('dialog.modal .ocr-dialog').textContent()) ?? '';
    assert.equal(text, missing);
    assert.deepEqual(await page.locator('dialog.modal button').allTextContents(), ['Close']);
    await keepScreenshots(await screenshotsAtBothSizes(page, 'ocr-missing'));
    await clickOn(page, 'dialog.modal button.primary');
    assert.equal(existsSync(join(session.corpus, '.hashiya')) && readdirSync(join(session.corpus, '.hashiya')).some((f) => f.startsWith('ocr-')), false);
  });
});
