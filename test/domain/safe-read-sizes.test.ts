// The bounded read of an ordinary file (annotations/store/safe-read.ts) reads a file of the size
// fstat gave in place; a file with more bytes than that (one that grew while it was read, or a
// kernel file that says it is empty) is still read whole, and the limit still holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOrdinaryFile, readOrdinaryFileSync, RefusedFileError } from '../../annotations/store/safe-read';

test('a file is read byte for byte, empty, small or large, by the async and the sync read', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-safe-read-'));
  try {
    for (const size of [0, 1, 4095, 100_000, 3_000_000]) {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 7 + 3) & 0xff;
      const path = join(dir, `f${size}`);
      await writeFile(path, bytes);
      assert.deepEqual(readOrdinaryFileSync(path, { maxBytes: 1 << 24 }), bytes, `sync, ${size} bytes`);
      assert.deepEqual(await readOrdinaryFile(path, { maxBytes: 1 << 24 }), bytes, `async, ${size} bytes`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// /proc files say they are empty and are not: the read goes on past the size fstat gave.
test('a file with more bytes than its size said is read whole, and refused past the limit', { skip: !existsSync('/proc/self/mounts') }, async () => {
  const whole = readFileSync('/proc/self/mounts');
  assert.ok(whole.length > 16);
  assert.deepEqual(readOrdinaryFileSync('/proc/self/mounts', { maxBytes: 1 << 24 }), whole);
  assert.deepEqual(await readOrdinaryFile('/proc/self/mounts', { maxBytes: 1 << 24 }), whole);
  assert.throws(() => readOrdinaryFileSync('/proc/self/mounts', { maxBytes: 8 }), RefusedFileError);
  await assert.rejects(readOrdinaryFile('/proc/self/mounts', { maxBytes: 8 }), RefusedFileError);
});
