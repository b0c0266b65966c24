// Files a corpus can carry (from git, a zip, a shared drive) that are not ordinary files:
// links, FIFOs, devices, files far too large. They are refused with a clear message after
// a look at the opened handle, never read (so /dev/zero cannot fill memory and a FIFO
// cannot hold other requests), never written over, and nothing outside the corpus is read
// or written through a link (issue 12, points 2 and 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstat, mkdir, readFile, readdir, readlink, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Annotation, Tag } from '../../annotations/model/types';
import type { AppState, ArticleDoc, ArticleSummary, SearchResponse } from '../../corpus/api/api';
import { hostileCorpus, makeFifo, makeZeroDevice } from '../fixtures/hostile-corpus';

const SECRET = 'SECRET-OUTSIDE-THE-CORPUS-7d1f';
const SIDECAR = '.annotations.json';

test('sidecars that are links, FIFOs, devices, folders or too large are refused unread and left as they are', async (t) => {
  const kinds: Array<{ article: string; what: string; make: (sidecar: string, outside: string) => Promise<boolean> }> = [
    { article: 'zero.txt', what: 'a link to /dev/zero', make: async (p) => (await symlink('/dev/zero', p), true) },
    { article: 'fifo.txt', what: 'a FIFO', make: async (p) => makeFifo(p) },
    { article: 'link-fifo.txt', what: 'a link to a FIFO outside', make: async (p, out) => makeFifo(join(out, 'pipe')) && (await symlink(join(out, 'pipe'), p), true) },
    { article: 'device.txt', what: 'a device (as root only)', make: async (p) => makeZeroDevice(p) },
    { article: 'big.txt', what: 'a 65 MB file', make: async (p) => (await writeFile(p, '{'), await truncate(p, 65 * 1024 * 1024), true) },
    { article: 'folder.txt', what: 'a folder', make: async (p) => (await mkdir(p), true) },
    { article: 'out.txt', what: 'a link to a file outside the corpus', make: async (p, out) => (await writeFile(join(out, 'secret.json'), `{"format":1,"x":"${SECRET}"}`), await symlink(join(out, 'secret.json'), p), true) },
    { article: 'in.txt', what: 'a link to another sidecar of the corpus', make: async (p) => (await writeFile(p.replace('in.txt', 'ok.txt'), '{"format":1,"article":{"file":"ok.txt","sha256":"","length":0}}'), await symlink(p.replace('in.txt', 'ok.txt'), p), true) },
  ];
  const made = new Set<string>();
  const c = await hostileCorpus([...kinds.map((k) => k.article), 'ok.txt', 'plain.txt'], async ({ corpus, outside }) => {
    for (const k of kinds) if (await k.make(join(corpus, k.article + SIDECAR), outside)) made.add(k.article);
  });
  try {
    const rssBefore = process.memoryUsage().rss;
    let refused = 0;
    for (const k of kinds) {
      if (!made.has(k.article)) {
        t.diagnostic(`skipped ${k.what}: cannot be made here`);
        continue;
      }
      const sidecar = join(c.corpus, k.article + SIDECAR);
      const before = await lstat(sidecar);
      // Opened while another request runs: a FIFO must not hold it up.
      const [opened, plain] = await Promise.all([c.call<ArticleDoc>('openArticle', k.article), c.call<ArticleDoc>('openArticle', 'plain.txt')]);
      assert.ok(plain.ok);
      assert.ok(opened.ok, `${k.what}: the article itself still opens`);
      const message = opened.value.readOnly ?? '';
      assert.match(message, /symbolic link|named pipe|device|folder, not a file|larger than the 64 MB/, `${k.what}: ${message}`);
      assert.ok(!message.includes(SECRET), 'no byte of a file outside reaches the window');
      const saved = await c.call<Annotation>('createAnnotation', k.article, { start: 0, end: 4, tags: [], gloss: 'x', note: '' });
      assert.equal(saved.ok, false);
      assert.equal(!saved.ok && saved.error.code, 'read-only');
      const after = await lstat(sidecar);
      assert.equal(after.ino, before.ino, `${k.what} was not replaced`);
      assert.equal(after.size, before.size);
      refused++;
    }
    if (made.has('out.txt')) assert.equal(await readFile(join(c.outside, 'secret.json'), 'utf8'), `{"format":1,"x":"${SECRET}"}`);
    // The list and the quotations carry on past them too.
    const list = await c.call<ArticleSummary[]>('listArticles');
    assert.ok(list.ok);
    const grown = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    t.diagnostic(`special sidecars tried: ${made.size}, refused: ${refused}; memory grew by ${grown.toFixed(0)} MB`);
    assert.equal(refused, made.size);
    assert.ok(grown < 200, `reading them must not fill memory (grew ${grown.toFixed(0)} MB)`);
  } finally {
    await c.close();
  }
});

test('settings files that are links or FIFOs are refused: defaults are used and the file is never written over', async (t) => {
  let tried = 0;
  let refused = 0;
  // The corpus settings as a link to /dev/zero, the app's settings as a FIFO.
  const c = await hostileCorpus(['a.txt'], async ({ corpus, appData }) => {
    await symlink('/dev/zero', join(corpus, 'hashiya-corpus.json'));
    makeFifo(join(appData, 'settings.json'));
  });
  try {
    tried += 2;
    const state = await c.call<AppState>('getAppState');
    assert.ok(state.ok, 'the app starts with a FIFO for its settings');
    refused++;
    const tags = await c.call<Tag[]>('getTaxonomy');
    assert.ok(tags.ok && tags.value.length > 0, 'the default tags are used');
    const set = await c.call<Tag[]>('setTaxonomy', tags.ok ? tags.value : []);
    assert.equal(set.ok, false);
    assert.equal(!set.ok && set.error.code, 'read-only');
    assert.match(!set.ok ? set.error.message : '', /hashiya-corpus\.json is a symbolic link/);
    assert.equal(await readlink(join(c.corpus, 'hashiya-corpus.json')), '/dev/zero');
    refused++;
    t.diagnostic(`special settings files tried: ${tried}, refused: ${refused}`);
  } finally {
    await c.close();
  }
});

test('a .hashiya cache folder that links out of the corpus is not used: caches stay in memory, with a message', async (t) => {
  let tried = 0;
  const c = await hostileCorpus(['a.txt', 'b.txt'], async ({ corpus, outside }) => {
    await mkdir(join(outside, 'caches'));
    await symlink(join(outside, 'caches'), join(corpus, '.hashiya'));
  });
  try {
    tried++;
    const list = await c.call<ArticleSummary[]>('listArticles');
    assert.ok(list.ok && list.value.length === 2);
    const found = await c.call<SearchResponse>('search', { query: 'وزیر' });
    assert.ok(found.ok && found.value.hits.length > 0, 'search works from memory');
    assert.deepEqual(await readdir(join(c.outside, 'caches')), [], 'nothing was written through the link');
    const state = await c.call<AppState>('getAppState');
    assert.ok(state.ok);
    assert.match(state.value.corpus?.notice ?? '', /\.hashiya in the corpus folder is a symbolic link.*kept in memory/);
    t.diagnostic(`cache folder links tried: ${tried}; files written through them: 0`);
  } finally {
    await c.close();
  }
  // A cache file inside a real .hashiya that links out is neither read nor written through.
  const d = await hostileCorpus(['a.txt'], async ({ corpus, outside }) => {
    await mkdir(join(corpus, '.hashiya'));
    await writeFile(join(outside, 'catalog.json'), SECRET);
    await symlink(join(outside, 'catalog.json'), join(corpus, '.hashiya', 'catalog.json'));
  });
  try {
    tried++;
    const list = await d.call<ArticleSummary[]>('listArticles');
    assert.ok(list.ok && list.value.length === 1);
    assert.equal(await readFile(join(d.outside, 'catalog.json'), 'utf8'), SECRET, 'the file outside is unchanged');
    t.diagnostic(`cache links tried in all: ${tried}`);
  } finally {
    await d.close();
  }
});
