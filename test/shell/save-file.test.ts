// The Save dialog's handlers without Electron: arguments are checked before any dialog opens,
// the dialog suggests the export's name in Documents and then the folder used last, the bytes
// land atomically where the person chose, and only a file saved here can be shown in its folder.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createFileHandlers, safeFileName } from '../../electron/save-file';

function fakeShell(answers: Array<string | null>) {
  const dialogs: Array<{ title: string; defaultPath: string }> = [];
  const shown: string[] = [];
  const handlers = createFileHandlers({
    showSaveDialog: async (options) => {
      dialogs.push(options);
      const answer = answers.shift() ?? null;
      return answer ? { canceled: false, filePath: answer } : { canceled: true };
    },
    showItemInFolder: (path) => shown.push(path),
    documentsDir: () => '/home/reader/Documents',
  });
  return { handlers, dialogs, shown };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

test('bad arguments are refused before a dialog opens', async () => {
  const { handlers, dialogs } = fakeShell([]);
  const bad: Array<[unknown, unknown, unknown]> = [
    [42, 'text/csv', b64('a')],
    ['', 'text/csv', b64('a')],
    ['x'.repeat(300), 'text/csv', b64('a')],
    ['a.csv', 'text/csv; <script>', b64('a')],
    ['a.csv', null, b64('a')],
    ['a.csv', 'text/csv', 'not base64!'],
    ['a.csv', 'text/csv', 'YQ='],
    ['a.csv', 'text/csv', { length: 4 }],
  ];
  for (const args of bad) {
    const r = await handlers.saveFile(...args);
    assert.equal(r.ok, false, JSON.stringify(args));
    if (!r.ok) assert.equal(r.error.code, 'bad-request');
  }
  assert.deepEqual(dialogs, []);
});

test('the suggested name is a plain file name, never a path', () => {
  assert.equal(safeFileName('quotations.csv'), 'quotations.csv');
  assert.equal(safeFileName('../../etc/passwd'), 'passwd');
  assert.equal(safeFileName('..\\..\\boot.ini'), 'boot.ini');
  assert.equal(safeFileName('a\u0000b:c.xlf'), 'a_b_c.xlf');
  assert.equal(safeFileName('..'), 'export');
  assert.equal(safeFileName('خبر ۱.md'), 'خبر ۱.md');
});

test('the dialog opens in Documents with the name, writes the bytes there, then opens in the folder used last', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-save-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const chosen = join(dir, 'نقل‌قول‌ها.csv');
  const { handlers, dialogs } = fakeShell([chosen, null]);
  assert.deepEqual(await handlers.saveFile('quotations.csv', 'text/csv; charset=utf-8', b64('quote\nسلام\n')), { ok: true, value: chosen });
  assert.equal(await readFile(chosen, 'utf8'), 'quote\nسلام\n');
  assert.deepEqual(await readdir(dir), ['نقل‌قول‌ها.csv'], 'no temporary file is left beside it');
  assert.deepEqual(await handlers.saveFile('000.xlf', 'application/xliff+xml', b64('<xliff/>')), { ok: true, value: null }, 'cancelled');
  assert.deepEqual(dialogs, [
    { title: 'Save the export', defaultPath: '/home/reader/Documents/quotations.csv' },
    { title: 'Save the export', defaultPath: join(dir, '000.xlf') },
  ]);
});

test('a write that fails says so and names the file', async () => {
  const { handlers } = fakeShell(['/nonexistent-folder/q.csv']);
  const r = await handlers.saveFile('q.csv', 'text/csv', b64('a'));
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.error.message, /Could not save \/nonexistent-folder\/q\.csv/);
});

test('only a file saved here is shown in its folder', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-save-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const chosen = join(dir, 'q.csv');
  const { handlers, shown } = fakeShell([chosen]);
  await handlers.saveFile('q.csv', 'text/csv', b64('a'));
  assert.deepEqual(await handlers.showInFolder(chosen), { ok: true, value: null });
  for (const other of ['/etc/passwd', join(dir, 'other.csv'), 7, null]) assert.equal((await handlers.showInFolder(other)).ok, false);
  assert.deepEqual(shown, [chosen]);
});
