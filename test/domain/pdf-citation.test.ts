// A quotation from a PDF cites the page its words are on (issue 24): `p. 2` in the Quotations
// view's citation and in every export that carries one (JSON-LD, a W3C annotation, carries none), `pp. 2–3` across a page break, and a
// Word or text article keeps its `para. N`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { Annotation } from '../../annotations/model/types';
import { stripIsolates } from '../../annotations/export/bidi';
import { glueCitationTail } from '../../annotations/export/docx';
import { formatCitation } from '../../annotations/quotations/citation';
import { formatPages, pageLocator, pageSpan } from '../../annotations/quotations/pdf-pages';
import type { Quotation } from '../../annotations/quotations/quotations';
import type { ArticleDoc, ArticleSummary, ExportFile } from '../../corpus/api/api';
import { hostileCorpus, type HostileCorpus } from '../fixtures/hostile-corpus';
import { makePdf } from '../fixtures/pdf/make-pdf';
import { NO_SOFFICE } from '../fixtures/word-files';

const PAGES = [['Talks in Doha opened on Monday with both delegations present.'], ['The ministry said the talks would resume next week in Muscat.'], ['Observers expected a statement before the end of the month.']];

async function settled(c: HostileCorpus): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const list = await c.call<ArticleSummary[]>('listArticles');
    assert.ok(list.ok);
    if (list.value.every((a) => !a.pending)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the list never settled');
}

async function gloss(c: HostileCorpus, file: string, doc: ArticleDoc, from: string, to: string): Promise<Annotation> {
  const start = doc.text.indexOf(from);
  const end = doc.text.indexOf(to) + to.length;
  assert.ok(start >= 0 && end > start, `${from}…${to} is in the text`);
  const saved = await c.call<Annotation>('createAnnotation', file, { start, end, version: doc.version, tags: [], gloss: 'g', note: '' });
  assert.ok(saved.ok, saved.ok ? '' : saved.error.message);
  return saved.value;
}

async function exported(c: HostileCorpus, format: string, ids: string[]): Promise<Uint8Array> {
  const file = await c.call<ExportFile>('exportQuotations', { format, ids });
  assert.ok(file.ok, file.ok ? '' : file.error.message);
  return new Uint8Array(Buffer.from(file.value.base64, 'base64'));
}

test('a quotation on page 2 of a PDF cites "p. 2" in the Quotations view and in the JSON, CSV, DOCX, HTML, Markdown and XLSX exports; one across a page break cites "pp. 2–3"', async () => {
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => {
    await writeFile(join(corpus, 'talks.pdf'), makePdf({ pages: PAGES, title: 'Talks to resume' }));
  });
  try {
    await settled(c);
    const opened = await c.call<ArticleDoc>('openArticle', 'talks.pdf');
    assert.ok(opened.ok, opened.ok ? '' : opened.error.message);
    assert.deepEqual(opened.value.source?.pages, [1, 2, 3], 'the page of each paragraph reaches the window');
    const onTwo = await gloss(c, 'talks.pdf', opened.value, 'would resume', 'Muscat');
    const across = await gloss(c, 'talks.pdf', opened.value, 'in Muscat', 'Observers expected');
    const text = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(text.ok);
    const plain = await gloss(c, 'a.txt', text.value, 'قال', 'المحادثات');

    const page = await c.call<{ rows: Quotation[] }>('queryQuotations', { filter: {} });
    assert.ok(page.ok, page.ok ? '' : page.error.message);
    const by = new Map(page.value.rows.map((q) => [q.id, q]));
    const cite = (id: string) => stripIsolates(by.get(id)!.citation);
    assert.equal(cite(onTwo.id), 'Hashiya tests, "Talks to resume", p. 2');
    assert.equal(cite(across.id), 'Hashiya tests, "Talks to resume", pp. 2–3');
    assert.match(cite(plain.id), /, para\. 2$/, 'a text article is still cited by paragraph');
    assert.deepEqual(by.get(onTwo.id)!.pages, { first: 2, last: 2 });
    console.log(`citations: ${cite(onTwo.id)} | ${cite(across.id)} | ${cite(plain.id)}`);

    const ids = [onTwo.id];
    const json = JSON.parse(new TextDecoder().decode(await exported(c, 'json', ids))) as unknown;
    assert.match(stripIsolates(JSON.stringify(json)), /"Talks to resume\\", p\. 2"/, 'JSON');
    const csv = parse(new TextDecoder().decode(await exported(c, 'csv', ids)), { columns: true, bom: true }) as Array<Record<string, string>>;
    assert.equal(stripIsolates(csv[0]!['Citation'] ?? ''), 'Hashiya tests, "Talks to resume", p. 2', 'CSV');
    const docx = strFromU8(unzipSync(await exported(c, 'docx', ids))['word/document.xml']!);
    assert.match(stripIsolates(docx.replace(/<[^>]+>/g, '')).replace(/\u00A0/g, ' '), /Talks to resume(&quot;|"), p\. 2/, 'DOCX');
    const html = new TextDecoder().decode(await exported(c, 'html', ids));
    assert.match(stripIsolates(html.replace(/<[^>]+>/g, '')), /Talks to resume(&quot;|"), p\. 2/, 'HTML');
    const md = new TextDecoder().decode(await exported(c, 'md', ids));
    assert.match(stripIsolates(md), /Talks to resume\\?", p\. 2/, 'Markdown');
    const xlsx = unzipSync(await exported(c, 'xlsx', ids));
    const cells = Object.entries(xlsx).filter(([n]) => n.startsWith('xl/')).map(([, b]) => strFromU8(b)).join('');
    assert.match(stripIsolates(cells), /Talks to resume(&quot;|"), p\. 2/, 'XLSX');
  } finally {
    await c.close();
  }
});

/** The CSV's rows by header, as a spreadsheet's import reads them. */
function csvRows(bytes: Uint8Array | string): Array<Record<string, string>> {
  return parse(typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes), { columns: true, bom: true }) as Array<Record<string, string>>;
}

/** `file` as LibreOffice Calc shows it, written back out as UTF-8 CSV. */
function throughCalc(dir: string, file: string, infilter?: string): string {
  const out = join(dir, 'calc');
  const args = [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', out, file];
  const r = spawnSync('soffice', args, { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: dir } });
  assert.equal(r.status, 0, `soffice failed: ${r.error?.message ?? ''} ${r.stderr}`);
  return join(out, file.split('/').pop()!.replace(/\.\w+$/, '.csv'));
}

test('the CSV and XLSX exports have a Page column last: 2 for a quotation on page 2 of a PDF, 2–3 across a page break, empty for a text article; every earlier column keeps its place', { timeout: 300_000 }, async () => {
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => {
    await writeFile(join(corpus, 'talks.pdf'), makePdf({ pages: PAGES, title: 'Talks to resume' }));
  });
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-page-'));
  try {
    await settled(c);
    const opened = await c.call<ArticleDoc>('openArticle', 'talks.pdf');
    assert.ok(opened.ok, opened.ok ? '' : opened.error.message);
    const onTwo = await gloss(c, 'talks.pdf', opened.value, 'would resume', 'Muscat');
    const across = await gloss(c, 'talks.pdf', opened.value, 'in Muscat', 'Observers expected');
    const text = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(text.ok);
    const plain = await gloss(c, 'a.txt', text.value, 'قال', 'المحادثات');
    const ids = [onTwo.id, across.id, plain.id];
    const expected = new Map([[onTwo.id, '2'], [across.id, '2–3'], [plain.id, '']]);

    const csvBytes = await exported(c, 'csv', ids);
    const header = new TextDecoder().decode(csvBytes).replace(/^\uFEFF/, '').split('\r\n')[0]!;
    assert.match(header, /^"Quote","Sentence","Gloss",.*"Paragraph","Start \(UTF-16\)","End \(UTF-16\)","Anchor","Created","ID","Page"$/, 'Page comes after every column older exports had');
    const csv = csvRows(csvBytes);
    assert.equal(csv.length, 3);
    for (const row of csv) assert.equal(row['Page'], expected.get(row['ID']!), `CSV Page of ${row['File']}`);

    const xlsxBytes = await exported(c, 'xlsx', ids);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsxBytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Quotations');
    assert.ok(sheet);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.equal(headers.at(-1), 'Page');
    const pageAt = headers.length;
    const idAt = headers.indexOf('ID') + 1;
    const cells = new Map<string, unknown>();
    sheet.eachRow((row, n) => {
      if (n > 1) cells.set(String(row.getCell(idAt).value), row.getCell(pageAt).value);
    });
    assert.equal(cells.get(onTwo.id), 2, 'one page is a number the sheet sorts and filters by');
    assert.equal(cells.get(across.id), '2–3');
    assert.ok(cells.get(plain.id) === '' || cells.get(plain.id) === null || cells.get(plain.id) === undefined, 'no page for a text article');

    if (NO_SOFFICE) {
      console.log(`LibreOffice check skipped: ${NO_SOFFICE}`);
      return;
    }
    // What Calc shows: a page number and a `2–3` range, as the files carry them.
    await writeFile(join(dir, 'quotations.csv'), csvBytes);
    await writeFile(join(dir, 'quotations.xlsx'), xlsxBytes);
    const fromCsv = csvRows(await readFile(throughCalc(dir, join(dir, 'quotations.csv'), 'Text - txt - csv (StarCalc):44,34,76,1'), 'utf8'));
    for (const row of fromCsv) assert.equal(row['Page'], expected.get(row['ID']!), `Calc reads the CSV's Page of ${row['File']}`);
    const fromXlsx = csvRows(await readFile(throughCalc(dir, join(dir, 'quotations.xlsx')), 'utf8'));
    for (const row of fromXlsx) assert.equal(row['Page'], expected.get(row['ID']!), `Calc reads the XLSX's Page of ${row['File']}`);
  } finally {
    await c.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the page of an offset comes from the paragraph it is in; a text whose paragraphs do not match the pages kept gets none rather than a wrong one', () => {
  const text = 'one\n\ntwo\n\nthree';
  const locate = pageLocator(text, [1, 1, 4]);
  assert.ok(locate);
  assert.equal(locate.pageAt(0), 1);
  assert.equal(locate.pageAt(text.indexOf('three') + 2), 4);
  assert.deepEqual(pageSpan(locate, text.indexOf('two'), text.length), { first: 1, last: 4 });
  assert.equal(formatPages({ first: 3, last: 4 }), 'pp. 3–4');
  assert.equal(pageLocator(text, [1, 2]), null, 'an older cache or a changed file');
  assert.equal(pageLocator(text, undefined), null);
  assert.equal(formatCitation({ outlet: null, headline: 'T', date: null, paragraph: 7, pages: { first: 3, last: 3 } }), '"T", p. 3');
  assert.equal(glueCitationTail('"T", p. 3'), '"T",\u00A0p.\u00A03');
  assert.equal(glueCitationTail('"T", pp. 3–4'), '"T",\u00A0pp.\u00A03–4');
});
