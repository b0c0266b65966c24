// `npm run dist` with a stand-in Electron (a script that carries Electron's fuse wire), so
// the packaging config is exercised without downloading anything: the app archive holds
// only the bundles and package.json, the sample corpus ships beside it, and the fuses are
// burnt as configured.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's fuse order (FuseV1Options) and the state each must have after packaging. */
const FUSES: Array<[string, '0' | '1']> = [
  ['RunAsNode', '0'],
  ['EnableCookieEncryption', '1'],
  ['EnableNodeOptionsEnvironmentVariable', '0'],
  ['EnableNodeCliInspectArguments', '0'],
  ['EnableEmbeddedAsarIntegrityValidation', '1'],
  ['OnlyLoadAppFromAsar', '1'],
  ['LoadBrowserProcessSpecificV8Snapshot', '0'],
  ['GrantFileProtocolExtraPrivileges', '0'],
];

/** Electron's own defaults, as an unpacked Electron ships them. */
function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, FUSES.length]), Buffer.from('10110001')]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho stand-in\n# '), wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), readJson(join(ROOT, 'node_modules', 'electron', 'package.json')).version as string);
  writeFileSync(join(dir, 'LICENSE'), 'MIT');
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function fuseStates(binary: string): string {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(SENTINEL);
  assert.ok(at >= 0, 'the fuse wire is in the binary');
  const length = bytes[at + SENTINEL.length + 1]!;
  return bytes.subarray(at + SENTINEL.length + 2, at + SENTINEL.length + 2 + length).toString('latin1');
}

test('npm run dist packs only the bundles, ships the sample corpus and burns the Electron fuses', { timeout: 300_000, skip: process.platform !== 'linux' ? 'the stand-in Electron is a Linux layout' : false }, (t) => {
  const work = mkdtempSync(join(tmpdir(), 'hashiya-dist-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  if (!existsSync(join(ROOT, 'out', 'main', 'main.mjs')) || !existsSync(join(ROOT, 'out', 'renderer', 'index.html')) || !existsSync(join(ROOT, 'out', 'preload', 'preload.cjs'))) {
    const b = spawnSync(process.execPath, [join(ROOT, 'build', 'scripts', 'bundle.mjs'), 'all'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
  const electron = join(work, 'electron');
  standInElectron(electron);
  const output = join(work, 'dist');
  const r = spawnSync(process.execPath, [join(ROOT, 'build', 'scripts', 'dist.mjs'), '--dir', '--no-bundle'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HASHIYA_ELECTRON_DIST: electron, HASHIYA_DIST_OUTPUT: output },
  });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /packaging with the local Electron/);

  const app = join(output, 'linux-unpacked');
  assert.ok(existsSync(join(app, 'hashiya')), 'the executable is named hashiya');
  const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
  const asar = builderRequire('@electron/asar') as { listPackage(path: string, options: object): string[] };
  const files = asar.listPackage(join(app, 'resources', 'app.asar'), {}).map((f) => f.split('\\').join('/'));
  t.diagnostic(`app.asar: ${files.length} entries`);
  for (const f of ['/package.json', '/out/main/main.mjs', '/out/preload/preload.cjs', '/out/renderer/index.html', '/out/renderer/app.js']) assert.ok(files.includes(f), `${f} is packed`);
  const stray = files.filter((f) => !(f === '/package.json' || f === '/out' || f.startsWith('/out/') || f === '/node_modules' || f.startsWith('/node_modules/')));
  assert.deepEqual(stray, [], 'nothing but out/, package.json and the production dependencies (no sources, no tests)');
  // The saved-page, Word and PDF readers and the decoder of legacy encodings load these at run time (corpus/extract/html/dom.ts, docx/mammoth.ts, pdf/pdfjs.ts, corpus/text/decode.ts).
  for (const f of ['/node_modules/jsdom/package.json', '/node_modules/iconv-lite/package.json', '/node_modules/@mozilla/readability/package.json', '/node_modules/mammoth/package.json', '/node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs']) assert.ok(files.includes(f), `${f} is packed`);
  assert.ok(!files.some((f) => f.startsWith('/node_modules/electron/') || f.startsWith('/node_modules/typescript/')), 'no development dependency');
  assert.ok(!files.some((f) => f.endsWith('.map')), 'no source maps');

  const shipped = readdirSync(join(app, 'resources', 'corpus', 'sample')).sort();
  const sample = readdirSync(join(ROOT, 'corpus', 'sample')).filter((n) => n.endsWith('.txt')).sort();
  assert.deepEqual(shipped.filter((n) => n.endsWith('.txt')), sample, 'the sample corpus ships as extra resources');

  const states = fuseStates(join(app, 'hashiya'));
  const expected = FUSES.map(([, s]) => s).join('');
  assert.equal(states, expected, FUSES.map(([name, s], i) => `${name}: want ${s}, got ${states[i]}`).join('\n'));
  t.diagnostic(`fuses: ${FUSES.map(([name], i) => `${name}=${states[i] === '1' ? 'on' : 'off'}`).join(', ')}`);
});

test('when packaging cannot download Electron, npm run dist says how to point it at a local one', async () => {
  const { downloadFailureMessage, isDownloadFailure, localElectronDist } = await import('../../build/scripts/dist.mjs');
  const offline = Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), { code: 'ENOTFOUND', name: 'RequestError' });
  assert.equal(isDownloadFailure(offline), true);
  assert.equal(isDownloadFailure(Object.assign(new Error('wrapped'), { cause: offline })), true);
  assert.equal(isDownloadFailure(new Error('Cannot find module "x"')), false);
  const message = downloadFailureMessage({ error: offline, local: null, platform: 'linux', arch: 'x64' });
  assert.match(message, /no local copy was found, and downloading it failed/);
  assert.match(message, /ENOTFOUND/);
  assert.match(message, /electronDist/);
  assert.match(message, /HASHIYA_ELECTRON_DIST=\S+ npm run dist/);
  assert.match(message, /electron-v\d+\.\d+\.\d+-linux-x64\.zip/);
  assert.match(message, /npm run dist -- --dir/);
  const tools = downloadFailureMessage({ error: offline, local: { dist: '/opt/electron', source: 'HASHIYA_ELECTRON_DIST' }, platform: 'linux', arch: 'x64' });
  assert.match(tools, /Electron was found .*\/opt\/electron.* installer tools/s);
  assert.deepEqual(localElectronDist({ HASHIYA_ELECTRON_DIST: '/opt/e' }), { dist: '/opt/e', source: 'HASHIYA_ELECTRON_DIST' });
  assert.equal(localElectronDist({ ELECTRON_OVERRIDE_DIST_PATH: join(tmpdir(), 'hashiya-no-such-electron') }), null);
});
