// `hashiya info` and `hashiya export` as a user runs them: a child process on a copy of the
// sample corpus whose annotations were made through the Workspace API, as the app makes them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { Workspace } from '../../corpus/services/workspace';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');
const SAMPLE = join(ROOT, 'corpus', 'sample');

let dir = '';
let clean = '';
let broken = '';
let brokenFile = '';
const made: Array<{ file: string; quote: string; tags: string[] }> = [];

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

async function annotate(ws: Workspace, file: string, quote: string, tags: string[], gloss: string): Promise<void> {
  const doc = await ws.openArticle(file);
  const start = doc.text.indexOf(quote);
  assert.ok(start >= 0, `${quote} in ${file}`);
  await ws.createAnnotation(file, { start, end: start + quote.length, tags, gloss, note: '' });
  made.push({ file, quote, tags });
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hashiya-cli-'));
  clean = join(dir, 'clean');
  await cp(SAMPLE, clean, { recursive: true });
  const ws = await Workspace.create({ appDataDir: join(dir, 'app'), pickFolder: async () => null });
  await ws.openCorpus(clean, false);
  await annotate(ws, '000_4b15f26e11b27dea.txt', 'مبارزه با تروریسم', ['statement'], 'the fight against terrorism');
  await annotate(ws, '000_4b15f26e11b27dea.txt', 'داعش', ['organisation', 'threat'], 'ISIS');
  await annotate(ws, '002_b7e8f03d4cd73c5b.txt', 'حسن روحاني', ['person'], 'Hassan Rouhani');
  await annotate(ws, '004_df093c946d86f816.txt', 'همکاری ایران و ترکیه', ['statement'], 'cooperation of Iran and Turkey');
  await ws.flush();
  broken = join(dir, 'broken');
  await cp(clean, broken, { recursive: true });
  brokenFile = '004_df093c946d86f816.txt';
  await writeFile(join(broken, `${brokenFile}.annotations.json`), '{"format": 1, "annotations": [');
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('info --json prints exactly one object listing every article with the app’s metadata', async () => {
  const r = hashiya('info', '--corpus', clean, '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.text) as { articles: Array<Record<string, unknown>>; unread: unknown[] };
  assert.deepEqual(Object.keys(out), ['articles', 'unread']);
  assert.deepEqual(out.unread, [], 'the sample holds no document it does not read');
  const ws = await Workspace.create({ appDataDir: join(dir, 'app'), pickFolder: async () => null });
  await ws.openCorpus(clean, false);
  const expected = await ws.listArticles();
  assert.deepEqual(
    out.articles.map((a) => a.file),
    expected.map((a) => a.file),
  );
  for (const a of out.articles) {
    assert.deepEqual(Object.keys(a), ['file', 'format', 'language', 'headline', 'outlet', 'date', 'author', 'url', 'annotations']);
    assert.equal(a.format, 'txt');
    assert.equal(a.author, null, 'plain text names no author');
    assert.equal(a.url, null, 'plain text has no address');
    const e = expected.find((x) => x.file === a.file)!;
    assert.equal(a.language, e.language);
    assert.equal(a.headline, e.headline);
    assert.equal(a.outlet, e.outlet, 'null where the outlet is unknown');
    assert.deepEqual(a.date, e.date ? { iso: e.date.iso, original: e.date.original } : null);
    assert.equal(a.annotations, made.filter((m) => m.file === a.file).length);
  }
  const persian = out.articles.find((a) => a.file === '000_4b15f26e11b27dea.txt')!;
  assert.equal(persian.language, 'fa');
  assert.equal(persian.annotations, 2);
  assert.match(String(persian.headline), /مبارزه با تروریسم/);
});

test('info without --json prints a table, one line per article', () => {
  const r = hashiya('info', '--corpus', clean);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.text.trimEnd().split('\n');
  assert.match(lines[0]!, /^FILE\s+LANG\s+NOTES\s+DATE\s+OUTLET\s+HEADLINE$/);
  const fa = lines.find((l) => l.startsWith('000_4b15f26e11b27dea.txt '))!;
  assert.match(fa, /^000_4b15f26e11b27dea\.txt\s+fa\s+2\s/);
});

test('export --format csv writes the quotations to stdout as CSV a parser reads back', () => {
  const r = hashiya('export', '--corpus', clean, '--format', 'csv');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual([...r.stdout.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const rows = parse(r.text, { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.deepEqual(rows.map((row) => row.Quote).sort(), made.map((m) => m.quote).sort());
  const rouhani = rows.find((row) => row.Quote === 'حسن روحاني')!;
  assert.equal(rouhani.Gloss, 'Hassan Rouhani');
  assert.equal(rouhani.Tags, 'Person');
  assert.equal(rouhani.File, '002_b7e8f03d4cd73c5b.txt');
});

test('--tag keeps the quotations with any of the tags given, by id or by name', () => {
  const quotes = (...tags: string[]) => {
    const r = hashiya('export', '--corpus', clean, '--format', 'json', ...tags.flatMap((t) => ['--tag', t]));
    assert.equal(r.status, 0, r.stderr);
    return (JSON.parse(r.text) as { quotations: Array<{ quote: string }> }).quotations.map((q) => q.quote).sort();
  };
  assert.deepEqual(quotes('threat'), ['داعش']);
  assert.deepEqual(quotes('Statement'), ['مبارزه با تروریسم', 'همکاری ایران و ترکیه'].sort());
  assert.deepEqual(quotes('person', 'THREAT'), ['حسن روحاني', 'داعش'].sort());
  const all = hashiya('export', '--corpus', clean, '--format', 'json', '--tag', 'organisation', '--tag', 'threat', '--all-tags');
  assert.deepEqual((JSON.parse(all.text) as { quotations: Array<{ quote: string }> }).quotations.map((q) => q.quote), ['داعش']);
});

test('every format can be written with --out', async () => {
  const checks: Record<string, (data: Buffer) => void> = {
    csv: (d) => assert.ok(d.toString('utf8').includes('"مبارزه با تروریسم"')),
    xlsx: (d) => assert.equal(d.subarray(0, 2).toString('latin1'), 'PK'),
    docx: (d) => assert.equal(d.subarray(0, 2).toString('latin1'), 'PK'),
    html: (d) => assert.ok(d.toString('utf8').includes('<blockquote class="quote" dir="rtl" lang="fa">مبارزه با تروریسم</blockquote>')),
    md: (d) => assert.ok(d.toString('utf8').includes('<blockquote dir="rtl" lang="ar"><p>حسن روحاني</p></blockquote>')),
    json: (d) => assert.equal((JSON.parse(d.toString('utf8')) as { count: number }).count, made.length),
    jsonld: (d) => assert.equal((JSON.parse(d.toString('utf8')) as { '@context': string })['@context'], 'http://www.w3.org/ns/anno.jsonld'),
  };
  for (const [format, check] of Object.entries(checks)) {
    const out = join(dir, `out.${format}`);
    const r = hashiya('export', '--corpus', clean, '--format', format, '--out', out);
    assert.equal(r.status, 0, `${format}: ${r.stderr}`);
    assert.equal(r.text, '', 'nothing on stdout');
    assert.match(r.stderr, new RegExp(`${made.length} of ${made.length} quotations written to`));
    check(await readFile(out));
  }
});

test('a binary format goes to a pipe, but is refused on a terminal', () => {
  const piped = hashiya('export', '--corpus', clean, '--format', 'xlsx');
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(piped.stdout.subarray(0, 2).toString('latin1'), 'PK');
  // `script` gives the command a real terminal as stdout.
  const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;
  if (!hasScript) return;
  const command = [process.execPath, BIN, 'export', '--corpus', clean, '--format', 'docx'].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const tty = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.equal(tty.status, 2, tty.stdout);
  assert.match(tty.stdout, /docx is a binary format: give --out FILE/);
  assert.ok(!tty.stdout.includes('PK'), 'no binary on the terminal');
});

test('bad arguments and missing folders get a clear message and exit code 2', async () => {
  const file = join(dir, 'not-a-folder.txt');
  await writeFile(file, 'x');
  const cases: Array<[string[], RegExp]> = [
    [['export', '--corpus', clean], /--format is required/],
    [['export', '--corpus', clean, '--format', 'pdf'], /unknown format 'pdf'; use one of csv, xlsx, docx, html, md, json, jsonld/],
    [['export', '--format', 'csv'], /--corpus DIR is required/],
    [['export', '--corpus', join(dir, 'nowhere'), '--format', 'csv'], /no such folder: .*nowhere/],
    [['export', '--corpus', file, '--format', 'csv'], /not a folder/],
    [['export', '--corpus', clean, '--format', 'csv', '--tag', 'nonsense'], /unknown tag 'nonsense'; this corpus has: person \(Person\)/],
    [['export', '--corpus', clean, '--format', 'csv', '--colour'], /unknown option --colour/],
    [['export', '--corpus', clean, '--format'], /--format needs a value/],
    [['export', '--corpus', clean, '--format', 'md', '--group-by', 'outlet'], /--group-by must be article, tag or none/],
    [['info'], /--corpus DIR is required/],
    [['info', '--corpus', join(dir, 'nowhere')], /no such folder/],
    [['info', '--corpus', clean, 'extra'], /unexpected argument 'extra'/],
  ];
  for (const [args, message] of cases) {
    const r = hashiya(...args);
    assert.equal(r.status, 2, `${args.join(' ')} → ${r.status}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.match(r.stderr, /^hashiya (export|info): /);
    assert.equal(r.text, '', 'nothing on stdout');
  }
});

test('an output file that cannot be written fails with exit code 1 and leaves nothing behind', () => {
  const r = hashiya('export', '--corpus', clean, '--format', 'csv', '--out', join(dir, 'no-such-dir', 'x.csv'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /cannot write .*x\.csv/);
});

test('a broken sidecar is named on stderr, the rest of the corpus is exported, and the exit code is 3', async () => {
  const sidecar = join(broken, `${brokenFile}.annotations.json`);
  const before = await readFile(sidecar, 'utf8');
  const r = hashiya('export', '--corpus', broken, '--format', 'csv');
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, new RegExp(`${brokenFile.replace(/\./g, '\\.')}\\.annotations\\.json is not valid JSON`));
  assert.match(r.stderr, new RegExp(`could not be read and are not in the export: ${brokenFile.replace(/\./g, '\\.')}`));
  const rows = parse(r.text, { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.deepEqual(
    rows.map((row) => row.Quote).sort(),
    made.filter((m) => m.file !== brokenFile).map((m) => m.quote).sort(),
  );
  assert.equal(await readFile(sidecar, 'utf8'), before, 'the broken sidecar is left as it was');

  const info = hashiya('info', '--corpus', broken, '--json');
  assert.equal(info.status, 3);
  const articles = (JSON.parse(info.text) as { articles: Array<{ file: string; annotations: number | null }> }).articles;
  assert.equal(articles.find((a) => a.file === brokenFile)!.annotations, null, 'an unreadable count is unknown, not zero');
  assert.equal(articles.find((a) => a.file === '000_4b15f26e11b27dea.txt')!.annotations, 2);
  assert.match(info.stderr, new RegExp(brokenFile.replace(/\./g, '\\.')));
});

test('--help explains the options and the exit codes', () => {
  const r = hashiya('export', '--help');
  assert.equal(r.status, 0);
  assert.match(r.text, /exit codes: 0 done; 1 failed; 2 bad arguments or no such folder; 3 exported, but some/);
});
