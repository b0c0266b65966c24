// Journey (issue 24, "What must be shown"): a folder with a Word file made by LibreOffice (an
// Arabic statement with a heading, a footnote and a reviewer's comment) opens. The person finds
// it in the list under its title, opens it, reads its heading and paragraphs right to left with
// no footnote or comment among them, drags the mouse over words of its body, glosses them, and
// reads the quotation's citation in Quotations: its author and headline. Screenshots of the
// Word article in the reading view at 1440×900 and 900×700.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { findChromium, NO_CHROMIUM, useSession, type Session } from '../browser/browser-env';
import { waitSaved } from '../browser/test-hooks';
import { convertToDocx, NO_SOFFICE, rtlDocument } from '../fixtures/word-files';
import { clickOn, drag, endsOf, openArticle, report, screenshotsAtBothSizes, selectedText, type } from './person';

const skip = findChromium() ? (NO_SOFFICE || false) : NO_CHROMIUM;
const POPOVER = '.popover:not([hidden])';
const FILE = 'بيان الرئاسة.docx';
const TITLE = 'روحاني يؤكد للكاظمي دعم إيران للعراق';
const SPAN = 'إن طهران تدعم بغداد';
const GLOSS = 'that Tehran supports Baghdad';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A corpus folder holding the Word file, made by LibreOffice before the app opens it. */
function folder(): string {
  const base = mkdtempSync(join(tmpdir(), 'hashiya-word-journey-'));
  made.push(base);
  const corpus = join(base, 'corpus');
  mkdirSync(corpus);
  if (skip) return corpus;
  writeFileSync(join(base, 'statement.fodt'), rtlDocument(TITLE));
  copyFileSync(convertToDocx(base, 'statement.fodt'), join(corpus, FILE));
  return corpus;
}

describe('a Word file read, glossed and quoted', { skip }, () => {
  let session: Session;
  const source = folder();
  useSession((s) => (session = s), { source, viewport: { width: 1440, height: 900 } });

  test('listed under its title, opened, its heading and paragraphs drawn right to left with no footnote or comment', async () => {
    const page = session.page;
    await page.waitForSelector(`li.article[data-file="${FILE}"]`);
    await page.waitForFunction((f) => !document.querySelector(`li.article[data-file="${f}"]`)?.classList.contains('pending'), FILE, { timeout: 20_000 }).catch(() => undefined);
    const listed = await page.locator(`li.article[data-file="${FILE}"]`).textContent();
    report(`listed as: «${listed?.trim()}»`);
    assert.ok(listed?.includes(TITLE), 'the list shows the title property');
    await openArticle(page, FILE);
    const headline = (await page.locator('.article-head h1.headline').textContent())?.trim();
    assert.equal(headline, TITLE);
    const paragraphs = await page.locator('.reading-text p.para').evaluateAll((ps) => ps.map((p) => ({ text: p.textContent ?? '', dir: p.getAttribute('dir') })));
    report(`paragraphs: ${JSON.stringify(paragraphs)}`);
    assert.deepEqual(paragraphs.map((p) => p.text), ['روحاني يؤكد دعم العراق', 'قال الرئيس الإيراني إن طهران تدعم بغداد.', 'وأضاف أن التعاون مستمر بين البلدين.', 'ترجمه English words ضمن النص.']);
    assert.ok(paragraphs.every((p) => p.dir === 'rtl'), 'each paragraph right to left');
    const shots = await screenshotsAtBothSizes(page, 'word-article-reading');
    for (const path of shots) copyFileSync(path, join('/tmp', basename(path)));
    report(`screenshots: ${shots.join(', ')}`);
  });

  test('a drag over words of the body is glossed and saved at their offsets; its citation names the author and the title', async () => {
    const page = session.page;
    const { before, after: end } = await endsOf(page, SPAN, true);
    await drag(page, before, end);
    assert.equal(await selectedText(page), SPAN);
    await page.waitForSelector(POPOVER, { timeout: 10_000 });
    await clickOn(page, `${POPOVER} input.gloss`);
    await type(page, GLOSS);
    await clickOn(page, `${POPOVER} button.save`);
    const saved = await waitSaved(session.corpus, FILE, (list) => list.some((a) => a.gloss === GLOSS), 15_000);
    const a = saved.find((x) => x.gloss === GLOSS)!;
    const text = (await session.harness.workspace.openArticle(FILE)).text;
    assert.equal(text.slice(a.target.position.start, a.target.position.end), SPAN, 'the offsets index the extracted text');
    await clickOn(page, `${POPOVER} button.close`);
    await clickOn(page, '.tab-quotations');
    const row = `.q-row:has(.q-quote:text-is("${SPAN}"))`;
    await page.waitForSelector(row, { timeout: 20_000 });
    await clickOn(page, `${row} .q-quote`);
    await page.waitForFunction((q) => document.querySelector('.q-detail:not([hidden]) .q-detail-quote')?.textContent === q, SPAN);
    const citation = (await page.locator('.q-detail-citation').textContent()) ?? '';
    const plain = citation.replace(/[\u2066-\u2069]/g, '');
    report(`citation: «${plain}»`);
    assert.ok(plain.startsWith(`سارا احمدی, "${TITLE}"`), plain);
    const shots = await screenshotsAtBothSizes(page, 'word-article-quotation');
    for (const path of shots) copyFileSync(path, join('/tmp', basename(path)));
  });
});

