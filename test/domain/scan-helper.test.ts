// The search worker's first scan and a one-off search from the command line have their stat
// calls made by a helper thread (scan-helper.ts):
// what it finds must be what the scan on one thread finds, or the index would be judged
// current (or stale) on other facts than the list's.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { scanCorpus } from '../../corpus/search/index-store';
import { scanInHelper, startScanInHelper } from '../../corpus/search/scan-helper';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'hashiya-scan-helper-'));
  made.push(root);
  return root;
}

describe('the first scan with a helper thread', () => {
  it('finds the same articles, sizes, times and sidecars as the scan on one thread', async () => {
    const root = folder();
    writeFileSync(join(root, 'b.txt'), 'second article, longer than the first');
    writeFileSync(join(root, 'a.txt'), 'first');
    writeFileSync(join(root, 'a.txt.annotations.json'), '{}');
    writeFileSync(join(root, 'orphan.txt.annotations.json'), '{}');
    writeFileSync(join(root, 'notes.md'), 'not an article');
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'sub', 'c.txt'), 'in a subfolder');
    writeFileSync(join(root, 'sub', 'c.txt.annotations.json'), '{"x":1}');
    mkdirSync(join(root, '.hashiya'));
    writeFileSync(join(root, '.hashiya', 'hidden.txt'), 'not scanned');
    utimesSync(join(root, 'b.txt'), new Date(2020, 1, 2), new Date(2020, 1, 2, 3, 4, 5, 678));
    const helper = await scanInHelper(root);
    assert.deepEqual(helper, await scanCorpus(root));
    assert.deepEqual(
      helper.map((e) => [e.file, e.article.size, e.sidecar !== null]),
      [
        ['a.txt', 5, true],
        ['b.txt', 37, false],
        ['sub/c.txt', 14, true],
      ],
    );
    assert.equal(Math.round(helper[1]!.article.mtimeMs), new Date(2020, 1, 2, 3, 4, 5, 678).getTime());
  });

  it('finds the same on this thread below the threshold, and says when the helper has the folder', async () => {
    const root = folder();
    for (const n of ['x.txt', 'y.txt', 'z.txt']) writeFileSync(join(root, n), n);
    const one = await scanCorpus(root);
    const above = startScanInHelper(root, 2);
    await above.listed;
    assert.deepEqual(await above.scan, one);
    const below = startScanInHelper(root, 4);
    await below.listed;
    assert.deepEqual(await below.scan, one);
  });

  it('finds nothing in a folder without articles', async () => {
    assert.deepEqual(await scanInHelper(folder()), []);
  });

  it('fails as the scan on one thread does when the folder cannot be read', async () => {
    const missing = join(folder(), 'gone');
    await assert.rejects(scanInHelper(missing));
    await assert.rejects(scanCorpus(missing));
  });
});
