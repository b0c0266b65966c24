// A live corpus folder: articles added, changed and removed, and sidecars rewritten by
// someone else, each reported once, in batches; the app's own folder and temporary files
// never; and the search index following along.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ArticleCatalog, type CatalogEvent } from '../../corpus/catalog/article-catalog';
import { CorpusWatcher, type ChangeBatch } from '../../corpus/folder/watcher';

/** Long enough that a burst of writes made in a loop lands in one batch. */
const DEBOUNCE_MS = 400;
/** Waiting for an event that must come; the test fails (not hangs) if it never does. */
const PATIENCE_MS = 20_000;

let root = '';
let watcher: CorpusWatcher | null = null;
let batches: ChangeBatch[] = [];
let waiting: Array<() => void> = [];

function nextBatch(): Promise<ChangeBatch> {
  const seen = batches.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no change batch came')), PATIENCE_MS);
    const check = () => {
      if (batches.length > seen) {
        clearTimeout(timer);
        resolve(batches[seen]!);
      } else waiting.push(check);
    };
    check();
  });
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hashiya-watch-'));
  await writeFile(join(root, 'a.txt'), 'متن اول');
  await writeFile(join(root, 'b.txt'), 'متن دوم');
  await mkdir(join(root, 'sub'));
  batches = [];
  waiting = [];
  watcher = new CorpusWatcher(
    root,
    (b) => {
      batches.push(b);
      const w = waiting;
      waiting = [];
      for (const f of w) f();
    },
    { debounceMs: DEBOUNCE_MS, maxWaitMs: 5 * DEBOUNCE_MS },
  );
  await watcher.start();
});

afterEach(async () => {
  watcher?.close();
  await rm(root, { recursive: true, force: true });
});

const EMPTY: ChangeBatch = { added: [], changed: [], removed: [], sidecarsChanged: [], unreadChanged: [] };

describe('watching a corpus folder', () => {
  it('reports an added article', async () => {
    const next = nextBatch();
    await writeFile(join(root, 'c.txt'), 'تازه');
    assert.deepEqual(await next, { ...EMPTY, added: ['c.txt'] });
  });

  it('reports a changed article once for a burst of writes', async () => {
    const next = nextBatch();
    for (let i = 0; i < 10; i++) await writeFile(join(root, 'a.txt'), `متن ${i} `.repeat(i + 1));
    assert.deepEqual(await next, { ...EMPTY, changed: ['a.txt'] });
    await watcher!.flush();
    assert.equal(batches.length, 1);
  });

  it('reports a removed article', async () => {
    const next = nextBatch();
    await rm(join(root, 'b.txt'));
    assert.deepEqual(await next, { ...EMPTY, removed: ['b.txt'] });
  });

  it('reports an OpenDocument file dropped in as a document not read, never as an article', async () => {
    const next = nextBatch();
    await writeFile(join(root, 'paper.odt'), 'PK');
    assert.deepEqual(await next, { ...EMPTY, unreadChanged: ['paper.odt'] });
    const gone = nextBatch();
    await rm(join(root, 'paper.odt'));
    assert.deepEqual(await gone, { ...EMPTY, unreadChanged: ['paper.odt'] });
  });

  it('reports a Word file dropped in as an article (issue 24)', async () => {
    const next = nextBatch();
    await writeFile(join(root, 'report.docx'), 'PK');
    assert.deepEqual(await next, { ...EMPTY, added: ['report.docx'] });
    const gone = nextBatch();
    await rm(join(root, 'report.docx'));
    assert.deepEqual(await gone, { ...EMPTY, removed: ['report.docx'] });
  });

  it('reports a sidecar rewritten from outside by an atomic rename, and not its temporary file', async () => {
    const next = nextBatch();
    const tmp = join(root, '.a.txt.annotations.json.4242.beef.tmp');
    await writeFile(tmp, '{"format":1}');
    await rename(tmp, join(root, 'a.txt.annotations.json'));
    assert.deepEqual(await next, { ...EMPTY, sidecarsChanged: ['a.txt'] });
  });

  it('reports an article replaced by an atomic rename as changed, not removed and added', async () => {
    const next = nextBatch();
    const tmp = join(root, '.b.txt.tmp');
    await writeFile(tmp, 'متن دوم، ویرایش شده');
    await rename(tmp, join(root, 'b.txt'));
    assert.deepEqual(await next, { ...EMPTY, changed: ['b.txt'] });
  });

  it('ignores the app folder and temporary files, and sees articles in subfolders', async () => {
    const next = nextBatch();
    await mkdir(join(root, '.hashiya'), { recursive: true });
    await writeFile(join(root, '.hashiya', 'catalog.json'), '{}');
    await writeFile(join(root, '.x.txt.1.2.tmp'), 'x');
    await writeFile(join(root, 'sub', 'deep.txt'), 'متن');
    assert.deepEqual(await next, { ...EMPTY, added: ['sub/deep.txt'] });
  });

  it('sees a subfolder that appears later', async () => {
    const first = nextBatch();
    await mkdir(join(root, 'later'));
    await writeFile(join(root, 'later', 'x.txt'), 'متن');
    const b = await first;
    const seen = [...b.added];
    if (!seen.includes('later/x.txt')) {
      // The folder and its file may arrive in two batches.
      const second = nextBatch();
      await writeFile(join(root, 'later', 'y.txt'), 'متن');
      seen.push(...(await second).added);
    }
    assert.ok(seen.includes('later/x.txt'), seen.join(' '));
  });
});

describe('a live corpus with its search', () => {
  it('finds an article added from outside without a restart, and forgets a removed one', async () => {
    watcher?.close();
    watcher = null;
    const events: CatalogEvent[] = [];
    let notify: (() => void) | null = null;
    const catalog = new ArticleCatalog(root, {
      background: true,
      watch: true,
      onEvent: (e) => {
        events.push(e);
        notify?.();
      },
    });
    const changes = () =>
      new Promise<ChangeBatch>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no change event')), PATIENCE_MS);
        const seen = events.length;
        notify = () => {
          const e = events.slice(seen).find((x): x is Extract<CatalogEvent, { type: 'changes' }> => x.type === 'changes');
          if (e) {
            clearTimeout(timer);
            notify = null;
            resolve(e.batch);
          }
        };
      });
    try {
      await catalog.whenSearchable();
      assert.equal((await catalog.search({ query: 'ونزوئلا' })).hits.length, 0);
      // The watcher takes its first picture in the background: wait for it by a no-op change.
      await catalog.folderWatcher!.flush();
      const added = changes();
      await writeFile(join(root, 'new.txt'), 'خبری درباره ونزوئلا');
      assert.deepEqual((await added).added, ['new.txt']);
      await catalog.whenSearchable();
      const found = await catalog.search({ query: 'ونزوئلا' });
      assert.deepEqual(found.hits.map((h) => h.file), ['new.txt']);
      const removed = changes();
      await rm(join(root, 'new.txt'));
      assert.deepEqual((await removed).removed, ['new.txt']);
      await catalog.whenSearchable();
      assert.equal((await catalog.search({ query: 'ونزوئلا' })).hits.length, 0);
    } finally {
      await catalog.close();
    }
  });
});
