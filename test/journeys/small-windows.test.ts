// Journey: a small window. At 900×700 and 1280×720, on the Read and the Side by side views,
// every toolbar control is either fully on screen or offered in its toolbar's More menu, which
// opens with the mouse and with the keys and does what the control does; the side-by-side
// toolbar keeps to two rows; the review panel, when it has nothing, takes no width.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM, OUTPUT_DIR, useSession, type Session } from '../browser/browser-env';
import { clickOn, pause, press } from './person';

const skip = findChromium() ? false : NO_CHROMIUM;
const SIZES = [
  { width: 900, height: 700 },
  { width: 1280, height: 720 },
];
const TOOLBARS = { read: ['.topbar'], 'side-by-side': ['.topbar', '.side-by-side-view .sbs-toolbar'] } as const;

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await pause(250);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function showView(page: Page, view: 'read' | 'side-by-side'): Promise<void> {
  await clickOn(page, `.tab-${view}`);
  if (view === 'side-by-side') await page.waitForSelector('.side-by-side-view:not([hidden])[aria-busy="false"]', { timeout: 30_000 });
  else await page.waitForSelector('.read-view:not([hidden])');
  await settle(page);
}

interface Control {
  label: string;
  shown: boolean;
  box: { x: number; y: number; right: number; bottom: number };
}

/** A toolbar's controls as the person meets them: what each says, whether and where it is drawn. */
function controlsOf(page: Page, toolbar: string): Promise<Control[]> {
  return page.evaluate((sel) => {
    const bar = document.querySelector(sel)!;
    return [...bar.querySelectorAll<HTMLElement>('button, select, input')]
      // (A file input is never drawn: its button, «Import…», stands for it.)
      .filter((el) => !el.classList.contains('more-button') && !(el instanceof HTMLInputElement && el.type === 'file'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        const text = el.textContent?.trim() ?? '';
        const label = el.getAttribute('aria-label') ?? (/\p{L}{2}/u.test(text) ? text : el.title || text);
        return { label, shown: el.getClientRects().length > 0, box: { x: r.x, y: r.y, right: r.right, bottom: r.bottom } };
      });
  }, toolbar);
}

/** The More menu of a toolbar, opened with the mouse: the labels it offers (then closed again). */
async function moreMenuItems(page: Page, toolbar: string): Promise<string[]> {
  await clickOn(page, `${toolbar} .more-button`);
  await page.waitForSelector('.more-menu:not([hidden])');
  const items = await page.evaluate(() => {
    const menu = [...document.querySelectorAll('.more-menu')].find((m) => !(m as HTMLElement).hidden)!;
    const r = menu.getBoundingClientRect();
    return { labels: [...menu.querySelectorAll('.more-item')].map((i) => i.textContent!.trim()), inside: r.right <= innerWidth && r.bottom <= innerHeight && r.x >= 0 && r.y >= 0, box: [r.x, r.y, r.right, r.bottom] };
  });
  assert.ok(items.inside, `the open menu is inside the window: ${JSON.stringify(items)}`);
  await press(page, 'Escape');
  await page.waitForFunction(() => [...document.querySelectorAll('.more-menu')].every((m) => (m as HTMLElement).hidden));
  return items.labels;
}

/** The reading text's size, as drawn. */
function readingSize(page: Page): Promise<number> {
  return page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.reading-text')!).fontSize));
}

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: join(OUTPUT_DIR, name) });
}

describe('small windows: nothing cut off, what does not fit is in More', { skip }, () => {
  let session: Session;
  useSession((s) => (session = s), { viewport: { width: 1440, height: 900 } });

  for (const size of SIZES) {
    for (const view of ['read', 'side-by-side'] as const) {
      test(`${size.width}×${size.height}, ${view}: every toolbar control is on screen or in More`, async () => {
        const page = session.page;
        await page.setViewportSize(size);
        await showView(page, view);
        for (const toolbar of TOOLBARS[view]) {
          const controls = await controlsOf(page, toolbar);
          assert.ok(controls.length > 3, `${toolbar} has controls`);
          const folded = controls.filter((c) => !c.shown);
          for (const c of controls.filter((c) => c.shown)) {
            assert.ok(c.box.x >= 0 && c.box.y >= 0 && c.box.right <= size.width && c.box.bottom <= size.height, `${toolbar} «${c.label}» is inside the window: ${JSON.stringify(c.box)}`);
          }
          if (folded.length === 0) {
            assert.equal(await page.locator(`${toolbar} .more-button`).isVisible(), false, 'no More button when everything fits');
            continue;
          }
          const offered = await moreMenuItems(page, toolbar);
          for (const c of folded) assert.ok(offered.includes(c.label), `${toolbar} «${c.label}» is in the More menu (${offered.join(', ')})`);
        }
        if (view === 'side-by-side') {
          const geometry = await page.evaluate(() => {
            const bar = document.querySelector('.side-by-side-view .sbs-toolbar') as HTMLElement;
            const shown = [...bar.children].filter((c) => c.getClientRects().length > 0) as HTMLElement[];
            const tops = shown.map((c) => c.getBoundingClientRect().top).sort((a, b) => a - b);
            const rowHeight = Math.max(...shown.map((c) => c.getBoundingClientRect().height));
            const panel = document.querySelector('.side-by-side-view .review-panel') as HTMLElement;
            const strip = document.querySelector('.side-by-side-view .sbs-columns') as HTMLElement;
            return {
              rows: tops.filter((t, i) => i === 0 || t - tops[i - 1]! > rowHeight / 2).length,
              height: bar.getBoundingClientRect().height,
              rowHeight,
              review: document.querySelector('.side-by-side-view .review-toggle')!.textContent!.trim(),
              panelWidth: panel.getBoundingClientRect().width,
              stripRight: strip.getBoundingClientRect().right,
            };
          });
          assert.ok(geometry.rows <= 2, `the side-by-side toolbar is at most two rows: ${geometry.rows}`);
          assert.ok(geometry.height <= geometry.rowHeight * 2 + 24, `and as high as two rows: ${geometry.height}px for rows of ${geometry.rowHeight}px`);
          assert.equal(geometry.review, 'Review (0)', 'nothing to review for this pair');
          assert.equal(geometry.panelWidth, 0, 'the empty review panel takes no width');
          assert.ok(geometry.stripRight >= size.width - 1, 'the columns reach the window edge');
        }
        await shoot(page, `journey-small-${view}-${size.width}x${size.height}.png`);
      });
    }
  }

  test('900×700: the top bar\'s More menu opens with the keys and with the mouse, and its controls work', async () => {
    const page = session.page;
    await page.setViewportSize({ width: 900, height: 700 });
    await showView(page, 'read');
    const before = await readingSize(page);
    // Keys: Tab along the bar to More, Enter opens it with the first item in focus, arrows move.
    await clickOn(page, '.topbar .brand');
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await press(page, 'Tab');
      reached = await page.evaluate(() => document.activeElement?.classList.contains('more-button') === true);
    }
    assert.ok(reached, 'Tab reaches the More button');
    await press(page, 'Enter');
    await page.waitForSelector('.more-menu:not([hidden])');
    const focused = () => page.evaluate(() => (document.activeElement?.classList.contains('more-item') ? document.activeElement.textContent!.trim() : null));
    assert.ok(await focused(), 'the first item has the focus');
    let label: string | null = null;
    for (let i = 0; i < 12 && label !== 'Larger text'; i++) {
      await press(page, 'ArrowDown');
      label = await focused();
    }
    assert.equal(label, 'Larger text', 'arrows reach «Larger text»');
    await press(page, 'Enter');
    await page.waitForFunction((b) => parseFloat(getComputedStyle(document.querySelector('.reading-text')!).fontSize) > b, before);
    assert.equal(await page.locator('.topbar + .more-menu').isHidden(), true, 'the menu closed');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('more-button')), true, 'focus went back to More');
    // Mouse: More, then «Smaller text» in the menu.
    await clickOn(page, '.topbar .more-button');
    await page.waitForSelector('.more-menu:not([hidden])');
    await clickOn(page, '.more-menu:not([hidden]) .more-item:text-is("Smaller text")');
    await page.waitForFunction((b) => parseFloat(getComputedStyle(document.querySelector('.reading-text')!).fontSize) === b, before);
  });

  test('900×700: the side-by-side More menu offers the folded buttons and one works from it', async () => {
    const page = session.page;
    await page.setViewportSize({ width: 900, height: 700 });
    await showView(page, 'side-by-side');
    const offered = await moreMenuItems(page, '.sbs-toolbar');
    assert.ok(offered.length > 0, 'something folded at 900 wide');
    await clickOn(page, '.sbs-toolbar .more-button');
    await page.waitForSelector('.more-menu:not([hidden])');
    await clickOn(page, '.more-menu:not([hidden]) .more-item:text-is("Pair these")');
    await page.waitForFunction(() => /Paired as translation/.test(document.querySelector('.toast:not([hidden])')?.textContent ?? ''));
  });

  test('screenshots at 1440×900, 1280×720 and 900×700 of both views', async () => {
    const page = session.page;
    for (const size of [{ width: 1440, height: 900 }, ...SIZES]) {
      await page.setViewportSize(size);
      for (const view of ['read', 'side-by-side'] as const) {
        await showView(page, view);
        await shoot(page, `journey-small-${view}-${size.width}x${size.height}.png`);
      }
    }
  });
});
