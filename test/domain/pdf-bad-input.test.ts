// PDFs that must not hurt the person who opens a folder: a document script is never run, a
// password, damage or an oversized document is named with a plain reason, and a 300-page
// report is read page by page with memory to spare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractPdf, hasTextLayer, MAX_PDF_PAGES, pageList } from '../../corpus/extract/pdf/extract-pdf';
import { ExtractionError } from '../../corpus/extract/types';
import { makePdf } from '../fixtures/pdf/make-pdf';

const reason = (pattern: RegExp) => (e: unknown) => e instanceof ExtractionError && pattern.test(e.message);

test("a PDF that asks to run a script when opened gives its text, its title and author, and the script never runs", async () => {
  const flag = '__hashiyaPdfScriptRan';
  const pdf = await extractPdf(makePdf({ pages: [['A short statement', 'signed by the office']], title: 'Statement', openScript: `globalThis.${flag} = 1; app.alert('ran');` }));
  assert.equal(pdf.text, 'A short statement signed by the office');
  assert.equal(pdf.meta.title, 'Statement');
  assert.equal(pdf.meta.author, 'Hashiya tests');
  assert.equal(pdf.meta.saved, '2024-03-12T10:15:00+03:30');
  assert.equal((globalThis as Record<string, unknown>)[flag], undefined, 'the document script did not run');
});

test('a password-protected PDF is named as such, and a damaged one or a file that is not a PDF gets a plain reason', async () => {
  await assert.rejects(extractPdf(makePdf({ pages: [['secret']], encrypted: true })), reason(/password-protected/));
  await assert.rejects(extractPdf(new Uint8Array(Buffer.from('%PDF-1.4\nnothing else here'))), reason(/not a readable PDF|could not be read/));
  await assert.rejects(extractPdf(new Uint8Array(Buffer.from('PK\u0003\u0004 a zip named .pdf'))), reason(/not a readable PDF|could not be read/));
  await assert.rejects(extractPdf(new Uint8Array(0)), ExtractionError);
});

test('a PDF with pages but no text at all is named as needing OCR', async () => {
  await assert.rejects(extractPdf(makePdf({ pages: [[], []] })), reason(/no text layer.*OCR/));
});

test('a 300-page report is read whole, page by page, each paragraph with its page; more pages than the cap are refused with the reason', async () => {
  const words = ['budget', 'water', 'roads', 'schools', 'clinics', 'ports', 'grain'];
  // Full lines, then a short one ending each page's paragraph; no two pages alike at their edges.
  const pages = Array.from({ length: 300 }, (_, p) => [
    ...Array.from({ length: 40 }, (_, l) => `Section ${p + 1}.${l + 1} reports on ${words[(p + l) % 7]} spending in the annual review.`),
    `Closing ${words[p % 7]} ${p}.`,
  ]);
  const before = process.memoryUsage().rss;
  const pdf = await extractPdf(makePdf({ pages }));
  const grown = (process.memoryUsage().rss - before) / 1024 / 1024;
  console.log(`300 pages: ${pdf.text.length} characters, ${pdf.meta.pages.length} paragraphs, last on page ${pdf.meta.pages.at(-1)}, memory grew ${grown.toFixed(0)} MB`);
  assert.ok(pdf.text.includes('Section 300.40 reports on'), 'the last page is read');
  assert.equal(pdf.meta.pages.at(-1), 300);
  assert.ok(grown < 600, 'memory stays bounded');
  await assert.rejects(extractPdf(makePdf({ pages: Array.from({ length: MAX_PDF_PAGES + 1 }, () => ['x']) })), reason(new RegExp(`${MAX_PDF_PAGES + 1} pages`)));
});

test('a PDF whose pages are partly scans gives the text it has and says which pages are images whose text is missing; blank pages are not scans', async () => {
  const pages = [['A statement on page one.'], [], [], ['Its end on page four.'], [], []];
  const pdf = await extractPdf(makePdf({ pages, scanPages: [2, 3, 5] }));
  assert.equal(pdf.text, 'A statement on page one.\n\nIts end on page four.');
  assert.deepEqual(pdf.meta.pages, [1, 4]);
  assert.equal(pdf.warning, 'pages 2–3 and 5 of this PDF are images with no text layer (a scan, or a picture of text): any text on them is not here (OCR is offered for a PDF that is scans throughout, not yet for some of its pages).');
  console.log(`partly scanned: ${pdf.warning}`);
  assert.equal(pageList([7]), '7');
  assert.equal(pageList([1, 3, 4, 5, 9]), '1, 3–5 and 9');
  await assert.rejects(extractPdf(makePdf({ pages: [[], []], scanPages: [1, 2] })), reason(/no text layer.*OCR/));
});

test('a fully vowelled Arabic verse is text, not a scan: harakat do not count against the text layer', () => {
  // The made PDFs are Latin-1 only, so the verse is checked on the text-layer test itself.
  assert.equal(hasTextLayer('بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ﴿١﴾'), true);
  assert.equal(hasTextLayer('\u0003\u0003 ΰԔ ϸ Ї́ Ψ ϙķϢʆ i'), false);
  assert.equal(hasTextLayer('  \n '), false);
});
