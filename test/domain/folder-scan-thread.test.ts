// The folder scan of a one-off search run on the second core (folder-scan-thread.ts) finds
// what the scan on the calling thread finds: the same articles, sizes, times and sidecars,
// names with spaces, Persian letters and a subfolder included.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SIDECAR_SUFFIX } from '../../corpus/folder/corpus-folder';
import { packScan, unpackScan } from '../../corpus/search/folder-scan-pack';
import { scanCorpusFor, THREAD_MIN } from '../../corpus/search/folder-scan-thread';
import { scanCorpus } from '../../corpus/search/index-store';

function corpusWithSidecars(): string {
  const root = mkdtempSync(join(tmpdir(), 'hashiya-folder-scan-'));
  const names = ['001 گزارش.txt', '002_ar.txt', 'خبر تازه.md', 'notes.txt'];
  names.forEach((n, i) => writeFileSync(join(root, n), 'متن '.repeat(10 + i)));
  writeFileSync(join(root, names[0] + SIDECAR_SUFFIX), '{"annotations":[]}');
  mkdirSync(join(root, 'July'));
  writeFileSync(join(root, 'July', 'report.txt'), 'گزارش');
  utimesSync(join(root, 'notes.txt'), 1_700_000_000.25, 1_700_000_000.25);
  return root;
}

test('the folder scanned on the second core lists the same articles, sizes, times and sidecars as on the calling thread', async () => {
  const root = corpusWithSidecars();
  try {
    const here = await scanCorpus(root);
    assert.ok(here.length >= 4 && here.some((e) => e.sidecar !== null));
    assert.deepEqual(await scanCorpusFor(root, THREAD_MIN), here);
    assert.deepEqual(await scanCorpusFor(root, 1), here);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an empty folder scans as empty on either thread', async () => {
  const root = mkdtempSync(join(tmpdir(), 'hashiya-folder-scan-'));
  try {
    assert.deepEqual(await scanCorpusFor(root, THREAD_MIN), []);
    assert.deepEqual(unpackScan(packScan([]).names, packScan([]).numbers), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a folder that cannot be scanned fails as the calling thread\'s scan fails', async () => {
  const missing = join(tmpdir(), 'hashiya-no-such-folder-' + process.pid);
  await assert.rejects(scanCorpusFor(missing, THREAD_MIN));
  await assert.rejects(scanCorpus(missing));
});
