// Shared set-up for browser tests: Debian's Chromium driven by playwright-core against the
// harness, on a temporary copy of a corpus.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SAMPLE_CORPUS, startHarness, type Harness, type HarnessOptions } from '../harness/server';
import { installPageHooks } from './test-hooks';

export const OUTPUT_DIR = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'test-output');

const CANDIDATES = [process.env.HASHIYA_CHROMIUM, process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to test with, or null (the tests then skip and say what to install). */
export function findChromium(): string | null {
  return CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export const NO_CHROMIUM =
  'no Chromium found: install Debian\'s (sudo apt-get install -y chromium) or set HASHIYA_CHROMIUM to a Chromium or Chrome binary';

export interface Session {
  browser: Browser;
  page: Page;
  harness: Harness;
  corpus: string;
  appData: string;
  /** Stops browser and harness and removes the temporary folders. */
  close(): Promise<void>;
  /** Opens a new page on the harness (after a "restart"). */
  reload(): Promise<Page>;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--font-render-hinting=none'],
  });
}

/**
 * A harness over a temporary copy of `source` (default: the bundled sample), and a page on it.
 * `prepare` adds to the copy what the test's person finds there (more articles, a sidecar)
 * before the app opens it.
 */
export async function openSession(
  options: { source?: string; analyst?: string | null; viewport?: { width: number; height: number }; prepare?: (corpus: string) => Promise<void>; findOcrTools?: HarnessOptions['findOcrTools'] } = {},
): Promise<Session> {
  const base = await mkdtemp(join(tmpdir(), 'hashiya-browser-'));
  const corpus = join(base, 'corpus');
  const appData = join(base, 'appdata');
  await cp(options.source ?? SAMPLE_CORPUS, corpus, { recursive: true });
  await options.prepare?.(corpus);
  await mkdir(appData, { recursive: true });
  let harness = await startHarness({ corpus, appDataDir: appData, ...(options.findOcrTools ? { findOcrTools: options.findOcrTools } : {}) });
  if (options.analyst !== null) await harness.workspace.setAnalyst(options.analyst ?? 'Test Analyst');
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  await installPageHooks(context);
  let page = await context.newPage();
  const errors: string[] = [];
  const watch = (p: Page) => p.on('pageerror', (e) => errors.push(e.message));
  watch(page);
  await page.goto(harness.url);
  const session: Session = {
    browser,
    get page() {
      return page;
    },
    get harness() {
      return harness;
    },
    corpus,
    appData,
    async close() {
      await browser.close();
      await harness.close();
      await rm(base, { recursive: true, force: true });
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    },
    async reload() {
      // A restart: a new workspace (new process state) over the same folders.
      await page.close();
      await harness.close();
      harness = await startHarness({ corpus, appDataDir: appData });
      page = await context.newPage();
      watch(page);
      await page.goto(harness.url);
      await waitReady(page);
      return page;
    },
  } as Session;
  return session;
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, name);
  await page.screenshot({ path });
  return path;
}

export async function removeDir(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}

/**
 * A session for the enclosing describe(): opened and ready before its tests, closed after.
 * `assign` receives it (tests keep it in a `let session`).
 */
export function useSession(assign: (session: Session) => void, options: Parameters<typeof openSession>[0] = {}): void {
  let session: Session | undefined;
  before(async () => {
    session = await openSession(options);
    await waitReady(session.page);
    assign(session);
  });
  after(async () => {
    await session?.close();
  });
}
