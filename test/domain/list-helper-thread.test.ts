// A big folder's list is filled in by two threads once the search index is ready (the list
// worker and a helper, facts-helper.ts): the list, and the cache kept for the next opening,
// are exactly what one thread makes, whether the helper finishes its share or dies midway.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ArticleCatalog } from '../../corpus/catalog/article-catalog';
import { CatalogState, type CatalogRecord } from '../../corpus/catalog/catalog-state';
import type { FromHelper, HelperSource, HelperThread } from '../../corpus/catalog/facts-helper';
import { startFactsHelper } from '../../corpus/catalog/indexer';
import { appFolder, CATALOG_CACHE, scanCorpus } from '../../corpus/search/index-store';
import { writeSampleAndSynthetic } from '../fixtures/sample-and-synthetic';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SYNTHETIC = 420;

let root = '';
let alone: { records: CatalogRecord[]; changed: string[]; text: string };

/** The cache's lines without its header (which says when the scan began). */
function cacheLines(state: CatalogState): string {
  return state.toText().split('\n').slice(1).join('\n');
}

/**
 * A helper started as the list worker starts it. `dies`: it is stopped when it sends its first
 * facts, which are lost, as if it had crashed with articles it had taken.
 */
function source(seen: { results: number; lost: number }, dies = false): HelperSource {
  return {
    min: 50,
    spare: () => true,
    start(job) {
      const thread = startFactsHelper(job, undefined);
      // The list's thread waits here until the helper has taken its first articles: otherwise
      // it might have done them all before the helper's modules were loaded.
      const next = new Int32Array(job.queue.next);
      for (let waited = 0; Atomics.load(next, 0) === 0 && waited < 60_000; waited += 10) Atomics.wait(next, 0, 0, 10);
      const wrapped: HelperThread = {
        listen(onMessage, onGone) {
          let dead = false;
          thread.listen((m: FromHelper) => {
            if (dead) return;
            if (dies && m.type === 'facts') {
              dead = true;
              seen.lost += m.results.length;
              thread.stop();
              return;
            }
            if (m.type === 'facts') seen.results += m.results.length;
            onMessage(m);
          }, onGone);
        },
        stop: () => thread.stop(),
      };
      return wrapped;
    },
  };
}

async function refreshed(helper?: HelperSource): Promise<{ state: CatalogState; changed: string[]; batched: string[] }> {
  const state = new CatalogState();
  const batched: string[] = [];
  const out = await state.refresh(root, await scanCorpus(root), { helper, onRecords: (rs) => batched.push(...rs.map((r) => r.file)) });
  return { state, changed: out.changed, batched };
}

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'hashiya-helper-'));
  writeSampleAndSynthetic(root, 7, SYNTHETIC);
  // Articles the helper does not take or reads otherwise: a saved page, a UTF-16 file, an empty
  // one, a binary one, one whose sidecar is broken.
  copyFileSync(join(ROOT, 'test', 'fixtures', 'pages', 'ar_02_lbci_fundus.html'), join(root, 'page.html'));
  writeFileSync(join(root, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('خبر\n\nبه گزارش ایسنا، وزیر خارجه دیدار کرد.\n', 'utf16le')]));
  writeFileSync(join(root, 'empty.txt'), '');
  writeFileSync(join(root, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]));
  writeFileSync(join(root, '000_4b15f26e11b27dea.txt.annotations.json'), '{ not json');
  // Every other file dated a day ahead: its content is hashed (as for a file changed during the
  // scan), whenever the test runs; the others a day back (not hashed).
  readdirSync(root).filter((f) => f.includes('.')).forEach((f, i) => {
    const at = new Date(Date.now() + (i % 2 === 0 ? 1 : -1) * 86_400_000);
    utimesSync(join(root, f), at, at);
  });
  const { state, changed } = await refreshed();
  alone = { records: [...state.records.values()], changed, text: cacheLines(state) };
});

after(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('a big folder listed by two threads', () => {
  it('shows the same headlines, outlets and dates, in the same order, as one thread', async () => {
    const seen = { results: 0, lost: 0 };
    const { state, changed, batched } = await refreshed(source(seen));
    assert.ok(seen.results > 0, 'the helper worked out some of the articles');
    assert.deepEqual([...state.records.values()], alone.records);
    assert.deepEqual(changed, alone.changed);
    assert.deepEqual([...batched].sort(), [...alone.changed].sort(), 'every record made reaches the window once');
    assert.equal(cacheLines(state), alone.text);
  });

  it('still fills in every article when the helper dies midway', async () => {
    const seen = { results: 0, lost: 0 };
    const { state, changed } = await refreshed(source(seen, true));
    assert.ok(seen.lost > 0, 'the helper had taken articles it never sent');
    assert.deepEqual([...state.records.values()], alone.records);
    assert.deepEqual(changed, alone.changed);
    assert.equal(cacheLines(state), alone.text);
  });

  it('keeps the same list on disk when the app opens the folder with both workers', async () => {
    rmSync(appFolder(root), { recursive: true, force: true });
    const catalog = new ArticleCatalog(root, { background: { helperMin: 50 } });
    try {
      const first = await catalog.list();
      assert.equal(first.length, alone.records.length);
      await catalog.whenListed();
      await catalog.persist();
    } finally {
      await catalog.close();
    }
    const saved = readFileSync(join(appFolder(root), CATALOG_CACHE), 'utf8');
    assert.equal(saved.split('\n').slice(1).join('\n'), alone.text);
  });
});
