import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { appPaths } from '../../electron/app-paths';
import { folderFromArgv } from '../../electron/launch-args';
import { SAMPLE_CORPUS_FOLDER, prepareSampleCorpus } from '../../electron/sample-corpus';

test('a folder named on the command line (path or file:// URL) becomes the corpus; switches and files are ignored', async (t) => {
  const base = await mkdtemp(join(tmpdir(), 'hashiya-argv-'));
  t.after(() => rm(base, { recursive: true, force: true }));
  const corpus = join(base, 'news');
  await mkdir(corpus);
  await writeFile(join(base, 'a.txt'), 'x');
  const packaged = { cwd: base, defaultApp: false };
  assert.equal(folderFromArgv(['/opt/Hashiya/hashiya'], packaged), null);
  assert.equal(folderFromArgv(['/opt/Hashiya/hashiya', corpus], packaged), corpus);
  assert.equal(folderFromArgv(['/opt/Hashiya/hashiya', 'news'], packaged), corpus, 'relative to the working folder');
  assert.equal(folderFromArgv(['/opt/Hashiya/hashiya', pathToFileURL(corpus).href], packaged), corpus);
  assert.equal(folderFromArgv(['/opt/Hashiya/hashiya', corpus, '--no-sandbox', '--enable-logging'], packaged), corpus);
  assert.equal(folderFromArgv(['/opt/Hashiya/hashiya', join(base, 'a.txt')], packaged), null, 'a file is not a corpus');
  assert.equal(folderFromArgv(['/opt/Hashiya/hashiya', join(base, 'missing')], packaged), null);
  assert.equal(folderFromArgv(['/opt/Hashiya/hashiya', 'file://%00'], packaged), null);
  // Under `electron <app>` the app folder itself is argv[1] and must not be taken for a corpus.
  assert.equal(folderFromArgv(['/usr/bin/electron', base], { cwd: base, defaultApp: true }), null);
  assert.equal(folderFromArgv(['/usr/bin/electron', base, corpus], { cwd: base, defaultApp: true }), corpus);
});

test('the sample corpus is copied once into the user\'s data folder and opened from there', async (t) => {
  const base = await mkdtemp(join(tmpdir(), 'hashiya-sample-'));
  t.after(() => rm(base, { recursive: true, force: true }));
  const bundled = join(base, 'resources', 'corpus', 'sample');
  await mkdir(join(bundled, '.hashiya'), { recursive: true });
  await writeFile(join(bundled, 'a.txt'), 'سلام');
  await writeFile(join(bundled, 'a.en.txt'), 'Hello');
  await writeFile(join(bundled, '.hashiya', 'index.bin'), 'cache');
  await writeFile(join(bundled, '.a.txt.annotations.json.tmp'), 'half');
  const userData = join(base, 'userData');

  const copy = await prepareSampleCorpus(bundled, userData);
  assert.equal(copy, join(userData, SAMPLE_CORPUS_FOLDER));
  assert.deepEqual((await readdir(copy!)).sort(), ['a.en.txt', 'a.txt'], 'caches and half-written files are not copied');
  assert.equal(await readFile(join(copy!, 'a.txt'), 'utf8'), 'سلام');

  // The user's work in the copy survives the next launch.
  await writeFile(join(copy!, 'a.txt.annotations.json'), '{"mine":true}');
  await writeFile(join(bundled, 'b.txt'), 'new in a later version');
  assert.equal(await prepareSampleCorpus(bundled, userData), copy);
  assert.equal(await readFile(join(copy!, 'a.txt.annotations.json'), 'utf8'), '{"mine":true}');
  assert.ok(!(await readdir(userData)).some((n) => n.includes('partial')), 'no partial copy left behind');
  assert.equal(await prepareSampleCorpus(join(base, 'nowhere'), join(base, 'other')), null);
});

test('a sample installed read-only still gives a writable copy', async (t) => {
  if (process.getuid?.() === 0) t.diagnostic('running as root: folder modes are checked, not enforced');
  const base = await mkdtemp(join(tmpdir(), 'hashiya-sample-ro-'));
  const { chmod } = await import('node:fs/promises');
  t.after(async () => {
    await chmod(join(base, 'sample'), 0o755).catch(() => undefined);
    await rm(base, { recursive: true, force: true });
  });
  await mkdir(join(base, 'sample'));
  await writeFile(join(base, 'sample', 'a.txt'), 'x');
  await chmod(join(base, 'sample'), 0o555);
  const copy = await prepareSampleCorpus(join(base, 'sample'), join(base, 'userData'));
  assert.ok(copy);
  assert.equal((await stat(copy)).mode & 0o200, 0o200, 'the copy can take sidecars');
});

test('the shell finds its UI, preload and sample corpus in development and in a package', () => {
  const dev = appPaths({ appPath: '/src/hashiya', resourcesPath: '/usr/lib/electron/resources', isPackaged: false });
  assert.equal(dev.rendererRoot, join('/src/hashiya', 'out', 'renderer'));
  assert.equal(dev.preload, join('/src/hashiya', 'out', 'preload', 'preload.cjs'));
  assert.equal(dev.bundledSampleCorpus, join('/src/hashiya', 'corpus', 'sample'));
  const pkg = appPaths({ appPath: '/opt/Hashiya/resources/app.asar', resourcesPath: '/opt/Hashiya/resources', isPackaged: true });
  assert.equal(pkg.rendererRoot, join('/opt/Hashiya/resources/app.asar', 'out', 'renderer'));
  assert.equal(pkg.bundledSampleCorpus, join('/opt/Hashiya/resources', 'corpus', 'sample'));
  assert.equal(pkg.windowIcon, undefined);
});
