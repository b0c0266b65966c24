// Newspaper and journal pages set in columns (issue 24, item 2) are read one column after the
// other: a Persian or Arabic page's rightmost column first, an English page's leftmost, with a
// headline across the page first. A table's rows, and a page of one column, stay as they were.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPdf } from '../../corpus/extract/pdf/extract-pdf';
import { columnLayout, pageLines } from '../../corpus/extract/pdf/columns';
import { itemsToLines, type TextItem } from '../../corpus/extract/pdf/lines';
import { linesToParagraphs } from '../../corpus/extract/pdf/paragraphs';
import { columnPdfs, columnsFodt, hasSoffice, NO_SOFFICE, readSample, tableFodt, wordsInOrder, type ColumnPage } from '../fixtures/pdf/columns-pdf';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hashiya-pdf-columns-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const PAGES: Record<string, { sample: string; page: Omit<ColumnPage, 'text'> }> = {
  'fa-2-columns': { sample: '000_4b15f26e11b27dea.txt', page: { columns: 2, dir: 'rtl' } },
  'fa-3-columns': { sample: '004_df093c946d86f816.txt', page: { columns: 3, dir: 'rtl' } },
  // Arabic aligned to the right, not justified: see `align` in columns-pdf.ts.
  'ar-3-columns': { sample: '002_b7e8f03d4cd73c5b.txt', page: { columns: 3, dir: 'rtl', align: 'start' } },
  'ar-2-columns-2-pages': { sample: '002_b7e8f03d4cd73c5b.txt', page: { columns: 2, dir: 'rtl', size: 16, align: 'start' } },
  'en-2-columns': { sample: '000_4b15f26e11b27dea.en.txt', page: { columns: 2, dir: 'ltr' } },
};

test('an article set in two or three columns, Persian and Arabic right to left and English left to right, gives back every word in order, the headline first', { skip: hasSoffice ? false : NO_SOFFICE, timeout: 300_000 }, async () => {
  const texts = Object.fromEntries(await Promise.all(Object.entries(PAGES).map(async ([k, v]) => [k, await readSample(v.sample)] as const)));
  const pdfs = await columnPdfs(dir, Object.fromEntries(Object.entries(PAGES).map(([k, v]) => [k, columnsFodt({ ...v.page, text: texts[k]! })])));
  for (const key of Object.keys(PAGES)) {
    const original = texts[key]!;
    const pdf = await extractPdf(await readFile(pdfs[key]!));
    const strict = wordsInOrder(original, pdf.text, 3);
    console.log(`${key}: ${strict.found}/${strict.total} words back in order, ${pdf.meta.pages.length} paragraphs (the article has ${original.split('\n').filter((l) => l.trim()).length}) on ${Math.max(...pdf.meta.pages)} page(s)${strict.firstMissing.length ? `; missing: ${strict.firstMissing.join(' ')}` : ''}`);
    assert.equal(strict.found, strict.total, `${key}: every word back in order`);
    const headline = original.split('\n')[0]!.trim();
    assert.ok(pdf.text.startsWith(headline.split(/\s+/)[0]!), `${key}: the headline comes first`);
    if (key.includes('2-pages')) assert.equal(Math.max(...pdf.meta.pages), 2, 'the article runs on to the second page');
  }
});

const item = (str: string, x: number, y: number, width: number, size = 10): TextItem => ({ str, x, y, width, size });

/** A page of made-up lines: `columns` blocks of full lines 200 units wide, side by side 20 apart, under a headline across them. */
function columnItems(columns: number, rows: number, word: (column: number, row: number) => string): TextItem[] {
  const items: TextItem[] = [item('Headline across the page', 50, 800, 200 * columns, 20)];
  for (let c = 0; c < columns; c++) for (let r = 0; r < rows; r++) items.push(item(word(c, r), 50 + c * 220, 760 - r * 12, r === rows - 1 ? 120 : 200));
  return items;
}

test('a right-to-left page is read rightmost column first and a left-to-right page leftmost first, the headline across them first and a page number in the gutter last', () => {
  const rtl = pageLines([...columnItems(2, 5, (c, r) => `ستون${c} سطر${r}`), item('۷', 255, 640, 10)]).map((l) => l.text);
  assert.deepEqual(rtl, ['Headline across the page', ...[0, 1, 2, 3, 4].map((r) => `ستون1 سطر${r}`), ...[0, 1, 2, 3, 4].map((r) => `ستون0 سطر${r}`), '۷']);
  const ltr = pageLines(columnItems(3, 5, (c, r) => `column${c} line${r}`)).map((l) => l.text);
  assert.deepEqual(ltr.slice(0, 6), ['Headline across the page', 'column0 line0', 'column0 line1', 'column0 line2', 'column0 line3', 'column0 line4']);
});

test("a column's short last line ends its paragraph, and a full one continues it in the next column", () => {
  const lines = pageLines(columnItems(2, 5, (c, r) => `c${c}r${r}`).map((i) => (i.str === 'c0r4' ? { ...i, width: 200 } : i)));
  const paragraphs = linesToParagraphs([lines]).map((p) => p.text);
  assert.deepEqual(paragraphs, ['Headline across the page', 'c0r0 c0r1 c0r2 c0r3 c0r4 c1r0 c1r1 c1r2 c1r3 c1r4']);
});

test('a table of short cells in aligned rows is not columns: its rows are read across, as before', () => {
  // Four columns of one-word cells (a figure, a name), rows 12 apart: gutters, but ragged cells.
  const cells: TextItem[] = [];
  for (let r = 0; r < 8; r++) for (let c = 0; c < 4; c++) cells.push(item(c === 0 ? `name${r}` : `${r * 10 + c}`, 50 + c * 120, 700 - r * 12, c === 0 ? 40 + (r % 3) * 15 : 15));
  assert.equal(columnLayout(cells), null);
  assert.deepEqual(pageLines(cells), itemsToLines(cells));
});

test('a page of one column, justified or ragged, comes out exactly as it did before columns were read', () => {
  const page = Array.from({ length: 20 }, (_, r) => item(`line ${r} of a single column of running text`, 50 + (r % 2) * 4, 700 - r * 12, r % 5 === 4 ? 180 : 450));
  assert.equal(columnLayout(page), null);
  assert.deepEqual(pageLines(page), itemsToLines(page));
});

test("a ragged column's line that stops short only because the next word did not fit stays in its paragraph; one with room for that word ends it", () => {
  const word = (c: number, r: number) => (r === 2 ? `kilometres${c}${r} of road` : `c${c}r${r} x`);
  const items = columnItems(2, 5, word).map((i) => (i.str === 'c0r1 x' ? { ...i, width: 170 } : i.str === 'c1r1 x' ? { ...i, width: 40 } : i));
  // c0r1 is 30 short, less than the next line's first word (about 130 wide); c1r1 is 160 short, room for it.
  const paragraphs = linesToParagraphs([pageLines(items)]).map((p) => p.text);
  assert.deepEqual(paragraphs, ['Headline across the page', 'c0r0 x c0r1 x kilometres02 of road c0r3 x c0r4 x', 'c1r0 x c1r1 x', 'kilometres12 of road c1r3 x c1r4 x']);
});

test('a results table made by LibreOffice (a name and three figures a row, right to left) is read a row at a time, not a column at a time', { skip: hasSoffice ? false : NO_SOFFICE, timeout: 300_000 }, async () => {
  const names = ['حزب التحالف الديمقراطي', 'حركة الشعب', 'قائمة الأمل', 'التيار الديمقراطي', 'قائمة الوفاء', 'حزب العمال', 'قائمة المستقبل', 'حركة النهضة'];
  const rows = [['القائمة', 'الأصوات', 'النسبة', 'المقاعد'], ...names.map((n, i) => [n, `${1200 + i * 37}`, `${(12.5 - i).toFixed(1)}%`, `${8 - i}`])];
  const { table } = await columnPdfs(dir, { table: tableFodt(rows) });
  const pdf = await extractPdf(await readFile(table!));
  const lines = pdf.text.split(/\n+/);
  console.log(`table: ${lines.length} lines; first rows: ${lines.slice(0, 3).join(' | ')}`);
  for (const r of rows) assert.ok(pdf.text.includes(r[0]!), `${r[0]} is there`);
  // Each row's cells follow each other: the name, then its figures, before the next name.
  names.forEach((n, i) => {
    const at = pdf.text.indexOf(n);
    const next = i + 1 < names.length ? pdf.text.indexOf(names[i + 1]!) : pdf.text.length;
    assert.ok(pdf.text.slice(at, next).includes(`${1200 + i * 37}`), `${n}: its figures follow it (${pdf.text.slice(at, next)})`);
  });
});
