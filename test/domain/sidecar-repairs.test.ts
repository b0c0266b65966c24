// Sidecars a person or a merge got wrong still open, say what is wrong, and can be put right
// from the app: repeated annotation ids, an encoding name this build does not know, and git
// conflict markers (issue 12, points 5, 6 and 9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { annotationAt } from '../fixtures/annotations';
import { serialiseSidecar } from '../../annotations/store/serialise';
import { SIDECAR_FORMAT, type Annotation, type Sidecar } from '../../annotations/model/types';
import type { ArticleDoc } from '../../corpus/api/api';
import { ARTICLE_TEXT, hostileCorpus } from '../fixtures/hostile-corpus';

const SHA = createHash('sha256').update(ARTICLE_TEXT).digest('hex');

function annotation(id: string, start: number, gloss: string): Annotation {
  return annotationAt(ARTICLE_TEXT, id, start, start + 4, { analyst: 'hand edit', tags: [], gloss });
}

function sidecar(file: string, over: Partial<Sidecar>): string {
  return serialiseSidecar({ format: SIDECAR_FORMAT, article: { file, sha256: SHA, length: ARTICLE_TEXT.length }, metadata: {}, annotations: [], renderings: [], alignments: [], conflicts: [], ...over });
}

test('two annotations sharing an id both show, the repeat gets its own id on the next save, and an edit changes the one edited', async (t) => {
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => {
    await writeFile(join(corpus, 'a.txt.annotations.json'), sidecar('a.txt', { annotations: [annotation('same-id', 0, 'first'), annotation('same-id', 10, 'second'), annotation('other', 20, 'third')] }));
  });
  try {
    const opened = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(opened.ok);
    const doc = opened.value;
    assert.deepEqual(doc.annotations.map((a) => a.gloss), ['first', 'second', 'third'], 'all three are shown');
    const ids = doc.annotations.map((a) => a.id);
    assert.equal(new Set(ids).size, 3, 'each has its own id');
    assert.equal(ids[0], 'same-id', 'the first keeps its id');
    assert.match(doc.notices?.join(' ') ?? '', /1 annotation had the id of another.*new id, saved with the next change/);
    // Edit the second: the first must stay as it was.
    const edited = await c.call<Annotation>('updateAnnotation', 'a.txt', ids[1], { gloss: 'second, edited' });
    assert.ok(edited.ok);
    const onDisk = JSON.parse(await readFile(join(c.corpus, 'a.txt.annotations.json'), 'utf8')) as Sidecar;
    const byGloss = Object.fromEntries(onDisk.annotations.map((a) => [a.gloss, a.id]));
    assert.deepEqual(Object.keys(byGloss).sort(), ['first', 'second, edited', 'third']);
    assert.equal(byGloss['first'], 'same-id');
    assert.equal(byGloss['second, edited'], ids[1], 'the new id is what was written');
    assert.equal(new Set(onDisk.annotations.map((a) => a.id)).size, 3);
    const again = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(again.ok && again.value.notices === undefined, 'the notice goes once the file is put right');
    t.diagnostic(`annotations sharing an id: 2; shown: ${doc.annotations.length}; ids after the save: ${new Set(onDisk.annotations.map((a) => a.id)).size} distinct`);
  } finally {
    await c.close();
  }
});

test('an encoding name Hashiya does not know is refused at the API and, found in a sidecar, ignored with a notice and can be reset', async (t) => {
  const names = ['constructor', 'utf-9', 'toString', 'x-new-encoding-v9'];
  const c = await hostileCorpus(names.map((_, i) => `e${i}.txt`), async ({ corpus }) => {
    for (const [i, name] of names.entries()) await writeFile(join(corpus, `e${i}.txt.annotations.json`), sidecar(`e${i}.txt`, { metadata: { encoding: name } }));
  });
  try {
    let refused = 0;
    for (const name of names) {
      const r = await c.call<ArticleDoc>('setMetadata', 'e0.txt', { encoding: name });
      assert.equal(r.ok, false, `${name} refused`);
      assert.equal(!r.ok && r.error.code, 'bad-request');
      assert.match(!r.ok ? r.error.message : '', /unknown encoding; choose one of utf-8/);
      refused++;
    }
    const alias = await c.call<ArticleDoc>('setMetadata', 'e1.txt', { encoding: 'cp1256' });
    assert.ok(alias.ok, 'a known alias is accepted');
    let opened = 0;
    for (const [i, name] of names.entries()) {
      if (i === 1) continue;
      const doc = await c.call<ArticleDoc>('openArticle', `e${i}.txt`);
      assert.ok(doc.ok, `an article whose sidecar names ${name} opens`);
      assert.equal(doc.value.text, ARTICLE_TEXT, 'decoded as detected');
      assert.equal(doc.value.readOnly, null);
      assert.match(doc.value.notices?.join(' ') ?? '', new RegExp(`text encoding "${name}", which this version of Hashiya does not know; it was ignored`));
      opened++;
    }
    const reset = await c.call<ArticleDoc>('setMetadata', 'e0.txt', { encoding: '' });
    assert.ok(reset.ok, 'the person can reset it');
    assert.equal(reset.value.metadata.overrides.encoding, undefined);
    assert.equal(reset.value.notices, undefined);
    t.diagnostic(`unknown names tried: ${names.length}; refused at the API: ${refused}; articles that still open with them in the sidecar: ${opened} of ${names.length - 1}; reset: ok`);
  } finally {
    await c.close();
  }
});

test('a sidecar with git conflict markers says so and how to recover, and is kept as it is', async (t) => {
  const good = sidecar('a.txt', { annotations: [annotation('one', 0, 'mine')] });
  const theirs = sidecar('a.txt', { annotations: [annotation('one', 0, 'theirs')] });
  const marked = `<<<<<<< HEAD\n${good}=======\n${theirs}>>>>>>> origin/main\n`;
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => writeFile(join(corpus, 'a.txt.annotations.json'), marked));
  try {
    const doc = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(doc.ok);
    const message = doc.value.readOnly ?? '';
    assert.match(message, /git conflict markers/);
    assert.match(message, /git merge --abort/);
    assert.match(message, /hashiya git-setup/);
    assert.match(message, /merge again/);
    const saved = await c.call('createAnnotation', 'a.txt', { start: 0, end: 4, tags: [], gloss: '', note: '' });
    assert.equal(saved.ok, false);
    assert.equal(await readFile(join(c.corpus, 'a.txt.annotations.json'), 'utf8'), marked, 'the file is kept byte for byte');
    const list = await c.call<Array<{ note: string | null }>>('listArticles');
    assert.ok(list.ok);
    assert.match(list.value[0]?.note ?? '', /git conflict markers/);
    t.diagnostic(`conflict-marked sidecars tried: 1; message: ${message}`);
  } finally {
    await c.close();
  }
});
