// Opening an article keeps what was worked out of its text (issue 25, item 4): an article or
// sidecar changed on disk must never be shown as it was.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleDoc } from '../../corpus/api/api';
import { Workspace } from '../../corpus/services/workspace';
import { encodingOnDisk } from '../../corpus/services/article-file';
import { serialiseSidecar } from '../../annotations/store/serialise';
import { SIDECAR_FORMAT, type Annotation, type MetadataOverrides } from '../../annotations/model/types';
import { annotationAt } from '../fixtures/annotations';

const FIRST = 'سفر وزیر خارجه به مسکو\n\nخبرگزاری ایرنا گزارش داد که وزیر خارجه امروز به مسکو رفت و با همتای خود دیدار کرد.\n\nاین دیدار دو ساعت طول کشید.\n';
// The same length as FIRST, so only the file's time and bytes tell the change.
const SECOND = FIRST.replace('مسکو', 'پکن ').replace('مسکو', 'پکن ');

let base: string;
let corpus: string;

function sidecarOf(text: string, file: string, annotations: Annotation[], metadata: MetadataOverrides = {}): string {
  const sha256 = createHash('sha256').update(text).digest('hex');
  return serialiseSidecar({ format: SIDECAR_FORMAT, article: { file, sha256, length: text.length }, metadata, annotations, renderings: [], alignments: [], conflicts: [] });
}

/** What a workspace that never opened the article before answers: nothing kept. */
async function fresh(file: string): Promise<ArticleDoc> {
  const ws = await Workspace.create({ appDataDir: join(base, `fresh-${Math.random()}`), pickFolder: async () => null, defaultCorpus: corpus });
  try {
    return await ws.openArticle(file);
  } finally {
    await ws.close();
  }
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

before(async () => {
  base = await mkdtemp(join(tmpdir(), 'hashiya-kept-'));
  corpus = join(base, 'corpus');
  await mkdir(corpus);
});

after(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('an article opened again', () => {
  test('is the same as when opened for the first time', async () => {
    await writeFile(join(corpus, 'same.txt'), FIRST);
    await writeFile(join(corpus, 'same.txt.annotations.json'), sidecarOf(FIRST, 'same.txt', [annotationAt(FIRST, 'a1', 0, 3)]));
    const ws = await Workspace.create({ appDataDir: join(base, 'app-same'), pickFolder: async () => null, defaultCorpus: corpus });
    try {
      const first = await ws.openArticle('same.txt');
      assert.deepEqual(await ws.openArticle('same.txt'), first);
      assert.deepEqual(await fresh('same.txt'), first);
    } finally {
      await ws.close();
    }
  });

  test('after its file was rewritten on disk shows the new text, paragraphs and details', async () => {
    const path = join(corpus, 'rewritten.txt');
    await writeFile(path, FIRST);
    const ws = await Workspace.create({ appDataDir: join(base, 'app-rewritten'), pickFolder: async () => null, defaultCorpus: corpus });
    try {
      const before = await ws.openArticle('rewritten.txt');
      assert.match(before.metadata.headline ?? '', /مسکو/);
      assert.equal(SECOND.length, FIRST.length);
      await writeFile(path, SECOND);
      const later = new Date(Date.now() + 5_000);
      await utimes(path, later, later);
      const after = await ws.openArticle('rewritten.txt');
      assert.equal(after.text, SECOND);
      assert.match(after.metadata.headline ?? '', /پکن/);
      assert.notEqual(after.version, before.version);
      assert.deepEqual(after, await fresh('rewritten.txt'));
    } finally {
      await ws.close();
    }
  });

  test('after another process changed its sidecar shows the annotations and corrections on disk', async () => {
    await writeFile(join(corpus, 'shared.txt'), FIRST);
    const sidecar = join(corpus, 'shared.txt.annotations.json');
    await writeFile(sidecar, sidecarOf(FIRST, 'shared.txt', [annotationAt(FIRST, 'a1', 0, 3)]));
    const ws = await Workspace.create({ appDataDir: join(base, 'app-shared'), pickFolder: async () => null, defaultCorpus: corpus, live: true });
    try {
      const before = await ws.openArticle('shared.txt');
      assert.deepEqual(before.annotations.map((a) => a.id), ['a1']);
      assert.equal(before.paragraphs.some((p) => p.boilerplate), false);
      const last = before.paragraphs[before.paragraphs.length - 1]!;
      // A teammate's save: one more annotation, a headline corrected, the last line marked as furniture.
      const theirs = sidecarOf(FIRST, 'shared.txt', [annotationAt(FIRST, 'a1', 0, 3), annotationAt(FIRST, 'a2', 4, 9)], {
        headline: 'Foreign minister in Moscow',
        furniture: [{ start: last.start, text: FIRST.slice(last.start, last.end).trim(), on: true }],
      });
      await writeFile(sidecar, theirs);
      await until('the teammate’s save is read', async () => (await ws.openArticle('shared.txt')).annotations.length === 2);
      const after = await ws.openArticle('shared.txt');
      assert.equal(after.metadata.headline, 'Foreign minister in Moscow');
      assert.equal(after.paragraphs[after.paragraphs.length - 1]!.boilerplate, true);
      assert.deepEqual(after, await fresh('shared.txt'));
      assert.equal(await readFile(sidecar, 'utf8'), theirs, 'opening never writes the sidecar');
    } finally {
      await ws.close();
    }
  });
});

describe('the encoding a sidecar names', () => {
  test('is taken from a valid sidecar only, and no encoding is read from one that names none', async () => {
    const path = join(corpus, 'enc.txt');
    await writeFile(path, FIRST);
    const sidecar = `${path}.annotations.json`;
    const valid = JSON.parse(sidecarOf(FIRST, 'enc.txt', [annotationAt(FIRST, 'a1', 0, 3)], { encoding: 'windows-1256' })) as Record<string, unknown>;
    await writeFile(sidecar, JSON.stringify(valid));
    assert.equal(await encodingOnDisk(path), 'windows-1256');
    await writeFile(sidecar, JSON.stringify({ ...valid, annotations: [{ id: 7 }] }));
    assert.equal(await encodingOnDisk(path), undefined, 'a sidecar the schema refuses names no encoding');
    await writeFile(sidecar, JSON.stringify({ ...valid, metadata: {} }));
    assert.equal(await encodingOnDisk(path), undefined);
    await writeFile(sidecar, '{"format": 1, oops');
    assert.equal(await encodingOnDisk(path), undefined);
  });
});
