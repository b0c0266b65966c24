// `hashiya info` names the documents it does not read with the reason, as the app's list does
// (issue 23, point 8): in the table's wake as "N files not read:", and in --json as
// `unread: [{file, reason}]`. A saved page's _files folder and the sidecars are not counted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');
const SAMPLE = join(ROOT, 'corpus', 'sample');

let dir = '';
let corpus = '';

const EXPECTED = [
  { file: 'book.epub', reason: 'e-books (.epub) are not read' },
  { file: 'report.doc', reason: 'old Word (.doc) files cannot be read: save it as .docx' },
  { file: 'خبر.rtf', reason: 'RTF files are not read yet' },
];

function hashiya(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 60_000, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hashiya-cli-unread-'));
  corpus = join(dir, 'corpus');
  await cp(SAMPLE, corpus, { recursive: true });
  await writeFile(join(corpus, 'report.doc'), 'old Word');
  await writeFile(join(corpus, 'book.epub'), 'PK');
  // A saved page (HTML or MHTML) is an article now; its _files folder is still nobody's document.
  await writeFile(join(corpus, 'خبر.html'), '<html></html>');
  await writeFile(join(corpus, 'خبر.rtf'), '{\\rtf1}');
  await mkdir(join(corpus, 'خبر_files'));
  await writeFile(join(corpus, 'خبر_files', 'frame.htm'), '<html></html>');
  await writeFile(join(corpus, 'report.doc.annotations.json'), '{}');
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('hashiya info --json gives the unread documents with their reasons beside the articles', () => {
  const r = hashiya('info', '--corpus', corpus, '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { articles: Array<{ file: string }>; unread: Array<{ file: string; reason: string }> };
  assert.deepEqual(out.unread, EXPECTED);
  assert.ok(out.articles.length > 0 && out.articles.every((a) => a.file.endsWith('.txt') || a.file === 'خبر.html'), 'nothing inside the page\'s _files folder is an article');
  console.log(`articles: ${out.articles.length}, not read: ${out.unread.length}`);
});

test('hashiya info names the files not read under the table, one a line with its reason', () => {
  const r = hashiya('info', '--corpus', corpus);
  assert.equal(r.status, 0, r.stderr);
  const tail = r.stdout.slice(r.stdout.indexOf('\n3 files not read:\n'));
  assert.ok(tail.startsWith('\n3 files not read:\n'), r.stdout);
  assert.deepEqual(tail.trim().split('\n').slice(1), EXPECTED.map((u) => `  ${u.file}: ${u.reason}`));
  assert.ok(!r.stdout.includes('_files'), "the page's _files folder is not named");
});
