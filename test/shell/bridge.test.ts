import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { build } from 'esbuild';
import { API_METHODS } from '../../corpus/api/api-schema';
import { API_METHOD_NAMES } from '../../electron/api-methods';
import { createBridge } from '../../electron/bridge';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('the preload\'s list of API methods is exactly the API\'s', () => {
  assert.deepEqual([...API_METHOD_NAMES].sort(), [...API_METHODS].sort());
  assert.equal(new Set(API_METHOD_NAMES).size, API_METHOD_NAMES.length);
});

test('window.hashiya is a frozen object of one function per API method plus onEvent, saveFile, showInFolder and readClipboard, and nothing else', async () => {
  const sent: Array<[string, unknown[]]> = [];
  const bridge = createBridge({
    invoke: async (method, args) => {
      sent.push([method, args]);
      return { ok: true, value: method };
    },
    subscribe: () => () => undefined,
    invokeShell: async () => null,
  });
  assert.ok(Object.isFrozen(bridge));
  assert.deepEqual(Object.keys(bridge).sort(), [...API_METHODS, 'onEvent', 'saveFile', 'showInFolder', 'readClipboard'].sort());
  for (const key of Object.keys(bridge)) assert.equal(typeof (bridge as unknown as Record<string, unknown>)[key], 'function', key);
  assert.ok(!('ipcRenderer' in bridge) && !('invoke' in bridge) && !('send' in bridge));
  assert.throws(() => {
    (bridge as unknown as Record<string, unknown>).openArticle = () => 'hijacked';
  }, TypeError);
  assert.deepEqual(await bridge.openArticle('a.txt'), { ok: true, value: 'openArticle' });
  await bridge.createAnnotation('a.txt', { start: 0, end: 1, tags: [], gloss: '', note: '' });
  await bridge.getAppState();
  assert.deepEqual(sent, [
    ['openArticle', ['a.txt']],
    ['createAnnotation', ['a.txt', { start: 0, end: 1, tags: [], gloss: '', note: '' }]],
    ['getAppState', []],
  ]);
});

test('onEvent hands the listener only the event payload and its unsubscribe stops delivery', () => {
  let deliver: ((payload: unknown) => void) | null = null;
  let unsubscribed = 0;
  const bridge = createBridge({
    invoke: async () => null,
    invokeShell: async () => null,
    subscribe: (listener) => {
      deliver = listener;
      return () => unsubscribed++;
    },
  });
  const got: unknown[][] = [];
  const off = bridge.onEvent((...args: unknown[]) => got.push(args));
  deliver!({ type: 'menu', command: 'find' });
  off();
  deliver!({ type: 'menu', command: 'undo' });
  assert.deepEqual(got, [[{ type: 'menu', command: 'find' }]]);
  assert.equal(unsubscribed, 1);
  assert.throws(() => bridge.onEvent('nope' as never), TypeError);
});

test('saveFile, showInFolder and readClipboard go to the shell\'s own calls with their arguments, not to the API', async () => {
  const api: unknown[] = [];
  const shell: unknown[] = [];
  const bridge = createBridge({
    invoke: async (method, args) => api.push([method, args]),
    subscribe: () => () => undefined,
    invokeShell: async (call, args) => {
      shell.push([call, args]);
      return { ok: true, value: call === 'saveFile' ? '/home/u/Documents/q.csv' : null };
    },
  });
  assert.deepEqual(await bridge.saveFile!('q.csv', 'text/csv', 'YQ=='), { ok: true, value: '/home/u/Documents/q.csv' });
  await bridge.showInFolder!('/home/u/Documents/q.csv');
  await bridge.readClipboard!();
  assert.deepEqual(shell, [
    ['saveFile', ['q.csv', 'text/csv', 'YQ==']],
    ['showInFolder', ['/home/u/Documents/q.csv']],
    ['readClipboard', []],
  ]);
  assert.deepEqual(api, []);
});

test('the preload bundle holds only the bridge: no zod, no workspace, no Node modules besides electron', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-preload-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const result = await build({
    entryPoints: [join(ROOT, 'electron', 'preload.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    outfile: join(dir, 'preload.cjs'),
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(ROOT, join(process.cwd(), p)).split('\\').join('/'));
  assert.deepEqual(inputs.sort(), ['electron/api-methods.ts', 'electron/bridge.ts', 'electron/ipc-channels.ts', 'electron/preload.ts']);
  const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
  assert.deepEqual([...new Set(imports)], ['electron']);
});
