// Word files as articles (issue 24, item 1): .docx files made with LibreOffice from the sample
// corpus's Persian and Arabic articles give back their words in order, and a right-to-left
// document with a heading, a footnote, an endnote and a comment gives its heading and body in
// logical order with the notes and the comment kept out of the text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDocx, DOCX_EXTRACTOR } from '../../corpus/extract/docx/extract-docx';
import type { ParagraphChild } from 'docx';
import { foldKey } from '../../corpus/text/normalise';
import { convertToDocx, NO_SOFFICE, NOTE_TEXTS, NOTES_BODY, notesDocument, rtlDocument, TEXT_FILTER } from '../fixtures/word-files';

const SAMPLE = fileURLToPath(new URL('../../corpus/sample/', import.meta.url));
const ARTICLES = [
  { name: 'Persian', file: '000_4b15f26e11b27dea.txt' },
  { name: 'Arabic', file: '002_b7e8f03d4cd73c5b.txt' },
];

const skip = NO_SOFFICE;

let dir = '';

before(async () => {
  if (!skip) dir = await mkdtemp(join(tmpdir(), 'hashiya-docx-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** How many of `original`'s words (after the search fold) come back in `extracted` in the same order. */
function wordsInOrder(original: string, extracted: string): { inOrder: number; total: number } {
  const words = (s: string) => foldKey(s).split(/[\s\p{P}]+/u).filter(Boolean);
  const want = words(original);
  const got = words(extracted);
  let j = 0;
  let inOrder = 0;
  for (const w of want) {
    const at = got.indexOf(w, j);
    if (at >= 0) {
      inOrder++;
      j = at + 1;
    }
  }
  return { inOrder, total: want.length };
}

for (const article of ARTICLES) {
  test(`a Word file made from the ${article.name} sample article gives back every one of its words in order`, { skip }, async () => {
    await copyFile(join(SAMPLE, article.file), join(dir, article.file));
    const docx = convertToDocx(dir, article.file, TEXT_FILTER);
    const original = await readFile(join(SAMPLE, article.file), 'utf8');
    const extracted = await extractDocx(await readFile(docx));
    assert.equal(extracted.format, 'docx');
    const { inOrder, total } = wordsInOrder(original, extracted.text);
    console.log(`${article.file} (${article.name}) as .docx: ${inOrder}/${total} words back in order`);
    assert.equal(inOrder, total);
    // One paragraph per line of the text file, joined by a blank line as pages are.
    const paragraphs = original.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
    assert.deepEqual(extracted.text.split('\n\n'), paragraphs);
  });
}

test('a right-to-left Word file gives its heading and paragraphs in logical order, and its footnote and comment are not in the text', { skip }, async () => {
  await writeFile(join(dir, 'rtl.fodt'), rtlDocument('عنوان المستند'));
  const bytes = await readFile(convertToDocx(dir, 'rtl.fodt'));
  const xml = await unzipped(bytes, 'word/document.xml');
  assert.match(xml, /<w:bidi\b/, 'LibreOffice wrote right-to-left paragraphs');
  assert.match(await unzipped(bytes, 'word/footnotes.xml'), /حاشية المترجم/, 'the file has its footnote');
  assert.match(await unzipped(bytes, 'word/comments.xml'), /تعليق المراجع/, 'the file has its comment');
  const extracted = await extractDocx(bytes);
  console.log(JSON.stringify(extracted));
  assert.deepEqual(extracted.text.split('\n\n'), ['روحاني يؤكد دعم العراق', 'قال الرئيس الإيراني إن طهران تدعم بغداد.', 'وأضاف أن التعاون مستمر بين البلدين.', 'ترجمه English words ضمن النص.']);
  assert.ok(!extracted.text.includes('حاشية') && !extracted.text.includes('تعليق'), 'no footnote or comment text');
  assert.ok(!/\[\d+\]/.test(extracted.text), 'no footnote mark');
  assert.equal(extracted.meta.title, 'عنوان المستند', "the document's title property is the headline");
  assert.equal(extracted.meta.author, 'سارا احمدی', "the document's author (Word's dc:creator)");
  assert.match(extracted.meta.saved ?? '', /^2024-03-0[56]T/, 'the time it was last saved');
  assert.equal(extracted.meta.published, undefined, "Word's created date is not taken as the publication date");
  assert.deepEqual(extracted.extractor, { ...DOCX_EXTRACTOR });
});

test("a Word file's endnote and footnote, made by LibreOffice, are not in the article text, and the paragraphs around them are whole and in order", { skip }, async () => {
  await writeFile(join(dir, 'notes.fodt'), notesDocument());
  const bytes = await readFile(convertToDocx(dir, 'notes.fodt'));
  assert.match(await unzipped(bytes, 'word/endnotes.xml'), new RegExp(NOTE_TEXTS.endnote), 'the file has its endnote, where Word keeps endnotes');
  assert.match(await unzipped(bytes, 'word/footnotes.xml'), new RegExp(NOTE_TEXTS.footnote), 'the file has its footnote');
  assert.match(await unzipped(bytes, 'word/document.xml'), /<w:endnoteReference\b/, 'the endnote is referenced mid-paragraph');
  const extracted = await extractDocx(bytes);
  assert.deepEqual(extracted.text.split('\n\n'), NOTES_BODY);
  for (const text of Object.values(NOTE_TEXTS)) assert.ok(!extracted.text.includes(text), `no note text: ${text}`);
  assert.ok(!/\[\d+\]/.test(extracted.text), 'no note mark');
});

test('a Word file with no title property takes its first heading as the headline', { skip }, async () => {
  await writeFile(join(dir, 'untitled.fodt'), rtlDocument(null));
  const extracted = await extractDocx(await readFile(convertToDocx(dir, 'untitled.fodt')));
  assert.equal(extracted.meta.title, 'روحاني يؤكد دعم العراق');
});

test('the extractor names the installed mammoth release', async () => {
  const require = createRequire(import.meta.url);
  const installed = (JSON.parse(await readFile(require.resolve('mammoth/package.json'), 'utf8')) as { version: string }).version;
  assert.ok(DOCX_EXTRACTOR.version.startsWith(`${installed}/`), `update MAMMOTH_VERSION in corpus/extract/docx/mammoth.ts to ${installed}`);
});

async function unzipped(bytes: Uint8Array, name: string): Promise<string> {
  const { unzipSync } = await import('fflate');
  const part = unzipSync(bytes, { filter: (f) => f.name === name })[name];
  return part ? new TextDecoder().decode(part) : '';
}

test('a Word file written by another program (the docx library, with Word-style comment ranges, a footnote, a list and a table) gives its blocks in order and no note', async () => {
  const { Document, Packer, Paragraph, TextRun, HeadingLevel, FootnoteReferenceRun, CommentRangeStart, CommentRangeEnd, CommentReference, Table, TableRow, TableCell } = await import('docx');
  const rtl = (text: string) => new TextRun({ text, rightToLeft: true });
  const para = (...children: ParagraphChild[]) => new Paragraph({ bidirectional: true, children });
  const cell = (text: string) => new TableCell({ children: [para(rtl(text))] });
  const doc = new Document({
    title: 'عنوان من الخصائص',
    creator: 'مریم رضایی',
    comments: { children: [{ id: 0, author: 'مراجع', date: new Date('2024-01-01T00:00:00Z'), children: [new Paragraph({ children: [rtl('ملاحظة المراجع السرية')] })] }] },
    footnotes: { 1: { children: [new Paragraph({ children: [rtl('مصدر الحاشية السفلية')] })] } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, bidirectional: true, children: [rtl('بیانیه وزارت خارجه')] }),
          para(rtl('سخنگوی وزارت خارجه گفت'), new FootnoteReferenceRun(1), rtl(' که گفتگوها ادامه دارد.')),
          para(new CommentRangeStart(0), rtl('این همکاری ادامه خواهد یافت.'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })),
          new Paragraph({ bidirectional: true, bullet: { level: 0 }, children: [rtl('نکته نخست')] }),
          new Paragraph({ bidirectional: true, bullet: { level: 0 }, children: [rtl('نکته دوم')] }),
          new Table({ rows: [new TableRow({ children: [cell('خانه یک'), cell('خانه دو')] })] }),
        ],
      },
    ],
  });
  const extracted = await extractDocx(new Uint8Array(await Packer.toBuffer(doc)));
  console.log(JSON.stringify(extracted.text));
  assert.deepEqual(extracted.text.split('\n\n'), ['بیانیه وزارت خارجه', 'سخنگوی وزارت خارجه گفت که گفتگوها ادامه دارد.', 'این همکاری ادامه خواهد یافت.', 'نکته نخست', 'نکته دوم', 'خانه یک', 'خانه دو']);
  assert.equal(extracted.meta.title, 'عنوان من الخصائص');
  assert.equal(extracted.meta.author, 'مریم رضایی');
});
