// Word files are articles (issue 24): through the API as the window drives it, a .docx made by
// LibreOffice is listed with its headline and author, opened as its text, annotated (the
// annotation reopens on the same words, the sidecar names the extractor), found by search,
// and its quotation's citation carries its headline and author; the .docx is never changed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Annotation } from '../../annotations/model/types';
import type { ArticleDoc, ArticleSummary, QuotationPage, SearchResponse, UnreadDocument } from '../../corpus/api/api';
import { dispatch } from '../../corpus/api/api-schema';
import { DOCX_EXTRACTOR, MAX_DOCX_BYTES } from '../../corpus/extract/docx/extract-docx';
import { Workspace } from '../../corpus/services/workspace';
import { hostileCorpus, settledList, type HostileCorpus } from '../fixtures/hostile-corpus';
import { convertToDocx, docx, NO_SOFFICE, paragraph, rtlDocument, TEXT_FILTER } from '../fixtures/word-files';

const skip = NO_SOFFICE;
const PERSIAN = fileURLToPath(new URL('../../corpus/sample/000_4b15f26e11b27dea.txt', import.meta.url));

let made = '';
let statement: Buffer;
let persian: Buffer;

before(async () => {
  if (skip) return;
  made = await mkdtemp(join(tmpdir(), 'hashiya-docx-api-'));
  await writeFile(join(made, 'statement.fodt'), rtlDocument('روحاني يؤكد للكاظمي دعم إيران للعراق'));
  statement = await readFile(convertToDocx(made, 'statement.fodt'));
  await copyFile(PERSIAN, join(made, 'persian.txt'));
  persian = await readFile(convertToDocx(made, 'persian.txt', TEXT_FILTER));
});
after(async () => {
  if (made) await rm(made, { recursive: true, force: true });
});


test('a Word file is listed with its headline and author, opened, annotated, searched and cited with its headline and author', { skip }, async () => {
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => {
    await writeFile(join(corpus, 'بيان.docx'), statement);
    await writeFile(join(corpus, 'گزارش.docx'), persian);
  });
  try {
    const list = await settledList(c);
    assert.deepEqual(list.map((a) => a.file), ['a.txt', 'بيان.docx', 'گزارش.docx']);
    const row = list.find((a) => a.file === 'بيان.docx')!;
    assert.ok(row.openable, row.note ?? '');
    assert.equal(row.headline, 'روحاني يؤكد للكاظمي دعم إيران للعراق', "the document's title");
    assert.equal(row.author, 'سارا احمدی');
    assert.equal(row.language, 'ar');
    const fa = list.find((a) => a.file === 'گزارش.docx')!;
    assert.ok(fa.openable);
    assert.equal(fa.language, 'fa');
    assert.match(fa.headline, /^رئیسجمهور: مبارزه با تروریسم/, 'no title property: the first line, as the detectors find it');
    const unread = await c.call<UnreadDocument[]>('listUnreadDocuments');
    assert.ok(unread.ok);
    assert.deepEqual(unread.value, [], 'a Word file is no longer "not read yet"');

    const opened = await c.call<ArticleDoc>('openArticle', 'بيان.docx');
    assert.ok(opened.ok, opened.ok ? '' : opened.error.message);
    const text = opened.value.text;
    assert.ok(!text.includes('حاشية') && !text.includes('تعليق'), 'no footnote or comment in the text');
    const phrase = 'طهران تدعم بغداد';
    const start = text.indexOf(phrase);
    assert.ok(start >= 0);
    const saved = await c.call<Annotation>('createAnnotation', 'بيان.docx', { start, end: start + phrase.length, version: opened.value.version, tags: [], gloss: 'Tehran supports Baghdad', note: '' });
    assert.ok(saved.ok, saved.ok ? '' : saved.error.message);

    await c.ws.close();
    await c.ws.openCorpus(c.corpus, false);
    await settledList(c);
    const again = await c.call<ArticleDoc>('openArticle', 'بيان.docx');
    assert.ok(again.ok);
    const a = again.value.annotations.find((x) => x.id === saved.value.id);
    assert.ok(a, 'the annotation is there after reopening');
    assert.equal(again.value.text.slice(a.target.position.start, a.target.position.end), phrase, 'on the same words');
    const sidecar = await readFile(join(c.corpus, 'بيان.docx.annotations.json'), 'utf8');
    assert.ok(sidecar.includes(`${DOCX_EXTRACTOR.name}/${DOCX_EXTRACTOR.version}`), 'the sidecar names the extractor its offsets index');

    const found = await c.call<SearchResponse>('search', { query: 'تروریسم' });
    assert.ok(found.ok);
    assert.ok(found.value.hits.some((h) => h.file === 'گزارش.docx'), 'search finds a word of the Persian Word file');

    const quotations = await c.call<QuotationPage>('queryQuotations', { filter: {} });
    assert.ok(quotations.ok);
    const q = quotations.value.rows.find((r) => r.file === 'بيان.docx');
    assert.ok(q, 'the quotation is listed');
    assert.equal(q.quote, phrase);
    assert.equal(q.headline, 'روحاني يؤكد للكاظمي دعم إيران للعراق');
    const plain = q.citation.replace(/[\u2066-\u2069]/g, '');
    console.log(`citation: ${plain}`);
    assert.ok(plain.startsWith('سارا احمدی, "روحاني يؤكد للكاظمي دعم إيران للعراق"'), plain);
    assert.match(plain, /para\. 2$/);

    assert.ok(statement.equals(await readFile(join(c.corpus, 'بيان.docx'))), 'the .docx is byte-identical afterwards');
  } finally {
    await c.close();
  }
});

test("in the app, where pages are read by the corpus's worker, a Word file opens as its text and is found by search; Word's lock file beside it is neither an article nor an unread document", async () => {
  const base = await mkdtemp(join(tmpdir(), 'hashiya-docx-worker-'));
  const corpus = join(base, 'corpus');
  await mkdir(corpus);
  await writeFile(join(corpus, 'بيان.docx'), docx(paragraph('قال المتحدث باسم الخارجية') + paragraph('إن المحادثات ستستمر الأسبوع المقبل')));
  // What Word writes beside a document while it is open: the owner's name, padded, 162 bytes.
  await writeFile(join(corpus, '~$بيان.docx'), Buffer.concat([Buffer.from([4]), Buffer.from('Analyst'), Buffer.alloc(154)]));
  const ws = await Workspace.create({ appDataDir: join(base, 'app'), pickFolder: async () => null, live: true });
  try {
    await ws.openCorpus(corpus, false);
    const opened = await dispatch(ws, 'openArticle', ['بيان.docx']);
    assert.ok(opened.ok, JSON.stringify(opened));
    assert.equal((opened.value as ArticleDoc).text, 'قال المتحدث باسم الخارجية\n\nإن المحادثات ستستمر الأسبوع المقبل');
    const listed = await dispatch(ws, 'listArticles', []);
    assert.ok(listed.ok);
    assert.deepEqual((listed.value as ArticleSummary[]).map((x) => x.file), ['بيان.docx']);
    const unread = await dispatch(ws, 'listUnreadDocuments', []);
    assert.ok(unread.ok);
    assert.deepEqual(unread.value, []);
    const found = await dispatch(ws, 'search', [{ query: 'المحادثات' }]);
    assert.ok(found.ok);
    assert.deepEqual((found.value as SearchResponse).hits.map((h) => h.file), ['بيان.docx']);
  } finally {
    await ws.close();
    await rm(base, { recursive: true, force: true });
  }
});

test('a Word file made large by a photograph (25 MB, more than a text article may be) is listed and opens as its text; one over 100 MB is listed with the reason', async () => {
  const photo = randomBytes(25 * 1024 * 1024);
  const big = docx(paragraph('تقرير مصور عن زيارة الوفد'), { 'word/media/image1.jpeg': [photo, { level: 0 }] });
  const c = await hostileCorpus([], async ({ corpus }) => {
    await writeFile(join(corpus, 'مصور.docx'), big);
    await writeFile(join(corpus, 'huge.docx'), Buffer.concat([big, Buffer.alloc(MAX_DOCX_BYTES - big.length + 1)]));
  });
  try {
    const list = await settledList(c);
    const row = list.find((a) => a.file === 'مصور.docx');
    assert.ok(row?.openable, row?.note ?? 'listed');
    const opened = await c.call<ArticleDoc>('openArticle', 'مصور.docx');
    assert.ok(opened.ok, opened.ok ? '' : opened.error.message);
    assert.equal(opened.value.text, 'تقرير مصور عن زيارة الوفد');
    const huge = list.find((a) => a.file === 'huge.docx');
    assert.ok(huge && !huge.openable);
    assert.match(huge.note ?? '', /larger than the 100 MB/);
    console.log(`a ${(big.length / 1024 / 1024).toFixed(0)} MB Word file opened; over the limit: ${huge.note}`);
  } finally {
    await c.close();
  }
});
