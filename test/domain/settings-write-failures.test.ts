// The corpus settings file (tags, pairings) tells a refused write the way a sidecar does: a
// lock folder Hashiya did not make, or a read-only disk, gives a plain sentence and code
// read-only, never an internal error with an errno and a path; the file stays as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tag } from '../../annotations/model/types';
import { hostileCorpus } from '../fixtures/hostile-corpus';
import { canMountReadOnly, runWithReadOnlyFolder } from '../fixtures/read-only-mount';

const SETTINGS = 'hashiya-corpus.json';
const INTERNALS = /E[A-Z]{3,}|\/tmp\/|at .*\.ts|mkdir|open '/;

test('a lock folder Hashiya did not make beside the corpus settings file makes a tag change read-only with a plain sentence; the file is kept', async () => {
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => {
    // As a clone brings it: git carries a folder only with a file in it.
    await mkdir(join(corpus, `.${SETTINGS}.lock`));
    await writeFile(join(corpus, `.${SETTINGS}.lock`, 'keep'), '');
  });
  try {
    const start = await c.call<Tag[]>('getTaxonomy');
    assert.ok(start.ok);
    const before = await readFile(join(c.corpus, SETTINGS)).catch(() => null);
    const answer = await c.call<Tag[]>('setTaxonomy', [...start.value, { id: 'x', name: 'X', color: '#336699', shortcut: null }]);
    assert.equal(answer.ok, false);
    assert.equal(!answer.ok && answer.error.code, 'read-only', 'not an internal error');
    const message = !answer.ok ? answer.error.message : '';
    assert.match(message, /\.hashiya-corpus\.json\.lock is a folder holding keep, not a lock Hashiya made, so the tags and pairings cannot be changed and nothing was saved/);
    assert.doesNotMatch(message, INTERNALS);
    assert.deepEqual(await readFile(join(c.corpus, SETTINGS)).catch(() => null), before, 'the settings file is as it was');
    assert.deepEqual(await readdir(join(c.corpus, `.${SETTINGS}.lock`)), ['keep'], 'the planted folder is left alone');
    console.log('settings with a foreign lock: changes tried 1, refused as read-only 1, internal errors 0, lost 0');
  } finally {
    await c.close();
  }
});


test('pairing two articles in a corpus on a read-only disk (a real EROFS, in another process) is refused with a plain sentence, not an internal error', async (t) => {
  const c = await hostileCorpus(['a.txt', 'b.txt']);
  try {
    if (!canMountReadOnly(c.corpus)) {
      t.skip('this machine does not let a process mount a folder read-only (needs unshare and mount in a namespace)');
      return;
    }
    const names = (await readdir(c.corpus)).sort();
    const script = join(import.meta.dirname, '..', 'fixtures', 'call-once.ts');
    const appData = join(c.base, 'appdata-child');
    await mkdir(appData);
    const args = JSON.stringify([{ a: 'a.txt', b: 'b.txt', kind: 'comparable' }]);
    const run = runWithReadOnlyFolder(c.corpus, script, [appData, 'setPairing', args]);
    assert.equal(run.status, 0, run.stderr);
    const answer = JSON.parse(run.stdout.trim().split('\n').pop()!) as { ok: boolean; error?: { code: string; message: string } };
    assert.equal(answer.ok, false);
    assert.equal(answer.error?.code, 'read-only', 'not an internal error');
    assert.match(answer.error?.message ?? '', /The disk holding hashiya-corpus\.json is read-only; Hashiya will not change it\./);
    assert.doesNotMatch(answer.error?.message ?? '', INTERNALS);
    assert.deepEqual((await readdir(c.corpus)).sort(), names, 'nothing was written');
    console.log('settings on a read-only disk (real EROFS, child process): changes tried 1, refused as read-only 1, internal errors 0');
  } finally {
    await c.close();
  }
});
