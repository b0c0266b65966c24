// Teams in git: two analysts' sidecars of one article merge by annotation id, in the merge
// function itself, through `hashiya merge-driver`, and in a real repository with plain
// `git merge` after `hashiya git-setup`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { mergeSidecars, resolveConflict } from '../../annotations/store/merge';
import { parseSidecar } from '../../annotations/model/schema';
import { serialiseSidecar } from '../../annotations/store/serialise';
import { emptySidecar } from '../../annotations/store/sidecar-store';
import type { Annotation, Rendering, Sidecar } from '../../annotations/model/types';
import { annotationAt } from '../fixtures/annotations';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'corpus/cli/bin.mjs');
const NOW = () => '2024-06-01T12:00:00.000Z';

const TEXT = [
  'وزیر امور خارجه ایران روز دوشنبه در نشست خبری گفت که گفت و گوها با طرف های اروپایی ادامه دارد.',
  'او افزود که هیئت ایرانی هفته آینده پیشنهادهای تازه ای ارائه خواهد کرد.',
  'کارشناسان می گویند افزایش قیمت ها در ماه های آینده ادامه خواهد داشت.',
].join('\n');
const ARTICLE = { file: 'khabar.txt', sha256: createHash('sha256').update(TEXT).digest('hex'), length: TEXT.length };

function ann(id: string, word: string, over: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(word);
  assert.ok(start >= 0, word);
  const end = start + word.length;
  return annotationAt(TEXT, id, start, end, over);
}

function rendering(start: number, end: number, text: string, over: Partial<Rendering> = {}): Rendering {
  return { start, end, text, status: 'draft', analyst: 'maryam', modified: '2024-05-01T10:00:00.000Z', ...over };
}

function sidecar(over: Partial<Sidecar> = {}): Sidecar {
  return { ...emptySidecar(ARTICLE), ...over };
}

function edit(s: Sidecar, change: (d: Sidecar) => void): Sidecar {
  const copy = structuredClone(s);
  change(copy);
  return copy;
}

function get(s: Sidecar, id: string): Annotation {
  const a = s.annotations.find((x) => x.id === id);
  assert.ok(a, `no annotation ${id}`);
  return a;
}

const BASE = sidecar({
  annotations: [ann('x', 'وزیر امور خارجه'), ann('y', 'نشست خبری'), ann('z', 'هیئت ایرانی', { note: 'delegation' })],
  renderings: [rendering(0, 97, 'The foreign minister said on Monday…')],
});

test('additions from both sides are kept and a deletion on one side is honoured', () => {
  const ours = edit(BASE, (d) => void d.annotations.push(ann('a1', 'کارشناسان')));
  const theirs = edit(BASE, (d) => {
    d.annotations = d.annotations.filter((a) => a.id !== 'y');
    d.annotations.push(ann('b1', 'افزایش قیمت ها'));
  });
  const { merged, conflicts } = mergeSidecars(BASE, ours, theirs, { now: NOW });
  assert.equal(conflicts, 0);
  assert.deepEqual(merged.annotations.map((a) => a.id).sort(), ['a1', 'b1', 'x', 'z']);
  assert.deepEqual(merged.conflicts, []);
});

test('edits to different fields of one annotation are combined, tags as a set', () => {
  const ours = edit(BASE, (d) => {
    get(d, 'x').gloss = 'foreign minister';
    get(d, 'x').tags = ['claim', 'person'];
    get(d, 'x').modified = '2024-05-03T08:00:00.000Z';
  });
  const theirs = edit(BASE, (d) => {
    get(d, 'x').note = 'named in the headline';
    get(d, 'x').tags = ['quote'];
    get(d, 'x').modified = '2024-05-02T08:00:00.000Z';
  });
  const { merged, conflicts } = mergeSidecars(BASE, ours, theirs, { now: NOW });
  assert.equal(conflicts, 0);
  const x = get(merged, 'x');
  assert.equal(x.gloss, 'foreign minister');
  assert.equal(x.note, 'named in the headline');
  assert.deepEqual(x.tags, ['person', 'quote'], 'claim was removed by one side and kept by none');
  assert.equal(x.modified, '2024-05-03T08:00:00.000Z');
});

test('a true conflict keeps both versions side by side, once, and ours stays in place', () => {
  const ours = edit(BASE, (d) => void (get(d, 'z').note = 'ours: the delegation of Iran'));
  const theirs = edit(BASE, (d) => void (get(d, 'z').note = 'theirs: Iranian negotiators'));
  const first = mergeSidecars(BASE, ours, theirs, { now: NOW });
  assert.equal(first.conflicts, 1);
  assert.equal(get(first.merged, 'z').note, 'ours: the delegation of Iran');
  assert.deepEqual(first.merged.conflicts, [{ id: 'z', ours: get(ours, 'z'), theirs: get(theirs, 'z'), detected: NOW() }]);
  assert.match(first.details.join('\n'), /note changed differently on both sides/);
  // Merging the same two versions again (another clone, a rebase) does not pile up copies.
  const again = mergeSidecars(BASE, first.merged, theirs, { now: () => '2024-07-01T00:00:00.000Z' });
  assert.equal(again.merged.conflicts.length, 1);
});

test('a conflict a person settled on one side stays settled after the next merge', () => {
  const ours = edit(BASE, (d) => void (get(d, 'z').note = 'ours'));
  const theirs = edit(BASE, (d) => void (get(d, 'z').note = 'theirs'));
  const { merged } = mergeSidecars(BASE, ours, theirs, { now: NOW });
  const settled = edit(merged, (d) => resolveConflict(d, 'z', { ...get(d, 'z'), note: 'both: Iranian delegation' }));
  assert.deepEqual(settled.conflicts, []);
  const other = edit(merged, (d) => void d.annotations.push(ann('late', 'کارشناسان')));
  const next = mergeSidecars(merged, settled, other, { now: NOW });
  assert.deepEqual(next.merged.conflicts, []);
  assert.equal(get(next.merged, 'z').note, 'both: Iranian delegation');
  assert.ok(next.merged.annotations.some((a) => a.id === 'late'));
});

test('two rewrites of one rendering keep both drafts in its text, marked for review', () => {
  const ours = edit(BASE, (d) => void (d.renderings[0] = rendering(0, 97, 'Iran’s foreign minister said on Monday…', { analyst: 'maryam', status: 'reviewed' })));
  const theirs = edit(BASE, (d) => void (d.renderings[0] = rendering(0, 97, 'On Monday, the foreign minister said…', { analyst: 'reza' })));
  const { merged, conflicts, details } = mergeSidecars(BASE, ours, theirs, { now: NOW });
  assert.equal(conflicts, 1);
  const r = merged.renderings[0]!;
  assert.match(r.text, /^Iran’s foreign minister said on Monday…\n\n\[merge conflict: another version by reza, .*\]\nOn Monday, the foreign minister said…$/);
  assert.equal(r.status, 'draft');
  assert.match(details.join('\n'), /both drafts kept/);
});

test('metadata corrections merge per field; a clash keeps ours and names theirs', () => {
  const ours = edit(BASE, (d) => void (d.metadata = { headline: 'Talks go on', boilerplate: { 'اشتراک گذاری': true } }));
  const theirs = edit(BASE, (d) => void (d.metadata = { headline: 'Talks continue', outlet: 'IRNA', boilerplate: { 'منبع: ایرنا': true } }));
  const { merged, conflicts, metadataClashes, details } = mergeSidecars(BASE, ours, theirs, { now: NOW });
  assert.equal(conflicts, 0, 'no conflict is counted that the conflict list does not show');
  assert.deepEqual(metadataClashes, [{ key: 'headline', kept: 'Talks go on', other: 'Talks continue' }]);
  assert.deepEqual(merged.metadata, { headline: 'Talks go on', outlet: 'IRNA', boilerplate: { 'اشتراک گذاری': true, 'منبع: ایرنا': true } });
  assert.match(details.join('\n'), /metadata headline/);
});

test('alignment links added on both sides are combined and a confirmation is kept', () => {
  const link = (a: number, confirmed = false) => ({ a: [a, a + 10] as [number, number], b: [a, a + 12] as [number, number], score: 0.8, confirmed });
  const base = sidecar({ alignments: [{ other: 'khabar.en.txt', links: [link(0)] }] });
  const ours = edit(base, (d) => {
    d.alignments[0]!.links[0]!.confirmed = true;
    d.alignments[0]!.links.push(link(20));
  });
  const theirs = edit(base, (d) => void d.alignments[0]!.links.push(link(40)));
  const { merged, conflicts } = mergeSidecars(base, ours, theirs, { now: NOW });
  assert.equal(conflicts, 0);
  assert.deepEqual(merged.alignments[0]!.links.map((l) => [l.a[0], l.confirmed]), [[0, true], [20, false], [40, false]]);
});

test('sidecars annotated against different versions of the article are re-anchored when next opened', () => {
  const theirs = edit(BASE, (d) => void (d.article = { ...d.article, sha256: 'f'.repeat(64), length: 999 }));
  const { merged, details } = mergeSidecars(BASE, BASE, theirs, { now: NOW });
  assert.equal(merged.article.sha256, '', 'an empty fingerprint matches no text, so the app re-anchors');
  assert.match(details.join('\n'), /re-anchored/);
});

test('the merged sidecar is valid and the same bytes whichever order the lists came in', () => {
  const ours = edit(BASE, (d) => void d.annotations.push(ann('a1', 'کارشناسان')));
  const theirs = edit(BASE, (d) => void d.annotations.unshift(ann('b1', 'افزایش قیمت ها')));
  const one = mergeSidecars(BASE, ours, theirs, { now: NOW }).merged;
  const two = mergeSidecars(BASE, edit(ours, (d) => d.annotations.reverse()), theirs, { now: NOW }).merged;
  assert.ok(parseSidecar(one).ok);
  assert.equal(serialiseSidecar(one), serialiseSidecar(two));
});

// ---- the command line and git itself ----

const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: GIT_ENV });
  return stdout;
}

async function hashiya(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, env: GIT_ENV });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withDir(work: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-git-'));
  try {
    await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the merge driver refuses a file it cannot read and leaves the result file untouched', async () => {
  await withDir(async (dir) => {
    const [o, a, b] = ['base.json', 'ours.json', 'theirs.json'].map((n) => join(dir, n)) as [string, string, string];
    await writeFile(o, serialiseSidecar(BASE));
    await writeFile(a, serialiseSidecar(BASE));
    await writeFile(b, '{"format": 1, <<<<<<< broken');
    const r = await hashiya(dir, 'merge-driver', o, a, b);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /theirs.*not valid JSON/);
    assert.equal(await readFile(a, 'utf8'), serialiseSidecar(BASE));
  });
});

test('the merge driver merges two sidecars added on both branches with no common ancestor', async () => {
  await withDir(async (dir) => {
    const [o, a, b] = ['base.json', 'ours.json', 'theirs.json'].map((n) => join(dir, n)) as [string, string, string];
    await writeFile(o, '');
    await writeFile(a, serialiseSidecar(sidecar({ annotations: [ann('a1', 'کارشناسان')] })));
    await writeFile(b, serialiseSidecar(sidecar({ annotations: [ann('b1', 'نشست خبری')] })));
    const r = await hashiya(dir, 'merge-driver', o, a, b);
    assert.equal(r.code, 0, r.stderr);
    const merged = JSON.parse(await readFile(a, 'utf8')) as Sidecar;
    assert.deepEqual(merged.annotations.map((x) => x.id).sort(), ['a1', 'b1']);
  });
});

test('a broken common ancestor does not block the merge of two good versions', async () => {
  await withDir(async (dir) => {
    const [o, a, b] = ['base.json', 'ours.json', 'theirs.json'].map((n) => join(dir, n)) as [string, string, string];
    await writeFile(o, '<<<<<<< HEAD\n{');
    await writeFile(a, serialiseSidecar(edit(BASE, (d) => void (get(d, 'x').gloss = 'ours'))));
    await writeFile(b, serialiseSidecar(edit(BASE, (d) => void d.annotations.push(ann('b1', 'کارشناسان')))));
    const r = await hashiya(dir, 'merge-driver', o, a, b);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /common ancestor.*merging without it/s);
    const merged = JSON.parse(await readFile(a, 'utf8')) as Sidecar;
    assert.equal(get(merged, 'x').gloss, 'ours');
    assert.ok(merged.annotations.some((x) => x.id === 'b1'));
    assert.equal(merged.conflicts.length, 1, 'without an ancestor, the differing gloss is a conflict');
  });
});

test('git-setup outside a git repository says what to do', async () => {
  await withDir(async (dir) => {
    const r = await hashiya(dir, 'git-setup', '--corpus', dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not inside a git repository/);
  });
});

test('two analysts annotate one article on two branches and plain `git merge` combines them', async () => {
  await withDir(async (repo) => {
    await git(repo, 'init', '-q', '-b', 'main');
    await git(repo, 'config', 'user.name', 'Test Lead');
    await git(repo, 'config', 'user.email', 'lead@example.org');
    await git(repo, 'config', 'commit.gpgsign', 'false');
    const file = join(repo, 'khabar.txt.annotations.json');
    await writeFile(join(repo, 'khabar.txt'), TEXT);
    await writeFile(file, serialiseSidecar(BASE));

    // Installed once per clone; running it again changes nothing.
    const setup = await hashiya(repo, 'git-setup', '--corpus', repo);
    assert.equal(setup.code, 0, setup.stderr);
    assert.equal((await hashiya(repo, 'git-setup', '--corpus', repo)).code, 0);
    const attributes = await readFile(join(repo, '.gitattributes'), 'utf8');
    assert.equal(attributes, '*.annotations.json merge=hashiya\n');
    assert.equal(await readFile(join(repo, '.gitignore'), 'utf8'), '.*.tmp\n.hashiya/\n');
    const driver = (await git(repo, 'config', 'merge.hashiya.driver')).trim();
    // Absolute paths (quoted for the shell when they hold spaces), so it works from any folder.
    assert.ok(driver.includes(process.execPath) && driver.includes(BIN) && driver.includes(' merge-driver %O %A %B'), driver);
    assert.match((await git(repo, 'config', 'merge.hashiya.name')).trim(), /Hashiya/);
    assert.equal(await git(repo, 'check-attr', 'merge', 'khabar.txt.annotations.json'), 'khabar.txt.annotations.json: merge: hashiya\n');

    await git(repo, 'add', '.');
    await git(repo, 'commit', '-q', '-m', 'article and first annotations');

    await git(repo, 'checkout', '-q', '-b', 'alice');
    const alice = edit(BASE, (d) => {
      d.annotations.push(ann('alice-1', 'کارشناسان', { analyst: 'alice' }));
      get(d, 'x').gloss = 'foreign minister';
      get(d, 'z').note = 'alice: the Iranian delegation';
      d.metadata.headline = 'Talks go on';
    });
    await writeFile(file, serialiseSidecar(alice));
    await git(repo, 'commit', '-q', '-am', 'alice annotates');

    await git(repo, 'checkout', '-q', 'main');
    await git(repo, 'checkout', '-q', '-b', 'bob');
    const bob = edit(BASE, (d) => {
      d.annotations.push(ann('bob-1', 'افزایش قیمت ها', { analyst: 'bob' }));
      d.annotations = d.annotations.filter((a) => a.id !== 'y');
      get(d, 'x').tags = ['claim', 'person'];
      get(d, 'x').note = 'named in the headline';
      get(d, 'z').note = 'bob: Iranian negotiators';
      d.metadata.outlet = 'IRNA';
    });
    await writeFile(file, serialiseSidecar(bob));
    await git(repo, 'commit', '-q', '-am', 'bob annotates');

    await git(repo, 'checkout', '-q', 'alice');
    const { stderr } = await run('git', ['merge', '--no-edit', 'bob'], { cwd: repo, env: GIT_ENV });
    assert.match(stderr, /1 conflict kept side by side/);
    assert.equal(await git(repo, 'status', '--porcelain'), '', 'the merge committed cleanly');
    assert.equal((await git(repo, 'log', '-1', '--format=%p')).trim().split(' ').length, 2, 'HEAD is a merge commit');

    const text = await readFile(file, 'utf8');
    assert.doesNotMatch(text, /<<<<<<<|>>>>>>>/);
    const parsed = parseSidecar(JSON.parse(text));
    assert.ok(parsed.ok);
    const merged = parsed.value;
    assert.equal(text, serialiseSidecar(merged), 'the merge is written in canonical form');
    assert.deepEqual(merged.annotations.map((a) => a.id).sort(), ['alice-1', 'bob-1', 'x', 'z']);
    const x = get(merged, 'x');
    assert.equal(x.gloss, 'foreign minister');
    assert.equal(x.note, 'named in the headline');
    assert.deepEqual(x.tags, ['claim', 'person']);
    assert.equal(get(merged, 'z').note, 'alice: the Iranian delegation');
    assert.equal(merged.conflicts.length, 1);
    assert.equal(merged.conflicts[0]!.id, 'z');
    assert.equal(merged.conflicts[0]!.ours?.note, 'alice: the Iranian delegation');
    assert.equal(merged.conflicts[0]!.theirs?.note, 'bob: Iranian negotiators');
    assert.deepEqual(merged.metadata, { headline: 'Talks go on', outlet: 'IRNA' });
  });
});
