// A file of gigabytes named like an article (a disk image renamed .txt, a video saved as .pdf)
// is listed with its size and the limit, and never loaded: the list, search and opening go on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleDoc, ArticleSummary, SearchResponse } from '../../corpus/api/api';
import { hostileCorpus } from '../fixtures/hostile-corpus';

test('a 3 GB .txt and a 150 MB .pdf are listed with their size and the limit, never loaded; the other articles list, open and search as ever', async () => {
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => {
    // Sparse files: their size is what the folder says, without using the disk.
    for (const [name, size] of [['huge.txt', 3 * 1024 ** 3], ['huge.pdf', 150 * 1024 ** 2], ['big.docx', 101 * 1024 ** 2]] as const) {
      await writeFile(join(corpus, name), '');
      await truncate(join(corpus, name), size);
    }
  });
  try {
    const before = process.memoryUsage().rss;
    const list = await c.call<ArticleSummary[]>('listArticles');
    assert.ok(list.ok);
    const by = new Map(list.value.map((a) => [a.file, a]));
    assert.equal(by.get('a.txt')?.openable, true);
    for (const [name, mb, limit] of [['huge.txt', '3072.0', 20], ['huge.pdf', '150.0', 100], ['big.docx', '101.0', 100]] as const) {
      const a = by.get(name);
      assert.ok(a, `${name} is listed`);
      assert.equal(a.openable, false);
      assert.equal(a.note, `This file is ${mb} MB, larger than the ${limit} MB an article of its kind may have; it was not read.`);
      const opened = await c.call<ArticleDoc>('openArticle', name);
      assert.ok(!opened.ok, `${name} does not open`);
    }
    const found = await c.call<SearchResponse>('search', { query: 'article' });
    assert.ok(found.ok, 'search goes on');
    const grown = (process.memoryUsage().rss - before) / 1024 / 1024;
    console.log(`listed ${list.value.length}: ${list.value.map((a) => `${a.file}${a.openable ? '' : ' (not read)'}`).join(', ')}; memory grew ${grown.toFixed(0)} MB`);
    assert.ok(grown < 500, 'nothing of the big files was loaded');
  } finally {
    await c.close();
  }
});
