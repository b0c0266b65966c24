import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { APP_ORIGIN, APP_SCHEME, isAppUrl } from '../../electron/app-origin';
import { APP_SCHEME_REGISTRATION, createAssetHandler, resolveAssetPath, resolveAssetUrl } from '../../electron/protocol';

const SECRET = 'CANARY-SECRET-do-not-serve';

async function fixture(t: { after: (fn: () => Promise<void>) => void }) {
  const base = await mkdtemp(join(tmpdir(), 'hashiya-protocol-'));
  t.after(() => rm(base, { recursive: true, force: true }));
  const ui = join(base, 'renderer');
  await mkdir(join(ui, 'fonts'), { recursive: true });
  await writeFile(join(ui, 'index.html'), '<!doctype html><p>ui</p>');
  await writeFile(join(ui, 'app.js'), 'export {};');
  await writeFile(join(ui, 'fonts', 'v.woff2'), 'wOF2');
  await writeFile(join(ui, '.hidden'), 'dot file');
  await writeFile(join(base, 'secret.txt'), SECRET);
  await symlink(join(base, 'secret.txt'), join(ui, 'link-out.js'));
  await symlink(base, join(ui, 'dir-out'));
  return { base, ui };
}

test('the app scheme is registered standard and secure with fetch, and does not bypass the CSP', () => {
  assert.equal(APP_SCHEME_REGISTRATION.scheme, APP_SCHEME);
  const p = APP_SCHEME_REGISTRATION.privileges!;
  assert.equal(p.standard, true);
  assert.equal(p.secure, true);
  assert.equal(p.supportFetchAPI, true);
  assert.equal(p.bypassCSP, false);
  assert.equal(p.allowServiceWorkers, false);
});

test('app:// URLs name files under the UI folder; the root serves index.html', () => {
  assert.deepEqual(resolveAssetUrl(`${APP_ORIGIN}/`), { ok: true, relativePath: 'index.html' });
  assert.deepEqual(resolveAssetUrl(APP_ORIGIN), { ok: true, relativePath: 'index.html' });
  assert.deepEqual(resolveAssetUrl(`${APP_ORIGIN}/index.html?x=1#top`), { ok: true, relativePath: 'index.html' });
  assert.deepEqual(resolveAssetUrl(`${APP_ORIGIN}/fonts/v.woff2`), { ok: true, relativePath: 'fonts/v.woff2' });
  assert.equal(isAppUrl(`${APP_ORIGIN}/index.html`), true);
  assert.equal(isAppUrl('app://evil/index.html'), false);
  assert.equal(isAppUrl('https://hashiya/index.html'), false);
  assert.equal(isAppUrl('app://user:pw@hashiya/'), false);
});

test('path traversal in any spelling is refused before the disk is touched', () => {
  const attacks = [
    '/../secret.txt',
    '/fonts/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/%252e%252e/secret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/fonts/%00.woff2',
    '/index.html%00.js',
    '/%2fetc/passwd',
    '//etc/passwd',
    '/C:/Windows/win.ini',
    '/c%3a/Windows/win.ini',
    '/./index.html',
    '/%2e/index.html',
    '/%e0%a4%a',
  ];
  for (const path of attacks) {
    const r = resolveAssetUrl(`${APP_ORIGIN}${path}`);
    assert.equal(r.ok, false, `${path} must be refused`);
    if (!r.ok) assert.ok([400, 403, 404].includes(r.status), `${path}: ${r.status}`);
  }
  for (const url of ['app://other/index.html', 'file:///etc/passwd', 'https://hashiya/index.html', 'not a url', `${APP_ORIGIN.replace('app://', 'app://u:p@')}/index.html`]) {
    assert.equal(resolveAssetUrl(url).ok, false, `${url} must be refused`);
  }
  assert.equal(resolveAssetUrl(`${APP_ORIGIN}/.hidden`).ok, false, 'dot files are not served');
});

test('symlinks that lead out of the UI folder are refused after realpath', async (t) => {
  const { ui } = await fixture(t);
  const { realpath } = await import('node:fs/promises');
  const root = await realpath(ui);
  assert.deepEqual(await resolveAssetPath(root, `${APP_ORIGIN}/link-out.js`), { ok: false, status: 403, reason: 'leads outside the UI folder' });
  assert.equal((await resolveAssetPath(root, `${APP_ORIGIN}/dir-out/secret.txt`)).ok, false);
  const ok = await resolveAssetPath(root, `${APP_ORIGIN}/fonts/v.woff2`);
  assert.equal(ok.ok, true);
  assert.equal(ok.path, join(root, 'fonts', 'v.woff2'));
});

test('the protocol handler serves the UI and never the secret next to it', async (t) => {
  const { ui } = await fixture(t);
  const handle = createAssetHandler(ui);
  const page = await handle(new Request(`${APP_ORIGIN}/`));
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(await page.text(), '<!doctype html><p>ui</p>');
  const font = await handle(new Request(`${APP_ORIGIN}/fonts/v.woff2`));
  assert.equal(font.headers.get('content-type'), 'font/woff2');

  const attempts = [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/fonts/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/link-out.js',
    '/dir-out/secret.txt',
    '/secret.txt',
    '/index.html%00',
  ];
  for (const path of attempts) {
    const res = await handle(new Request(`${APP_ORIGIN}${path}`));
    const body = await res.text();
    assert.notEqual(res.status, 200, `${path} must not be served`);
    assert.ok(!body.includes(SECRET), `${path} leaked the file outside the UI folder`);
  }
});

test('a missing UI folder gives a plain 500 that says to bundle, not a crash', async () => {
  const handle = createAssetHandler(join(tmpdir(), 'hashiya-no-such-ui-folder'));
  const res = await handle(new Request(`${APP_ORIGIN}/`));
  assert.equal(res.status, 500);
  assert.match(await res.text(), /bundle/);
});
