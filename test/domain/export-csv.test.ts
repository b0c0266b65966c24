import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { neutraliseFormula } from '../../annotations/export/csv';
import { exportQuotations } from '../../annotations/export/index';
import { fixtureQuotations } from './quotation-fixtures';

const NOW = new Date('2024-02-03T04:05:06Z');

async function csvOf(options: { includeSentence?: boolean } = {}) {
  const result = await exportQuotations(fixtureQuotations(), 'csv', { now: NOW, ...options });
  return { result, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(result.data) };
}

test('the CSV starts with a UTF-8 BOM, ends records with CRLF and names itself for the user', async () => {
  const { result, text } = await csvOf();
  assert.deepEqual([...result.data.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(result.mime, 'text/csv;charset=utf-8');
  assert.equal(result.extension, 'csv');
  assert.equal(result.suggestedName, 'quotations-2024-02-03.csv');
  assert.ok(text.endsWith('"\r\n'));
  // Every line break between records is CRLF (a quote's own line breaks sit inside quotes).
  const records = parse(text.slice(1), { bom: false, record_delimiter: '\r\n' }) as string[][];
  assert.equal(records.length, 6);
});

test('every field is quoted, numbers and empty cells too', async () => {
  const { text } = await csvOf();
  const header = text.slice(1).split('\r\n')[0]!;
  assert.match(header, /^"Quote","Sentence","Gloss","Note","Tags",/);
  const line = text.slice(1).split('\r\n')[1]!;
  // Parse the raw line by hand: a quoted field is "…" with "" inside; fields are joined by commas.
  assert.match(line, /^("([^"]|"")*")(,"([^"]|"")*")*$/);
});

test('a CSV parser reads back the exact Persian and Arabic quotes, glosses, tags, dates and citation', async () => {
  const { text } = await csvOf();
  const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
  const quotations = fixtureQuotations();
  assert.equal(rows.length, quotations.length);
  rows.forEach((row, i) => {
    const q = quotations[i]!;
    assert.equal(row.Quote, q.quote);
    assert.equal(row.Sentence, q.sentence);
    assert.equal(row.Gloss, q.gloss);
    assert.equal(row.Tags, q.tagNames.join('; '));
    assert.equal(row.Analyst, q.analyst);
    assert.equal(row.Headline, q.headline);
    assert.equal(row['Date (original)'], q.date?.original ?? '');
    assert.equal(row['Date (ISO)'], q.date?.iso ?? '');
    assert.equal(row.Citation, q.citation);
    assert.equal(row.File, q.file);
    assert.equal(row['Start (UTF-16)'], String(q.start));
    assert.equal(row['End (UTF-16)'], String(q.end));
    assert.equal(row.Paragraph, q.paragraph === null ? '' : String(q.paragraph));
  });
  const first = rows.find((r) => r.Quote === 'ایران از هیچ کمکی دریغ نمی‌کند')!;
  assert.equal(first.Citation, `Iranian Students' News Agency (\u2068ایسنا\u2069), "\u2068رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول است\u2069", 13 Sep 2021 (22 Shahrivar 1400), para. 3`);
  assert.ok(rows.some((r) => r.Gloss === 'Regional security matters "1400 times" more'), 'embedded quotes survive');
});

test('cells that a spreadsheet would run as a formula are neutralised with an apostrophe', async () => {
  const { text } = await csvOf();
  const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
  const notes = rows.map((r) => r.Note);
  assert.ok(notes.includes(`'=HYPERLINK("http://evil")`));
  assert.ok(notes.includes("'+1 check"));
  assert.ok(notes.includes("'@mention"));
  assert.ok(notes.includes("'-minus first"));
  for (const cell of rows.flatMap((r) => Object.values(r))) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
  assert.equal(neutraliseFormula('\tcmd'), "'\tcmd");
  assert.equal(neutraliseFormula('\r=1'), "'\r=1");
  assert.equal(neutraliseFormula('safe = text'), 'safe = text');
  assert.equal(neutraliseFormula('ایران'), 'ایران');
});

test('the sentence column can be left out', async () => {
  const { text } = await csvOf({ includeSentence: false });
  const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.ok(!('Sentence' in rows[0]!));
  assert.deepEqual(
    rows.map((r) => r.Quote),
    fixtureQuotations().map((q) => q.quote),
  );
});
