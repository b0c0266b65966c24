// The bundled UI, served by the app's own protocol handler (the bytes and headers the
// Electron window gets), in Debian's Chromium: opening articles and showing highlights
// must raise no Content-Security-Policy violation and fetch nothing from elsewhere.
// Only the transport differs from the app: http://127.0.0.1 stands in for app://hashiya.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { dispatch } from '../../corpus/api/api-schema';
import { Workspace } from '../../corpus/services/workspace';
import { APP_ORIGIN } from '../../electron/app-origin';
import { createAssetHandler } from '../../electron/protocol';
import { findChromium, NO_CHROMIUM } from '../browser/browser-env';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = findChromium();

test('the UI served as the app serves it raises no CSP violation and loads nothing from elsewhere', { skip: CHROMIUM ? false : NO_CHROMIUM, timeout: 180_000 }, async (t) => {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'app.js'))) {
    const b = spawnSync(process.execPath, [join(ROOT, 'build', 'scripts', 'bundle.mjs'), 'renderer'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
  const base = await mkdtemp(join(tmpdir(), 'hashiya-ui-csp-'));
  t.after(() => rm(base, { recursive: true, force: true }));
  const corpus = join(base, 'corpus');
  await cp(join(ROOT, 'corpus', 'sample'), corpus, { recursive: true });
  await mkdir(join(base, 'appData'));
  const workspace = await Workspace.create({ appDataDir: join(base, 'appData'), pickFolder: async () => null, defaultCorpus: corpus });
  await workspace.setAnalyst('CSP Test');
  const articles = (await workspace.listArticles()).filter((a) => a.openable);
  assert.ok(articles.length >= 2);
  // Highlights of every tag on a Persian article, so tag styles and the bundled fonts are used too.
  const persian = articles.find((a) => a.language === 'fa') ?? articles[0]!;
  const taxonomy = await workspace.getTaxonomy();
  for (const [i, tag] of taxonomy.entries()) await workspace.createAnnotation(persian.file, { start: i * 12, end: i * 12 + 8, tags: [tag.id], gloss: `<img src=x onerror="window.__xss=1"> gloss ${i}`, note: '' });

  const assets = createAssetHandler(join(ROOT, 'out', 'renderer'));
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/events')) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const result = await dispatch(workspace, decodeURIComponent(url.pathname.slice(5)), JSON.parse(Buffer.concat(chunks).toString('utf8') || '[]'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
      return;
    }
    const response = await assets(new Request(`${APP_ORIGIN}${url.pathname}${url.search}`, { method: req.method }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  t.after(() => {
    // The event stream never ends by itself.
    server.closeAllConnections();
    return new Promise<void>((ok) => server.close(() => ok()));
  });
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  const origin = `http://127.0.0.1:${address.port}`;

  const browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const consoleViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) consoleViolations.push(m.text());
  });
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) elsewhere.push(r.url());
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const first = await page.goto(origin);
  assert.ok(first, 'the page loaded');
  assert.ok((first.headers()['content-security-policy'] ?? '').includes("script-src 'self'"), 'the page came with the app CSP');
  for (const a of articles.slice(0, 3)) {
    await page.click(`[data-file="${a.file}"]`);
    const firstWords = (await workspace.openArticle(a.file)).text.trim().split(/\s+/).slice(0, 3).join(' ');
    await page.waitForFunction((words) => (document.querySelector('.reading')?.textContent ?? '').includes(words), firstWords, { timeout: 30_000 });
  }
  await page.click(`[data-file="${persian.file}"]`);
  await page.waitForSelector('.reading .hl', { timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  await mkdir(join(ROOT, 'test-output'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'test-output', 'shell-ui-under-csp.png') });

  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  t.diagnostic(`highlights on screen: ${await page.locator('.reading .hl').count()}; CSP violations: ${violations.length}; requests elsewhere: ${elsewhere.length}`);
  assert.deepEqual(violations, [], 'no CSP violation');
  assert.deepEqual(consoleViolations, []);
  assert.deepEqual(elsewhere, [], 'nothing fetched from another origin');
  assert.deepEqual(pageErrors, []);
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, 'markup in a gloss stays text');
  await workspace.close();
});
