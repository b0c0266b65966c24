// File → New article from clipboard, as the window drives it through the API: the clipboard
// becomes a new .txt in the corpus, never over a file already there, with its source address
// kept for citations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Annotation } from '../../annotations/model/types';
import type { ArticleSummary, NewArticlePreview, NewArticleResult, QuotationPage } from '../../corpus/api/api';
import { checkNewArticleName, suggestArticleName } from '../../corpus/folder/new-article-name';
import { hostileCorpus } from '../fixtures/hostile-corpus';

const HEADLINE = 'گفت و گوی تلفنی روسای جمهور ایران و ترکیه';
const PASTED_HTML =
  `<meta charset="utf-8"><h1>${HEADLINE}</h1>` +
  '<p>رئیسجمهور روز دوشنبه گفت که گفت و گوها ادامه دارد.</p>' +
  '<div>وزیر امور خارجه نیز   در این تماس حضور داشت.</div>' +
  '<ul><li>نخست</li><li>دوم</li></ul>' +
  '<p>خط یک<br><br>خط دو</p>' +
  '<script>document.title = "ran"</script><img src="http://127.0.0.1:9/tracker.png">';
const PLAIN = `${HEADLINE}\nرئیسجمهور روز دوشنبه گفت که گفت و گوها ادامه دارد.\n`;

test('a pasted page becomes a .txt of its paragraphs, blank lines between, listed with the name the person chose', async () => {
  const c = await hostileCorpus(['a.txt']);
  try {
    const preview = await c.call<NewArticlePreview>('previewNewArticle', { text: PLAIN, html: PASTED_HTML });
    assert.ok(preview.ok);
    assert.equal(
      preview.value.text,
      [HEADLINE, 'رئیسجمهور روز دوشنبه گفت که گفت و گوها ادامه دارد.', 'وزیر امور خارجه نیز در این تماس حضور داشت.', 'نخست', 'دوم', 'خط یک', 'خط دو'].join('\n\n'),
    );
    assert.equal(preview.value.name, `${HEADLINE}.txt`, 'the name comes from the headline, Persian kept as it is');
    const made = await c.call<NewArticleResult>('createArticleFromText', { name: 'تماس تلفنی', text: preview.value.text });
    assert.deepEqual(made, { ok: true, value: { created: 'تماس تلفنی.txt' } });
    assert.equal(await readFile(join(c.corpus, 'تماس تلفنی.txt'), 'utf8'), preview.value.text);
    const list = await c.call<ArticleSummary[]>('listArticles');
    assert.ok(list.ok && list.value.some((s) => s.file === 'تماس تلفنی.txt' && s.openable && s.language === 'fa'));
  } finally {
    await c.close();
  }
});

test('only the plain text on the clipboard: each line is a paragraph; an empty clipboard gives no text and no name', async () => {
  const c = await hostileCorpus([]);
  try {
    const preview = await c.call<NewArticlePreview>('previewNewArticle', { text: 'Line one\r\n\r\n  Line   two \r\nLine three', html: null });
    assert.deepEqual(preview, { ok: true, value: { text: 'Line one\n\nLine two\n\nLine three', name: 'Line one.txt' } });
    const empty = await c.call<NewArticlePreview>('previewNewArticle', { text: ' \n ' });
    assert.deepEqual(empty, { ok: true, value: { text: '', name: '' } });
    const nul = await c.call<NewArticleResult>('createArticleFromText', { name: 'broken copy', text: 'a\u0000b\r\n\r\nc' });
    assert.deepEqual(nul, { ok: true, value: { created: 'broken copy.txt' } });
    assert.equal(await readFile(join(c.corpus, 'broken copy.txt'), 'utf8'), 'ab\n\nc', 'LF line ends, no NUL that would make it read as binary');
    const refused = await c.call('createArticleFromText', { name: 'x', text: '   ' });
    assert.ok(!refused.ok && /no text/.test(refused.error.message));
  } finally {
    await c.close();
  }
});

test('a name already taken is never written over: the first file keeps its bytes and a free name is suggested', async () => {
  const c = await hostileCorpus(['report.txt', 'report (2).txt']);
  try {
    const before = await readFile(join(c.corpus, 'report.txt'));
    const again = await c.call<NewArticleResult>('createArticleFromText', { name: 'report', text: 'another text' });
    assert.deepEqual(again, { ok: true, value: { taken: 'report.txt', suggestion: 'report (3).txt' } });
    assert.deepEqual(await readFile(join(c.corpus, 'report.txt')), before);
    // A sidecar left by a deleted article would hand its annotations to the new text: the name counts as taken.
    await writeFile(join(c.corpus, 'old.txt.annotations.json'), '{}');
    const orphan = await c.call<NewArticleResult>('createArticleFromText', { name: 'old.txt', text: 'new text' });
    assert.deepEqual(orphan, { ok: true, value: { taken: 'old.txt', suggestion: 'old (2).txt' } });
    assert.deepEqual((await readdir(c.corpus)).filter((f) => f.startsWith('old')), ['old.txt.annotations.json']);
  } finally {
    await c.close();
  }
});

test('names that would leave the folder, hide the file, hold controls or direction marks, or name a device are refused, and nothing is created', async () => {
  const c = await hostileCorpus([]);
  try {
    const bad = ['../outside', 'sub/name', 'a\\b', '..', '.hidden', 'tab\there', 'evil\u202Etxt.exe', 'what?', 'CON', 'dot.', 'x'.repeat(121), 'ی'.repeat(101), 'a.txt.annotations.json', ''];
    for (const name of bad) {
      const r = await c.call('createArticleFromText', { name: name || ' ', text: 'text' });
      assert.ok(!r.ok && r.error.code === 'bad-request', `refused: ${JSON.stringify(name)}`);
    }
    assert.deepEqual((await readdir(c.corpus)).filter((f) => !f.startsWith('.') && f !== 'hashiya-corpus.json'), []);
    assert.deepEqual((await readdir(c.outside)), []);
    console.log(`names refused: ${bad.length} of ${bad.length}`);
  } finally {
    await c.close();
  }
});

test('the page address the clipboard came with is kept in the sidecar and reaches the citation of a quotation', async () => {
  const c = await hostileCorpus([]);
  try {
    const url = 'https://www.isna.ir/news/1400062215/گفت-و-گو';
    const made = await c.call<NewArticleResult>('createArticleFromText', { name: 'isna', text: PLAIN.trim(), url });
    assert.deepEqual(made, { ok: true, value: { created: 'isna.txt' } });
    const sidecar = JSON.parse(await readFile(join(c.corpus, 'isna.txt.annotations.json'), 'utf8')) as { metadata: { url?: string } };
    assert.equal(sidecar.metadata.url, url);
    const list = await c.call<ArticleSummary[]>('listArticles');
    assert.equal(list.ok && list.value.find((s) => s.file === 'isna.txt')?.url, url);
    const start = PLAIN.indexOf('رئیسجمهور');
    const note = await c.call<Annotation>('createAnnotation', 'isna.txt', { start, end: start + 'رئیسجمهور'.length, tags: [], gloss: 'the president', note: '' });
    assert.ok(note.ok);
    const page = await c.call<QuotationPage>('queryQuotations', { filter: {} });
    assert.ok(page.ok);
    // Citations write the address as it travels (percent-encoded), as for a saved page's.
    const cited = new URL(url).href;
    assert.equal(page.value.rows[0]?.url, cited);
    assert.ok(page.value.rows[0]?.citation.includes(cited), page.value.rows[0]?.citation);
    const refused = await c.call('createArticleFromText', { name: 'js', text: 'x', url: 'javascript:alert(1)' });
    assert.ok(!refused.ok && refused.error.code === 'bad-request');
  } finally {
    await c.close();
  }
});

test('a suggested name keeps Persian and Arabic, drops what a file system refuses, and is cut at a word', () => {
  assert.equal(suggestArticleName('\n  «ایران»: گفت/و/گو؟ *ادامه* دارد.\nبدنه'), '«ایران» گفت و گو؟ ادامه دارد.txt');
  assert.equal(suggestArticleName('قال المتحدث\u200F إن المحادثات ستستمر'), 'قال المتحدث إن المحادثات ستستمر.txt');
  const long = suggestArticleName('کلمه '.repeat(40));
  assert.ok(long.length <= 84 && !long.includes('  ') && long.endsWith('کلمه.txt'), long);
  assert.equal(suggestArticleName('...'), 'Pasted article.txt');
  assert.equal(suggestArticleName('con'), '_con.txt');
  for (const s of ['«ایران» گفت و گو؟ ادامه دارد.txt', long]) assert.ok(checkNewArticleName(s).ok, s);
});

test('nothing in pasted HTML runs or is fetched: scripts, images, styles, frames and handlers pointing at a live server are never requested', async () => {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('globalThis.ran = true');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const c = await hostileCorpus([]);
  try {
    const html =
      `<link rel="stylesheet" href="${base}/style.css"><script src="${base}/script.js"></script><script>fetch("${base}/inline")</script>` +
      `<p>متن <img src="${base}/image.png" onerror="fetch('${base}/onerror')"></p><iframe src="${base}/frame"></iframe>` +
      `<object data="${base}/object"></object><video poster="${base}/poster.png"></video><p style="background:url(${base}/bg.png)">پایان</p>`;
    const preview = await c.call<NewArticlePreview>('previewNewArticle', { text: 'متن\nپایان', html });
    assert.deepEqual(preview, { ok: true, value: { text: 'متن\n\nپایان', name: 'متن.txt' } });
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(requests, [], 'no request reached the server');
    console.log(`requests made by a paste with 9 remote references: ${requests.length}`);
  } finally {
    await c.close();
    server.close();
  }
});
