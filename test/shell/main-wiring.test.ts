// The main process runs here against a stand-in `electron` module (test/shell/fixtures), so
// its wiring is checked without an Electron binary: the scheme is registered before ready,
// the sandbox is on, the window gets the secure options and loads app://, the protocol,
// IPC, permission, navigation and menu handlers are the tested ones, an export goes through
// the Save dialog, a second launch focuses the first instance's window (and itself quits at
// once), and quitting flushes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { build } from 'esbuild';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');

test('the main process wires the window, protocol, IPC, policies and menu as tested', { timeout: 120_000 }, async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'hashiya-main-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const bundle = join(work, 'main.mjs');
  await build({
    entryPoints: [join(ROOT, 'electron', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['electron'],
    outfile: bundle,
    logLevel: 'silent',
    banner: { js: "import { createRequire as __hashiyaRequire } from 'node:module'; const require = __hashiyaRequire(import.meta.url);" },
  });
  const appPath = join(work, 'app');
  mkdirSync(join(appPath, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>Hashiya</title>');
  mkdirSync(join(appPath, 'corpus', 'sample'), { recursive: true });
  const samples = readdirSync(join(ROOT, 'corpus', 'sample')).filter((n) => n.endsWith('.txt')).slice(0, 2);
  for (const n of samples) copyFileSync(join(ROOT, 'corpus', 'sample', n), join(appPath, 'corpus', 'sample', n));
  const userData = join(work, 'userData');
  const reportPath = join(work, 'report.json');

  const r = spawnSync(process.execPath, ['--import', join(HERE, 'fixtures', 'register-fake-electron.mjs'), join(HERE, 'fixtures', 'main-driver.mjs'), bundle, appPath, userData, reportPath], { encoding: 'utf8', timeout: 100_000 });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  assert.equal(report.error, undefined, report.error);

  // Before ready.
  assert.deepEqual(report.before.schemes, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, corsEnabled: false, stream: false, allowServiceWorkers: false } }]);
  assert.equal(report.before.schemesRegisteredBeforeReady, true);
  assert.equal(report.before.sandboxEnabledBeforeReady, true);
  assert.equal(report.before.singleInstanceLock, true);
  // A second launch focuses this window (restored if minimised) and opens no other.
  assert.deepEqual(report.secondInstance, { restored: true, focused: true, windows: 1 });

  // The second launch itself quits before it makes a window or answers anything.
  const second = spawnSync(process.execPath, ['--import', join(HERE, 'fixtures', 'register-fake-electron.mjs'), join(HERE, 'fixtures', 'main-driver.mjs'), bundle, appPath, join(work, 'userData-2'), join(work, 'second.json')], {
    encoding: 'utf8',
    timeout: 100_000,
    env: { ...process.env, HASHIYA_FAKE_LOCK_TAKEN: '1' },
  });
  assert.equal(second.status, 0, second.stderr);
  const secondLaunch = JSON.parse(readFileSync(join(work, 'second.json'), 'utf8')).secondLaunch;
  assert.deepEqual(secondLaunch, { asked: true, quit: 1, windows: 0, ipcHandlers: 0 });
  t.diagnostic(`second launch: quit ${secondLaunch.quit} time(s), ${secondLaunch.windows} windows; first instance restored and focused its window`);
  assert.equal(report.before.windowsBeforeReady, 0);

  // The window.
  const options = report.after.windowOptions;
  assert.equal(options.title, 'Hashiya');
  assert.equal(options.webPreferences.contextIsolation, true);
  assert.equal(options.webPreferences.sandbox, true);
  assert.equal(options.webPreferences.nodeIntegration, false);
  assert.equal(options.webPreferences.webSecurity, true);
  assert.equal(options.webPreferences.preload, join(appPath, 'out', 'preload', 'preload.cjs'));
  assert.equal(report.after.loadedUrl, 'app://hashiya/index.html', 'the UI comes from app://, never file://');
  assert.equal(report.after.shown, true);
  assert.ok(report.logs.includes('hashiya: window ready'), 'the ready marker the launch test waits for');

  // Protocol, session, IPC.
  assert.deepEqual(report.after.protocolSchemes, ['app']);
  assert.deepEqual(report.after.ipcChannels, ['hashiya:api', 'hashiya:save-file', 'hashiya:show-in-folder', 'hashiya:read-clipboard']);
  assert.deepEqual(report.after.permissionHandlers, ['beforeRequest', 'beforeRequestFilter', 'devicePermission', 'displayMedia', 'permissionCheck', 'permissionRequest']);
  assert.equal(report.after.permissionGranted, false);
  assert.equal(report.after.permissionChecked, false);
  assert.equal(report.protocol.page.status, 200);
  assert.equal(report.protocol.page.csp, CONTENT_SECURITY_POLICY);
  assert.equal(report.protocol.page.body, '<!doctype html><title>Hashiya</title>');
  assert.notEqual(report.protocol.escape.status, 200);
  assert.equal(report.protocol.escape.csp, CONTENT_SECURITY_POLICY);

  assert.equal(report.ipc.fromWindow.ok, true, JSON.stringify(report.ipc.fromWindow));
  assert.equal(report.ipc.fromWindow.value.corpus.name, 'Sample corpus', 'the sample corpus, copied into the user data folder, is open');
  assert.equal(report.ipc.listArticles.ok, true);
  assert.deepEqual(report.ipc.listArticles.value.map((a: { file: string }) => a.file).sort(), samples.sort());
  assert.deepEqual(report.ipc.fromElsewhere.ok, false);
  assert.equal(report.ipc.fromElsewhere.error.code, 'forbidden');
  assert.equal(report.ipc.traversal.ok, false);
  assert.equal(report.ipc.traversal.error.code, 'forbidden');
  assert.equal(report.ipc.notAMethod.ok, false);
  assert.equal(report.ipc.notAMethod.error.code, 'bad-request');

  // An export: the Save dialog opens over the window in Documents with the suggested name, the
  // bytes land where the person chose, a cancel saves nothing, and only the saved file is shown.
  assert.deepEqual(report.save.saved, { ok: true, value: join(userData, 'chosen.csv') });
  assert.equal(report.save.written, 'quote,gloss\nسلام,peace\n');
  assert.deepEqual(report.save.cancelled, { ok: true, value: null });
  assert.equal(report.save.badBytes.ok, false);
  assert.equal(report.save.badBytes.error.code, 'bad-request');
  assert.equal(report.save.fromElsewhere.error.code, 'forbidden');
  assert.deepEqual(report.save.dialogs, [
    { title: 'Save the export', defaultPath: join(userData, 'Documents', 'quotations.csv'), withWindow: true },
    { title: 'Save the export', defaultPath: join(userData, 'article.xlf'), withWindow: true },
  ]);
  assert.deepEqual(report.save.shown, { ok: true, value: null });
  assert.equal(report.save.shownOther.ok, false);
  assert.deepEqual(report.save.shownInFolder, [join(userData, 'chosen.csv')]);

  // The clipboard reaches the window only when the window itself asks.
  assert.deepEqual(report.clipboard.read, { ok: true, value: { text: 'خبر\nمتن', html: '<h1>خبر</h1><p>متن</p>', url: 'https://www.isna.ir/news/1' } });
  assert.equal(report.clipboard.fromElsewhere.error.code, 'forbidden');

  // Navigation and menu.
  assert.equal(report.navigation.willNavigatePrevented, true);
  assert.deepEqual(report.navigation.windowOpen, { action: 'deny' });
  assert.equal(report.navigation.webviewPrevented, true);
  assert.deepEqual(report.menu.labels, ['&File', '&Edit', '&View', '&Help']);
  assert.deepEqual(report.menu.sent, [{ channel: 'hashiya:event', payload: { type: 'menu', command: 'open-folder' } }]);

  assert.equal(report.after.exited, true, 'quit completes after the flush');
  t.diagnostic(report.logs.join(' | '));
});
