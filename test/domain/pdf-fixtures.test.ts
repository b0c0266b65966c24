// Real right-to-left PDFs from other projects' test suites (test/fixtures/pdf/README.md names
// each one's trap) read as articles: the words a person reads on the page come out, in order,
// with no presentation forms left; a calligraphy sheet with no usable text layer is named as
// needing OCR. The expected words were read off the rendered pages, not from this extractor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { extractPdf, NEEDS_OCR } from '../../corpus/extract/pdf/extract-pdf';
import { hasPresentationForms } from '../../corpus/extract/pdf/arabic-letters';
import { foldKey } from '../../corpus/text/normalise';
import { ExtractionError } from '../../corpus/extract/types';

const read = (name: string) => readFile(new URL(`../fixtures/pdf/${name}`, import.meta.url));

/** Each phrase, after the search fold, found in the text after the previous one. */
function inOrder(text: string, phrases: readonly string[]): string[] {
  const key = foldKey(text);
  const missing: string[] = [];
  let from = 0;
  for (const p of phrases) {
    const at = key.indexOf(foldKey(p), from);
    if (at < 0) missing.push(p);
    else from = at + foldKey(p).length;
  }
  return missing;
}

const CASES: { file: string; words: string[]; pages?: number }[] = [
  { file: 'ar_pdfjs_issue5677.pdf', words: ['عذراً.', 'إشترى', 'ماذا؟', 'السّيّدة'] },
  { file: 'ar_jspdf_arabic-3lines-right.pdf', words: ['إذا لم تستح فاصنع ما شئت', 'إذا لم تستح', 'فاصنع ما شئت'] },
  {
    file: 'ar_tabula_arabic.pdf',
    words: ['اسمي سلطان', 'مرحباً', 'من اين انت؟', 'انا من ولاية كارولينا الشمال', 'عندي 47 قطط', '1234', 'اسمي Jeremy في الانجليزية', 'هل انت شباك؟', 'Jeremy is جرمي in Arabic'],
  },
  // The title's own letters are swapped in the file's Unicode map (الانتخاابت الترشيعية), so it is not asked for.
  { file: 'ar_tabula_mednine.pdf', words: ['ورقة كشف نتائج دائرة مدنين', 'توزيع الأصوات', 'قائمة من أجل تحقيق سلطة الشعب', 'قائمة حزب التحالف الديمقراطي', 'قائمة حركة الشعب'], pages: 4 },
  {
    file: 'ar_fpdf2_bidi_arabic_lorem_ipsum.pdf',
    words: ['ما فائدته ؟', 'هناك حقيقة مثبتة منذ زمن طويل وهي أن المحتوى المقروء لصفحة ما سيلهي القارئ عن التركيز', 'العبارات الفكاهية إليها.', 'ما أصله ؟', 'خلافاً للإعتقاد السائد'],
    pages: 2,
  },
  { file: 'ar_pdfbox_BidiSample.pdf', words: ['العربية', 'الختبار', '١٤ إبريل ١٤٣٤', '(يناير)', 'A line with an Arabic العربية word embedded.'] },
  // The second word comes out اخلطوط: a lam-khah ligature reversed, which no spelling rule can tell from a real word.
  { file: 'ar_pdfjs_ArabicCIDTrueType.pdf', words: ['انواع', 'العربية', 'انواع', 'العربية', 'انواع', 'العربية'] },
  { file: 'fa_purepersian.pdf', words: ['گنجینهٔ واژه‌های فارسی', 'پیش‌گفتار'.replace('‌', ' '), 'زبان فارسی زنده و پویا، پر از واژه‌های زیبا و خالص است.'] },
];

for (const c of CASES) {
  test(`${c.file}: the words a person reads on the page come out in order, with no presentation forms left`, async () => {
    const pdf = await extractPdf(await read(c.file));
    const left = hasPresentationForms(pdf.text);
    console.log(`${c.file}: ${pdf.text.length} characters, ${pdf.meta.pages.length} paragraphs, presentation forms left: ${left ? 'yes' : 'none'}; starts "${pdf.text.slice(0, 80).replace(/\n/g, ' ⏎ ')}"`);
    assert.equal(left, false);
    assert.deepEqual(inOrder(pdf.text, c.words), [], 'every phrase found, in order');
    assert.equal(pdf.text.split('\n\n').length, pdf.meta.pages.length, 'one page number per paragraph');
    if (c.pages) assert.equal(Math.max(...pdf.meta.pages), c.pages, 'paragraphs on every page');
  });
}

test("a Persian word list's page numbers and no running lines reach the text, and a paragraph knows the page it is on", async () => {
  const pdf = await extractPdf(await read('fa_purepersian.pdf'));
  const paragraphs = pdf.text.split('\n\n');
  assert.ok(!paragraphs.some((p) => /^[۰-۹\d]+$/.test(p.trim())), 'no paragraph is a lone page number');
  const preface = paragraphs.findIndex((p) => p.startsWith('زبان فارسی زنده'));
  assert.ok(preface > 0);
  assert.equal(pdf.meta.pages[preface], 2, 'the preface is on page 2');
  assert.ok(pdf.meta.saved?.startsWith('2025-12-23'), `creation date ${pdf.meta.saved}`);
});

test('a Thuluth calligraphy sheet whose fonts map to no letters is named as needing OCR, not read as garbage', async () => {
  await assert.rejects(extractPdf(await read('ar_pdfjs_ThuluthFeatures.pdf')), (e: unknown) => e instanceof ExtractionError && e.message === NEEDS_OCR);
});
