// The corpus settings file (hashiya-corpus.json: pairings and the tag taxonomy) is as safe as
// a sidecar: many changes at once in one window, or from three copies of Hashiya at once,
// and every change that was acknowledged is in the file afterwards. Before, each call read,
// changed and wrote the file with no queue and no lock: 14 of 15 pairings set at once were
// lost, and 8 to 10 of 15 across three processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorpusSettings, Pairing, Tag } from '../../annotations/model/types';
import { MAX_CORPUS_SETTINGS_BYTES, readCorpusSettings } from '../../corpus/folder/settings-files';
import { serialiseSettings } from '../../annotations/store/serialise';
import { ARTICLE_TEXT, hostileCorpus } from '../fixtures/hostile-corpus';

const SETTINGS = 'hashiya-corpus.json';
const PAIRS = 15;
/** a00.txt is paired with each of a01.txt … a15.txt. */
const ARTICLES = Array.from({ length: PAIRS + 1 }, (_, i) => `a${String(i).padStart(2, '0')}.txt`);
const WANTED: Pairing[] = ARTICLES.slice(1).map((b) => ({ a: ARTICLES[0]!, b, kind: 'comparable' }));

const pairKey = (p: { a: string; b: string }) => [p.a, p.b].sort().join(' + ');

async function settingsOnDisk(corpus: string): Promise<CorpusSettings> {
  return JSON.parse(await readFile(join(corpus, SETTINGS), 'utf8')) as CorpusSettings;
}

function figures(what: string, tried: number, held: number): void {
  console.log(`${what}: tried ${tried}, held ${held}, lost ${tried - held}`);
}

test('15 pairings set at once in one window are all kept in the corpus settings file', async () => {
  const c = await hostileCorpus(ARTICLES);
  try {
    const answers = await Promise.all(WANTED.map((p) => c.call<Pairing[]>('setPairing', p)));
    for (const r of answers) assert.ok(r.ok, JSON.stringify(r));
    const onDisk = new Set((await settingsOnDisk(c.corpus)).pairings.map(pairKey));
    const held = WANTED.filter((p) => onDisk.has(pairKey(p))).length;
    figures('pairings set at once in one process', WANTED.length, held);
    assert.equal(held, WANTED.length);
    // The window is told the same: the last answer and a fresh listing hold every pairing.
    const listed = await c.call<Pairing[]>('listPairings');
    assert.ok(listed.ok);
    assert.equal(listed.value.length, PAIRS);
    assert.deepEqual((await readdir(c.corpus)).filter((n) => n.startsWith('.')), [], 'no lock or temporary file is left behind');
  } finally {
    await c.close();
  }
});

test('15 tags added to the taxonomy at once, each from the list the window had, are all kept', async () => {
  const c = await hostileCorpus(['a.txt']);
  try {
    const start = await c.call<Tag[]>('getTaxonomy');
    assert.ok(start.ok);
    const added: Tag[] = Array.from({ length: 15 }, (_, i) => ({ id: `theme-${i}`, name: `Theme ${i}`, color: '#336699', shortcut: null }));
    const answers = await Promise.all(added.map((t) => c.call<Tag[]>('setTaxonomy', [...start.value, t])));
    for (const r of answers) assert.ok(r.ok, JSON.stringify(r));
    const ids = new Set((await settingsOnDisk(c.corpus)).taxonomy.map((t) => t.id));
    const held = added.filter((t) => ids.has(t.id)).length;
    figures('tags added at once in one process', added.length, held);
    assert.equal(held, added.length);
    for (const t of start.value) assert.ok(ids.has(t.id), `the tag ${t.id} the window already had is still there`);
  } finally {
    await c.close();
  }
});

interface Outcome {
  label: string;
  acked: string[];
  refused: string[];
}

interface Setter {
  /** Resolves once the process has opened the corpus and waits for the word to start. */
  ready: Promise<void>;
  go(): void;
  done: Promise<Outcome>;
}

function startSetter(corpus: string, appData: string, label: string, pairs: Pairing[]): Setter {
  const script = join(import.meta.dirname, '..', 'fixtures', 'set-pairings.ts');
  const args = ['--import', 'tsx', script, corpus, appData, label, ...pairs.map((p) => `${p.a}:${p.b}`)];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let isReady!: () => void;
  const ready = new Promise<void>((r) => (isReady = r));
  child.stdout.on('data', (d: Buffer) => {
    out += d;
    if (out.includes('ready\n')) isReady();
  });
  child.stderr.on('data', (d: Buffer) => (err += d));
  const done = new Promise<Outcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      isReady();
      if (code !== 0) return reject(new Error(`${label} exited with ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as Outcome);
    });
  });
  return { ready, done, go: () => child.stdin.end('go\n') };
}

test('three copies of Hashiya setting pairings one call at a time lose none they acknowledged', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-settings-processes-'));
  try {
    const corpus = join(dir, 'corpus');
    await mkdir(corpus);
    for (const a of ARTICLES) await writeFile(join(corpus, a), ARTICLE_TEXT);
    const shares = [0, 1, 2].map((k) => WANTED.filter((_, i) => i % 3 === k));
    const setters = shares.map((pairs, k) => startSetter(corpus, join(dir, `app-${k}`), `p${k}`, pairs));
    await Promise.all(setters.map((s) => s.ready));
    for (const s of setters) s.go();
    const outcomes = await Promise.all(setters.map((s) => s.done));
    const onDisk = new Set((await settingsOnDisk(corpus)).pairings.map(pairKey));
    const acked = outcomes.flatMap((o) => o.acked);
    for (const o of outcomes) if (o.refused.length) console.log(`process ${o.label} refused: ${o.refused[0]}`);
    const held = acked.filter((pair) => onDisk.has(pairKey({ a: pair.split(':')[0]!, b: pair.split(':')[1]! }))).length;
    figures('pairings set by three processes', WANTED.length, held);
    assert.equal(acked.length, WANTED.length, 'no pairing was refused');
    assert.equal(held, WANTED.length);
    assert.deepEqual((await readdir(corpus)).filter((n) => n.startsWith('.')), [], 'no lock or temporary file is left behind');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a corpus settings file the user made read-only (no write bits) opens read-only with that reason and is never rewritten', async () => {
  let before = '';
  const c = await hostileCorpus(['a.txt', 'b.txt'], async ({ corpus }) => {
    before = JSON.stringify({ format: 1, taxonomy: [{ id: 'person', name: 'Person', color: '#f4a259', shortcut: '1' }], pairings: [] }, null, 2) + '\n';
    await writeFile(join(corpus, SETTINGS), before);
    await chmod(join(corpus, SETTINGS), 0o444);
  });
  try {
    const state = await readCorpusSettings(c.corpus);
    assert.match(state.readOnly ?? '', /read-only/);
    assert.match(state.readOnly ?? '', /hashiya-corpus\.json/);
    assert.deepEqual(state.settings.taxonomy.map((t) => t.id), ['person'], 'the file is still read');
    const r = await c.call<Pairing[]>('setPairing', { a: 'a.txt', b: 'b.txt', kind: 'translation' });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'read-only');
    assert.doesNotMatch(r.error.message, /EACCES|EROFS|errno|\/tmp\//);
    const t = await c.call<Tag[]>('setTaxonomy', []);
    assert.ok(!t.ok);
    assert.equal(await readFile(join(c.corpus, SETTINGS), 'utf8'), before, 'the file is byte for byte as it was');
    // Made writable again, it takes changes without reopening the corpus.
    await chmod(join(c.corpus, SETTINGS), 0o644);
    const again = await c.call<Pairing[]>('setPairing', { a: 'a.txt', b: 'b.txt', kind: 'translation' });
    assert.ok(again.ok, JSON.stringify(again));
    assert.equal((await settingsOnDisk(c.corpus)).pairings.length, 1);
  } finally {
    await c.close();
  }
});

test('a change that would make the corpus settings file larger than Hashiya reads is refused, and the file is kept as it was', async () => {
  let before = '';
  const c = await hostileCorpus(['a.txt', 'b.txt'], async ({ corpus }) => {
    // Pairings with long names, up to a few dozen bytes short of the limit: still readable.
    const long = 'x'.repeat(2000);
    const pairing = (i: number): Pairing => ({ a: `${long}-${String(i).padStart(6, '0')}.txt`, b: `${long}-${String(i).padStart(6, '0')}.en.txt`, kind: 'translation' });
    const settings: CorpusSettings = { format: 1, taxonomy: [], pairings: [pairing(0)] };
    const one = Buffer.byteLength(serialiseSettings(settings));
    settings.pairings.push(pairing(1));
    const each = Buffer.byteLength(serialiseSettings(settings)) - one;
    while (one + each * settings.pairings.length < MAX_CORPUS_SETTINGS_BYTES - 3 * each) settings.pairings.push(pairing(settings.pairings.length));
    const last = settings.pairings.at(-1)!;
    last.a += 'y'.repeat(MAX_CORPUS_SETTINGS_BYTES - 30 - Buffer.byteLength(serialiseSettings(settings)));
    assert.equal(Buffer.byteLength(serialiseSettings(settings)), MAX_CORPUS_SETTINGS_BYTES - 30);
    before = serialiseSettings(settings);
    await writeFile(join(corpus, SETTINGS), before);
  });
  try {
    const r = await c.call<Pairing[]>('setPairing', { a: 'a.txt', b: 'b.txt', kind: 'translation' });
    assert.ok(!r.ok, 'refused');
    assert.equal(r.error.code, 'bad-request');
    assert.match(r.error.message, /not saved/);
    assert.equal(await readFile(join(c.corpus, SETTINGS), 'utf8'), before, 'the file is byte for byte as it was');
    assert.equal((await readCorpusSettings(c.corpus)).readOnly, null, 'and still readable');
  } finally {
    await c.close();
  }
});
