// The API over a folder on disk, as the app and the harness use it (issue 2).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../../corpus/api';
import { dispatch } from '../../corpus/api-schema';
import { CORPUS_SETTINGS_FILE, resolveArticlePath } from '../../corpus/corpus-folder';
import { Workspace } from '../../corpus/workspace';

const SAMPLE = fileURLToPath(new URL('../../corpus/sample', import.meta.url));
const FA = '000_4b15f26e11b27dea.txt';

let base: string;
let corpus: string;
let appData: string;

async function workspace(): Promise<Workspace> {
  return Workspace.create({ appDataDir: appData, pickFolder: async () => corpus, defaultCorpus: corpus });
}

before(async () => {
  base = await mkdtemp(join(tmpdir(), 'hashiya-ws-'));
  corpus = join(base, 'corpus');
  appData = join(base, 'appdata');
  await cp(SAMPLE, corpus, { recursive: true });
  await writeFile(join(base, 'secret.txt'), 'outside the corpus');
  await symlink(join(base, 'secret.txt'), join(corpus, 'link-out.txt'));
  await mkdir(join(corpus, 'sub'));
  await writeFile(join(corpus, 'sub', 'inner.txt'), 'خبر کوتاه\n');
});

after(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('path checks', () => {
  test('names inside the corpus resolve; traversal, absolute paths, NUL and symlinks out are refused', async () => {
    assert.ok((await resolveArticlePath(corpus, FA)).endsWith(FA));
    assert.ok((await resolveArticlePath(corpus, 'sub/inner.txt')).endsWith('inner.txt'));
    for (const bad of ['../secret.txt', 'sub/../../secret.txt', join(base, 'secret.txt'), '/etc/passwd', 'a\0b.txt', 'link-out.txt', '..', 'C:\\Windows\\win.ini']) {
      await assert.rejects(resolveArticlePath(corpus, bad), (e: unknown) => e instanceof ApiError && (e.code === 'forbidden' || e.code === 'not-found'), bad);
    }
  });

  test('a renderer request for a file outside the corpus gets a clear refusal, and nothing is read', async () => {
    const ws = await workspace();
    const res = await dispatch(ws, 'openArticle', ['../secret.txt']);
    assert.equal(res.ok, false);
    if (!res.ok) {
      assert.equal(res.error.code, 'forbidden');
      assert.match(res.error.message, /outside the corpus/);
    }
    const link = await dispatch(ws, 'openArticle', ['link-out.txt']);
    assert.equal(link.ok, false);
  });
});

describe('the workspace', () => {
  test('lists every article with headline, language and annotation count', async () => {
    const ws = await workspace();
    const list = await ws.listArticles();
    const byFile = new Map(list.map((a) => [a.file, a]));
    assert.equal(byFile.get(FA)?.language, 'fa');
    assert.equal(byFile.get('002_b7e8f03d4cd73c5b.txt')?.language, 'ar');
    assert.equal(byFile.get('000_4b15f26e11b27dea.en.txt')?.language, 'en');
    assert.equal(byFile.get(FA)?.headline, 'رئیسجمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول در منطقه و جهان است');
    assert.equal(byFile.get('sub/inner.txt')?.openable, true);
    assert.equal(byFile.get(FA)?.annotations, 0);
  });

  test('an annotation round-trips through the sidecar beside the article, and the article is never written', async () => {
    const ws = await workspace();
    await ws.setAnalyst('Maryam');
    const before = await readFile(join(corpus, FA));
    const doc = await ws.openArticle(FA);
    const start = doc.text.indexOf('حیدر العبادی');
    const a = await ws.createAnnotation(FA, { start, end: start + 'حیدر العبادی'.length, tags: ['person'], gloss: 'Haider al-Abadi', note: 'Iraqi PM 2014–2018' });
    await ws.flush();

    const fresh = await workspace();
    const again = await fresh.openArticle(FA);
    const b = again.annotations.find((x) => x.id === a.id)!;
    assert.deepEqual(b.target.position, { start, end: start + 12 });
    assert.equal(b.target.quote.exact, 'حیدر العبادی');
    assert.equal(b.analyst, 'Maryam');
    assert.equal(b.gloss, 'Haider al-Abadi');
    assert.deepEqual(await readFile(join(corpus, FA)), before);
    assert.equal((await fresh.listArticles()).find((x) => x.file === FA)?.annotations, 1);

    const onDisk = await readFile(join(corpus, `${FA}.annotations.json`), 'utf8');
    assert.ok(onDisk.startsWith('{\n  "format": 1,\n  "article": {'), 'pretty-printed, format first');
    const leftovers = (await readdir(corpus)).filter((n) => n.endsWith('.tmp'));
    assert.deepEqual(leftovers, [], 'no temporary files left beside the article');
  });

  test('spans outside the article or splitting a character are refused', async () => {
    const ws = await workspace();
    const doc = await ws.openArticle(FA);
    await assert.rejects(ws.createAnnotation(FA, { start: 10, end: 5, tags: [], gloss: '', note: '' }), /not inside/);
    await assert.rejects(ws.createAnnotation(FA, { start: 0, end: doc.text.length + 1, tags: [], gloss: '', note: '' }), /not inside/);
  });

  test('the taxonomy starts with the analysts’ defaults and edits are kept in the corpus settings file', async () => {
    const ws = await workspace();
    const tags = await ws.getTaxonomy();
    assert.deepEqual(tags.map((t) => t.name), ['Person', 'Organisation', 'Place', 'Date', 'Event', 'Statement', 'Threat', 'Stance', 'Term']);
    const next = [{ ...tags[2]!, name: 'Location', color: '#123456' }, ...tags.filter((_, i) => i !== 2), { id: 'source', name: 'Source', color: '#00aa00', shortcut: null }];
    await ws.setTaxonomy(next);
    const settings = JSON.parse(await readFile(join(corpus, CORPUS_SETTINGS_FILE), 'utf8'));
    assert.equal(settings.taxonomy[0].name, 'Location');
    assert.equal(settings.taxonomy.at(-1).id, 'source');
    assert.deepEqual((await (await workspace()).getTaxonomy()).map((t) => t.name)[0], 'Location');
    await assert.rejects(ws.setTaxonomy([{ ...tags[0]!, shortcut: '1' }, { ...tags[1]!, shortcut: '1' }]), /shortcut 1/);
  });

  test('the last corpus and the analyst name are remembered across launches', async () => {
    const ws = await Workspace.create({ appDataDir: appData, pickFolder: async () => join(corpus, 'sub') });
    await ws.openFolder();
    await ws.setAnalyst('Leila');
    const next = await Workspace.create({ appDataDir: appData, pickFolder: async () => null, defaultCorpus: SAMPLE });
    const state = await next.getAppState();
    assert.equal(state.corpus?.name, 'sub');
    assert.equal(state.analyst, 'Leila');
    await next.openCorpus(corpus);
  });

  test('a broken corpus settings file is left as it is and the taxonomy cannot be saved over it', async () => {
    const path = join(corpus, CORPUS_SETTINGS_FILE);
    const saved = await readFile(path);
    await writeFile(path, '{ "format": 1, "taxonomy": [');
    try {
      const ws = await workspace();
      assert.equal((await ws.getTaxonomy()).length, 9, 'the defaults, in memory');
      await assert.rejects(ws.setTaxonomy([]), /not valid JSON/);
      assert.equal(await readFile(path, 'utf8'), '{ "format": 1, "taxonomy": [');
    } finally {
      await writeFile(path, saved);
    }
  });
});
