// A browser's single-file page (MHTML) is an article (issue 23): listed under the page's own
// headline, site, date and address, opened as the same text the page itself gives, annotated,
// searched and cited; a damaged or cut-off archive is named with a plain reason. Driven through
// the API's dispatch, as the window drives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Annotation } from '../../annotations/model/types';
import type { ArticleDoc, ArticleSummary, SearchResponse, UnreadDocument } from '../../corpus/api/api';
import { MHTML_EXTRACTOR } from '../../corpus/extract/mhtml/extract-mhtml';
import { makeMhtml, pageBytes, PAGES } from '../fixtures/mhtml/make-mhtml';
import { hostileCorpus, settledList, type HostileCorpus } from '../fixtures/hostile-corpus';

const LBCI = PAGES[1];
const TRUTH = JSON.parse(await readFile(new URL('../fixtures/pages/truth.json', import.meta.url), 'utf8'))[LBCI.file] as {
  headline: string;
  site: string;
  date: string;
  url: string;
  first_words: string;
  last_words: string;
};


async function corpusWith(files: Record<string, Uint8Array | string>): Promise<HostileCorpus> {
  return hostileCorpus(['a.txt'], async ({ corpus }) => {
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(corpus, name), bytes);
  });
}

const chromeMhtml = (o: Partial<Parameters<typeof makeMhtml>[0]> = {}) =>
  makeMhtml({ html: pageBytes(LBCI.file), url: LBCI.url, title: LBCI.title, date: LBCI.date, ...o });

test("an MHTML saved by Chrome is listed under the page's own headline, site, date and address, with its saving time as the access date", async () => {
  const c = await corpusWith({ 'خبر.mhtml': chromeMhtml(), 'خبر.html': pageBytes(LBCI.file) });
  try {
    const list = await settledList(c);
    assert.deepEqual(list.map((a) => a.file), ['a.txt', 'خبر.html', 'خبر.mhtml']);
    const page = list[2]!;
    assert.ok(page.openable, page.note ?? '');
    assert.equal(page.headline, TRUTH.headline);
    assert.equal(page.outlet, list[1]!.outlet, 'the outlet the same page gives as .html');
    assert.equal(page.date?.iso, TRUTH.date);
    assert.equal(decodeURI(page.url ?? ''), decodeURI(TRUTH.url), 'the canonical address the page gives, over the address it was saved from');
    assert.equal(page.accessed, LBCI.saved, 'saved at, with the offset the file gives');
    const unread = await c.call<UnreadDocument[]>('listUnreadDocuments');
    assert.ok(unread.ok);
    assert.deepEqual(unread.value, [], 'an MHTML is no longer "not read yet"');
    console.log(`MHTML listed: headline ${JSON.stringify(page.headline)}, outlet ${page.outlet}, date ${page.date?.iso}, accessed ${page.accessed}`);
  } finally {
    await c.close();
  }
});

test('an MHTML opens as exactly the text of the page it holds; an annotation on it saves, reopens on the same words and is found by search; the archive is never written', async () => {
  const mhtml = chromeMhtml();
  const c = await corpusWith({ 'page.html': pageBytes(LBCI.file), 'page.mhtml': mhtml });
  try {
    await settledList(c);
    const html = await c.call<ArticleDoc>('openArticle', 'page.html');
    const archived = await c.call<ArticleDoc>('openArticle', 'page.mhtml');
    assert.ok(html.ok && archived.ok, archived.ok ? '' : archived.error.message);
    assert.equal(archived.value.text, html.value.text, 'the same words as the page saved as .html');
    const text = archived.value.text;
    assert.ok(text.startsWith(TRUTH.first_words) || text.includes(TRUTH.first_words), 'the body begins as the page shows it');
    assert.ok(text.includes(TRUTH.last_words), 'and ends as the page shows it');
    const phrase = 'أثار ظهور دونالد ترامب';
    const start = text.indexOf(phrase);
    const saved = await c.call<Annotation>('createAnnotation', 'page.mhtml', { start, end: start + phrase.length, version: archived.value.version, tags: [], gloss: 'Trump appeared', note: '' });
    assert.ok(saved.ok, saved.ok ? '' : saved.error.message);
    await c.ws.close();
    await c.ws.openCorpus(c.corpus, false);
    const again = await c.call<ArticleDoc>('openArticle', 'page.mhtml');
    assert.ok(again.ok);
    const a = again.value.annotations[0]!;
    assert.equal(again.value.text.slice(a.target.position.start, a.target.position.end), phrase);
    const sidecar = JSON.parse(await readFile(join(c.corpus, 'page.mhtml.annotations.json'), 'utf8')) as { article: { extractor?: string } };
    assert.equal(sidecar.article.extractor, `${MHTML_EXTRACTOR.name}/${MHTML_EXTRACTOR.version}`, 'the sidecar names what gave the text its offsets index');
    await settledList(c);
    let found: SearchResponse | null = null;
    for (let i = 0; i < 100 && !found?.hits.some((h) => h.file === 'page.mhtml'); i++) {
      const r = await c.call<SearchResponse>('search', { query: 'دونالد ترامب' });
      found = r.ok ? r.value : null;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(found?.hits.some((h) => h.file === 'page.mhtml'), 'search finds words of the archived page');
    assert.deepEqual(new Uint8Array(await readFile(join(c.corpus, 'page.mhtml'))), mhtml, 'the archive is unchanged');
  } finally {
    await c.close();
  }
});

test('an MHTML in base64, and an Internet Explorer .mht whose part names windows-1256, read as a person sees them', async () => {
  const arabic = '<html><head><title>خبر عاجل</title></head><body><h1>خبر عاجل</h1><p>قال المتحدث باسم الوزارة إن المفاوضات ستستأنف الأسبوع المقبل في الدوحة.</p></body></html>';
  const c = await corpusWith({
    'b64.mhtml': chromeMhtml({ htmlEncoding: 'base64' }),
    'ie.MHT': makeMhtml({ html: iconv.encode(arabic, 'windows-1256'), url: 'https://example.com/news/1', title: 'خبر عاجل', date: 'Mon, 6 Dec 2021 10:11:12 +0330', charset: 'windows-1256' }),
  });
  try {
    const list = await settledList(c);
    assert.ok(list.every((a) => a.openable), list.map((a) => `${a.file}: ${a.note}`).join('; '));
    const ie = await c.call<ArticleDoc>('openArticle', 'ie.MHT');
    assert.ok(ie.ok);
    assert.match(ie.value.text, /قال المتحدث باسم الوزارة إن المفاوضات ستستأنف الأسبوع المقبل في الدوحة\./);
    const b64 = await c.call<ArticleDoc>('openArticle', 'b64.mhtml');
    assert.ok(b64.ok);
    assert.ok(b64.value.text.includes(TRUTH.last_words));
  } finally {
    await c.close();
  }
});

test('a cut-off MHTML opens with what it holds and says it is incomplete; a damaged one and one with no page are listed with a plain reason, and the list goes on', async () => {
  const c = await corpusWith({
    'cut.mhtml': chromeMhtml({ cutBytes: 40 }),
    'garbage.mhtml': 'this is not MIME at all\n<p>nor a page</p>',
    'no-page.mht': 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n',
  });
  try {
    const list = await settledList(c);
    const by = new Map(list.map((a) => [a.file, a]));
    assert.equal(by.get('a.txt')?.openable, true, 'the other articles are listed as ever');
    assert.equal(by.get('cut.mhtml')?.openable, true);
    assert.match(by.get('garbage.mhtml')?.note ?? '', /not a saved web page archive/);
    assert.match(by.get('no-page.mht')?.note ?? '', /holds no web page/);
    const cut = await c.call<ArticleDoc>('openArticle', 'cut.mhtml');
    assert.ok(cut.ok);
    assert.ok((cut.value.notices ?? []).some((n) => /cut off/.test(n)), 'the person hears the file is incomplete');
    for (const f of ['garbage.mhtml', 'no-page.mht']) console.log(`${f}: ${by.get(f)?.note}`);
  } finally {
    await c.close();
  }
});
