import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('npm start without an Electron binary says plainly what is missing and how to get it, with no stack trace', (t) => {
  const empty = mkdtempSync(join(tmpdir(), 'hashiya-no-electron-'));
  t.after(() => rmSync(empty, { recursive: true, force: true }));
  // An override naming an empty folder hides any binary this machine may have.
  const r = spawnSync(process.execPath, [join(ROOT, 'build', 'scripts', 'start.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
  });
  const out = `${r.stdout}${r.stderr}`;
  t.diagnostic(r.stderr.split('\n')[0] ?? '');
  assert.equal(r.status, 1, 'exits non-zero');
  assert.match(r.stderr, /the Electron binary is missing/);
  assert.match(r.stderr, /node node_modules\/electron\/install\.js/);
  assert.match(r.stderr, /ELECTRON_OVERRIDE_DIST_PATH/);
  assert.ok(r.stderr.includes(empty), 'names the override that holds no Electron');
  assert.match(r.stderr, /npm run harness/);
  assert.doesNotMatch(out, /\n\s+at .+:\d+:\d+|Error:|node:internal/, 'no stack trace');
  assert.doesNotMatch(out, /bundled|esbuild/, 'it says so before spending time on the bundle');
});

test('npm start with an Electron runs it on the app folder, without ELECTRON_RUN_AS_NODE, and passes on its exit code', { skip: process.platform === 'win32' ? 'the stand-in Electron is a shell script' : false }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'hashiya-standin-electron-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const electron = join(dir, process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron');
  mkdirSync(dirname(electron), { recursive: true });
  writeFileSync(electron, '#!/bin/sh\necho "stand-in got: $*"\necho "run as node: ${ELECTRON_RUN_AS_NODE:-no}"\nexit 7\n');
  chmodSync(electron, 0o755);
  const r = spawnSync(process.execPath, [join(ROOT, 'build', 'scripts', 'start.mjs'), '--', '--enable-logging'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dir, ELECTRON_RUN_AS_NODE: '1' },
  });
  assert.equal(r.status, 7, r.stderr);
  assert.match(r.stdout, new RegExp(`stand-in got: ${ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} --enable-logging\\n`));
  assert.match(r.stdout, /run as node: no/);
});
