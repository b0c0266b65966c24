// A PDF in the corpus folder is an article (issue 24): PDFs made from the sample articles with
// LibreOffice give back the article's words in order, and through the API, as the window
// drives it, a PDF is listed under its own title, opened, annotated and opened again on the
// same words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Annotation } from '../../annotations/model/types';
import type { ArticleDoc, ArticleSummary, UnreadDocument } from '../../corpus/api/api';
import { dispatch } from '../../corpus/api/api-schema';
import { Workspace } from '../../corpus/services/workspace';
import { extractPdf, PDF_EXTRACTOR } from '../../corpus/extract/pdf/extract-pdf';
import { foldKey } from '../../corpus/text/normalise';
import { hostileCorpus, settledList, type HostileCorpus } from '../fixtures/hostile-corpus';
import { makePdf } from '../fixtures/pdf/make-pdf';

const SAMPLE = new URL('../../corpus/sample/', import.meta.url);
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
const skip = hasSoffice ? false : 'LibreOffice not installed (soffice missing): apt-get install libreoffice-writer-nogui';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hashiya-pdf-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Each paragraph of a plain-text article as a right-to-left HTML paragraph, as a Persian or Arabic document has them. */
function asHtml(text: string): string {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = text.split(/\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p dir="rtl">${escape(p)}</p>`).join('\n');
  return `<!DOCTYPE html><html dir="rtl"><head><meta charset="utf-8"><title></title></head><body>${body}</body></html>`;
}

/** The sample articles as PDFs, written by LibreOffice (a fresh profile) from right-to-left HTML. */
async function toPdfs(names: string[]): Promise<string[]> {
  const inputs: string[] = [];
  for (const n of names) {
    const input = join(dir, n.replace(/\.txt$/, '.html'));
    await writeFile(input, asHtml(await readFile(new URL(n, SAMPLE), 'utf8')));
    inputs.push(input);
  }
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', join(dir, 'pdf'), ...inputs], {
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, HOME: dir },
  });
  assert.equal(r.status, 0, `soffice failed: ${r.error?.message ?? ''} ${r.stderr}`);
  return names.map((n) => join(dir, 'pdf', n.replace(/\.txt$/, '.pdf')));
}

/** How many of the article's words (after the search fold) come back in the same order. */
function wordsInOrder(original: string, extracted: string): { found: number; total: number; firstMissing: string[] } {
  const want = foldKey(original).split(/\s+/).filter(Boolean);
  const got = foldKey(extracted).split(/\s+/).filter(Boolean);
  let j = 0;
  let found = 0;
  const firstMissing: string[] = [];
  for (const w of want) {
    const at = got.indexOf(w, j);
    // A word missing here is looked for no further than a line ahead, so one loss does not swallow the rest.
    if (at >= 0 && at - j < 30) {
      found += 1;
      j = at + 1;
    } else if (firstMissing.length < 5) firstMissing.push(w);
  }
  return { found, total: want.length, firstMissing };
}

test('a PDF made by LibreOffice from each sample article gives back all its words, letters and order, compared after the search fold', { skip, timeout: 300_000 }, async () => {
  const names = (await readdir(SAMPLE)).filter((n) => n.endsWith('.txt') && !n.endsWith('.en.txt')).sort();
  const pdfs = await toPdfs(names);
  for (const [i, name] of names.entries()) {
    const original = await readFile(new URL(name, SAMPLE), 'utf8');
    const pdf = await extractPdf(await readFile(pdfs[i]!));
    const r = wordsInOrder(original, pdf.text);
    console.log(`${name}: ${r.found}/${r.total} words back in order (${pdf.meta.pages.length} paragraphs on ${Math.max(...pdf.meta.pages)} pages)${r.firstMissing.length ? `; missing: ${r.firstMissing.join(' ')}` : ''}`);
    assert.equal(r.found, r.total, `${name}: every word back in order`);
  }
});


test("a PDF is listed under its own title, opened as its text, annotated and reopened on the same words; a broken one is listed with the reason; the PDF is never written", async () => {
  const bytes = makePdf({ pages: [['The ministry said the talks would resume next week.'], ['Both delegations are expected in Doha.']], title: 'Talks to resume' });
  const fixture = await readFile(new URL('../fixtures/pdf/ar_fpdf2_bidi_arabic_lorem_ipsum.pdf', import.meta.url));
  const c = await hostileCorpus(['a.txt'], async ({ corpus }) => {
    await writeFile(join(corpus, 'statement.pdf'), bytes);
    await writeFile(join(corpus, 'lorem.PDF'), fixture);
    await writeFile(join(corpus, 'broken.pdf'), '%PDF-1.4\nnot really');
  });
  try {
    const list = await settledList(c);
    const by = new Map(list.map((a) => [a.file, a]));
    assert.deepEqual([...by.keys()].sort(), ['a.txt', 'broken.pdf', 'lorem.PDF', 'statement.pdf']);
    assert.equal(by.get('statement.pdf')?.headline, 'Talks to resume');
    assert.equal(by.get('lorem.PDF')?.openable, true, by.get('lorem.PDF')?.note ?? '');
    assert.equal(by.get('broken.pdf')?.openable, false);
    assert.match(by.get('broken.pdf')?.note ?? '', /not a readable PDF|could not be read/);
    console.log(`listed: ${list.map((a) => `${a.file} → ${JSON.stringify(a.headline)}${a.note ? ` (${a.note})` : ''}`).join('; ')}`);
    const unread = await c.call<UnreadDocument[]>('listUnreadDocuments');
    assert.ok(unread.ok);
    assert.deepEqual(unread.value, [], 'a PDF is no longer "not read yet"');

    const doc = await c.call<ArticleDoc>('openArticle', 'lorem.PDF');
    assert.ok(doc.ok, doc.ok ? '' : doc.error.message);
    const phrase = 'ما أصله ؟';
    const start = doc.value.text.indexOf(phrase);
    assert.ok(start > 0, 'the heading of the second section is in the text');
    const saved = await c.call<Annotation>('createAnnotation', 'lorem.PDF', { start, end: start + phrase.length, version: doc.value.version, tags: [], gloss: 'Where does it come from?', note: '' });
    assert.ok(saved.ok, saved.ok ? '' : saved.error.message);
    await c.ws.close();
    await c.ws.openCorpus(c.corpus, false);
    const again = await c.call<ArticleDoc>('openArticle', 'lorem.PDF');
    assert.ok(again.ok);
    const a = again.value.annotations[0]!;
    assert.equal(again.value.text.slice(a.target.position.start, a.target.position.end), phrase);
    const sidecar = JSON.parse(await readFile(join(c.corpus, 'lorem.PDF.annotations.json'), 'utf8')) as { article: { extractor?: string } };
    assert.equal(sidecar.article.extractor, `${PDF_EXTRACTOR.name}/${PDF_EXTRACTOR.version}`);
    assert.deepEqual(new Uint8Array(await readFile(join(c.corpus, 'lorem.PDF'))), new Uint8Array(fixture), 'the PDF is unchanged');
  } finally {
    await c.close();
  }
});

test("in the running app a PDF not read before is extracted by the corpus's worker (pdf.js loads there too) and opens as its text", async () => {
  const base = await mkdtemp(join(tmpdir(), 'hashiya-pdf-live-'));
  const corpus = join(base, 'corpus');
  await mkdir(corpus);
  await writeFile(join(corpus, 'واژه‌ها.pdf'), await readFile(new URL('../fixtures/pdf/fa_purepersian.pdf', import.meta.url)));
  const ws = await Workspace.create({ appDataDir: join(base, 'app'), pickFolder: async () => null, live: true });
  try {
    await ws.openCorpus(corpus, false);
    const opened = await dispatch(ws, 'openArticle', ['واژه‌ها.pdf']);
    assert.ok(opened.ok, JSON.stringify(opened));
    const text = (opened.value as ArticleDoc).text;
    assert.ok(foldKey(text).includes(foldKey('زبان فارسی زنده و پویا، پر از واژه‌های زیبا و خالص است.')), text.slice(0, 200));
    // The cache entry is written in the background: wait for it (a generous limit, not a timing).
    let cached: string[] = [];
    for (let i = 0; i < 200 && cached.length === 0; i++) {
      cached = (await readdir(join(corpus, '.hashiya')).catch(() => [] as string[])).filter((n) => n.startsWith('page-'));
      if (cached.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(cached.length, 1, 'the extraction is kept for the next time');
  } finally {
    await ws.close();
    await rm(base, { recursive: true, force: true });
  }
});
