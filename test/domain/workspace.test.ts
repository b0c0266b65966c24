// The API over a folder on disk, as the app and the harness use it (issue 2).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../../corpus/api/api';
import { dispatch } from '../../corpus/api/api-schema';
import { CORPUS_SETTINGS_FILE, resolveArticlePath } from '../../corpus/folder/corpus-folder';
import { Workspace } from '../../corpus/services/workspace';

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

describe('when the article changes on disk under the app', () => {
  const FILE = '004_df093c946d86f816.txt';

  test('a span selected in the old text is refused, not saved on other words', async () => {
    const ws = await workspace();
    const doc = await ws.openArticle(FILE);
    const start = doc.text.indexOf('داعش');
    const original = await readFile(join(corpus, FILE));
    try {
      await writeFile(join(corpus, FILE), Buffer.concat([Buffer.from('خط تازه\n'), original]));
      await assert.rejects(
        ws.createAnnotation(FILE, { start, end: start + 4, version: doc.version, tags: [], gloss: 'ISIS', note: '' }),
        (e: unknown) => e instanceof ApiError && e.code === 'stale',
      );
      const fresh = await ws.openArticle(FILE);
      assert.notEqual(fresh.version, doc.version);
      assert.equal(fresh.annotations.some((a) => a.gloss === 'ISIS'), false);
    } finally {
      await writeFile(join(corpus, FILE), original);
    }
  });

  test('an undo cannot put an annotation back on words that are no longer there', async () => {
    const ws = await workspace();
    const doc = await ws.openArticle(FILE);
    const start = doc.text.indexOf('اردوغان');
    const a = await ws.createAnnotation(FILE, { start, end: start + 7, version: doc.version, tags: ['person'], gloss: 'Erdogan', note: '' });
    await assert.rejects(ws.restoreAnnotation(FILE, { ...a, target: { ...a.target, quote: { ...a.target.quote, exact: 'something else' } } }), /no longer at that place/);
    const back = await ws.restoreAnnotation(FILE, { ...a, analyst: 'Someone Else', gloss: 'R. T. Erdogan' });
    assert.equal(back.analyst, a.analyst, 'authorship stays as recorded');
    await ws.deleteAnnotation(FILE, a.id);
  });

  test('drafts follow their source words to where they moved, and are set aside when the words are gone', async () => {
    const ws = await workspace();
    const doc = await ws.openArticle(FILE);
    const seg = doc.segments.find((s) => !s.skip && doc.text.slice(s.start, s.end).includes('روحانی'))!;
    const gone = doc.segments.find((s) => !s.skip && s.start > seg.end)!;
    await ws.saveRendering(FILE, { start: seg.start, end: seg.end, text: 'Rouhani said…', status: 'draft', version: doc.version });
    await ws.saveRendering(FILE, { start: gone.start, end: gone.end, text: 'a sentence that will be deleted', status: 'draft', version: doc.version });
    await ws.flush();
    const original = await readFile(join(corpus, FILE), 'utf8');
    try {
      const edited = 'سطر تازه در آغاز\n\n' + original.slice(0, gone.start) + original.slice(gone.end);
      await writeFile(join(corpus, FILE), edited);
      const fresh = await (await workspace()).openArticle(FILE);
      const moved = fresh.renderings.find((r) => r.text === 'Rouhani said…')!;
      assert.equal(fresh.text.slice(moved.start, moved.end), doc.text.slice(seg.start, seg.end), 'the draft sits on its own source words');
      assert.equal(fresh.renderings.some((r) => r.text === 'a sentence that will be deleted'), false, 'not shown beside other words');
    } finally {
      await writeFile(join(corpus, FILE), original);
    }
  });

  test('fields written by a newer Hashiya or a team tool are kept when the app saves', async () => {
    const ws = await workspace();
    const path = join(corpus, `${FA}.annotations.json`);
    const data = JSON.parse(await readFile(path, 'utf8'));
    data.reviewLog = [{ by: 'Reza', at: '2026-11-01' }];
    data.annotations[0].reviewedBy = 'Reza';
    await writeFile(path, JSON.stringify(data, null, 2));
    const fresh = await workspace();
    const doc = await fresh.openArticle(FA);
    const start = doc.text.indexOf('عراق');
    await fresh.createAnnotation(FA, { start, end: start + 4, version: doc.version, tags: ['place'], gloss: 'Iraq', note: '' });
    await fresh.flush();
    const after = JSON.parse(await readFile(path, 'utf8'));
    assert.deepEqual(after.reviewLog, [{ by: 'Reza', at: '2026-11-01' }]);
    assert.equal(after.annotations.find((a: { reviewedBy?: string }) => a.reviewedBy)?.reviewedBy, 'Reza');
  });
});

describe('the corpus settings file shared by a team', () => {
  test('a tag a teammate added on disk survives this app saving a pairing and a taxonomy edit', async () => {
    const ws = await workspace();
    const path = join(corpus, CORPUS_SETTINGS_FILE);
    await ws.setTaxonomy(await ws.getTaxonomy()); // the file exists
    const onDisk = JSON.parse(await readFile(path, 'utf8'));
    onDisk.taxonomy.push({ id: 'weapon', name: 'Weapon', color: '#aa0000', shortcut: null });
    await writeFile(path, JSON.stringify(onDisk, null, 2));

    await ws.setPairing({ a: FA, b: '000_4b15f26e11b27dea.en.txt', kind: 'translation' });
    const tags = await ws.getTaxonomy();
    await ws.setTaxonomy(tags.map((t) => (t.id === 'person' ? { ...t, name: 'Individual' } : t)));
    const after = JSON.parse(await readFile(path, 'utf8'));
    assert.ok(after.taxonomy.some((t: { id: string }) => t.id === 'weapon'), 'the teammate’s tag is kept');
    assert.equal(after.taxonomy.find((t: { id: string }) => t.id === 'person').name, 'Individual');
    assert.equal(after.pairings.length, 1);
  });
});
