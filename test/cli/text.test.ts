// `hashiya text --corpus DIR FILE` as a user runs it (the real bin in a child process) on a
// corpus whose annotations were made through the API's dispatch, as the window makes them:
// what it prints is exactly the text the annotations' offsets index, for a Persian text with
// ZWNJs and a character outside the BMP, a Windows-1256 text read with the encoding chosen in
// its sidecar, and a saved web page. Offsets: the app's start/end count UTF-16 code units
// (DESIGN.md, "Offsets and anchors"); the JSON-LD export's TextPositionSelector counts code
// points, as `wc -m` does. Both are checked against the printed text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import type { Annotation } from '../../annotations/model/types';
import type { ArticleDoc } from '../../corpus/api/api';
import { hostileCorpus, makeFifo, type HostileCorpus } from '../fixtures/hostile-corpus';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');
const PAGE_FIXTURE = join(ROOT, 'test', 'fixtures', 'pages', 'ar_03_cnnarabic_goose3.html');

const PERSIAN = 'ایسنا\n📌 وزیر امور خارجه می‌گوید گفت‌وگوها با همسایگان ادامه دارد.\nسخنگوی دولت روز دوشنبه گفت که نشست بعدی هفته آینده برگزار می‌شود.\n';
const ARABIC = 'قال المتحدث باسم الحكومة إن المحادثات ستستمر الأسبوع المقبل في العاصمة.\nوأضاف أن الوفدين اتفقا على جدول الأعمال.\n';

/** The annotations made through the API: file, quote. */
const QUOTES: Array<{ file: string; quote: string }> = [
  { file: 'fa.txt', quote: 'گفت‌وگوها با همسایگان' },
  { file: 'ar-1256.txt', quote: 'جدول الأعمال' },
  { file: 'page.html', quote: 'فصائل مسلحة معارضة' },
];

let c: HostileCorpus;
let fifo = false;

interface Run {
  status: number | null;
  stdout: Buffer;
  text: string;
  stderr: string;
}

function hashiya(...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, text: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

async function call<T>(method: string, ...args: unknown[]): Promise<T> {
  const r = await c.call<T>(method, ...args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

before(async () => {
  c = await hostileCorpus([], async ({ corpus, outside }) => {
    await writeFile(join(corpus, 'fa.txt'), PERSIAN);
    await writeFile(join(corpus, 'ar-1256.txt'), iconv.encode(ARABIC, 'windows-1256'));
    await copyFile(PAGE_FIXTURE, join(corpus, 'page.html'));
    await mkdir(join(corpus, 'page_files'));
    await writeFile(join(corpus, 'page_files', 'frame.html'), '<html><body><p>a frame of the page</p></body></html>');
    await writeFile(join(corpus, 'scripts-only.html'), '<html><head><script>fetch("http://127.0.0.1:9/")</script></head><body><script>document.write("x")</script></body></html>');
    await writeFile(join(corpus, 'report.doc'), 'old Word');
    await writeFile(join(outside, 'secret.txt'), 'outside the corpus');
    await symlink(join(outside, 'secret.txt'), join(corpus, 'link-out.txt'));
    fifo = makeFifo(join(corpus, 'pipe.txt'));
  });
  // The person chose the encoding of the Windows-1256 file, as the details editor does.
  await call('setMetadata', 'ar-1256.txt', { encoding: 'windows-1256' });
  for (const { file, quote } of QUOTES) {
    const doc = await call<ArticleDoc>('openArticle', file);
    const start = doc.text.indexOf(quote);
    assert.ok(start >= 0, `${quote} in ${file}`);
    await call('createAnnotation', file, { start, end: start + quote.length, version: doc.version, tags: [], gloss: 'g', note: '' });
  }
  await c.ws.flush();
});

after(async () => {
  await c?.close();
});

test('hashiya text prints, byte for byte, the text the app opens: UTF-8 with no newline added', async () => {
  for (const file of ['fa.txt', 'ar-1256.txt', 'page.html']) {
    const doc = await call<ArticleDoc>('openArticle', file);
    const r = hashiya('text', '--corpus', c.corpus, file);
    assert.equal(r.status, 0, `${file}: ${r.stderr}`);
    assert.equal(r.stderr, '', `${file}: nothing on stderr`);
    assert.ok(r.stdout.equals(Buffer.from(doc.text, 'utf8')), `${file}: the app's text exactly`);
    console.log(`${file}: ${doc.text.length} UTF-16 code units, ${[...doc.text].length} code points, ${r.stdout.length} bytes`);
  }
  assert.equal(hashiya('text', '--corpus', c.corpus, 'fa.txt').text, PERSIAN, 'the Persian file as written, ZWNJs and trailing newline kept');
  assert.equal(hashiya('text', '--corpus', c.corpus, 'ar-1256.txt').text, ARABIC, 'the Windows-1256 file read as the sidecar says');
});

test('an annotation’s UTF-16 offsets and the JSON-LD export’s code-point offsets both find its quote in the printed text', () => {
  const json = hashiya('export', '--corpus', c.corpus, '--format', 'json');
  assert.equal(json.status, 0, json.stderr);
  const quotations = (JSON.parse(json.text) as { offsets: string; quotations: Array<{ file: string; quote: string; start: number; end: number }> });
  assert.equal(quotations.offsets, 'utf-16');
  const jsonld = hashiya('export', '--corpus', c.corpus, '--format', 'jsonld');
  assert.equal(jsonld.status, 0, jsonld.stderr);
  const items = (JSON.parse(jsonld.text) as { first: { items: Array<{ target: { selector: Array<{ type: string; exact?: string; start?: number; end?: number }> } }> } }).first.items;
  let checked = 0;
  for (const { file, quote } of QUOTES) {
    const printed = hashiya('text', '--corpus', c.corpus, file).text;
    const q = quotations.quotations.find((x) => x.file === file)!;
    assert.equal(q.quote, quote);
    assert.equal(printed.slice(q.start, q.end), quote, `${file}: UTF-16 offsets ${q.start}-${q.end} of the printed text`);
    const item = items.find((i) => i.target.selector.some((s) => s.type === 'TextQuoteSelector' && s.exact === quote))!;
    const position = item.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    assert.equal([...printed].slice(position.start, position.end).join(''), quote, `${file}: code points ${position.start}-${position.end}`);
    console.log(`${file}: "${quote}" at UTF-16 ${q.start}-${q.end}, code points ${position.start}-${position.end}`);
    checked++;
  }
  // The Persian file has 📌 (two UTF-16 code units, one code point) before its quote: the two counts differ there.
  const fa = quotations.quotations.find((x) => x.file === 'fa.txt')!;
  const faItem = items.find((i) => i.target.selector.some((s) => s.exact === QUOTES[0]!.quote))!;
  assert.equal(fa.start - faItem.target.selector.find((s) => s.type === 'TextPositionSelector')!.start!, 1);
  assert.equal(checked, QUOTES.length);
});

test('the annotations stored by the API index the printed text at their positions', async () => {
  for (const { file, quote } of QUOTES) {
    const doc = await call<ArticleDoc>('openArticle', file);
    const a = doc.annotations.find((x: Annotation) => x.target.quote.exact === quote)!;
    const printed = hashiya('text', '--corpus', c.corpus, file).text;
    assert.equal(printed.slice(a.target.position.start, a.target.position.end), quote, file);
  }
});

test('`hashiya text | wc -m` counts the code points of the text', (t) => {
  const script = '"$0" "$1" text --corpus "$2" "$3" | wc -m';
  for (const file of ['fa.txt', 'page.html']) {
    const r = spawnSync('sh', ['-c', script, process.execPath, BIN, c.corpus, file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    const count = Number(r.stdout.trim());
    if (r.status !== 0 || !Number.isInteger(count)) {
      t.skip('no wc or no C.UTF-8 locale here');
      return;
    }
    const text = hashiya('text', '--corpus', c.corpus, file).text;
    assert.equal(count, [...text].length, file);
    console.log(`${file}: wc -m ${count}, code points ${[...text].length}, UTF-16 length ${text.length}`);
  }
});

test('the encoding chosen in the sidecar is the one read, as in the app, even when it is changed', async () => {
  await call('setMetadata', 'ar-1256.txt', { encoding: 'iso-8859-6' });
  await c.ws.flush();
  try {
    const doc = await call<ArticleDoc>('openArticle', 'ar-1256.txt');
    const r = hashiya('text', '--corpus', c.corpus, 'ar-1256.txt');
    assert.equal(r.status, 0, r.stderr);
    assert.notEqual(doc.text, ARABIC, 'another encoding gives another text');
    assert.equal(r.text, doc.text, 'the CLI follows the choice, as the app does');
  } finally {
    await call('setMetadata', 'ar-1256.txt', { encoding: 'windows-1256' });
    await c.ws.flush();
  }
  assert.equal(hashiya('text', '--corpus', c.corpus, 'ar-1256.txt').text, ARABIC);
});

test('an encoding this version does not know, named in a sidecar, is ignored and said, and the text detected, as the app does', async () => {
  await writeFile(join(c.corpus, 'odd.txt'), PERSIAN);
  const sidecar = { format: 1, article: { file: 'odd.txt', sha256: '0'.repeat(64), length: PERSIAN.length }, metadata: { encoding: 'klingon' }, annotations: [], renderings: [], alignments: [] };
  await writeFile(join(c.corpus, 'odd.txt.annotations.json'), JSON.stringify(sidecar));
  const r = hashiya('text', '--corpus', c.corpus, 'odd.txt');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.text, PERSIAN);
  assert.match(r.stderr, /^hashiya text: odd\.txt: the encoding "klingon" named in its annotations is unknown to this version of Hashiya; the encoding was detected\n$/);
  const doc = await call<ArticleDoc>('openArticle', 'odd.txt');
  assert.equal(doc.text, r.text, 'the app reads the same text');
});

test('a path from here into the corpus names the same article', () => {
  const r = hashiya('text', '--corpus', c.corpus, join(c.corpus, 'fa.txt'));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.text, PERSIAN);
});

test('a file that is not an article of the corpus gets one line on stderr, nothing on stdout and exit code 2; the file outside is never read', () => {
  const cases: Array<[string[], RegExp]> = [
    [['text', '--corpus', c.corpus, 'link-out.txt'], /^hashiya text: refused: "link-out\.txt" leads outside the corpus folder$/],
    [['text', '--corpus', c.corpus, '../outside/secret.txt'], /is outside the corpus folder$/],
    [['text', '--corpus', c.corpus, join(c.outside, 'secret.txt')], /is not a file of this corpus$/],
    [['text', '--corpus', c.corpus, 'fa.txt.annotations.json'], /is not an article \(\.txt, saved page or Word file\) of this corpus$/],
    [['text', '--corpus', c.corpus, 'report.doc'], /is not an article/],
    [['text', '--corpus', c.corpus, 'page_files/frame.html'], /is part of a saved page \(its _files folder\), not an article$/],
    [['text', '--corpus', c.corpus, 'nowhere.txt'], /^hashiya text: no such article: nowhere\.txt$/],
    [['text', '--corpus', c.corpus, 'page_files'], /not an article/],
    [['text', '--corpus', join(c.base, 'no-such-folder'), 'fa.txt'], /no such folder/],
    [['text', 'fa.txt'], /--corpus DIR is required/],
    [['text', '--corpus', c.corpus], /FILE is required/],
    [['text', '--corpus', c.corpus, 'fa.txt', 'page.html'], /unexpected argument 'page\.html'/],
  ];
  if (fifo) cases.push([['text', '--corpus', c.corpus, 'pipe.txt'], /^hashiya text: not a file: pipe\.txt$/]);
  for (const [args, message] of cases) {
    const r = hashiya(...args);
    assert.equal(r.status, 2, `${args.join(' ')} → ${r.status}: ${r.stderr}`);
    assert.equal(r.text, '', `${args.join(' ')}: nothing on stdout`);
    assert.match(r.stderr.split('\n')[0]!, message);
    assert.ok(!r.stderr.includes('outside the corpus\n') && !r.stderr.includes('    at '), 'no content from outside, no stack');
  }
  console.log(`refused: ${cases.length} (FIFO ${fifo ? 'included' : 'skipped: no mkfifo'})`);
});

test('a page with no article in it gives its plain reason and exit code 1', () => {
  const r = hashiya('text', '--corpus', c.corpus, 'scripts-only.html');
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.text, '');
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /^hashiya text: scripts-only\.html cannot be opened: This page has no article text/);
});

test('hashiya text --help says what it prints, how offsets count, and the exit codes', () => {
  const r = hashiya('text', '--help');
  assert.equal(r.status, 0);
  assert.match(r.text, /^usage: hashiya text --corpus DIR FILE/);
  assert.match(r.text, /UTF-16/);
  assert.match(r.text, /exit codes: 0 done; 1 /);
});
