// `hashiya git-setup` in a clone whose .gitignore or .gitattributes is not an ordinary file
// (a link to a file outside, a FIFO), planted as a `git clone` brings them: it refuses,
// naming the file, exits non-zero, and writes nothing, neither outside nor in the clone.
// Before, it appended its lines to the file outside the clone and reported success (and git
// ignores a linked .gitattributes, so the merge driver was never used); a FIFO hung it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { makeFifo } from '../fixtures/hostile-corpus';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'corpus/cli/bin.mjs');
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
/** Generous: only proves that a FIFO does not hang the command. */
const NO_HANG_MS = 60_000;

async function git(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run('git', args, { cwd, env: GIT_ENV });
    return { code: 0, stdout };
  } catch (error) {
    return { code: (error as { code: number }).code, stdout: '' };
  }
}

async function hashiya(cwd: string, ...args: string[]): Promise<{ code: number | string; stdout: string; stderr: string; killed: boolean }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, env: GIT_ENV, timeout: NO_HANG_MS });
    return { code: 0, stdout, stderr, killed: false };
  } catch (error) {
    const e = error as { code: number | string; stdout: string; stderr: string; killed?: boolean };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, killed: e.killed === true };
  }
}

/**
 * A clone `repo` of a repository whose last commit planted `links` (name → link target), as
 * `git clone` brings them, and a folder `outside` beside it.
 */
async function withClone(links: Record<string, string>, work: (repo: string, outside: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-git-links-'));
  try {
    const origin = join(dir, 'origin');
    const repo = join(dir, 'repo');
    const outside = join(dir, 'outside');
    await mkdir(origin);
    await mkdir(outside);
    await git(origin, 'init', '-q', '-b', 'main');
    await writeFile(join(origin, 'khabar.txt'), 'وزیر امور خارجه روز دوشنبه گفت.\n');
    for (const [name, target] of Object.entries(links)) await symlink(target, join(origin, name));
    await git(origin, 'add', '.');
    await git(origin, '-c', 'user.name=Planter', '-c', 'user.email=p@example.org', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'planted');
    assert.equal((await git(dir, 'clone', '-q', origin, repo)).code, 0);
    await work(repo, outside);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const OUTSIDE_TEXT = '# the user\'s own file, outside the clone\n*.log\n';

for (const name of ['.gitignore', '.gitattributes']) {
  test(`a ${name} planted as a symbolic link to a file outside the clone is refused: the file outside is unchanged`, async () => {
    await withClone({ [name]: '../outside/their-file' }, async (repo, outside) => {
      const target = join(outside, 'their-file');
      await writeFile(target, OUTSIDE_TEXT);
      assert.ok((await lstat(join(repo, name))).isSymbolicLink(), 'the clone brought the link');
      const r = await hashiya(repo, 'git-setup', '--corpus', repo);
      assert.notEqual(r.code, 0, 'refused');
      assert.match(r.stderr, new RegExp(name.replace('.', '\\.')), 'the message names the file');
      assert.match(r.stderr, /link/);
      assert.doesNotMatch(r.stderr, /ELOOP|errno|\n\s+at /, 'no internals');
      assert.doesNotMatch(r.stdout, /added to|merge driver/, 'no success is reported');
      assert.equal(await readFile(target, 'utf8'), OUTSIDE_TEXT, 'the file outside is byte for byte as it was');
      assert.ok((await lstat(join(repo, name))).isSymbolicLink(), 'the link is left as the user has it');
      assert.equal((await git(repo, 'config', '--local', 'merge.hashiya.driver')).code, 1, 'nothing set in the clone either');
    });
  });
}

test('a .gitignore planted as a FIFO is refused without hanging', async (t) => {
  await withClone({}, async (repo) => {
    if (!makeFifo(join(repo, '.gitignore'))) return t.skip('no mkfifo on this system');
    const r = await hashiya(repo, 'git-setup', '--corpus', repo);
    assert.equal(r.killed, false, 'the command ended by itself');
    assert.notEqual(r.code, 0, 'refused');
    assert.match(r.stderr, /\.gitignore/);
    assert.match(r.stderr, /pipe|FIFO/);
    assert.equal(await readFile(join(repo, '.gitattributes'), 'utf8').catch(() => null), null, 'nothing written beside it');
  });
});
