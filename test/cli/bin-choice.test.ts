// bin.mjs runs the bundle only while it is as new as every source it was built from, so a
// developer's edit is never run stale: here in a stand-in repository (bin.mjs, a main.ts
// and a "bundle" that each say which ran, and the real node_modules for tsx).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAYS = (who: string) => `export async function main(): Promise<number> { process.stdout.write('${who}'); return 0; }\n`;

let repo = '';
const source = () => join(repo, 'corpus', 'cli', 'main.ts');

function which(env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [join(repo, 'corpus', 'cli', 'bin.mjs')], { env: { ...process.env, HASHIYA_CLI: '', ...env }, timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr.toString());
  return r.stdout.toString();
}

async function build(inputs = ['corpus/cli/main.ts']): Promise<void> {
  await writeFile(join(repo, 'out', 'cli', 'main.mjs'), SAYS('bundle').replace(': Promise<number>', ''));
  await writeFile(join(repo, 'out', 'cli', 'sources.json'), JSON.stringify({ builtAt: Date.now(), inputs }));
}

before(async () => {
  repo = await mkdtemp(join(tmpdir(), 'hashiya-bin-choice-'));
  await mkdir(join(repo, 'corpus', 'cli'), { recursive: true });
  await mkdir(join(repo, 'out', 'cli'), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
  await writeFile(join(repo, 'package.json'), '{ "type": "module" }\n');
  await copyFile(join(ROOT, 'corpus', 'cli', 'bin.mjs'), join(repo, 'corpus', 'cli', 'bin.mjs'));
  await writeFile(source(), SAYS('tsx'));
  const earlier = new Date(Date.now() - 60_000);
  await utimes(source(), earlier, earlier);
});

after(async () => {
  await rm(repo, { recursive: true, force: true });
});

test('no bundle built: the sources run through tsx', () => {
  assert.equal(which(), 'tsx');
});

test('a bundle newer than its sources runs', async () => {
  await build();
  assert.equal(which(), 'bundle');
  assert.equal(which({ HASHIYA_CLI: 'tsx' }), 'tsx', 'unless HASHIYA_CLI=tsx asks for the sources');
});

test('a source edited after the build: the sources run, until the next build', async () => {
  await build();
  const later = new Date(Date.now() + 5_000);
  await utimes(source(), later, later);
  assert.equal(which(), 'tsx');
  assert.equal(which({ HASHIYA_CLI: 'bundle' }), 'bundle', 'unless HASHIYA_CLI=bundle asks for the bundle');
});

test('a source the bundle was built from is gone: the sources run', async () => {
  await build(['corpus/cli/main.ts', 'corpus/cli/removed.ts']);
  const earlier = new Date(Date.now() - 60_000);
  await utimes(source(), earlier, earlier);
  assert.equal(which(), 'tsx');
});
