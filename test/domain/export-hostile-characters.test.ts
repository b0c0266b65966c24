// Exports of text that carries characters XML cannot hold (U+FFFE, U+FFFF, a lone surrogate,
// C0 controls) and bidi overrides (U+202E in a file name, a headline, a gloss, a quote). The
// office files must open and hold the words; no line of a text format may be left reordered
// by an override that the field opened and never closed; the data formats read back exactly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { EXPORT_FORMATS, exportQuotations } from '../../annotations/export/index';
import type { Annotation, Rendering } from '../../annotations/model/types';
import { buildQuotations, type Quotation } from '../../annotations/quotations/quotations';
import { exportBilingualHtml, exportMarkdown, exportPlainText } from '../../annotations/translation/translation-export';
import { exportTmx, importTmx, pairsFromRenderings } from '../../annotations/translation/tmx';
import { exportXliff } from '../../annotations/translation/xliff-writer';
import { importXliff } from '../../annotations/translation/xliff-reader';
import { balanceBidiControls, visibleBidiControls } from '../../corpus/text/control-characters';
import { splitParagraphs } from '../../corpus/text/paragraphs';

const RLO = '\u202E';
const FILE = `${RLO}gnp.exe`;
const HEADLINE = `خبر ${RLO}کاذب است`;
// Every character XML 1.0 forbids that a pasted gloss has been seen to carry, and an override.
const GLOSS = `Hostile gloss \uFFFE one \uFFFF two \uD800 three \u0001\u0007\u001B four ${RLO}reversed tail`;
const NOTE = `Note with ${RLO}override\nand a second line`;
const TEXT = ['خبر کاذب است', `او گفت: «سخن ${RLO}وارونه» و رفت.`].join('\n\n');
const QUOTE = `سخن ${RLO}وارونه`;

function hostileQuotations(): Quotation[] {
  const start = TEXT.indexOf(QUOTE);
  const end = start + QUOTE.length;
  const annotation: Annotation = {
    id: '00000000-0000-4000-8000-0000000000aa',
    analyst: 'Maryam',
    created: '2024-01-01T10:00:00.000Z',
    modified: '2024-01-01T10:00:00.000Z',
    target: { position: { start, end }, quote: { exact: QUOTE, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) } },
    anchor: { status: 'exact', score: 1 },
    tags: ['t'],
    gloss: GLOSS,
    note: NOTE,
  };
  const doc = {
    file: FILE,
    text: TEXT,
    language: 'fa' as const,
    paragraphs: splitParagraphs(TEXT, 'rtl').map((p) => ({ ...p, boilerplate: false })),
    annotations: [annotation],
    metadata: { headline: HEADLINE, outlet: 'ایسنا', date: { iso: '2021-09-13', original: '۲۲ شهریور ۱۴۰۰' } },
  };
  return buildQuotations([doc], [{ id: 't', name: `Tag ${RLO}x`, color: '#f00', shortcut: '1' }]);
}

/** Lines on which an embedding, override or isolate is opened and never closed (UAX #9 stack rules). */
function linesLeftOpen(text: string): string[] {
  return text.split(/\r\n|\r|\n|\u2029/).filter((line) => {
    const open: string[] = [];
    for (const ch of line) {
      if ('\u202A\u202B\u202D\u202E'.includes(ch)) open.push('e');
      else if ('\u2066\u2067\u2068'.includes(ch)) open.push('i');
      else if (ch === '\u202C' && open[open.length - 1] === 'e') open.pop();
      else if (ch === '\u2069' && open.includes('i')) open.splice(open.lastIndexOf('i'));
    }
    return open.length > 0;
  });
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function assertWellFormed(xml: string, what: string): void {
  assert.equal(XMLValidator.validate(xml), true, `${what} is not well-formed XML`);
  assert.ok(!FORBIDDEN.test(xml), `${what} carries a character XML forbids`);
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false, isArray: (name) => ['si', 'row', 'c', 'r', 'p', 'w:p', 'w:r', 'w:t'].includes(name) });

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object') return Object.entries(node).filter(([k]) => !k.startsWith('@')).map(([, v]) => textOf(v)).join('');
  return '';
}

const now = new Date('2024-02-03T00:00:00Z');

async function exported(format: (typeof EXPORT_FORMATS)[number]): Promise<Uint8Array> {
  return (await exportQuotations(hostileQuotations(), format, { now, groupBy: 'article', includeSentence: true, fonts: [] })).data;
}

const decoder = new TextDecoder();

test('a gloss with U+FFFE, U+FFFF, a lone surrogate and C0 controls still gives a DOCX whose document.xml is well-formed and holds the words', async () => {
  const zip = unzipSync(await exported('docx'));
  const xml = strFromU8(zip['word/document.xml']!);
  assertWellFormed(xml, 'word/document.xml');
  const paragraphs = (parser.parse(xml)['w:document']['w:body']['w:p'] as unknown[]).map(textOf);
  const all = paragraphs.join('\n');
  for (const word of ['Hostile gloss', 'one', 'two', 'three', 'four', 'reversed tail', 'gnp.exe']) assert.ok(all.includes(word), `"${word}" is in the report`);
  const open = paragraphs.filter((p) => linesLeftOpen(p).length > 0);
  console.log(`docx: ${paragraphs.length} paragraphs tried, ${paragraphs.length - open.length} held, ${open.length} left an override open`);
  assert.deepEqual(open, []);
});

test('a gloss with characters XML forbids still gives an XLSX whose cells hold the text (none empty)', async () => {
  const zip = unzipSync(await exported('xlsx'));
  const sheetXml = strFromU8(zip['xl/worksheets/sheet1.xml']!);
  const stringsXml = strFromU8(zip['xl/sharedStrings.xml']!);
  assertWellFormed(sheetXml, 'sheet1.xml');
  assertWellFormed(stringsXml, 'sharedStrings.xml');
  const strings = (parser.parse(stringsXml).sst.si as unknown[]).map(textOf);
  const rows = parser.parse(sheetXml).worksheet.sheetData.row as Array<{ c: Array<{ '@t'?: string; v?: unknown; is?: unknown }> }>;
  const cells = rows[1]!.c.map((c) => (c['@t'] === 's' ? strings[Number(textOf(c.v))]! : c['@t'] === 'inlineStr' ? textOf(c.is) : textOf(c.v)));
  const header = rows[0]!.c.map((c) => strings[Number(textOf(c.v))]!);
  const at = (name: string) => cells[header.indexOf(name)] ?? '';
  assert.match(at('Gloss'), /Hostile gloss .*one .*two .*three .*four .*reversed tail/);
  assert.ok(at('File').includes('gnp.exe'));
  assert.ok(at('Headline').includes('کاذب'));
  assert.ok(at('Quote').includes('وارونه'));
  const open = cells.filter((c) => linesLeftOpen(c).length > 0);
  console.log(`xlsx: ${cells.length} cells tried, ${cells.filter((c) => c !== '').length} hold text, ${open.length} left an override open`);
  assert.deepEqual(open, []);
});

test('no line of the CSV, Markdown or HTML report is left reversed by an override in a file name, headline, gloss or quote', async () => {
  for (const format of ['csv', 'md', 'html'] as const) {
    const text = decoder.decode(await exported(format));
    const lines = text.split(/\r\n|\n/);
    const open = linesLeftOpen(text);
    console.log(`${format}: ${lines.length} lines tried, ${lines.length - open.length} held, ${open.length} left an override open`);
    assert.deepEqual(open, [], `${format}: lines with an override left open`);
    // The words are all still there.
    for (const word of ['Hostile gloss', 'gnp.exe', 'وارونه', 'کاذب']) assert.ok(text.includes(word), `${format} holds "${word}"`);
  }
});

test('the JSON and JSON-LD exports read back exactly and show every override as an escape, not as a line drawn backwards', async () => {
  for (const format of ['json', 'jsonld'] as const) {
    const raw = decoder.decode(await exported(format));
    assert.ok(!/[\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/.test(raw), `${format}: no raw bidi control or noncharacter in the file`);
    assert.deepEqual(linesLeftOpen(raw), []);
    const data = JSON.parse(raw);
    const text = JSON.stringify(data);
    // Exact data: the gloss, the quote and the file name come back with every character.
    assert.ok(text.includes(JSON.stringify(QUOTE).slice(1, -1)), `${format}: exact quote kept`);
    assert.ok(text.includes(JSON.stringify(FILE.slice(1)).slice(1, -1)));
    if (format === 'json') {
      assert.equal(data.quotations[0].gloss, GLOSS);
      assert.equal(data.quotations[0].file, FILE);
      assert.equal(data.quotations[0].quote, QUOTE);
    } else {
      assert.equal(data.first.items[0].body[0].value, GLOSS);
      assert.equal(data.first.items[0].target.selector[0].exact, QUOTE);
    }
  }
});

const renderings: Rendering[] = (() => {
  const start = TEXT.indexOf('او گفت');
  return [
    { start: 0, end: 'خبر کاذب است'.length, text: `Fake news ${RLO}is here \uFFFE\u0001`, status: 'reviewed', analyst: 'Sara', modified: '2024-05-01T10:00:00.000Z' },
    { start, end: TEXT.length, text: `He said ${RLO}backwards words and left \uFFFF\uDC00.`, status: 'reviewed', analyst: 'Sara', modified: '2024-05-01T10:00:00.000Z' },
  ];
})();

test('the translation exports (text, Markdown, bilingual HTML) leave no override open past its paragraph', () => {
  const draft = { text: TEXT, renderings, notForTranslation: new Set<number>() };
  const outputs = { text: exportPlainText(draft), md: exportMarkdown(draft, { title: `Title ${RLO}x` }), html: exportBilingualHtml(draft, { title: `Title ${RLO}x` }) };
  for (const [name, out] of Object.entries(outputs)) {
    const lines = out.split('\n');
    const open = linesLeftOpen(out);
    console.log(`translation ${name}: ${lines.length} lines tried, ${lines.length - open.length} held, ${open.length} left an override open`);
    assert.deepEqual(open, [], name);
    assert.ok(out.includes('backwards words'));
  }
});

test('XLIFF and TMX stay well-formed, show each override as a character reference, and read back the exact text', () => {
  const xliff = exportXliff({ file: FILE, text: TEXT, renderings, notForTranslation: new Set<number>(), srcLang: 'fa' });
  assertWellFormed(xliff, 'XLIFF');
  assert.deepEqual(linesLeftOpen(xliff), []);
  const back = importXliff(xliff, { text: TEXT });
  assert.equal(back.original, FILE);
  assert.ok(back.renderings.some((r) => r.text.startsWith(`He said ${RLO}backwards`)), 'the override is kept in the data');

  const tmx = exportTmx({ srcLang: 'fa', trgLang: 'en', pairs: pairsFromRenderings(TEXT, renderings, FILE), created: now });
  assertWellFormed(tmx, 'TMX');
  assert.deepEqual(linesLeftOpen(tmx), []);
  const units = importTmx(tmx).units;
  assert.equal(units[0]!.props['x-hashiya-origin'], `${FILE}#0-12`);
  assert.ok(units[1]!.variants.en!.startsWith(`He said ${RLO}backwards`));
  console.log(`xliff+tmx: 2 documents tried, 2 held (well-formed, no override open on any line), 0 lost`);
});

test('the character rules: an override is closed at the end of its line, a stray closer dropped, Persian left alone', () => {
  assert.equal(balanceBidiControls(`${RLO}abc`), `${RLO}abc\u202C`);
  assert.equal(balanceBidiControls(`a${RLO}b\nc`), `a${RLO}b\u202C\nc`);
  assert.equal(balanceBidiControls('x\u202Cy\u2069z'), 'xyz');
  assert.equal(balanceBidiControls('\u2067a\u202Eb\u2069c'), '\u2067a\u202Eb\u202C\u2069c');
  const persian = 'رئیس‌جمهور گفت: «ایران»';
  assert.equal(balanceBidiControls(persian), persian);
  assert.deepEqual(visibleBidiControls(FILE), [{ control: 'RLO', codePoint: 'U+202E' }, { text: 'gnp.exe' }]);
});

const missing = ['soffice'].filter((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status !== 0);
const skipOffice = missing.length > 0 ? 'LibreOffice not installed (soffice missing): apt-get install libreoffice-writer-nogui libreoffice-calc-nogui' : false;
let dir = '';
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('LibreOffice opens the hostile DOCX and XLSX and reads the gloss out of them', { skip: skipOffice, timeout: 300_000 }, async () => {
  dir = await mkdtemp(join(tmpdir(), 'hashiya-hostile-lo-'));
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  let held = 0;
  for (const [format, target] of [
    ['docx', 'txt:Text (encoded):UTF8'],
    ['xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76'],
  ] as const) {
    const input = join(dir, `hostile.${format}`);
    await writeFile(input, await exported(format));
    const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', join(dir, 'out'), input], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: dir } });
    assert.equal(r.status, 0, `soffice failed on the ${format}: ${r.stderr}`);
    const out = await readFile(join(dir, 'out', `hostile.${format === 'docx' ? 'txt' : 'csv'}`), 'utf8').catch(() => '');
    assert.match(out, /Hostile gloss/, `LibreOffice read the gloss out of the ${format}`);
    held++;
  }
  console.log(`libreoffice: 2 files tried, ${held} opened with the gloss, ${2 - held} lost`);
});
