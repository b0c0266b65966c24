import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { exportQuotations } from '../../annotations/export/index';
import { fixtureQuotations } from './quotation-fixtures';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['si', 'row', 'c', 'xf', 'font', 'r'].includes(name),
});

interface Cell {
  ref: string;
  text: string;
  style: { horizontal?: string; readingOrder?: string; font?: string };
}

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String((node as { '#text': unknown })['#text']);
  return '';
}

/** The sheet as rows of cells, with the shared strings resolved and each cell's style looked up. */
async function readSheet(): Promise<Cell[][]> {
  const result = await exportQuotations(fixtureQuotations(), 'xlsx', { now: new Date('2024-02-03T00:00:00Z') });
  assert.equal(result.extension, 'xlsx');
  assert.equal(result.mime, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const zip = unzipSync(result.data);
  const xml = (name: string) => parser.parse(strFromU8(zip[name]!));
  const strings = (xml('xl/sharedStrings.xml').sst.si as Array<{ t?: unknown; r?: Array<{ t: unknown }> }>).map((si) => (si.t !== undefined ? textOf(si.t) : (si.r ?? []).map((r) => textOf(r.t)).join('')));
  const styles = xml('xl/styles.xml').styleSheet;
  const fonts = (styles.fonts.font as Array<{ name?: { '@val': string } }>).map((f) => f.name?.['@val']);
  const xfs = styles.cellXfs.xf as Array<{ '@fontId': string; alignment?: Record<string, string> }>;
  const rows = xml('xl/worksheets/sheet1.xml').worksheet.sheetData.row as Array<{ c: Array<{ '@r': string; '@s'?: string; '@t'?: string; v?: unknown; is?: { t: unknown } }> }>;
  return rows.map((row) =>
    row.c.map((c) => {
      const xf = xfs[Number(c['@s'] ?? 0)]!;
      const raw = c['@t'] === 's' ? strings[Number(textOf(c.v))]! : c['@t'] === 'inlineStr' ? textOf(c.is?.t) : textOf(c.v);
      return {
        ref: c['@r'],
        text: raw,
        style: { horizontal: xf.alignment?.['@horizontal'], readingOrder: xf.alignment?.['@readingOrder'], font: fonts[Number(xf['@fontId'])] },
      };
    }),
  );
}

function column(rows: Cell[][], header: string): Cell[] {
  const i = rows[0]!.findIndex((c) => c.text === header);
  assert.ok(i >= 0, `no column ${header}`);
  return rows.slice(1).map((r) => r[i]!);
}

test('the XLSX has a header row and one row per quotation with the exact quote text', async () => {
  const rows = await readSheet();
  assert.deepEqual(
    rows[0]!.slice(0, 6).map((c) => c.text),
    ['Quote', 'Sentence', 'Gloss', 'Note', 'Tags', 'Analyst'],
  );
  assert.equal(rows.length, 1 + fixtureQuotations().length);
  assert.deepEqual(
    column(rows, 'Quote').map((c) => c.text),
    fixtureQuotations().map((q) => q.quote),
  );
  assert.deepEqual(
    column(rows, 'Citation').map((c) => c.text),
    fixtureQuotations().map((q) => q.citation),
  );
});

test('Persian and Arabic cells are right-to-left and right-aligned in a font with Arabic script; English cells are not', async () => {
  const rows = await readSheet();
  for (const header of ['Quote', 'Sentence', 'Headline']) {
    for (const cell of column(rows, header)) {
      assert.equal(cell.style.readingOrder, '2', `${header} ${cell.ref} reading order rtl`);
      assert.equal(cell.style.horizontal, 'right', `${header} ${cell.ref} aligned right`);
      assert.equal(cell.style.font, 'Arial');
    }
  }
  for (const cell of column(rows, 'Gloss')) assert.equal(cell.style.readingOrder, '1', `${cell.ref} gloss is ltr`);
});

test('a formula-like note is stored as text, never as a formula', async () => {
  const rows = await readSheet();
  assert.ok(column(rows, 'Note').some((c) => c.text === '=HYPERLINK("http://evil")'));
  // No cell anywhere carries an <f> formula element.
  const result = await exportQuotations(fixtureQuotations(), 'xlsx');
  const sheet = strFromU8(unzipSync(result.data)['xl/worksheets/sheet1.xml']!);
  assert.ok(!sheet.includes('<f>'));
});
