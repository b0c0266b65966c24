// What the side-by-side tests do and see as a person would: the text pickers, the view's busy
// state, the segments lit on screen, and the alignments and drafts the app wrote to disk.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AlignmentLink, Sidecar } from '../../annotations/model/types';
import type { Session } from './browser-env';

export type Span = { start: number; end: number };

const VIEW = '.side-by-side-view';

/** Waits until the view shows its texts and has no action running. */
export async function waitIdle(page: Page): Promise<void> {
  await page.waitForSelector(`${VIEW}[aria-busy="false"]`);
}

export async function showSideBySide(page: Page): Promise<void> {
  await page.click('.tab-side-by-side');
  await waitIdle(page);
}

/** Two frames: the connector gutters are drawn at the next one. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Opens texts in the columns ('#draft' for the first text's English draft) with the text
 * pickers, first to third, each once the view has shown the one before.
 */
export async function openTexts(page: Page, files: string[]): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const picker = `${VIEW} .pick-${i}`;
    const want = files[i] ?? '';
    if ((await page.locator(picker).inputValue()) === want) continue;
    await page.selectOption(picker, want);
    await waitIdle(page);
  }
  await waitIdle(page);
  await nextFrames(page);
}

/** The kind of the two texts shown, as the pairing controls show it. */
export async function alignmentKind(page: Page): Promise<string> {
  return page.locator(`${VIEW} .pair-kind`).inputValue();
}

/** Waits until the draft has no change waiting to be saved, nor a save under way. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForSelector(`${VIEW} .draft-col .save-state[data-pending="false"]:not([data-state="saving"])`, { state: 'attached' });
}

/** Clicks after the last word of an element's text, which puts the caret at its end. */
export async function clickAtEnd(page: Page, selector: string): Promise<void> {
  const target = page.locator(selector);
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  await page.mouse.click(box.x + box.width - 2, box.y + box.height - 2);
  await page.keyboard.press('End');
}

export async function sidecar(session: Session, file: string): Promise<Sidecar> {
  return JSON.parse(await readFile(join(session.corpus, `${file}.annotations.json`), 'utf8')) as Sidecar;
}

/** Waits until the file on disk satisfies `ok` (the app writes it a moment after the change). */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 100; i++) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what}; last seen: ${JSON.stringify(last)?.slice(0, 400)}`);
}

/**
 * The links of `a` with `b` as kept on disk, seen from `a` (as the view holds them: when they
 * are kept in b's sidecar, mirrored and in a's order); null while none are kept.
 */
export async function storedLinks(session: Session, a: string, b: string): Promise<AlignmentLink[] | null> {
  const own = (await sidecar(session, a).catch(() => null))?.alignments.find((x) => x.other === b);
  if (own) return own.links;
  const theirs = (await sidecar(session, b).catch(() => null))?.alignments.find((x) => x.other === a);
  if (!theirs) return null;
  return theirs.links.map((l) => ({ ...l, a: l.b, b: l.a })).sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0]);
}

/** The links between the first two articles shown, from disk (waiting until they are written). */
export async function links(session: Session): Promise<AlignmentLink[]> {
  const files = await session.page.locator(`${VIEW} .sbs-col.article-col`).evaluateAll((cols) => cols.map((c) => (c as HTMLElement).dataset.file!));
  assert.ok(files.length >= 2, `two articles are shown (${files})`);
  const found = await eventually(() => storedLinks(session, files[0]!, files[1]!), (l) => l !== null, `the links of ${files[0]} with ${files[1]} are kept`);
  return found!;
}

/** The segment spans of column `k`, in order. */
export async function segmentSpans(page: Page, k: number): Promise<Span[]> {
  return page.evaluate(
    (col) =>
      [...document.querySelectorAll(`.sbs-col[data-column="${col}"] .seg`)].map((e) => ({
        start: Number((e as HTMLElement).dataset.start),
        end: Number((e as HTMLElement).dataset.end),
      })),
    k,
  );
}

/** The segment at the reading line (just below the top edge) of column `k`. */
export async function segmentAtTop(page: Page, k: number): Promise<Span> {
  return page.evaluate((col) => {
    const scroller = document.querySelector(`.sbs-col[data-column="${col}"] .col-scroll`)!;
    const line = scroller.getBoundingClientRect().top + 12;
    const el = [...scroller.querySelectorAll('.seg')].find((e) => e.getBoundingClientRect().bottom > line) as HTMLElement;
    return { start: Number(el.dataset.start), end: Number(el.dataset.end) };
  }, k);
}

/**
 * Points at the segment at the reading line of column `from` (where it shows, without
 * scrolling) and returns the segments of column `to` lit as its counterparts.
 */
export async function counterpartsOfTop(page: Page, from: number, to: number): Promise<Span[]> {
  const top = await segmentAtTop(page, from);
  const point = await page.evaluate(
    ([col, start]) => {
      const scroller = document.querySelector(`.sbs-col[data-column="${col}"] .col-scroll`)!.getBoundingClientRect();
      const line = scroller.top + 12;
      for (const el of document.querySelectorAll(`.sbs-col[data-column="${col}"] .seg[data-start="${start}"]`)) {
        for (const r of el.getClientRects()) {
          if (r.bottom <= line || r.top >= scroller.bottom || r.width === 0) continue;
          const top = Math.max(r.top, scroller.top);
          const bottom = Math.min(r.bottom, scroller.bottom);
          return { x: (Math.max(r.left, scroller.left) + Math.min(r.right, scroller.right)) / 2, y: (top + bottom) / 2 };
        }
      }
      return null;
    },
    [from, top.start] as const,
  );
  assert.ok(point, `the segment ${JSON.stringify(top)} shows at the top of column ${from}`);
  await page.mouse.move(point.x, point.y);
  return page.evaluate(
    (col) =>
      [...document.querySelectorAll(`.sbs-col[data-column="${col}"] .seg.counterpart`)].map((e) => ({
        start: Number((e as HTMLElement).dataset.start),
        end: Number((e as HTMLElement).dataset.end),
      })),
    to,
  );
}
