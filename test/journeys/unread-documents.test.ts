// Journey (issue 23, point 8): nothing skipped in silence. A folder with two articles, a saved
// page with its `_files` folder (an article too) and three documents Hashiya does not read yet
// (an old Word .doc, an RTF file, an OpenDocument file; Word files and PDFs are articles since issue 24) opens; the person sees "3 files not read" under the list, clicks it with the mouse
// and reads each name with its reason, Persian and Arabic names in their own order. A folder of
// only such documents says so instead of showing an empty list.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM, useSession, type Session } from '../browser/browser-env';
import { clickOn, pause, report, screenshotsAtBothSizes } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;
const ARABIC = fileURLToPath(new URL('./fixtures/arabic-news.txt', import.meta.url));
const SAMPLE_FA = fileURLToPath(new URL('../../corpus/sample/000_4b15f26e11b27dea.txt', import.meta.url));

const UNREAD = [
  { file: 'notes.rtf', reason: 'RTF files are not read yet' },
  { file: 'گزارش سالانه ۱۴۰۲.doc', reason: 'old Word (.doc) files cannot be read: save it as .docx' },
  { file: 'خبر اليوم.odt', reason: 'OpenDocument text files are not read yet' },
];

/** A corpus folder made before the app opens it: the articles copied in, the unread documents as bytes. */
function folder(articles: Array<{ from: string; to: string }>, unread: string[]): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hashiya-unread-')), 'corpus');
  mkdirSync(dir);
  for (const a of articles) copyFileSync(a.from, join(dir, a.to));
  for (const name of unread) writeFileSync(join(dir, name), 'not an article');
  made.push(dirname(dir));
  return dir;
}

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function shownUnread(page: Page): Promise<Array<{ file: string; reason: string; extensionAtRight: boolean; visible: boolean }>> {
  return page.locator('.unread-documents li.unread').evaluateAll((items) =>
    items.map((li) => {
      const name = li.querySelector('.unread-file') as HTMLElement;
      const r = li.getBoundingClientRect();
      // Where the eye finds the name's first letter and its extension's dot.
      const text = name.firstChild as Text;
      const letter = document.createRange();
      letter.setStart(text, 0);
      letter.setEnd(text, 1);
      const dot = document.createRange();
      const at = text.data.lastIndexOf('.');
      dot.setStart(text, at);
      dot.setEnd(text, at + 1);
      return {
        file: name.textContent ?? '',
        reason: li.querySelector('.unread-reason')?.textContent ?? '',
        extensionAtRight: dot.getBoundingClientRect().left >= letter.getBoundingClientRect().right - 1,
        visible: r.width > 0 && r.height > 0 && name.scrollWidth <= name.clientWidth + 1,
      };
    }),
  );
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const path of await screenshotsAtBothSizes(page, name)) copyFileSync(path, join('/tmp', basename(path)));
}

describe('documents the app does not read are named, not left out', { skip }, () => {
  let session: Session;
  const source = folder(
    [
      { from: ARABIC, to: 'arabic-news.txt' },
      { from: SAMPLE_FA, to: 'persian-news.txt' },
    ],
    UNREAD.map((u) => u.file),
  );
  // A saved page is an article; its own folder of images and scripts, with a page inside, is not a document.
  writeFileSync(join(source, 'خبر اليوم.html'), '<html><body><p>قال المتحدث إن المحادثات ستستمر.</p></body></html>');
  mkdirSync(join(source, 'خبر اليوم_files'));
  writeFileSync(join(source, 'خبر اليوم_files', 'ad-frame.html'), '<html></html>');
  useSession((s) => (session = s), { source, viewport: { width: 1440, height: 900 } });

  test('under the three articles, "3 files not read" opens with a click to name each file with its reason', async () => {
    const page = session.page;
    await page.waitForSelector('li.article');
    assert.equal(await page.locator('li.article').count(), 3, 'the two articles and the saved page are listed');
    const summary = page.locator('.unread-documents summary');
    assert.equal((await summary.textContent())?.trim(), '3 files not read');
    assert.equal(await page.locator('.unread-documents li.unread').first().isVisible(), false, 'closed until clicked');
    await clickOn(page, '.unread-documents summary');
    await pause(200);
    const shown = await shownUnread(page);
    report(`shown: ${JSON.stringify(shown)}`);
    const expected = [...UNREAD].sort((a, b) => (a.file < b.file ? -1 : 1));
    assert.deepEqual(shown.map((s) => ({ file: s.file, reason: s.reason })), expected);
    for (const s of shown) assert.ok(s.visible, `${s.file} is drawn whole`);
    // A Persian or Arabic name reads right to left, then its extension at the right, as the article list shows names.
    for (const s of shown) assert.ok(s.extensionAtRight, `${s.file}: the extension is drawn after the name, at its right`);
    assert.ok(!shown.some((s) => s.file.includes('_files')), "the page's _files folder is not a document");
    await screenshots(page, 'unread-open');
    report(`tried: 3 unread documents beside 3 articles; named: ${shown.length}`);
  });

  test('an RTF file dropped into the open folder is counted without opening the folder again', async () => {
    const page = session.page;
    writeFileSync(join(session.corpus, 'بيان.rtf'), '{\\rtf1}');
    await page.waitForFunction(() => document.querySelector('.unread-documents summary')?.textContent?.trim() === '4 files not read', undefined, { timeout: 15_000 });
    assert.equal(await page.locator('li.article').count(), 3, 'the articles stay as they were');
  });
});

describe('a folder with only documents the app does not read', { skip }, () => {
  let session: Session;
  const source = folder([], ['notes.rtf', 'old memo.doc']);
  useSession((s) => (session = s), { source, viewport: { width: 1440, height: 900 } });

  test('says so plainly, with the files not read, instead of an empty list', async () => {
    const page = session.page;
    await page.waitForSelector('.unread-documents summary');
    assert.equal(await page.locator('li.article').count(), 0);
    const said = (await page.locator('.unread-documents .unread-empty').textContent())?.trim();
    report(`said: «${said}»`);
    assert.equal(said, 'No articles Hashiya can read in this folder yet.');
    assert.equal((await page.locator('.unread-documents summary').textContent())?.trim(), '2 files not read');
    await clickOn(page, '.unread-documents summary');
    await pause(200);
    const shown = await shownUnread(page);
    assert.deepEqual(shown.map((s) => s.file), ['notes.rtf', 'old memo.doc']);
    assert.equal(shown[1]!.reason, 'old Word (.doc) files cannot be read: save it as .docx');
    await screenshots(page, 'unread-only');
  });
});
