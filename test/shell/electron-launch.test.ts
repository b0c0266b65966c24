// Starts the real app under a virtual X display when an Electron binary is present, waits
// for the window to load, and keeps a screenshot of it. Without a binary (npm does not
// download it here) the test is skipped and says how to enable it.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, findElectron } from '../../build/scripts/electron-binary.mjs';

const electron = findElectron();
const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();
const skip = !electron
  ? 'no Electron binary: run `node node_modules/electron/install.js` (needs network) or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron to run this test'
  : !xvfb && process.platform === 'linux' && !process.env.DISPLAY
    ? 'no display and no xvfb-run: `apt-get install -y xvfb` to run this test'
    : false;

test('the app starts, its window loads the UI and a screenshot is taken', { skip, timeout: 180_000 }, async (t) => {
  assert.ok(electron);
  const work = mkdtempSync(join(tmpdir(), 'hashiya-launch-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  if (!existsSync(join(ROOT, 'out', 'main', 'main.mjs')) || !existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    const b = spawnSync(process.execPath, [join(ROOT, 'build', 'scripts', 'bundle.mjs'), 'all'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
  const shot = join(work, 'window.png');
  const args = [ROOT];
  // Chromium refuses to run as root with its sandbox on; only this throw-away test run turns it off.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const command = xvfb && !process.env.DISPLAY ? xvfb : electron.executable;
  const commandArgs = command === xvfb ? ['-a', '-s', '-screen 0 1400x900x24', electron.executable, ...args] : args;
  const env: NodeJS.ProcessEnv = { ...process.env, HASHIYA_USER_DATA_DIR: join(work, 'userData'), HASHIYA_SMOKE_SCREENSHOT: shot, ELECTRON_ENABLE_LOGGING: '1' };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(command, commandArgs, { cwd: ROOT, env });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
  t.diagnostic(output.split('\n').filter((l) => l.startsWith('hashiya:')).join(' | '));
  assert.match(output, /hashiya: window ready/, `the window loaded\n${output.slice(-3000)}`);
  assert.match(output, /hashiya: screenshot written/);
  assert.equal(code, 0, output.slice(-3000));
  const png = readFileSync(shot);
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')], 'a PNG');
  assert.ok(png.length > 5000, 'the screenshot is not blank');
  assert.doesNotMatch(output, /refused IPC call|blocked navigation|denied permission/, 'the UI needed nothing the policies refuse');
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  copyFileSync(shot, join(ROOT, 'test-output', 'electron-window.png'));
  t.diagnostic('screenshot: test-output/electron-window.png');
});
