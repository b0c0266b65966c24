// The CLI as a newcomer meets it: --help names every option of every command, an --out that
// cannot be written gives one plain sentence and a failing exit, and search hits name the
// article by its headline. The real bin in a child process, on a copy of the sample corpus.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');

let dir = '';
let corpus = '';

function hashiya(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hashiya-cli-help-'));
  corpus = join(dir, 'corpus');
  await cp(join(ROOT, 'corpus', 'sample'), corpus, { recursive: true });
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The options each command's parseFlags accepts (corpus/cli/commands/*.ts), --help aside.
const OPTIONS: Record<string, string[]> = {
  info: ['--corpus', '--json'],
  export: ['--corpus', '--format', '--out', '--group-by', '--title', '--tag', '--all-tags', '--no-sentence'],
  search: ['--corpus', '--limit', '--lang', '--outlet', '--from', '--to', '--tag', '--json', '--strict', '--lenient', '--whole-word'],
  text: ['--corpus'],
  segment: ['--json'],
  align: ['--kind', '--json'],
  'merge-driver': [],
  'git-setup': ['--corpus'],
};

const listed = (text: string, option: string): boolean => new RegExp(`${option}(?![\\w-])`).test(text);

test('hashiya --help names every command and every option of each', () => {
  const r = hashiya('--help');
  assert.equal(r.status, 0);
  for (const [name, options] of Object.entries(OPTIONS)) {
    assert.match(r.stdout, new RegExp(`^  ${name} `, 'm'), `${name} in the overview`);
    for (const option of options) assert.ok(listed(r.stdout, option), `${name} ${option} in hashiya --help`);
  }
});

test('hashiya COMMAND --help names every option that command accepts', () => {
  for (const [name, options] of Object.entries(OPTIONS)) {
    const r = hashiya(name, '--help');
    assert.equal(r.status, 0, `${name} --help exits 0: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`^usage: hashiya ${name}`), `${name} --help starts with its usage`);
    for (const option of options) assert.ok(listed(r.stdout, option), `${option} in hashiya ${name} --help`);
  }
});

test('an --out that cannot be written: one plain sentence on stderr and a failing exit', async () => {
  const file = join(dir, 'a-file');
  await writeFile(file, 'not a folder');
  // Tests run as root, who may write anywhere a folder exists: a file as the parent, or /proc, stops even root.
  for (const out of [join(file, 'report.csv'), '/proc/hashiya-report.csv']) {
    const r = hashiya('export', '--corpus', corpus, '--format', 'csv', '--out', out);
    assert.notEqual(r.status, 0, `a failing exit for ${out}`);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line: ${r.stderr}`);
    assert.match(lines[0]!, new RegExp(`^hashiya export: cannot write ${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: [a-z ,]+\\.$`));
    assert.doesNotMatch(r.stderr, /\.tmp|ENOTDIR|ENOENT|lstat|open '|\bat\s+\S+\s+\(/, 'no temporary file, system code or stack');
  }
});

test('search hits name the article by its headline', () => {
  const r = hashiya('search', '--corpus', corpus, 'روحانی');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  const where = lines.flatMap((l, i) => (/^\S+\.txt:\d+-\d+$/.test(l) ? [i] : []));
  assert.ok(where.length > 0, r.stdout);
  // Under each location line: the headline, then the context with the hit marked.
  for (const i of where) assert.ok(/^  \S/.test(lines[i + 1]!) && lines[i + 2]!.includes('⟦'), `${lines[i]} / ${lines[i + 1]} / ${lines[i + 2]}`);
  assert.ok(where.some((i) => lines[i]!.startsWith('004_') && lines[i + 1] === '  حسن روحانی خواستار همکاری ایران و ترکیه در مقابله با داعش شد'), 'the headline of 004');
});
