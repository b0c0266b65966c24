// `hashiya info --json` names each article's format, headline, outlet, date, author and web
// address (issue 23, point 7), from the same summaries as the app's list: a Persian text, a
// Windows-1256 text read with the encoding chosen in its sidecar, a real saved page, and the
// same page with an author in its head. The real bin in a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import type { ArticleSummary } from '../../corpus/api/api';
import { hostileCorpus, type HostileCorpus } from '../fixtures/hostile-corpus';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');
const PAGES = join(ROOT, 'test', 'fixtures', 'pages');
const PAGE = 'ar_03_cnnarabic_goose3.html';
/** A real page whose head gives its publication date (the CNN page's gives none). */
const DATED_PAGE = 'ar_01_youm7_magichtml.html';

const PERSIAN = 'ایسنا\nوزیر امور خارجه می‌گوید گفت‌وگوها با همسایگان ادامه دارد.\n';
const ARABIC = 'قال المتحدث باسم الحكومة إن المحادثات ستستمر الأسبوع المقبل.\n';
const AUTHOR = 'هيئة التحرير';

interface InfoRow {
  file: string;
  format: string | null;
  headline: string | null;
  outlet: string | null;
  date: { iso: string | null; original: string } | null;
  author: string | null;
  url: string | null;
}

let c: HostileCorpus;
interface Truth {
  headline: string;
  url: string;
  date: string | null;
}
let truth: Truth;
let dated: Truth;

before(async () => {
  const truths = JSON.parse(await readFile(join(PAGES, 'truth.json'), 'utf8')) as Record<string, Truth>;
  truth = truths[PAGE]!;
  dated = truths[DATED_PAGE]!;
  const page = await readFile(join(PAGES, PAGE), 'utf8');
  c = await hostileCorpus([], async ({ corpus }) => {
    await writeFile(join(corpus, 'fa.txt'), PERSIAN);
    await writeFile(join(corpus, 'ar-1256.txt'), iconv.encode(ARABIC, 'windows-1256'));
    await writeFile(join(corpus, 'page.html'), page);
    await writeFile(join(corpus, 'dated.html'), await readFile(join(PAGES, DATED_PAGE)));
    // The same real page with a byline in its head: the author comes from there, never from the text.
    await writeFile(join(corpus, 'page-with-author.htm'), page.replace('<head>', `<head><meta name="author" content="${AUTHOR}">`));
  });
  const r = await c.call('setMetadata', 'ar-1256.txt', { encoding: 'windows-1256' });
  assert.ok(r.ok);
  await c.ws.flush();
});

after(async () => {
  await c?.close();
});

function info(): InfoRow[] {
  const r = spawnSync(process.execPath, [BIN, 'info', '--corpus', c.corpus, '--json'], { cwd: ROOT, timeout: 60_000, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout) as { articles: InfoRow[] }).articles;
}

test('info --json gives format, headline, outlet, date, author and url for plain text and saved pages alike', async () => {
  const rows = info();
  const row = (file: string) => rows.find((r) => r.file === file)!;
  assert.deepEqual(rows.map((r) => r.file).sort(), ['ar-1256.txt', 'dated.html', 'fa.txt', 'page-with-author.htm', 'page.html']);

  assert.equal(row('fa.txt').format, 'txt');
  assert.equal(row('fa.txt').author, null, 'plain text names no author');
  assert.equal(row('fa.txt').url, null);
  assert.equal(row('ar-1256.txt').format, 'txt');
  assert.match(String(row('ar-1256.txt').headline), /قال المتحدث/, 'read as the sidecar’s Windows-1256, not as mojibake');

  for (const file of ['page.html', 'page-with-author.htm']) {
    assert.equal(row(file).format, 'html', file);
    assert.equal(row(file).headline, truth.headline, `${file}: the headline from the page's head`);
    assert.equal(row(file).url, truth.url, `${file}: the canonical address`);
    assert.ok(row(file).outlet, `${file}: the site named`);
  }
  assert.equal(row('page.html').author, null, 'the page names no author');
  assert.equal(row('page-with-author.htm').author, AUTHOR);
  assert.equal(row('dated.html').format, 'html');
  assert.equal(row('dated.html').headline, dated.headline);
  assert.equal(row('dated.html').url, dated.url);
  assert.equal(row('dated.html').date?.iso, dated.date, 'the publication date from the page\'s head');

  // The same facts the window's list is built from.
  const r = await c.call<ArticleSummary[]>('listArticles');
  assert.ok(r.ok);
  for (const s of r.value) {
    const line = row(s.file);
    assert.equal(line.format, s.format ?? null, s.file);
    assert.equal(line.headline, s.headline, s.file);
    assert.equal(line.outlet, s.outlet, s.file);
    assert.deepEqual(line.date, s.date ? { iso: s.date.iso, original: s.date.original } : null, s.file);
    assert.equal(line.author, s.author ?? null, s.file);
    assert.equal(line.url, s.url ?? null, s.file);
  }
  const fields = ['format', 'headline', 'outlet', 'date', 'author', 'url'] as const;
  console.log(fields.map((f) => `${f}: ${rows.filter((x) => x[f] !== null).length}/${rows.length}`).join(', '));
});

test('a person’s corrections in the details editor win in info as in the list', async () => {
  const r = await c.call('setMetadata', 'page.html', { headline: 'عنوان من المحرر', outlet: 'CNN' });
  assert.ok(r.ok);
  await c.ws.flush();
  const page = info().find((x) => x.file === 'page.html')!;
  assert.equal(page.headline, 'عنوان من المحرر');
  assert.equal(page.outlet, 'CNN');
  assert.equal(page.format, 'html');
  assert.equal(page.url, truth.url, 'the address stays');
});
