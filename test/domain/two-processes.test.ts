// Two copies of Hashiya (two app windows, or two machines on a shared folder) annotating one
// article at once: every save either of them acknowledged is in the sidecar afterwards.
// The read-compare-write of a sidecar is atomic across processes (a lock file, see
// annotations/store/file-lock.ts); without it about half the saves vanished.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sidecar } from '../../annotations/model/types';

const SAVES = 300;
const IN_FLIGHT = 4;
const TEXT = Array.from({ length: 40 }, (_, i) => `وزیر امور خارجه روز دوشنبه گفت که گفت و گوها ادامه دارد (${i + 1}).`).join('\n');

interface Outcome {
  label: string;
  acked: string[];
  refused: string[];
}

function runWriter(corpus: string, appData: string, label: string): Promise<Outcome> {
  const script = join(import.meta.dirname, '..', 'fixtures', 'save-many.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, corpus, appData, 'a.txt', String(SAVES), String(IN_FLIGHT), label], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${label} exited with ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as Outcome);
    });
  });
}

test('two processes saving annotations on one article at once lose none of the saves they acknowledged', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-two-processes-'));
  try {
    const corpus = join(dir, 'corpus');
    await mkdir(corpus);
    await writeFile(join(corpus, 'a.txt'), TEXT);
    const [one, two] = await Promise.all([runWriter(corpus, join(dir, 'app-1'), 'one'), runWriter(corpus, join(dir, 'app-2'), 'two')]);
    const sidecar = JSON.parse(await readFile(join(corpus, 'a.txt.annotations.json'), 'utf8')) as Sidecar;
    const onDisk = new Set(sidecar.annotations.map((a) => a.id));
    for (const o of [one!, two!]) {
      const found = o.acked.filter((id) => onDisk.has(id)).length;
      t.diagnostic(`process ${o.label}: ${SAVES} saves asked (${IN_FLIGHT} in flight), ${o.acked.length} acknowledged, ${found} found in the sidecar, ${o.acked.length - found} lost, ${o.refused.length} refused`);
      if (o.refused.length > 0) t.diagnostic(`process ${o.label} refused: ${o.refused[0]}`);
    }
    const acked = [...one!.acked, ...two!.acked];
    const lost = acked.filter((id) => !onDisk.has(id));
    t.diagnostic(`in all: ${acked.length} acknowledged, ${acked.length - lost.length} found, ${lost.length} lost; ${sidecar.annotations.length} annotations and ${sidecar.conflicts.length} conflicts in the file`);
    assert.deepEqual(lost, []);
    assert.equal(one!.acked.length + one!.refused.length, SAVES);
    assert.equal(acked.length, SAVES * 2, 'no save was refused');
    assert.equal(sidecar.annotations.length, SAVES * 2, 'no annotation doubled');
    // No lock or temporary file is left behind.
    assert.deepEqual((await readdir(corpus)).sort(), ['a.txt', 'a.txt.annotations.json']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
