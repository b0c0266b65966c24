// `hashiya segment` and `hashiya align` as a user runs them: a child process on article files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { alignTexts } from '../../corpus/align/align';
import { segmentText } from '../../corpus/text/segment';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');
const SAMPLE = join(ROOT, 'corpus', 'sample');
const PERSIAN = join(SAMPLE, '000_4b15f26e11b27dea.txt');
const ARABIC = join(SAMPLE, '002_b7e8f03d4cd73c5b.txt');
const ARABIC_EN = join(SAMPLE, '002_b7e8f03d4cd73c5b.en.txt');

const dir = mkdtempSync(join(tmpdir(), 'hashiya-cli-seg-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function hashiya(...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

interface SegmentOutput {
  length: number;
  language: string;
  encoding: string;
  paragraphs: Array<{ start: number; end: number; furniture: boolean; sentences: Array<{ start: number; end: number; text: string }> }>;
}

test('segment --json prints paragraphs and sentences with offsets into the decoded text', () => {
  const run = hashiya('segment', ARABIC, '--json');
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as SegmentOutput;
  const text = readFileSync(ARABIC, 'utf8');
  assert.equal(out.length, text.length);
  assert.equal(out.language, 'ar');
  const expected = segmentText(text);
  assert.deepEqual(
    out.paragraphs.map((p) => [p.start, p.end, p.sentences.map((s) => [s.start, s.end])]),
    expected.map((p) => [p.start, p.end, p.sentences.map((s) => [s.start, s.end])]),
  );
  for (const p of out.paragraphs) for (const s of p.sentences) assert.equal(s.text, text.slice(s.start, s.end));
  const furniture = out.paragraphs.filter((p) => p.furniture).map((p) => text.slice(p.start, p.end));
  assert.ok(furniture.includes('التعليقات (0)') && furniture[0]!.startsWith('Erbil 6°C'));
});

test('offsets are into the decoded text whatever the file encoding', () => {
  const text = readFileSync(PERSIAN, 'utf8');
  const utf16 = join(dir, 'utf16.txt');
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
  const cp1256 = join(dir, 'cp1256.txt');
  writeFileSync(cp1256, iconv.encode(text.replace(/[یک]/g, (c) => (c === 'ی' ? 'ي' : 'ك')), 'windows-1256'));
  const fromUtf8 = JSON.parse(hashiya('segment', PERSIAN, '--json').stdout) as SegmentOutput;
  const fromUtf16 = JSON.parse(hashiya('segment', utf16, '--json').stdout) as SegmentOutput;
  const fromCp1256 = JSON.parse(hashiya('segment', cp1256, '--json').stdout) as SegmentOutput;
  assert.equal(fromUtf16.encoding, 'utf-16le');
  assert.equal(fromCp1256.encoding, 'windows-1256');
  const spans = (o: SegmentOutput) => o.paragraphs.map((p) => p.sentences.map((s) => [s.start, s.end]));
  assert.deepEqual(spans(fromUtf16), spans(fromUtf8));
  assert.deepEqual(spans(fromCp1256), spans(fromUtf8));
});

test('segment without --json is readable: numbered paragraphs and shortened sentences', () => {
  const run = hashiya('segment', PERSIAN);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split('\n');
  assert.match(lines[0]!, /000_4b15f26e11b27dea\.txt: fa, utf-8, 14 paragraphs, 14 sentences/);
  assert.equal(lines[1], '¶1 [0–72]');
  assert.match(lines[2]!, /^ {2}1\.1 \[0–72\] \u2068رئیسجمهور: مبارزه/);
  assert.ok(lines.some((l) => l.endsWith('…\u2069')), 'long sentences are shortened');
  assert.ok(lines.some((l) => /\(page furniture\)$/.test(l)));
  // Sentence lines are shortened; the header carries the file's path, as long as it is.
  assert.ok(lines.slice(1).every((l) => [...l].length < 100));
});

test('align --json prints exactly one object of links with offsets and scores, in reading order', () => {
  const run = hashiya('align', ARABIC, ARABIC_EN, '--json');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim().split('\n').length, 1);
  const out = JSON.parse(run.stdout) as { links: Array<{ a: [number, number]; b: [number, number]; score: number }> };
  assert.deepEqual(Object.keys(out), ['links']);
  const expected = alignTexts(readFileSync(ARABIC, 'utf8'), readFileSync(ARABIC_EN, 'utf8'));
  assert.deepEqual(
    out.links.map((l) => [l.a, l.b]),
    expected.map((l) => [l.a, l.b]),
  );
  out.links.forEach((l, k) => {
    assert.deepEqual(Object.keys(l), ['a', 'b', 'score']);
    assert.ok(Number.isInteger(l.a[0]) && Number.isInteger(l.b[1]));
    assert.ok(l.score >= 0 && l.score <= 1);
    if (k > 0) assert.ok(l.a[0] >= out.links[k - 1]!.a[1] && l.b[0] >= out.links[k - 1]!.b[1]);
  });
});

test('align without --json shows each link with its score and both texts shortened', () => {
  const run = hashiya('align', ARABIC, ARABIC_EN);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /\(ar\) ↔ .*\(en\): translation, \d+ links/);
  assert.match(lines[1]!, /^0\.\d\d {2}a\[\d+–\d+\] \u2068/);
  assert.match(lines[2]!, /^ {6}b\[\d+–\d+\] \u2068Rouhani assures/);
});

test('two reports in one script are aligned as comparable unless told otherwise', () => {
  const comparable = hashiya('align', PERSIAN, ARABIC);
  assert.equal(comparable.status, 0, comparable.stderr);
  assert.match(comparable.stdout.split('\n')[0]!, /: comparable, /);
  const forced = hashiya('align', PERSIAN, ARABIC, '--kind', 'translation');
  assert.match(forced.stdout.split('\n')[0]!, /: translation, /);
});

test('bad arguments and unreadable files give a clear message and a non-zero exit', () => {
  const missing = hashiya('segment', join(dir, 'nope.txt'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /hashiya segment: no such file: .*nope\.txt/);

  const noArgs = hashiya('align', PERSIAN);
  assert.equal(noArgs.status, 2);
  assert.match(noArgs.stderr, /FILE_A and FILE_B are required\nusage: hashiya align/);

  assert.equal(hashiya('segment').status, 2);
  assert.match(hashiya('segment', PERSIAN, '--bogus').stderr, /unknown option --bogus/);
  assert.match(hashiya('align', PERSIAN, ARABIC, '--kind', 'parallel').stderr, /--kind must be translation or comparable/);
  assert.equal(hashiya('segment', dir).status, 2);

  const binary = join(dir, 'image.bin');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
  const bin = hashiya('align', binary, PERSIAN);
  assert.equal(bin.status, 1);
  assert.match(bin.stderr, /image\.bin: .*(not text|binary)/);
  assert.equal(bin.stdout, '');
});
