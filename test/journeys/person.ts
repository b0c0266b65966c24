// How a person works the app, for the journey tests: the mouse moves in small steps with
// pauses, keys come a frame apart, words are found where they are drawn on screen, and what
// happened is judged by the screen and by the files on disk. Nothing here reaches into the app.
import { copyFileSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR } from '../browser/browser-env';
import { waitShown } from '../browser/test-hooks';

/** A line in the test's output under its test: what was seen, for the record. */
export function report(line: string): void {
  console.log(`  ${line}`);
}

/** Names the screenshots in the output and copies them to /tmp, to be opened and looked at. */
export async function keepScreenshots(shots: string[]): Promise<void> {
  for (const path of shots) copyFileSync(path, join('/tmp', basename(path)));
  report(`screenshots: ${shots.join(', ')}`);
}

/** The reading view's text, where the words are read and selected. */
export const TEXT = '.reading-text';

export interface Point {
  x: number;
  y: number;
}

const STEP_PX = 6;
const STEP_PAUSE_MS = 12;

/** A person's pause: between a look and a click, or after a move. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Where a person's eye finds `words` in the element matching `selector`: its first and last letter. */
export async function wordsOnScreen(page: Page, selector: string, words: string, occurrence = 0): Promise<{ first: DOMRectJSON; last: DOMRectJSON }> {
  const found = await page.evaluate(
    ([sel, w, n]) => {
      const el = document.querySelectorAll(sel)[0];
      if (!el) return null;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        nodes.push(t as Text);
        all += (t as Text).data;
      }
      let at = -1;
      for (let i = 0; i <= n; i++) at = all.indexOf(w, at + 1);
      if (at < 0) return null;
      // No named functions in here: the test runner's transform would wrap them in a helper the page lacks.
      const found: Array<{ x: number; y: number; width: number; height: number } | null> = [];
      for (const offset of [at, at + w.length - 1]) {
        let base = 0;
        let rect: { x: number; y: number; width: number; height: number } | null = null;
        for (const node of nodes) {
          if (offset < base + node.data.length) {
            const r = document.createRange();
            r.setStart(node, offset - base);
            r.setEnd(node, offset - base + 1);
            const b = r.getClientRects()[0] ?? r.getBoundingClientRect();
            rect = { x: b.x, y: b.y, width: b.width, height: b.height };
            break;
          }
          base += node.data.length;
        }
        found.push(rect);
      }
      return { first: found[0] ?? null, last: found[1] ?? null };
    },
    [selector, words, occurrence] as const,
  );
  if (!found?.first || !found.last) throw new Error(`«${words}» is not on screen in ${selector}`);
  return { first: found.first, last: found.last };
}

export interface DOMRectJSON {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The outer edge of a letter in reading order: its right side in right-to-left text. */
export function edgeOf(rect: DOMRectJSON, side: 'before' | 'after', rtl: boolean): Point {
  const right = rtl ? side === 'before' : side === 'after';
  return { x: right ? rect.x + rect.width - 1 : rect.x + 1, y: rect.y + rect.height / 2 };
}

/** A mouse drag from `from` to `to`, in small steps with pauses, with an optional rest midway. */
export async function drag(page: Page, from: Point, to: Point, options: { restMidway?: boolean; modifiers?: Array<'Alt' | 'Shift'> } = {}): Promise<void> {
  for (const m of options.modifiers ?? []) await page.keyboard.down(m);
  await page.mouse.move(from.x, from.y, { steps: 4 });
  await pause(60);
  await page.mouse.down();
  const steps = Math.max(4, Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) / STEP_PX));
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    await pause(STEP_PAUSE_MS);
    if (options.restMidway && i === Math.floor(steps / 2)) await pause(700);
  }
  await pause(80);
  await page.mouse.up();
  for (const m of options.modifiers ?? []) await page.keyboard.up(m);
  await pause(120);
}

/** Keys pressed one after another, a frame or so apart, as fingers do. */
export async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await page.keyboard.press(key);
    await pause(40);
  }
}

/** Text typed at a typist's pace. */
export async function type(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 25 });
}

/** The text the person sees selected. */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}

/** Screenshots of the screen as it is, at the two window sizes a reader uses most. */
/** `arrange` runs after each resize (a long text reflows: the words shown are brought back into view). */
export async function screenshotsAtBothSizes(page: Page, name: string, arrange?: () => Promise<void>): Promise<string[]> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const before = page.viewportSize();
  const paths: string[] = [];
  for (const size of [{ width: 1440, height: 900 }, { width: 900, height: 700 }]) {
    await page.setViewportSize(size);
    await pause(150);
    if (arrange) await arrange();
    const path = join(OUTPUT_DIR, `${name}-${size.width}x${size.height}.png`);
    await page.screenshot({ path });
    paths.push(path);
  }
  if (before) await page.setViewportSize(before);
  return paths;
}

/** Clicks where a person sees `selector`, in the middle of its box. */
export async function clickOn(page: Page, selector: string): Promise<void> {
  const el = page.locator(selector).first();
  let box = null;
  // What is drawn again (a popover after its save) is looked for again, as the eye does.
  for (let i = 0; i < 20 && !box; i++) {
    await el.waitFor({ state: 'visible', timeout: 20_000 });
    await el.scrollIntoViewIfNeeded().catch(() => undefined);
    box = await el.boundingBox();
    if (!box) await pause(100);
  }
  if (!box) throw new Error(`${selector} is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await pause(60);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Clicks the article's row in the list and waits until its text is drawn. */
export async function openArticle(page: Page, file: string): Promise<void> {
  await clickOn(page, `li.article[data-file="${file}"]`);
  await waitShown(page, file);
  await page.waitForSelector(`${TEXT} p.para`);
}

/** Scrolls with the wheel, as a reader does, until `words` are well inside the window. */
export async function bringIntoView(page: Page, words: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const { first, last } = await wordsOnScreen(page, TEXT, words);
    const height = page.viewportSize()!.height;
    const top = Math.min(first.y, last.y);
    const bottom = Math.max(first.y + first.height, last.y + last.height);
    if (top > 120 && bottom < height - 260) return;
    const box = (await page.locator(TEXT).boundingBox())!;
    // Over the text where it is on screen: once a long text is scrolled its box starts above the window.
    await page.mouse.move(box.x + box.width / 2, Math.min(height / 2, Math.max(box.y, 200) + 40));
    await page.mouse.wheel(0, top <= 120 ? -120 : 120);
    await pause(150);
  }
}

/** The outer edges of `words` on screen: where a drag over them starts and ends. */
export async function endsOf(page: Page, words: string, rtl: boolean): Promise<{ before: Point; after: Point }> {
  await bringIntoView(page, words);
  const { first, last } = await wordsOnScreen(page, TEXT, words);
  return { before: edgeOf(first, 'before', rtl), after: edgeOf(last, 'after', rtl) };
}

/**
 * Puts the Arabic news article the journeys share (not from this project, with a headline,
 * three paragraphs and line breaks that wrap) into a corpus as `file`, before the app opens it.
 */
export function withArabicArticle(file: string): (corpus: string) => Promise<void> {
  return (corpus) => cp(new URL('./fixtures/arabic-news.txt', import.meta.url), join(corpus, file));
}

