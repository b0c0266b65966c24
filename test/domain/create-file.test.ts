// A file the app adds to the corpus (an imported translation) appears whole or not at all,
// and never over a file of the same name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watch } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileDurable } from '../../annotations/store/durable-write';

test('a new file is created whole: a watcher of the folder never finds it empty, and no temporary file is left', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-create-'));
  try {
    const text = 'The presidents of Turkey and Iran exchanged views by telephone.\n'.repeat(2000);
    const seen: number[] = [];
    const watcher = watch(dir, (_event, name) => {
      if (name !== 'translation.txt') return;
      // What a watcher would read at that moment.
      void stat(join(dir, name)).then((s) => seen.push(s.size), () => undefined);
    });
    try {
      assert.equal(await createFileDurable(join(dir, 'translation.txt'), text), true);
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      watcher.close();
    }
    assert.equal(await readFile(join(dir, 'translation.txt'), 'utf8'), text);
    assert.ok(seen.every((size) => size === Buffer.byteLength(text)), `sizes seen by the watcher: ${seen.join(', ')}`);
    assert.deepEqual(await readdir(dir), ['translation.txt'], 'no temporary file is left');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a name already taken is left as it was and reported, never written over', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-create-'));
  try {
    await writeFile(join(dir, 'a.txt'), 'the colleague’s file');
    assert.equal(await createFileDurable(join(dir, 'a.txt'), 'an import'), false);
    assert.equal(await readFile(join(dir, 'a.txt'), 'utf8'), 'the colleague’s file');
    assert.deepEqual(await readdir(dir), ['a.txt'], 'no temporary file is left');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
