// Saved web pages are articles (issue 23): a page saved from a browser is listed, opened,
// annotated and searched as its extracted text, and the page file itself is never changed.
// Driven through the API's dispatch, as the window drives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Annotation } from '../../annotations/model/types';
import type { ArticleDoc, ArticleSummary, SearchResponse, UnreadDocument } from '../../corpus/api/api';
import { HTML_EXTRACTOR } from '../../corpus/extract/html/extract-html';
import { parseSidecar } from '../../annotations/model/schema';
import { mergeSidecars } from '../../annotations/store/merge';
import { serialiseSidecarBytes } from '../../annotations/store/serialise';
import { withDeclared } from '../../corpus/metadata/declared-metadata';
import { outletByName } from '../../corpus/metadata/outlet-gazetteer';
import { hostileCorpus, settledList, type HostileCorpus } from '../fixtures/hostile-corpus';

const PAGES = new URL('../fixtures/pages/', import.meta.url);
const PAGE_SOURCE = 'ar_01_youm7_magichtml.html';

async function pageBytes(): Promise<Buffer> {
  return readFile(new URL(PAGE_SOURCE, PAGES));
}

/** A corpus with a.txt, a saved page `page.html` and its `page_files/` folder (holding a page of its own). */
async function corpusWithPage(extra: (corpus: string) => Promise<void> = async () => {}): Promise<{ c: HostileCorpus; original: Buffer }> {
  const original = await pageBytes();
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => {
    await writeFile(join(corpus, 'page.html'), original);
    await mkdir(join(corpus, 'page_files'));
    await writeFile(join(corpus, 'page_files', 'frame.html'), '<html><body><p>an ad frame, not an article</p></body></html>');
    await writeFile(join(corpus, 'page_files', 'style.css'), 'p { color: red }');
    await extra(corpus);
  });
  return { c, original };
}


test('a saved page is listed as one article beside a.txt, and nothing in its page_files folder is', async () => {
  const { c } = await corpusWithPage();
  try {
    const list = await settledList(c);
    assert.deepEqual(list.map((a) => a.file), ['a.txt', 'page.html']);
    const unread = await c.call<UnreadDocument[]>('listUnreadDocuments');
    assert.ok(unread.ok);
    assert.deepEqual(unread.value, [], 'the page is no longer "not read yet", and its _files are not documents');
    const inner = await c.call<ArticleDoc>('openArticle', 'page_files/frame.html');
    assert.ok(!inner.ok, 'a page inside the _files folder is not opened as an article either');
    assert.match(inner.error.message, /part of a saved page/);
    console.log(`listed: ${list.length} articles; not read: ${unread.value.length}`);
  } finally {
    await c.close();
  }
});

test('a saved page opens as its extracted text; an annotation on its words saves and reopens on the same words; search finds it; the page file is unchanged', async () => {
  const { c, original } = await corpusWithPage();
  try {
    await settledList(c);
    const opened = await c.call<ArticleDoc>('openArticle', 'page.html');
    assert.ok(opened.ok, opened.ok ? '' : opened.error.message);
    const text = opened.value.text;
    assert.ok(!/<\w+[\s>]/.test(text), 'no markup in the text');
    const phrase = 'وكانت قد دعت وزارة العمل';
    const start = text.indexOf(phrase);
    assert.ok(start >= 0, 'the body text is there');
    const saved = await c.call<Annotation>('createAnnotation', 'page.html', { start, end: start + phrase.length, version: opened.value.version, tags: [], gloss: 'g', note: '' });
    assert.ok(saved.ok, saved.ok ? '' : saved.error.message);
    await c.ws.close();
    await c.ws.openCorpus(c.corpus, false);
    const again = await c.call<ArticleDoc>('openArticle', 'page.html');
    assert.ok(again.ok);
    assert.equal(again.value.text, text, 'the same text after reopening');
    const a = again.value.annotations.find((x) => x.id === saved.value.id);
    assert.ok(a, 'the annotation is there');
    assert.equal(again.value.text.slice(a.target.position.start, a.target.position.end), phrase, 'on the same words');
    const found = await c.call<SearchResponse>('search', { query: 'التمثيل' });
    assert.ok(found.ok);
    assert.ok(found.value.hits.some((h) => h.file === 'page.html'), 'search finds a word of the page');
    assert.ok(!found.value.hits.some((h) => h.file.startsWith('page_files/')));
    assert.ok(original.equals(await readFile(join(c.corpus, 'page.html'))), 'the .html is byte-identical afterwards');
    console.log(`page text: ${text.length} characters; hits: ${found.value.hits.length}`);
  } finally {
    await c.close();
  }
});

test('a page with no text is listed with a plain reason, never a crash, and cannot be opened', async () => {
  const { c } = await corpusWithPage(async (corpus) => {
    await writeFile(join(corpus, 'empty.html'), '<html><head><title>x</title><script>var a = 1;</script></head><body><img src="a.png"></body></html>');
  });
  try {
    const list = await settledList(c);
    const broken = list.find((a) => a.file === 'empty.html');
    assert.ok(broken, 'listed');
    assert.equal(broken.openable, false);
    assert.match(broken.note ?? '', /no article text/);
    const opened = await c.call<ArticleDoc>('openArticle', 'empty.html');
    assert.ok(!opened.ok);
    assert.match(opened.error.message, /no article text/);
    console.log(`broken page reason: ${broken.note}`);
  } finally {
    await c.close();
  }
});

async function cacheFiles(corpus: string): Promise<string[]> {
  const names = await readdir(join(corpus, '.hashiya')).catch(() => [] as string[]);
  return names.filter((n) => /^page-[0-9a-f]{64}\.json$/.test(n));
}

test('the extracted text is kept under .hashiya, never beside the page; deleting it changes nothing the person sees', async () => {
  const { c, original } = await corpusWithPage();
  try {
    const before = await settledList(c);
    const opened = await c.call<ArticleDoc>('openArticle', 'page.html');
    assert.ok(opened.ok);
    let kept: string[] = [];
    // The cache is written in the background: a generous limit proves it is written at all.
    for (let i = 0; i < 100 && kept.length === 0; i++) {
      kept = await cacheFiles(c.corpus);
      if (kept.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(kept.length, 1, 'one cache entry for the one page');
    assert.deepEqual((await readdir(c.corpus)).sort(), ['.hashiya', 'a.txt', 'page.html', 'page_files'], 'nothing written beside the page');
    assert.deepEqual((await readdir(join(c.corpus, 'page_files'))).sort(), ['frame.html', 'style.css'], 'nor into its _files folder');
    await c.ws.close();
    for (const name of kept) await rm(join(c.corpus, '.hashiya', name));
    await c.ws.openCorpus(c.corpus, false);
    const after = await settledList(c);
    assert.deepEqual(after, before, 'the same list');
    const again = await c.call<ArticleDoc>('openArticle', 'page.html');
    assert.ok(again.ok);
    assert.equal(again.value.text, opened.value.text, 'the same text');
    assert.equal(again.value.version, opened.value.version);
    assert.ok(original.equals(await readFile(join(c.corpus, 'page.html'))), 'the .html is byte-identical');
    console.log(`cache entries: ${kept.length} (${kept[0]})`);
  } finally {
    await c.close();
  }
});

test('a kept extraction is used instead of extracting again, and one that is damaged or not ours is ignored: the page is extracted again', async () => {
  const { c } = await corpusWithPage();
  try {
    await settledList(c);
    const opened = await c.call<ArticleDoc>('openArticle', 'page.html');
    assert.ok(opened.ok);
    let kept: string[] = [];
    for (let i = 0; i < 100 && kept.length === 0; i++) {
      kept = await cacheFiles(c.corpus);
      if (kept.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    // Both workers read the page at first (the list's and the search's): the search's own write of
    // the same entry must be done before one is planted, or it can land over the planted one.
    await c.call('search', { query: 'وزارة العمل' });
    // A good entry is used (the extractor is not run again): one planted with other words shows them.
    await c.ws.close();
    const entry = JSON.parse(await readFile(join(c.corpus, '.hashiya', kept[0]!), 'utf8')) as { text: string };
    await writeFile(join(c.corpus, '.hashiya', kept[0]!), JSON.stringify({ ...entry, text: 'نص من الذاكرة' }));
    await c.ws.openCorpus(c.corpus, false);
    const fromCache = await c.call<ArticleDoc>('openArticle', 'page.html');
    assert.ok(fromCache.ok);
    assert.equal(fromCache.value.text, 'نص من الذاكرة', 'the kept text is what is read');
    await c.ws.close();
    await writeFile(join(c.corpus, '.hashiya', kept[0]!), '{"text": 5, "meta": {}}');
    await c.ws.openCorpus(c.corpus, false);
    const again = await c.call<ArticleDoc>('openArticle', 'page.html');
    assert.ok(again.ok);
    assert.equal(again.value.text, opened.value.text, 'read from the page, not the damaged entry');
  } finally {
    await c.close();
  }
});

test("a saved page's headline, outlet and date come from its head, in the list and when opened; the person's correction still wins", async () => {
  const truth = JSON.parse(await readFile(new URL('truth.json', PAGES), 'utf8'))[PAGE_SOURCE] as { headline: string; site: string; date: string; url: string };
  // The site as the page writes it (og:site_name) is shown as the gazetteer names that outlet.
  const outlet = outletByName(truth.site)?.outlet.native[0] ?? truth.site;
  const { c } = await corpusWithPage();
  try {
    const page = (await settledList(c)).find((a) => a.file === 'page.html');
    assert.ok(page);
    assert.equal(page.headline, truth.headline);
    assert.equal(page.untitled, undefined, 'the head gives a headline');
    assert.equal(page.outlet, outlet);
    assert.equal(decodeURI(page.url ?? ''), decodeURI(truth.url), "the page's address, for its citations");
    assert.equal(page.date?.iso, truth.date);
    const opened = await c.call<ArticleDoc>('openArticle', 'page.html');
    assert.ok(opened.ok);
    assert.equal(opened.value.metadata.headline, truth.headline);
    assert.equal(opened.value.metadata.outlet, outlet);
    assert.equal(opened.value.metadata.date?.iso, truth.date);
    const corrected = await c.call<ArticleDoc>('setMetadata', 'page.html', { headline: 'عنوان صححه القارئ' });
    assert.ok(corrected.ok, corrected.ok ? '' : corrected.error.message);
    assert.equal(corrected.value.metadata.headline, 'عنوان صححه القارئ');
    const listed = (await settledList(c)).find((a) => a.file === 'page.html');
    assert.equal(listed?.headline, 'عنوان صححه القارئ', 'the correction wins in the list too');
    console.log(`from the head: headline ${JSON.stringify(page.headline)}, outlet ${page.outlet}, date ${page.date?.iso} (${page.date?.original})`);
  } finally {
    await c.close();
  }
});

test('what a page does not say is left to the detectors: an unknown site is shown as written, a missing or impossible date is the detected one', () => {
  const detected = { headline: 'من النص', outlet: 'وكالة من النص', date: { iso: '2013-08-03', original: '3 أغسطس 2013' }, untitled: true };
  assert.deepEqual(withDeclared(detected, {}, 'ar'), detected, 'a head that says nothing changes nothing');
  assert.deepEqual(withDeclared(detected, { site: '  موقع صغير ', published: '2013-02-30T10:00:00+03:00' }, 'ar'), { ...detected, outlet: 'موقع صغير' });
  const dated = withDeclared(detected, { title: 'عنوان', published: '2021-09-13T23:30:00+04:30' }, 'fa');
  assert.deepEqual(dated.date, { iso: '2021-09-13', original: '2021-09-13T23:30:00+04:30' }, "the outlet's own day, not UTC's");
  assert.equal(dated.headline, 'عنوان');
  assert.equal(dated.untitled, false);
});

test("a page's sidecar records the extractor that gave its text; one written without it (an older Hashiya's) still reads and merges", async () => {
  const { c } = await corpusWithPage();
  try {
    await settledList(c);
    const opened = await c.call<ArticleDoc>('openArticle', 'page.html');
    assert.ok(opened.ok);
    const start = opened.value.text.indexOf('مكاتب');
    const saved = await c.call<Annotation>('createAnnotation', 'page.html', { start, end: start + 5, version: opened.value.version, tags: [], gloss: '', note: 'n' });
    assert.ok(saved.ok);
    await c.ws.flush();
    const sidecarPath = join(c.corpus, 'page.html.annotations.json');
    const written = JSON.parse(await readFile(sidecarPath, 'utf8')) as { article: Record<string, unknown> };
    const label = `${HTML_EXTRACTOR.name}/${HTML_EXTRACTOR.version}`;
    assert.equal(written.article.extractor, label);
    assert.deepEqual(Object.keys(written.article), ['file', 'sha256', 'length', 'extractor'], 'in the fixed key order');
    // The same sidecar as an older build wrote it: no extractor.
    const { extractor: _e, ...older } = written.article;
    await c.ws.close();
    await writeFile(sidecarPath, JSON.stringify({ ...written, article: older }, null, 2));
    const parsed = parseSidecar(JSON.parse(await readFile(sidecarPath, 'utf8')));
    assert.ok(parsed.ok, 'the schema reads a sidecar without it');
    await c.ws.openCorpus(c.corpus, false);
    const again = await c.call<ArticleDoc>('openArticle', 'page.html');
    assert.ok(again.ok);
    const a = again.value.annotations.find((x) => x.id === saved.value.id);
    assert.ok(a);
    assert.equal(again.value.text.slice(a.target.position.start, a.target.position.end), 'مكاتب');
    const withIt = parseSidecar(written);
    assert.ok(withIt.ok);
    const merged = mergeSidecars(withIt.value, withIt.value, { ...withIt.value, annotations: [] });
    assert.equal(merged.merged.article.extractor, label, 'the merge driver keeps it');
    assert.match(new TextDecoder().decode(serialiseSidecarBytes(merged.merged)), /"length": \d+,\n\s*"extractor": /);
    console.log(`sidecar article fingerprint: ${JSON.stringify(written.article)}`);
  } finally {
    await c.close();
  }
});
