// `hashiya search` as a user runs it: a child process on a copy of the sample corpus.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeArticle } from '../../corpus/text/decode';
import { foldKey } from '../../corpus/text/normalise';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');
const SAMPLE = join(ROOT, 'corpus', 'sample');

let dir = '';
let corpus = '';

function hashiya(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'search', ...args], { cwd: ROOT, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

async function articleText(file: string): Promise<string> {
  const decoded = decodeArticle(await readFile(join(corpus, file)));
  assert.ok(decoded.ok);
  return decoded.text;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hashiya-cli-search-'));
  corpus = join(dir, 'corpus');
  await cp(SAMPLE, corpus, { recursive: true });
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('--json prints exactly one object of hits whose offsets give back the original text', async () => {
  const r = hashiya('--corpus', corpus, 'رئيس جمهور', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { hits: Array<Record<string, unknown>> };
  assert.deepEqual(Object.keys(out), ['hits']);
  assert.ok(out.hits.length > 0);
  for (const h of out.hits) {
    assert.deepEqual(Object.keys(h), ['file', 'start', 'end', 'text', 'context']);
    const text = await articleText(h.file as string);
    assert.equal(text.slice(h.start as number, h.end as number), h.text);
    assert.ok((h.context as string).includes(h.text as string));
    assert.ok(!/[\r\n]/.test(h.context as string));
  }
});

// A hit is the whole written word (issue 13, point 6): the sample writes the spaced form only
// with the suffix ی (رئیس جمهوری), so that is the hit, where it used to be cut at رئیس جمهور.
test('a query typed with Arabic letters finds the Persian spellings, joined and spaced', () => {
  const r = hashiya('--corpus', corpus, 'رئيسجمهور', '--json');
  assert.equal(r.status, 0, r.stderr);
  const texts = new Set((JSON.parse(r.stdout) as { hits: Array<{ text: string }> }).hits.map((h) => h.text));
  assert.ok(texts.has('رئیسجمهور'));
  assert.ok(texts.has('رئیس جمهوری'));
  for (const t of texts) assert.ok(foldKey(t, { lenient: true }).startsWith(foldKey('رئیسجمهور', { lenient: true })), t);
});

test('--strict does not match across a space', () => {
  const r = hashiya('--corpus', corpus, 'رئیسجمهور', '--json', '--strict');
  const texts = (JSON.parse(r.stdout) as { hits: Array<{ text: string }> }).hits.map((h) => h.text);
  assert.ok(texts.length > 0);
  assert.ok(texts.every((t) => !t.includes(' ')));
});

test('prints readable hits with the match marked, and a count', () => {
  const r = hashiya('--corpus', corpus, 'داعش');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^\d{3}_[0-9a-f]+\.txt:\d+-\d+$/m);
  assert.match(r.stdout, /⟦داعش⟧/);
  assert.match(r.stdout, /\d+ hits in \d+ articles/);
});

test('says so when nothing is found', () => {
  const r = hashiya('--corpus', corpus, 'ونزوئلا');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /no hits/);
  const j = hashiya('--corpus', corpus, 'ونزوئلا', '--json');
  assert.deepEqual(JSON.parse(j.stdout), { hits: [] });
});

test('refuses a missing folder, a missing query and bad options with a message and exit code 2', () => {
  const missing = hashiya('--corpus', join(dir, 'nope'), 'ایران');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such folder/);
  const noCorpus = hashiya('ایران');
  assert.equal(noCorpus.status, 2);
  assert.match(noCorpus.stderr, /--corpus DIR is required/);
  const noQuery = hashiya('--corpus', corpus);
  assert.equal(noQuery.status, 2);
  assert.match(noQuery.stderr, /query is required/);
  const badDate = hashiya('--corpus', corpus, 'ایران', '--from', 'yesterday');
  assert.equal(badDate.status, 2);
  assert.match(badDate.stderr, /YYYY-MM-DD/);
  const unknown = hashiya('--corpus', corpus, 'ایران', '--fuzzy');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown option --fuzzy/);
  assert.equal(missing.stdout + noCorpus.stdout + noQuery.stdout, '');
});

test('filters by language', () => {
  const r = hashiya('--corpus', corpus, 'روحانی', '--lang', 'ar', '--json');
  assert.equal(r.status, 0, r.stderr);
  const files = new Set((JSON.parse(r.stdout) as { hits: Array<{ file: string }> }).hits.map((h) => h.file));
  assert.deepEqual([...files], ['002_b7e8f03d4cd73c5b.txt']);
});
