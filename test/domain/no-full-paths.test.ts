// Notes and errors reach the window naming files relative to the corpus: no full path of
// this machine (where the corpus or the app's data lies) is in any of them (issue 12, point 7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppState, ArticleDoc, QuotationPage } from '../../corpus/api/api';
import { hostileCorpus, makeFifo } from '../fixtures/hostile-corpus';

test('no error or note the window gets names a full path', async (t) => {
  const c = await hostileCorpus(['a.txt', 'broken.txt', 'link.txt', 'fifo.txt', 'marked.txt', 'big.txt', 'gone.txt', 'ro.txt'], async ({ corpus, outside }) => {
    await writeFile(join(corpus, 'broken.txt.annotations.json'), '{"format": 1, oops');
    await writeFile(join(outside, 'x.json'), '{}');
    await symlink(join(outside, 'x.json'), join(corpus, 'link.txt.annotations.json'));
    makeFifo(join(corpus, 'fifo.txt.annotations.json'));
    await writeFile(join(corpus, 'marked.txt.annotations.json'), '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> b\n');
    await writeFile(join(corpus, 'big.txt'), Buffer.alloc(21 * 1024 * 1024, 0x41));
    await writeFile(join(corpus, 'hashiya-corpus.json'), '{not json');
    await mkdir(join(corpus, 'sub'));
  });
  const messages: Array<{ what: string; message: string }> = [];
  const note = (what: string, message: string | null | undefined) => {
    if (message) messages.push({ what, message });
  };
  const failure = async (what: string, method: string, ...args: unknown[]) => {
    const r = await c.call(method, ...args);
    assert.equal(r.ok, false, `${what} fails`);
    if (!r.ok) note(what, r.error.message);
  };
  try {
    await failure('a missing article', 'openArticle', 'nope.txt');
    await failure('traversal', 'openArticle', '../outside/x.txt');
    await failure('an absolute path', 'openArticle', join(c.corpus, 'a.txt'));
    await failure('a too large article', 'openArticle', 'big.txt');
    await failure('not an article', 'openArticle', 'a.txt.annotations.json');
    for (const f of ['broken.txt', 'link.txt', 'fifo.txt', 'marked.txt']) {
      const doc = await c.call<ArticleDoc>('openArticle', f);
      assert.ok(doc.ok);
      note(`read-only ${f}`, doc.value.readOnly);
      await failure(`saving to ${f}`, 'createAnnotation', f, { start: 0, end: 4, tags: [], gloss: '', note: '' });
    }
    await failure('a broken corpus settings file', 'setTaxonomy', []);
    await failure('a folder that is gone', 'openFolder');
    // A save that fails inside (no permission to write the folder): only root can still write.
    if (process.getuid?.() !== 0) {
      await chmod(c.corpus, 0o555);
      await failure('a folder without write permission', 'createAnnotation', 'ro.txt', { start: 0, end: 4, tags: [], gloss: '', note: '' });
      await chmod(c.corpus, 0o755);
    }
    const list = await c.call<Array<{ note: string | null }>>('listArticles');
    assert.ok(list.ok);
    for (const s of list.value) note('list note', s.note);
    const quotations = await c.call<QuotationPage>('queryQuotations', { filter: {} });
    assert.ok(quotations.ok);
    for (const p of quotations.value.problems) note('quotation problem', p);
    const state = await c.call<AppState>('getAppState');
    assert.ok(state.ok);
    note('corpus notice', state.value.corpus?.notice);
    for (const e of c.events) if (e.type === 'sidecar-changed') note('event', e.message);
    const leaks = messages.filter((m) => m.message.includes(c.base) || m.message.includes(c.corpus) || m.message.includes(c.appData));
    t.diagnostic(`messages checked: ${messages.length} (${[...new Set(messages.map((m) => m.what))].length} kinds); with a full path: ${leaks.length}`);
    for (const l of leaks) t.diagnostic(`leak in ${l.what}: ${l.message}`);
    assert.deepEqual(leaks, []);
    assert.ok(messages.length >= 15);
  } finally {
    await c.close();
  }
});
