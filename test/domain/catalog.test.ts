// The article list of a big folder: on screen at once with pending lines, filled in by the
// background worker, kept on disk for the next opening, never trusted when stale or corrupt.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ArticleCatalog, type CatalogEvent, type CatalogSummary } from '../../corpus/catalog/article-catalog';
import { CATALOG_FORMAT } from '../../corpus/catalog/catalog-state';
import { appFolder, CATALOG_CACHE } from '../../corpus/search/index-store';

const COUNT = 60; // more than the catalog works out at once, so most lines start pending

let root = '';

function article(i: number): string {
  return `خبر شماره ${i} درباره همکاری ایران و ترکیه\n\nبه گزارش ایسنا، وزیر خارجه ایران در سفر ${i} با همتای خود دیدار کرد و درباره مبارزه با تروریسم گفت‌وگو کرد.\n`;
}

function name(i: number): string {
  return `a${String(i).padStart(3, '0')}.txt`;
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'hashiya-catalog-'));
  for (let i = 0; i < COUNT; i++) await writeFile(join(root, name(i)), article(i));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the article list of a big folder', () => {
  it('lists every file at once, pending lines named by file, then fills them in with progress', async () => {
    const events: CatalogEvent[] = [];
    const catalog = new ArticleCatalog(root, { background: true, onEvent: (e) => events.push(e) });
    try {
      const first = await catalog.list();
      assert.equal(first.length, COUNT);
      const pending = first.filter((s) => s.pending);
      assert.ok(pending.length > COUNT / 2, `${pending.length} pending`);
      for (const p of pending) assert.equal(p.headline, p.file);
      await catalog.whenListed();
      const filled = await catalog.list();
      assert.equal(filled.filter((s) => s.pending).length, 0);
      assert.equal(filled[7]!.headline, `خبر شماره 7 درباره همکاری ایران و ترکیه`);
      assert.equal(filled[7]!.language, 'fa');
      const progress = events.filter((e): e is Extract<CatalogEvent, { type: 'progress' }> => e.type === 'progress');
      assert.ok(progress.length > 0);
      const last = progress[progress.length - 1]!;
      assert.ok(last.done <= last.total && last.total > 0);
      assert.ok(events.some((e) => e.type === 'summaries'));
    } finally {
      await catalog.close();
    }
  });

  it('opens from the cache on disk the next time, with nothing pending', async () => {
    const catalog = new ArticleCatalog(root, { background: true });
    try {
      const list = await catalog.list();
      assert.equal(list.length, COUNT);
      assert.equal(list.filter((s) => s.pending).length, 0);
      assert.equal(list[3]!.headline, `خبر شماره 3 درباره همکاری ایران و ترکیه`);
    } finally {
      await catalog.close();
    }
  });

  it('does not trust a cached line whose file changed: it is worked out again', async () => {
    await writeFile(join(root, name(5)), 'سرخط تازه برای این خبر\n\nمتن تازه.\n');
    const catalog = new ArticleCatalog(root, { background: true });
    try {
      const list = await catalog.list();
      const line = list.find((s) => s.file === name(5))!;
      assert.equal(line.headline, 'سرخط تازه برای این خبر');
      assert.ok(!line.pending);
    } finally {
      await catalog.close();
      await writeFile(join(root, name(5)), article(5));
    }
  });

  it('rebuilds a corrupt cache instead of failing', async () => {
    await writeFile(join(appFolder(root), CATALOG_CACHE), `{"format": ${CATALOG_FORMAT}, "writtenAt": 1}\n{"file": "a000.txt", "article"`);
    const list = await new ArticleCatalog(root).list();
    assert.equal(list.length, COUNT);
    assert.equal(list[0]!.headline, 'خبر شماره 0 درباره همکاری ایران و ترکیه');
    await writeFile(join(appFolder(root), CATALOG_CACHE), `${JSON.stringify({ format: CATALOG_FORMAT, writtenAt: Date.now() })}\n${JSON.stringify({ file: 'a000.txt', article: 'nonsense' })}\n`);
    const again = await new ArticleCatalog(root).list();
    assert.equal(again[0]!.headline, 'خبر شماره 0 درباره همکاری ایران و ترکیه');
  });

  it('shows the corrections and the annotation count from a sidecar, and why a broken one is read-only', async () => {
    const sidecar = {
      format: 1,
      article: { file: name(1), sha256: '0'.repeat(64), length: 10 },
      metadata: { headline: 'عنوان اصلاح‌شده', outlet: 'ایسنا' },
      annotations: [],
      renderings: [],
      alignments: [],
      conflicts: [],
    };
    await writeFile(join(root, `${name(1)}.annotations.json`), JSON.stringify(sidecar));
    await writeFile(join(root, `${name(2)}.annotations.json`), '{ not json');
    const list = await new ArticleCatalog(root).list();
    const one = list.find((s) => s.file === name(1))!;
    assert.equal(one.headline, 'عنوان اصلاح‌شده');
    assert.equal(one.outlet, 'ایسنا');
    const two = list.find((s) => s.file === name(2))!;
    assert.match(two.note ?? '', /not valid JSON/);
    await rm(join(root, `${name(1)}.annotations.json`));
    await rm(join(root, `${name(2)}.annotations.json`));
  });

  it('lists the same lines in the background as in this thread', async () => {
    const inline = await new ArticleCatalog(root).list();
    const catalog = new ArticleCatalog(root, { background: true });
    try {
      await catalog.list();
      await catalog.whenListed();
      const background: CatalogSummary[] = await catalog.list();
      assert.deepEqual(background, inline);
    } finally {
      await catalog.close();
    }
  });

  it('leaves its hidden folder, temporary files and non-articles out of the list', async () => {
    await mkdir(join(root, 'sub'), { recursive: true });
    await writeFile(join(root, 'sub', 'nested.txt'), article(99));
    await writeFile(join(root, '.a001.txt.1.abcd.tmp'), 'x');
    await writeFile(join(root, 'notes.md'), 'x');
    const files = (await new ArticleCatalog(root).list()).map((s) => s.file);
    assert.ok(files.includes('sub/nested.txt'));
    assert.ok(!files.some((f) => f.startsWith('.') || f.includes('.hashiya') || f.endsWith('.md')));
    assert.equal(files.length, COUNT + 1);
    await rm(join(root, 'sub'), { recursive: true });
    await rm(join(root, '.a001.txt.1.abcd.tmp'));
    await rm(join(root, 'notes.md'));
  });

  it('writes a .gitignore into its hidden folder so a corpus in git never commits the caches', async () => {
    const { readFile } = await import('node:fs/promises');
    assert.equal(await readFile(join(appFolder(root), '.gitignore'), 'utf8'), '*\n');
  });
});
