// Word's other kinds (issue 24): a macro-enabled Word file (.docm) is read as the Word file it
// is, its macros never unpacked, let alone run; a Word template (.dotx, .dotm) is not an
// article and is named under the list with the reason. Files made by LibreOffice, through the
// API as the window drives it and through `hashiya info`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { ArticleDoc, UnreadDocument } from '../../corpus/api/api';
import { articleFormatOf } from '../../corpus/extract/article-text';
import { readDocxParts } from '../../corpus/extract/docx/zip-parts';
import { unreadReason } from '../../corpus/folder/unread-documents';
import { hostileCorpus, settledList } from '../fixtures/hostile-corpus';
import { convertToWord, NO_SOFFICE, rtlDocument } from '../fixtures/word-files';

const skip = NO_SOFFICE;
const BIN = fileURLToPath(new URL('../../corpus/cli/bin.mjs', import.meta.url));
const HEADLINE = 'روحاني يؤكد للكاظمي دعم إيران للعراق';
const BODY = ['روحاني يؤكد دعم العراق', 'قال الرئيس الإيراني إن طهران تدعم بغداد.', 'وأضاف أن التعاون مستمر بين البلدين.', 'ترجمه English words ضمن النص.'];
const TEMPLATE_REASONS = [
  { file: 'قالب.dotm', reason: 'Word templates (.dotm) are not articles: a document made from it and saved as .docx is read' },
  { file: 'قالب.dotx', reason: 'Word templates (.dotx) are not articles: a document made from it and saved as .docx is read' },
];

let made = '';
let docm: Uint8Array;
let dotx: Buffer;

before(async () => {
  if (skip) return;
  made = await mkdtemp(join(tmpdir(), 'hashiya-docm-'));
  await writeFile(join(made, 'statement.fodt'), rtlDocument(HEADLINE));
  // LibreOffice writes Word's macro-enabled content type but no macros: the macro part Word
  // would add is added here, so that the test shows it is never unpacked.
  const parts = unzipSync(await readFile(convertToWord(made, 'statement.fodt', 'docm')));
  assert.match(new TextDecoder().decode(parts['[Content_Types].xml']), /document\.macroEnabled\.main\+xml/, 'LibreOffice wrote a macro-enabled Word file');
  docm = zipSync({ ...parts, 'word/vbaProject.bin': strToU8('Attribute VB_Name = "AutoOpen"') });
  dotx = await readFile(convertToWord(made, 'statement.fodt', 'dotx'));
});
after(async () => {
  if (made) await rm(made, { recursive: true, force: true });
});

test('a macro-enabled Word file (.docm) is listed with its headline, opens as its text, and is named with format docx by hashiya info; a Word template (.dotx, .dotm) is named under the list as not an article', { skip, timeout: 120_000 }, async () => {
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => {
    await writeFile(join(corpus, 'بيان.docm'), docm);
    await writeFile(join(corpus, 'قالب.dotx'), dotx);
    // LibreOffice has no .dotm export; a macro-enabled template is named by its extension alone.
    await writeFile(join(corpus, 'قالب.dotm'), docm);
  });
  try {
    const list = await settledList(c);
    assert.deepEqual(list.map((a) => a.file), ['a.txt', 'بيان.docm']);
    const row = list.find((a) => a.file === 'بيان.docm')!;
    assert.ok(row.openable, row.note ?? '');
    assert.equal(row.headline, HEADLINE);
    assert.equal(row.author, 'سارا احمدی');

    const opened = await c.call<ArticleDoc>('openArticle', 'بيان.docm');
    assert.ok(opened.ok, opened.ok ? '' : opened.error.message);
    assert.deepEqual(opened.value.text.split('\n\n'), BODY);

    const unread = await c.call<UnreadDocument[]>('listUnreadDocuments');
    assert.ok(unread.ok);
    assert.deepEqual(unread.value, TEMPLATE_REASONS);

    const r = spawnSync(process.execPath, [BIN, 'info', '--corpus', c.corpus, '--json'], { timeout: 60_000, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const info = JSON.parse(r.stdout) as { articles: Array<{ file: string; format: string | null; headline: string | null }>; unread: UnreadDocument[] };
    const docmRow = info.articles.find((a) => a.file === 'بيان.docm');
    assert.equal(docmRow?.format, 'docx');
    assert.equal(docmRow?.headline, HEADLINE);
    assert.deepEqual(info.unread, TEMPLATE_REASONS);

    assert.deepEqual(await readFile(join(c.corpus, 'بيان.docm')), Buffer.from(docm), 'the .docm is byte-identical afterwards');
  } finally {
    await c.close();
  }
});

test("a .docm's macros are never unpacked: only the XML parts that hold its text are", { skip }, () => {
  const parts = readDocxParts(docm);
  assert.ok(parts.has('word/document.xml'));
  assert.ok(!parts.has('word/vbaProject.bin'));
});

test('.docm (any case) is read as a Word file; .dotx and .dotm are unread templates, and a .docx is still read', () => {
  assert.equal(articleFormatOf('بيان.DOCM'), 'docx');
  assert.equal(articleFormatOf('x.docx'), 'docx');
  assert.equal(articleFormatOf('x.dotx'), null);
  assert.match(unreadReason('x.DOTX') ?? '', /^Word templates \(\.dotx\) are not articles/);
  assert.match(unreadReason('x.dotm') ?? '', /^Word templates \(\.dotm\) are not articles/);
  assert.equal(unreadReason('x.docm'), null, 'a .docm is an article, never "not read"');
});
