// The list of a reopened corpus is checked against the search worker's scan, passed over
// packed (shared-scan.ts): it must arrive as the scan was, sidecars and all, or entries would
// be shown current (or pending) on other facts than the folder's.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { scanCorpus } from '../../corpus/search/index-store';
import { packScan, unpackScan, WorkerScan } from '../../corpus/catalog/shared-scan';

describe('shared scan', () => {
  const root = mkdtempSync(join(tmpdir(), 'hashiya-shared-scan-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('arrives as the folder was scanned, with and without sidecars', async () => {
    writeFileSync(join(root, 'a.txt'), 'یک');
    writeFileSync(join(root, 'b.txt'), 'دو سه');
    writeFileSync(join(root, 'b.txt.annotations.json'), '{}');
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'sub', 'c.txt'), 'چهار');
    const scan = await scanCorpus(root);
    assert.equal(scan.length, 3);
    assert.deepEqual(unpackScan(structuredClone(packScan(scan))), scan);
    assert.deepEqual(unpackScan(packScan([])), []);
  });

  it('is taken once, and given up when the worker ends without it', async () => {
    let end = () => {};
    const shared = new WorkerScan(new Promise<void>((resolve) => (end = resolve)));
    const first = shared.take();
    assert.equal(await shared.take(), null);
    end();
    assert.equal(await first, null);
  });
});
