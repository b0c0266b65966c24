// Word files as articles (issue 24, item 1): .docx files made with LibreOffice from the sample
// corpus's Persian and Arabic articles give back their words in order, and a right-to-left
// document with a heading, a footnote and a comment gives its heading and body in logical
// order with the footnote and the comment kept out of the text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractDocx, DOCX_EXTRACTOR } from '../../corpus/extract/docx/extract-docx';
import { foldKey } from '../../corpus/text/normalise';

const SAMPLE = fileURLToPath(new URL('../../corpus/sample/', import.meta.url));
const ARTICLES = [
  { name: 'Persian', file: '000_4b15f26e11b27dea.txt' },
  { name: 'Arabic', file: '002_b7e8f03d4cd73c5b.txt' },
];

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
const skip = hasSoffice ? false : 'soffice not installed: apt-get install libreoffice-writer';

let dir = '';

before(async () => {
  if (!skip) dir = await mkdtemp(join(tmpdir(), 'hashiya-docx-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `source` (in `dir`) converted to .docx by headless LibreOffice; the .docx's path. */
export function convertToDocx(dir: string, source: string, infilter?: string): string {
  const args = [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', 'docx', '--outdir', dir, join(dir, source)];
  const r = spawnSync('soffice', args, { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: dir } });
  assert.equal(r.status, 0, `soffice failed: ${r.error?.message ?? ''} ${r.stderr}`);
  return join(dir, source.replace(/\.[^.]+$/, '.docx'));
}

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
    const docx = convertToDocx(dir, article.file, 'Text (encoded):UTF8,LF,,,');
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

/** A flat OpenDocument text, right to left: a heading, a paragraph with a footnote, one with a comment. */
function rtlDocument(title: string | null): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta>${title ? `<dc:title>${title}</dc:title>` : ''}<meta:initial-creator>سارا احمدی</meta:initial-creator><meta:creation-date>2024-03-05T10:00:00</meta:creation-date><dc:date>2024-03-06T09:30:00</dc:date></office:meta>
<office:styles><style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/></office:styles>
<office:automatic-styles>
<style:style style:name="H" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties style:writing-mode="rl-tb"/></style:style>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<text:h text:style-name="H" text:outline-level="1">روحاني يؤكد دعم العراق</text:h>
<text:p text:style-name="P">قال الرئيس الإيراني<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>حاشية المترجم عن المصدر</text:p></text:note-body></text:note> إن طهران تدعم بغداد.</text:p>
<text:p text:style-name="P">وأضاف أن التعاون مستمر<office:annotation><dc:creator>المراجع</dc:creator><text:p>تعليق المراجع على الفقرة</text:p></office:annotation> بين البلدين.</text:p>
<text:p text:style-name="P">ترجمه English words ضمن النص.</text:p>
</office:text></office:body></office:document>
`;
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
