// Journey (issue 24, "What must be shown"): a folder with a PDF that LibreOffice wrote from a
// sample Persian article (large type, so it runs to three pages) opens. The person opens it,
// reads it as text right to left, drags the mouse over words on its second page, glosses and
// saves them; in Quotations the citation gives the headline and "p. 2"; the sidecar holds the
// quote at its exact offsets. Screenshots of the PDF in the reading view, the glossed words
// highlighted, and of its quotation, at 1440×900 and 900×700.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, NO_CHROMIUM, useSession, type Session } from '../browser/browser-env';
import { waitSaved } from '../browser/test-hooks';
import { NO_SOFFICE_PDF, samplePdf } from '../fixtures/pdf/persian-pdf';
import { bringIntoView, clickOn, drag, endsOf, keepScreenshots, openArticle, report, screenshotsAtBothSizes, selectedText, type } from './person';

const skip = findChromium() ? (NO_SOFFICE_PDF || false) : NO_CHROMIUM;
const POPOVER = '.popover:not([hidden])';
const FILE = 'گفت‌وگوی روحانی و العبادی.pdf';
const TITLE = 'رئیسجمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول در منطقه و جهان است';
/** Words of the paragraph LibreOffice sets on the second page at 22 pt. */
const SPAN = 'گروه تروریستی داعش را تهدیدی برای منطقه و جهان دانست';
const GLOSS = 'called ISIS a threat to the region and the world';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A corpus folder holding the PDF, made by LibreOffice before the app opens it. */
function folder(): string {
  const base = mkdtempSync(join(tmpdir(), 'hashiya-pdf-journey-'));
  made.push(base);
  const corpus = join(base, 'corpus');
  mkdirSync(corpus);
  if (skip) return corpus;
  copyFileSync(samplePdf(base, '000_4b15f26e11b27dea.txt', 22), join(corpus, FILE));
  return corpus;
}

describe('a PDF read, glossed on its second page and quoted with the page', { skip }, () => {
  let session: Session;
  const source = folder();
  useSession((s) => (session = s), { source, viewport: { width: 1440, height: 900 } });

  test('the PDF opens as its text, each paragraph right to left, its headline the first line', async () => {
    const page = session.page;
    await page.waitForSelector(`li.article[data-file="${FILE}"]`);
    await page.waitForFunction((f) => !document.querySelector(`li.article[data-file="${f}"]`)?.classList.contains('pending'), FILE, { timeout: 30_000 }).catch(() => undefined);
    await openArticle(page, FILE);
    const headline = (await page.locator('.article-head h1.headline').textContent())?.trim();
    report(`headline: «${headline}»`);
    assert.equal(headline, TITLE);
    const paragraphs = await page.locator('.reading-text p.para').evaluateAll((ps) => ps.map((p) => ({ text: p.textContent ?? '', dir: p.getAttribute('dir') })));
    report(`${paragraphs.length} paragraphs, the first: «${paragraphs[1]?.text.slice(0, 60)}…»`);
    assert.ok(paragraphs.length >= 10, 'the article is there, not a page of it');
    assert.ok(paragraphs.every((p) => p.dir === 'rtl'), 'each paragraph right to left');
    const doc = await session.harness.workspace.openArticle(FILE);
    assert.ok(Math.max(...(doc.source?.pages ?? [])) >= 2, 'the PDF runs over more than one page');
    assert.equal((await page.locator('.article-head button.open-pdf').textContent())?.trim(), 'Open PDF at p. 1', 'the top of the article is on page 1');
  });

  test('a drag over words on page 2 is glossed and saved at their offsets; in Quotations its citation gives the headline and "p. 2"', async () => {
    const page = session.page;
    const { before, after: end } = await endsOf(page, SPAN, true);
    await drag(page, before, end);
    assert.equal(await selectedText(page), SPAN);
    await page.waitForFunction(() => document.querySelector('.article-head button.open-pdf')?.textContent === 'Open PDF at p. 2', undefined, { timeout: 5_000 });
    await page.waitForSelector(POPOVER, { timeout: 10_000 });
    await clickOn(page, `${POPOVER} input.gloss`);
    await type(page, GLOSS);
    await clickOn(page, `${POPOVER} button.save`);
    const saved = await waitSaved(session.corpus, FILE, (list) => list.some((a) => a.gloss === GLOSS), 15_000);
    const a = saved.find((x) => x.gloss === GLOSS)!;
    const doc = await session.harness.workspace.openArticle(FILE);
    assert.equal(doc.text.slice(a.target.position.start, a.target.position.end), SPAN, 'the offsets index the extracted text');
    assert.equal(a.target.quote.exact, SPAN);
    report(`sidecar: «${a.target.quote.exact}» at ${a.target.position.start}–${a.target.position.end}`);
    await clickOn(page, `${POPOVER} button.close`);
    await endsOf(page, SPAN, true);
    const marked = await page.locator('.reading-text .hl').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(''));
    assert.equal(marked, SPAN, 'the highlight is on the glossed words');
    await keepScreenshots(await screenshotsAtBothSizes(page, 'pdf-article-reading', () => bringIntoView(page, SPAN)));

    await clickOn(page, '.tab-quotations');
    const row = `.q-row:has(.q-quote:text-is("${SPAN}"))`;
    await page.waitForSelector(row, { timeout: 20_000 });
    await clickOn(page, `${row} .q-quote`);
    await page.waitForFunction((q) => document.querySelector('.q-detail:not([hidden]) .q-detail-quote')?.textContent === q, SPAN);
    const citation = (await page.locator('.q-detail-citation').textContent()) ?? '';
    const plain = citation.replace(/[\u2066-\u2069]/g, '');
    report(`citation: «${plain}»`);
    assert.ok(plain.includes(`"${TITLE}"`), plain);
    assert.match(plain, /", p\. 2 ·/, 'the page, then the file');
    await keepScreenshots(await screenshotsAtBothSizes(page, 'pdf-article-quotation'));
  });

  test('"Open PDF at p. 2" from the quotation\'s article hands the PDF\'s real path and page 2 to the shell', async () => {
    const page = session.page;
    await clickOn(page, '.q-detail:not([hidden]) button:text-is("Open in article")');
    await page.waitForFunction(() => /p\. 2$/.test(document.querySelector('.article-head button.open-pdf')?.textContent ?? ''), undefined, { timeout: 10_000 });
    const label = (await page.locator('.article-head button.open-pdf').textContent())?.trim();
    report(`button: «${label}»`);
    await clickOn(page, '.article-head button.open-pdf');
    for (let i = 0; i < 50 && session.harness.openedOriginals.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const real = realpathSync(join(session.corpus, FILE));
    assert.deepEqual(session.harness.openedOriginals, [{ path: real, page: 2 }]);
    report(`handed to the shell: ${JSON.stringify(session.harness.openedOriginals)}`);
  });
});
