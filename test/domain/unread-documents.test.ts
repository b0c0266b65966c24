// Nothing skipped in silence (issue 23, point 8): the documents of a corpus folder Hashiya does
// not read are named with the reason, through the API as the window asks for them; a saved
// page's `_files` folder, sidecars and the app's own files are not documents and stay out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleSummary, UnreadDocument } from '../../corpus/api/api';
import { unreadReason } from '../../corpus/folder/unread-documents';
import { hostileCorpus } from '../fixtures/hostile-corpus';

test('a folder of .txt, Word, PDF, old Word and a saved page with its _files folder names exactly the unread documents, each with its reason (a PDF is an article now)', async (t) => {
  const c = await hostileCorpus(['one.txt'], async ({ corpus }) => {
    const put = (name: string, text = 'x') => writeFile(join(corpus, name), text);
    await put('report.docx');
    await put('scan.PDF');
    await put('old memo.doc');
    await put('خبر.html', '<html><body><p>page</p></body></html>');
    await mkdir(join(corpus, 'خبر_files'));
    await writeFile(join(corpus, 'خبر_files', 'frame.html'), '<html></html>');
    await writeFile(join(corpus, 'خبر_files', 'style.css'), '');
    await put('one.txt.annotations.json', '{"format":1}');
    await put('report.docx.annotations.json', '{"format":1}');
    await put('hashiya-corpus.json', '{}');
    await put('.hidden.pdf');
    await mkdir(join(corpus, '.hashiya'), { recursive: true });
    await writeFile(join(corpus, '.hashiya', 'cached.html'), '');
    await put('notes.md');
    await mkdir(join(corpus, 'sub'));
    await writeFile(join(corpus, 'sub', 'three.txt'), 'نص قصير.\n');
    await writeFile(join(corpus, 'sub', 'paper.odt'), 'x');
    await mkdir(join(corpus, 'sub', 'deeper'));
    await writeFile(join(corpus, 'sub', 'deeper', 'too-deep.pdf'), 'x');
  });
  try {
    const listed = await c.call<UnreadDocument[]>('listUnreadDocuments');
    assert.ok(listed.ok, JSON.stringify(listed));
    t.diagnostic(JSON.stringify(listed.value));
    assert.deepEqual(listed.value, [
      { file: 'old memo.doc', reason: 'old Word (.doc) files cannot be read: save it as .docx' },
      { file: 'sub/paper.odt', reason: 'OpenDocument text files are not read yet' },
    ]);
    // What the article list holds and what the unread list holds never overlap; together they are every document.
    const articles = await c.call<ArticleSummary[]>('listArticles');
    assert.ok(articles.ok);
    const files = articles.value.map((a) => a.file);
    // The saved page is an article now (issue 23), and so are the Word file and the PDF (issue 24:
    // listed with the reason they cannot be read, here not real ones); its _files folder is neither.
    assert.deepEqual(files, ['one.txt', 'report.docx', 'scan.PDF', 'sub/three.txt', 'خبر.html']);
    assert.ok(!listed.value.some((u) => files.includes(u.file)));
    console.log(`documents: ${files.length} articles, ${listed.value.length} not read`);
  } finally {
    await c.close();
  }
});

test('a page saved as .htm is an article and keeps its _files folder out of the count, but a _files folder with no page beside it is an ordinary subfolder', async () => {
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => {
    await writeFile(join(corpus, 'Page.HTM'), '<html></html>');
    await mkdir(join(corpus, 'page_files'));
    await writeFile(join(corpus, 'page_files', 'inner.rtf'), 'x');
    await mkdir(join(corpus, 'orphan_files'));
    await writeFile(join(corpus, 'orphan_files', 'kept.rtf'), 'x');
  });
  try {
    const listed = await c.call<UnreadDocument[]>('listUnreadDocuments');
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.map((u) => u.file), ['orphan_files/kept.rtf']);
  } finally {
    await c.close();
  }
});

test('every unread kind is named by its extension whatever its case; articles, sidecars, settings and dot-files are not unread documents', () => {
  const kinds = ['a.DOC', 'a.odt', 'a.rtf', 'a.epub', 'a.pages'];
  for (const name of kinds) assert.ok(unreadReason(name), name);
  for (const name of ['a.txt', 'a.TXT', 'a.html', 'a.HTM', 'a.xhtml', 'a.mhtml', 'a.MHT', 'a.pdf', 'a.PDF', 'a.docx', 'a.DOCX', 'a.docx.annotations.json', 'hashiya-corpus.json', '.a.pdf', 'a.md', 'docx', 'a.csv']) assert.equal(unreadReason(name), null, name);
});

test('an empty folder has no unread documents, and a folder of only unread documents has no articles but names them all', async () => {
  const c = await hostileCorpus([], async ({ corpus }) => {
    await writeFile(join(corpus, 'a.rtf'), 'x');
    await writeFile(join(corpus, 'b.odt'), 'x');
  });
  try {
    const articles = await c.call<ArticleSummary[]>('listArticles');
    const listed = await c.call<UnreadDocument[]>('listUnreadDocuments');
    assert.ok(articles.ok && listed.ok);
    assert.deepEqual(articles.value, []);
    assert.deepEqual(listed.value.map((u) => u.file), ['a.rtf', 'b.odt']);
  } finally {
    await c.close();
  }
});
