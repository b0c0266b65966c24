// A quotation from a PDF cites the page its words are on (issue 24): `p. 2` in the Quotations
// view's citation and in every export that carries one (JSON-LD, a W3C annotation, carries none), `pp. 2–3` across a page break, and a
// Word or text article keeps its `para. N`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { Annotation } from '../../annotations/model/types';
import { stripIsolates } from '../../annotations/export/bidi';
import { glueCitationTail } from '../../annotations/export/docx';
import { formatCitation } from '../../annotations/quotations/citation';
import { formatPages, pageLocator, pageSpan } from '../../annotations/quotations/pdf-pages';
import type { Quotation } from '../../annotations/quotations/quotations';
import type { ArticleDoc, ArticleSummary, ExportFile } from '../../corpus/api/api';
import { hostileCorpus, type HostileCorpus } from '../fixtures/hostile-corpus';
import { makePdf } from '../fixtures/pdf/make-pdf';

const PAGES = [['Talks in Doha opened on Monday with both delegations present.'], ['The ministry said the talks would resume next week in Muscat.'], ['Observers expected a statement before the end of the month.']];

async function settled(c: HostileCorpus): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const list = await c.call<ArticleSummary[]>('listArticles');
    assert.ok(list.ok);
    if (list.value.every((a) => !a.pending)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the list never settled');
}

async function gloss(c: HostileCorpus, file: string, doc: ArticleDoc, from: string, to: string): Promise<Annotation> {
  const start = doc.text.indexOf(from);
  const end = doc.text.indexOf(to) + to.length;
  assert.ok(start >= 0 && end > start, `${from}…${to} is in the text`);
  const saved = await c.call<Annotation>('createAnnotation', file, { start, end, version: doc.version, tags: [], gloss: 'g', note: '' });
  assert.ok(saved.ok, saved.ok ? '' : saved.error.message);
  return saved.value;
}

async function exported(c: HostileCorpus, format: string, ids: string[]): Promise<Uint8Array> {
  const file = await c.call<ExportFile>('exportQuotations', { format, ids });
  assert.ok(file.ok, file.ok ? '' : file.error.message);
  return new Uint8Array(Buffer.from(file.value.base64, 'base64'));
}

test('a quotation on page 2 of a PDF cites "p. 2" in the Quotations view and in the JSON, CSV, DOCX, HTML, Markdown and XLSX exports; one across a page break cites "pp. 2–3"', async () => {
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => {
    await writeFile(join(corpus, 'talks.pdf'), makePdf({ pages: PAGES, title: 'Talks to resume' }));
  });
  try {
    await settled(c);
    const opened = await c.call<ArticleDoc>('openArticle', 'talks.pdf');
    assert.ok(opened.ok, opened.ok ? '' : opened.error.message);
    assert.deepEqual(opened.value.source?.pages, [1, 2, 3], 'the page of each paragraph reaches the window');
    const onTwo = await gloss(c, 'talks.pdf', opened.value, 'would resume', 'Muscat');
    const across = await gloss(c, 'talks.pdf', opened.value, 'in Muscat', 'Observers expected');
    const text = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(text.ok);
    const plain = await gloss(c, 'a.txt', text.value, 'قال', 'المحادثات');

    const page = await c.call<{ rows: Quotation[] }>('queryQuotations', { filter: {} });
    assert.ok(page.ok, page.ok ? '' : page.error.message);
    const by = new Map(page.value.rows.map((q) => [q.id, q]));
    const cite = (id: string) => stripIsolates(by.get(id)!.citation);
    assert.equal(cite(onTwo.id), 'Hashiya tests, "Talks to resume", p. 2');
    assert.equal(cite(across.id), 'Hashiya tests, "Talks to resume", pp. 2–3');
    assert.match(cite(plain.id), /, para\. 2$/, 'a text article is still cited by paragraph');
    assert.deepEqual(by.get(onTwo.id)!.pages, { first: 2, last: 2 });
    console.log(`citations: ${cite(onTwo.id)} | ${cite(across.id)} | ${cite(plain.id)}`);

    const ids = [onTwo.id];
    const json = JSON.parse(new TextDecoder().decode(await exported(c, 'json', ids))) as unknown;
    assert.match(stripIsolates(JSON.stringify(json)), /"Talks to resume\\", p\. 2"/, 'JSON');
    const csv = parse(new TextDecoder().decode(await exported(c, 'csv', ids)), { columns: true, bom: true }) as Array<Record<string, string>>;
    assert.equal(stripIsolates(csv[0]!['Citation'] ?? ''), 'Hashiya tests, "Talks to resume", p. 2', 'CSV');
    const docx = strFromU8(unzipSync(await exported(c, 'docx', ids))['word/document.xml']!);
    assert.match(stripIsolates(docx.replace(/<[^>]+>/g, '')).replace(/\u00A0/g, ' '), /Talks to resume(&quot;|"), p\. 2/, 'DOCX');
    const html = new TextDecoder().decode(await exported(c, 'html', ids));
    assert.match(stripIsolates(html.replace(/<[^>]+>/g, '')), /Talks to resume(&quot;|"), p\. 2/, 'HTML');
    const md = new TextDecoder().decode(await exported(c, 'md', ids));
    assert.match(stripIsolates(md), /Talks to resume\\?", p\. 2/, 'Markdown');
    const xlsx = unzipSync(await exported(c, 'xlsx', ids));
    const cells = Object.entries(xlsx).filter(([n]) => n.startsWith('xl/')).map(([, b]) => strFromU8(b)).join('');
    assert.match(stripIsolates(cells), /Talks to resume(&quot;|"), p\. 2/, 'XLSX');
  } finally {
    await c.close();
  }
});

test('the page of an offset comes from the paragraph it is in; a text whose paragraphs do not match the pages kept gets none rather than a wrong one', () => {
  const text = 'one\n\ntwo\n\nthree';
  const locate = pageLocator(text, [1, 1, 4]);
  assert.ok(locate);
  assert.equal(locate.pageAt(0), 1);
  assert.equal(locate.pageAt(text.indexOf('three') + 2), 4);
  assert.deepEqual(pageSpan(locate, text.indexOf('two'), text.length), { first: 1, last: 4 });
  assert.equal(formatPages({ first: 3, last: 4 }), 'pp. 3–4');
  assert.equal(pageLocator(text, [1, 2]), null, 'an older cache or a changed file');
  assert.equal(pageLocator(text, undefined), null);
  assert.equal(formatCitation({ outlet: null, headline: 'T', date: null, paragraph: 7, pages: { first: 3, last: 3 } }), '"T", p. 3');
  assert.equal(glueCitationTail('"T", p. 3'), '"T",\u00A0p.\u00A03');
  assert.equal(glueCitationTail('"T", pp. 3–4'), '"T",\u00A0pp.\u00A03–4');
});
