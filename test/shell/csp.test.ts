import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { APP_ORIGIN } from '../../electron/app-origin';
import { createAssetHandler } from '../../electron/protocol';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, META_CONTENT_SECURITY_POLICY } from '../../electron/security';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(' ')] as [string, string];
      }),
  );
}

test('the Content-Security-Policy allows only the app itself: no inline or remote script, no plugins, no framing, no forms', () => {
  const d = directives(CONTENT_SECURITY_POLICY);
  assert.equal(d.get('default-src'), "'self'");
  assert.equal(d.get('script-src'), "'self'");
  assert.equal(d.get('style-src'), "'self'");
  assert.equal(d.get('font-src'), "'self'");
  assert.equal(d.get('img-src'), "'self' data:");
  assert.equal(d.get('connect-src'), "'self'");
  assert.equal(d.get('object-src'), "'none'");
  assert.equal(d.get('base-uri'), "'none'");
  assert.equal(d.get('frame-ancestors'), "'none'");
  assert.equal(d.get('form-action'), "'none'");
  assert.equal(d.size, CSP_DIRECTIVES.length, 'one entry per directive, none repeated');
  for (const banned of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", 'http:', 'https:', '*', 'file:', "'wasm-unsafe-eval'"]) {
    assert.ok(!CONTENT_SECURITY_POLICY.split(/[\s;]+/).includes(banned), `CSP must not contain ${banned}`);
  }
});

test('every app:// response carries the CSP header, errors included', async (t) => {
  const ui = await mkdtemp(join(tmpdir(), 'hashiya-csp-'));
  t.after(() => rm(ui, { recursive: true, force: true }));
  await writeFile(join(ui, 'index.html'), '<!doctype html><title>x</title>');
  await mkdir(join(ui, 'styles'));
  await writeFile(join(ui, 'styles', 'app.css'), 'body{}');
  const handle = createAssetHandler(ui);
  const requests: Array<[string, string, number]> = [
    ['GET', `${APP_ORIGIN}/`, 200],
    ['GET', `${APP_ORIGIN}/index.html`, 200],
    ['GET', `${APP_ORIGIN}/styles/app.css`, 200],
    ['HEAD', `${APP_ORIGIN}/index.html`, 200],
    ['GET', `${APP_ORIGIN}/missing.js`, 404],
    ['GET', `${APP_ORIGIN}/%2e%2e/secret`, 404],
    ['GET', `${APP_ORIGIN}/..%5csecret`, 403],
    ['GET', 'app://elsewhere/index.html', 404],
    ['POST', `${APP_ORIGIN}/index.html`, 405],
  ];
  for (const [method, url, status] of requests) {
    const res = await handle(new Request(url, { method }));
    assert.equal(res.status, status, `${method} ${url}`);
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, `${method} ${url} carries the CSP`);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  }
  const css = await handle(new Request(`${APP_ORIGIN}/styles/app.css`));
  assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  assert.equal(await css.text(), 'body{}');
});

test('the browser harness sends the same CSP as the app, so browser tests see what the window sees', async () => {
  const { HARNESS_CSP } = await import('../harness/server');
  assert.equal(HARNESS_CSP, CONTENT_SECURITY_POLICY);
});

test('the page carries the same CSP in its own <meta http-equiv>, before anything it loads', async (t) => {
  const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)];
  assert.equal(metas.length, 1, 'one CSP meta');
  assert.equal(metas[0]![1], META_CONTENT_SECURITY_POLICY);
  const header = directives(CONTENT_SECURITY_POLICY);
  const meta = directives(metas[0]![1]!);
  const missing = [...header.keys()].filter((name) => meta.get(name) !== header.get(name));
  assert.deepEqual(missing, ['frame-ancestors'], 'every directive as the header has it, but the one a meta cannot carry');
  const at = metas[0]!.index!;
  assert.ok(at < html.search(/<link|<script|<style/i), 'the policy comes before the first stylesheet or script');
  t.diagnostic(`directives in the header: ${header.size}, in the page's meta: ${meta.size} (header only: ${missing.join(', ')})`);
});
