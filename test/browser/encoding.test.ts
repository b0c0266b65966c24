// Files from the field: the encoding found is shown and can be overridden per article (issue 6).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { findChromium, NO_CHROMIUM, openSession, waitReady, type Session } from './browser-env';
import { shownArticle, waitShown } from './test-hooks';

const skip = findChromium() ? false : NO_CHROMIUM;
const FILE = 'cp1256.txt';
const TEXT = 'أكد الرئيس الإيراني حسن روحاني دعم طهران للعراق في حربه ضد الإرهاب.\r\nوأفادت الرئاسة الإيرانية بأن الكاظمي أعرب عن أسفه.\r\n';

describe('articles in other encodings', { skip }, () => {
  let session: Session;

  before(async () => {
    session = await openSession();
    await writeFile(join(session.corpus, FILE), iconv.encode(TEXT, 'windows-1256'));
    await session.page.reload();
    await waitReady(session.page);
  });

  after(async () => {
    await session?.close();
  });

  test('a Windows-1256 article is decoded right, and the encoding chosen by the user is kept in its sidecar', async () => {
    const page = session.page;
    await page.click(`li.article[data-file="${FILE}"]`);
    await waitShown(page, FILE);
    assert.equal(await page.inputValue('select.encoding'), 'windows-1256');
    const text = (await shownArticle(session.harness.workspace, page)).text;
    assert.equal(text, TEXT, 'decoded exactly, CRLF kept so offsets index the decoded text');
    assert.ok((await page.textContent('.reading-text'))!.includes('أكد الرئيس الإيراني'));

    // The user says it is really ISO-8859-6: the choice is stored and the text decoded that way.
    await page.selectOption('select.encoding', 'iso-8859-6');
    await page.waitForFunction(() => document.querySelector('select.encoding option[value="iso-8859-6"]')?.textContent?.endsWith('(chosen)'));
    const sidecar = JSON.parse(await readFile(join(session.corpus, `${FILE}.annotations.json`), 'utf8'));
    assert.equal(sidecar.metadata.encoding, 'iso-8859-6');
    const after = (await shownArticle(session.harness.workspace, page)).text;
    assert.equal(after, iconv.decode(iconv.encode(TEXT, 'windows-1256'), 'iso-8859-6'));

    await page.selectOption('select.encoding', 'windows-1256');
    await page.waitForFunction(() => document.querySelector('select.encoding option[value="windows-1256"]')?.textContent?.endsWith('(chosen)'));
    assert.equal((await shownArticle(session.harness.workspace, page)).text, TEXT);
  });
});
