import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { stripIsolates } from '../../annotations/export/bidi';
import { exportQuotations, type ExportOptions } from '../../annotations/export/index';
import { fixtureQuotations } from './quotation-fixtures';

interface Run {
  text: string;
  rtl: boolean;
  csFont: string | undefined;
  bidiLang: string | undefined;
}
interface Para {
  style: string | undefined;
  bidi: boolean;
  runs: Run[];
  text: string;
}

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['w:p', 'w:r', 'w:t'].includes(name),
});

function textOf(t: unknown): string {
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && '#text' in t) return String((t as Node)['#text']);
  return '';
}

/** word/document.xml as paragraphs with their bidi flag and runs (text, w:rtl, w:rFonts/@w:cs). */
async function readDocx(options: ExportOptions = {}): Promise<{ paras: Para[]; zip: Record<string, Uint8Array> }> {
  const result = await exportQuotations(fixtureQuotations(), 'docx', { now: new Date('2024-02-03T00:00:00Z'), ...options });
  assert.equal(result.extension, 'docx');
  assert.equal(result.mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const zip = unzipSync(result.data);
  const doc = parser.parse(strFromU8(zip['word/document.xml']!));
  const paras = (doc['w:document']['w:body']['w:p'] as Node[]).map((p) => {
    const pPr = (p['w:pPr'] ?? {}) as Node;
    const runs = ((p['w:r'] ?? []) as Node[]).map((r) => {
      const rPr = (r['w:rPr'] ?? {}) as Node;
      return {
        text: ((r['w:t'] ?? []) as unknown[]).map(textOf).join(''),
        rtl: 'w:rtl' in rPr,
        csFont: (rPr['w:rFonts'] as Node | undefined)?.['@w:cs'] as string | undefined,
        bidiLang: (rPr['w:lang'] as Node | undefined)?.['@w:bidi'] as string | undefined,
      };
    });
    return { style: (pPr['w:pStyle'] as Node | undefined)?.['@w:val'] as string | undefined, bidi: 'w:bidi' in pPr, runs, text: runs.map((r) => r.text).join('') };
  });
  return { paras, zip };
}

test('each quote is a right-to-left paragraph of right-to-left runs in a Persian or Arabic font', async () => {
  const { paras } = await readDocx();
  for (const q of fixtureQuotations()) {
    const p = paras.find((x) => x.text === q.quote && x.runs.length === 1 && x.style === undefined);
    assert.ok(p, `quote paragraph for ${q.quote}`);
    assert.equal(p.bidi, true, 'w:bidi on the paragraph');
    assert.equal(p.runs[0]!.rtl, true, 'w:rtl on the run');
    assert.equal(p.runs[0]!.csFont, q.language === 'ar' ? 'Noto Naskh Arabic' : 'Vazirmatn');
    assert.equal(p.runs[0]!.bidiLang, q.language === 'ar' ? 'ar-SA' : 'fa-IR');
  }
});

test('the English gloss follows its quote, then tags, note and the citation', async () => {
  const { paras } = await readDocx();
  const q = fixtureQuotations().find((x) => x.quote === 'ایران از هیچ کمکی دریغ نمی‌کند')!;
  const at = paras.findIndex((x) => x.text === q.quote && x.bidi);
  const after = paras.slice(at + 1, at + 7).map((p) => p.text);
  assert.equal(after[0], q.sentence, 'the sentence around the quote');
  assert.equal(after[1], 'Iran spares no help <script>alert(1)</script>', 'the gloss, as text');
  assert.equal(after[2], 'Tags: Statement');
  assert.equal(after[3], 'Note: =HYPERLINK("http://evil")');
  assert.equal(stripIsolates(after[4]!).replaceAll('\u200E', '').replaceAll('\u00A0', ' '), `— ${stripIsolates(q.citation)}`);
  assert.ok(after[4]!.includes('13\u00A0Sep\u00A02021\u00A0(22\u00A0Shahrivar\u00A01400),\u00A0para.\u00A03'), 'no-break spaces hold the date and `para. N` together');
  assert.equal((after[4]!.match(/\u200E/g) ?? []).length, 2, 'a left-to-right mark after each Persian part keeps the date on the English side');
  const citation = paras[at + 5]!;
  const rtlParts = citation.runs.filter((r) => r.rtl).map((r) => r.text);
  // Each inside its own isolate characters, so a quote mark at a headline's end stays with it (LibreOffice, Word).
  assert.deepEqual(rtlParts, ['\u2068ایسنا\u2069', '\u2068رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول است\u2069'], 'the Persian parts of the citation are isolated RTL runs');
  assert.ok(citation.runs.some((r) => !r.rtl && r.text.replaceAll('\u00A0', ' ').includes('13 Sep 2021 (22 Shahrivar 1400), para. 3')));
  assert.equal(citation.bidi, false, 'the citation line itself is English');
});

test('the report is grouped by article by default, and by tag on request', async () => {
  const byArticle = (await readDocx()).paras.filter((p) => p.style === 'Heading1').map((p) => p.text);
  assert.deepEqual(byArticle, ['رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول است', 'روحاني يؤكد للكاظمي دعم إيران للعراق']);
  const { paras } = await readDocx({ groupBy: 'tag' });
  const headings = paras.filter((p) => p.style === 'Heading1');
  assert.deepEqual(
    headings.map((p) => p.text),
    ['Person', 'Statement', 'Threat'],
  );
  // A quotation with two tags appears under each.
  const twice = paras.filter((p) => p.text === 'امنیت منطقه ۱۴۰۰ بار مهم‌تر' && p.bidi);
  assert.equal(twice.length, 2);
  const none = (await readDocx({ groupBy: 'none' })).paras.filter((p) => p.style === 'Heading1');
  assert.equal(none.length, 0);
});

test('the Persian and Arabic text is in the document as Unicode text, not images or escapes', async () => {
  const { zip } = await readDocx();
  const xml = strFromU8(zip['word/document.xml']!);
  assert.ok(xml.includes('ایران از هیچ کمکی دریغ نمی‌کند'));
  assert.ok(xml.includes('دعم طهران للعراق'));
  assert.ok(xml.includes('&lt;script&gt;'), 'the gloss markup is XML-escaped');
  assert.ok(!xml.includes('<script>'));
});

test('the sentence can be left out of the report', async () => {
  const { paras } = await readDocx({ includeSentence: false });
  const q = fixtureQuotations().find((x) => x.quote === 'ایران از هیچ کمکی دریغ نمی‌کند')!;
  assert.ok(!paras.some((p) => p.text === q.sentence));
});
