// Journey (issue 23, point 6): paste as a new article. A person reading a Persian news page in
// the browser selects its headline and paragraphs with the mouse, copies them with Ctrl+C, and
// in Hashiya presses Ctrl+Shift+V (File → New Article from Clipboard in the app): a dialog shows
// the first lines and a name from the headline; they change the name and press Enter. The file
// is in the corpus with the page's paragraphs, the article opens and the list shows it. A second
// paste under the same name writes nothing over it: the dialog says so and offers a free name.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM, useSession, type Session } from '../browser/browser-env';
import { drag, edgeOf, pause, press, report, screenshotsAtBothSizes, type, wordsOnScreen } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;

const HEADLINE = 'رایزنی تلفنی روسای جمهور ایران و ترکیه';
const PARAGRAPHS = [
  'رئیسجمهور روز دوشنبه در گفت و گویی تلفنی با همتای ترک خود درباره روابط دو کشور رایزنی کرد.',
  'دو طرف بر ادامه همکاری های اقتصادی و افزایش حجم مبادلات تجاری تا ۳۰ میلیارد دلار تاکید کردند.',
  'این گفت و گو یک ساعت به طول انجامید.',
];
/** A news page as a site serves it: a menu bar above the article that the person does not select. */
const PAGE = `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>${HEADLINE} - خبرگزاری</title>
<style>body { font: 18px/1.8 sans-serif; max-width: 40em; margin: 30px auto; } nav { color: #777; }</style></head>
<body><nav>صفحه اصلی | سیاسی | اقتصادی</nav><article><h1>${HEADLINE}</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

const NAME = 'تماس اردوغان';

/** The dialog as the person sees it: its preview lines with their direction, the name, the message. */
async function dialogShown(page: Page): Promise<{ lines: Array<{ text: string; dir: string; rightAligned: boolean }>; name: string; nameDir: string; message: string }> {
  return page.locator('dialog.new-article-dialog').evaluate((d) => {
    const lines = [...d.querySelectorAll('.new-article-preview p:not(.more)')].map((p) => {
      const box = p.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(p);
      const text = range.getBoundingClientRect();
      return { text: p.textContent ?? '', dir: getComputedStyle(p).direction, rightAligned: Math.abs(text.right - box.right) < 2 };
    });
    const input = d.querySelector('input[name="name"]') as HTMLInputElement;
    return { lines, name: input.value, nameDir: getComputedStyle(input).direction, message: d.querySelector('.error')?.textContent ?? '' };
  });
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const path of await screenshotsAtBothSizes(page, name)) copyFileSync(path, join('/tmp', basename(path)));
}

describe('a passage copied from a web page becomes a new article', { skip }, () => {
  let session: Session;
  let server: Server;
  let newsUrl = '';
  before(async () => {
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    newsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/1`;
  });
  after(() => new Promise<void>((ok) => server.close(() => ok())));
  useSession((s) => (session = s), { viewport: { width: 1440, height: 900 } });

  /** In the news page: drag from the headline's first letter to the last paragraph's last, then Ctrl+C. */
  async function copyFromNewsPage(): Promise<void> {
    const context = session.page.context();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.page.url()).origin });
    const news = await context.newPage();
    await news.goto(newsUrl);
    const from = await wordsOnScreen(news, 'article', HEADLINE);
    const to = await wordsOnScreen(news, 'article', PARAGRAPHS.at(-1)!);
    await drag(news, edgeOf(from.first, 'before', true), edgeOf(to.last, 'after', true));
    const selected = await news.evaluate(() => document.getSelection()?.toString() ?? '');
    assert.ok(selected.includes(HEADLINE) && selected.includes('یک ساعت به طول'), `selected: ${selected}`);
    await press(news, 'Control+c');
    await news.close();
    await session.page.bringToFront();
  }

  test('Ctrl+C on the page, Ctrl+Shift+V in Hashiya, a new name and Enter: the file holds the paragraphs, opens and is listed', async () => {
    const page = session.page;
    await copyFromNewsPage();
    await page.locator('.reading-text').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
    await press(page, 'Control+Shift+V');
    await page.waitForSelector('dialog.new-article-dialog[open]');
    await pause(200);
    const shown = await dialogShown(page);
    report(`preview: ${JSON.stringify(shown)}`);
    assert.deepEqual(shown.lines.map((l) => l.text), [HEADLINE, ...PARAGRAPHS]);
    for (const l of shown.lines) assert.ok(l.dir === 'rtl' && l.rightAligned, `«${l.text.slice(0, 20)}» reads right to left from the right edge`);
    assert.equal(shown.name, `${HEADLINE}.txt`, 'the name is suggested from the headline');
    assert.equal(shown.nameDir, 'ltr', 'a file name reads as the lists show it: the Persian name, then .txt at its right');
    await screenshots(page, 'new-article-dialog');
    // The name's stem is selected: typing replaces it and keeps `.txt`.
    await type(page, NAME);
    await press(page, 'Enter');
    await page.waitForSelector('dialog.new-article-dialog', { state: 'detached' });
    const onDisk = readFileSync(join(session.corpus, `${NAME}.txt`), 'utf8');
    assert.equal(onDisk, [HEADLINE, ...PARAGRAPHS].join('\n\n'));
    await page.waitForSelector(`li.article[data-file="${NAME}.txt"]`);
    await page.waitForFunction((p) => document.querySelector('.reading-text')?.textContent?.includes(p), PARAGRAPHS[1]!);
    report(`created ${NAME}.txt: ${onDisk.length} characters, ${onDisk.split('\n\n').length} paragraphs; listed and open`);
  });

  test('a second paste under the same name writes nothing over the first: the dialog says so and offers a free name', async () => {
    const page = session.page;
    const first = readFileSync(join(session.corpus, `${NAME}.txt`));
    await copyFromNewsPage();
    await press(page, 'Control+Shift+V');
    await page.waitForSelector('dialog.new-article-dialog[open]');
    await pause(150);
    await page.keyboard.press('Control+a');
    await type(page, `${NAME}.txt`);
    await press(page, 'Enter');
    await page.waitForFunction(() => (document.querySelector('dialog.new-article-dialog .error')?.textContent ?? '') !== '');
    const shown = await dialogShown(page);
    report(`taken: «${shown.message}», offered: ${shown.name}`);
    assert.match(shown.message, /already in the corpus and was left as it is/);
    assert.equal(shown.name, `${NAME} (2).txt`);
    assert.deepEqual(readFileSync(join(session.corpus, `${NAME}.txt`)), first, "the first file's bytes are unchanged");
    await screenshots(page, 'new-article-taken');
    await press(page, 'Escape');
    await page.waitForSelector('dialog.new-article-dialog', { state: 'detached' });
    assert.throws(() => readFileSync(join(session.corpus, `${NAME} (2).txt`)), 'Escape creates nothing');
  });
});
