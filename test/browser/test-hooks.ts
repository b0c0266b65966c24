// What the browser tests observe instead of reaching into the app: the open article (its row
// in the list, its text on screen), the sidecar on disk, and page-side helpers (page-hooks.ts)
// injected into the test's browser only.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import type { Annotation, Sidecar } from '../../annotations/model/types';
import type { ArticleDoc } from '../../corpus/api/api';
import type { Workspace } from '../../corpus/services/workspace';
import type { ParagraphOffsets, Rect } from './page-hooks';

export type { Rect } from './page-hooks';

let script: Promise<string> | undefined;

/** page-hooks.ts as one script, built here so that the app's bundle never holds it. */
function pageHooksScript(): Promise<string> {
  script ??= build({
    entryPoints: [fileURLToPath(new URL('./page-hooks.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
  }).then((r) => r.outputFiles[0]!.text);
  return script;
}

/** Every page of the context gets `window.hashiyaTest` before the app's own script runs. */
export async function installPageHooks(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: await pageHooksScript() });
}

const CURRENT = 'li.article.current';

/** The file of the article shown, as the article list marks it. */
export async function shownFile(page: Page): Promise<string | null> {
  return page.locator(CURRENT).first().getAttribute('data-file', { timeout: 1000 }).catch(() => null);
}

export function isShown(page: Page, file: string): Promise<boolean> {
  return page.evaluate((f) => document.querySelector('li.article.current')?.getAttribute('data-file') === f, file);
}

/** Waits until `file` is the article shown (its text built, its row marked). */
export async function waitShown(page: Page, file: string): Promise<void> {
  await page.waitForFunction((f) => document.querySelector('li.article.current')?.getAttribute('data-file') === f, file);
}

/**
 * The article shown, as the app was given it (the same workspace over the same folder), after
 * checking that the screen shows exactly its paragraphs: the offsets the tests use index its text.
 */
export async function shownArticle(workspace: Workspace, page: Page): Promise<ArticleDoc> {
  const file = await shownFile(page);
  assert.ok(file, 'an article is shown');
  const doc = await workspace.openArticle(file);
  const onScreen = await page.$$eval('.reading-text p.para', (ps) => ps.map((p) => p.textContent ?? ''));
  assert.deepEqual(onScreen, doc.paragraphs.map((p) => p.text), 'the screen shows the article’s paragraphs');
  return doc;
}

function offsets(doc: ArticleDoc): ParagraphOffsets {
  return doc.paragraphs.map((p) => ({ start: p.start, end: p.end }));
}

/** Selects article text by offsets, as a user would. */
export function selectText(page: Page, doc: ArticleDoc, start: number, end: number): Promise<void> {
  return page.evaluate(([p, s, e]) => window.hashiyaTest.select(p, s, e), [offsets(doc), start, end] as const);
}

export function selectionOffsets(page: Page, doc: ArticleDoc): Promise<{ from: number; to: number } | null> {
  return page.evaluate((p) => window.hashiyaTest.selection(p), offsets(doc));
}

export function rangeRects(page: Page, doc: ArticleDoc, start: number, end: number): Promise<Rect[]> {
  return page.evaluate(([p, s, e]) => window.hashiyaTest.rangeRects(p, s, e), [offsets(doc), start, end] as const);
}

export function highlightText(page: Page, id: string): Promise<string> {
  return page.evaluate((i) => window.hashiyaTest.highlightText(i), id);
}

export function highlightRects(page: Page, id: string): Promise<Rect[]> {
  return page.evaluate((i) => window.hashiyaTest.highlightRects(i), id);
}

export async function sidecarOnDisk(corpus: string, file: string): Promise<Sidecar> {
  return JSON.parse(await readFile(join(corpus, `${file}.annotations.json`), 'utf8')) as Sidecar;
}

/** The article's annotations as saved, in text order (none while it has no sidecar). */
export async function savedAnnotations(corpus: string, file: string): Promise<Annotation[]> {
  let sidecar: Sidecar;
  try {
    sidecar = await sidecarOnDisk(corpus, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return [...sidecar.annotations].sort((x, y) => x.target.position.start - y.target.position.start || x.target.position.end - y.target.position.end);
}

/** Waits until the saved annotations satisfy `ok` (the save of a change shown may still be landing). */
export async function waitSaved(corpus: string, file: string, ok: (annotations: Annotation[]) => boolean, timeout = 10_000): Promise<Annotation[]> {
  const until = Date.now() + timeout;
  for (;;) {
    const list = await savedAnnotations(corpus, file).catch(() => null);
    if (list && ok(list)) return list;
    if (Date.now() > until) throw new Error(`the sidecar of ${file} did not reach the expected state`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
