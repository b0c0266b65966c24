// "Open PDF at p. N" (issue 24): the window names a PDF article and a page; only that article's
// real path inside the corpus reaches the shell, which gives the system's viewer a file URL
// with `#page=N`. Anything else (another kind of file, a path out of the corpus, a link
// leading out of it, a page that is not a page) is refused before the shell is asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../corpus/api/api-schema';
import { Workspace } from '../../corpus/services/workspace';
import { originalFileUrl, originalOpener } from '../../electron/open-original';
import { makePdf } from '../fixtures/pdf/make-pdf';

const PDF = makePdf({ pages: [['First page.'], ['Second page.']], title: 'Two pages' });

async function corpusWith(opener: boolean): Promise<{ base: string; corpus: string; opened: Array<[string, number | null]>; ws: Workspace }> {
  const base = await mkdtemp(join(tmpdir(), 'hashiya-open-original-'));
  const corpus = join(base, 'corpus');
  const outside = join(base, 'outside');
  await Promise.all([mkdir(corpus), mkdir(outside), mkdir(join(base, 'app'))]);
  await writeFile(join(corpus, 'گزارش.pdf'), PDF);
  await writeFile(join(corpus, 'a.txt'), 'متن\n');
  await writeFile(join(outside, 'secret.pdf'), PDF);
  await symlink(join(outside, 'secret.pdf'), join(corpus, 'link.pdf'));
  const opened: Array<[string, number | null]> = [];
  const ws = await Workspace.create({
    appDataDir: join(base, 'app'),
    pickFolder: async () => null,
    ...(opener ? { openOriginal: async (path: string, page: number | null) => void opened.push([path, page]) } : {}),
  });
  await ws.openCorpus(corpus, false);
  return { base, corpus, opened, ws };
}

test("a PDF article is handed to the shell by its real path with the page; nothing else is, whatever the window sends", async () => {
  const c = await corpusWith(true);
  try {
    assert.deepEqual(await dispatch(c.ws, 'openOriginal', ['گزارش.pdf', 2]), { ok: true, value: null });
    assert.deepEqual(await dispatch(c.ws, 'openOriginal', ['گزارش.pdf', null]), { ok: true, value: null });
    const real = await realpath(join(c.corpus, 'گزارش.pdf'));
    assert.deepEqual(c.opened, [[real, 2], [real, null]]);
    const refused: Array<[unknown[], string]> = [
      [['a.txt', 1], 'a text article is read in the app, not handed to the system'],
      [['../outside/secret.pdf', 1], 'a path out of the corpus'],
      [['link.pdf', 1], 'a link in the corpus leading out of it'],
      [['missing.pdf', 1], 'a file that is not there'],
      [[join(c.base, 'outside', 'secret.pdf'), 1], 'an absolute path'],
      [['گزارش.pdf', 0], 'page 0'],
      [['گزارش.pdf', 1.5], 'a fractional page'],
      [['گزارش.pdf', '2'], 'a page as text'],
      [['گزارش.pdf'], 'no page argument'],
      [['x.pdf.annotations.json', 1], 'a sidecar'],
    ];
    for (const [args, what] of refused) {
      const r = await dispatch(c.ws, 'openOriginal', args);
      assert.equal(r.ok, false, what);
      // The window's own absolute path may be quoted back; the corpus's is never told.
      if (!r.ok && !String(args[0]).startsWith(c.base)) assert.doesNotMatch(r.error.message, new RegExp(c.base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), `${what}: no full path in the message`);
    }
    assert.equal(c.opened.length, 2, 'the shell was asked for nothing else');
  } finally {
    await c.ws.close();
    await rm(c.base, { recursive: true, force: true });
  }
});

test('without the app (the CLI, the browser harness) opening the original says why instead of failing silently', async () => {
  const c = await corpusWith(false);
  try {
    const r = await dispatch(c.ws, 'openOriginal', ['گزارش.pdf', 1]);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error.message, /needs the app/);
  } finally {
    await c.ws.close();
    await rm(c.base, { recursive: true, force: true });
  }
});

test('the viewer is given a file URL with #page=N; a name with # or Persian letters cannot change the page or the file', () => {
  assert.equal(originalFileUrl('/home/u/corpus/report.pdf', 3), 'file:///home/u/corpus/report.pdf#page=3');
  assert.equal(originalFileUrl('/home/u/corpus/report.pdf', null), 'file:///home/u/corpus/report.pdf');
  const tricky = originalFileUrl('/home/u/corpus/a#page=9 گزارش.pdf', 2);
  assert.ok(tricky.endsWith('#page=2') && tricky.split('#').length === 2, tricky);
  assert.equal(decodeURIComponent(new URL(tricky).pathname), '/home/u/corpus/a#page=9 گزارش.pdf');
  console.log(`viewer address: ${tricky}`);
});

test("the app's opener gives Electron's openExternal nothing but that file URL", async () => {
  const asked: string[] = [];
  await originalOpener({ openExternal: async (url) => void asked.push(url) })('/home/u/corpus/r.pdf', 4);
  assert.deepEqual(asked, ['file:///home/u/corpus/r.pdf#page=4']);
});
