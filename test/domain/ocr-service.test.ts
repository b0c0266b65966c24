// "Read with OCR" (issue 24, item 3) through the API the window calls: a scanned PDF in a
// corpus is listed as needing OCR; read at the person's request, page by page with progress,
// its text becomes the article's (listed, opened with its pages, searched, quoted with a
// citation that says the words came from a scan), and stays so after the app restarts; the
// PDF is never written. What cannot work says so plainly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../corpus/api/api-schema';
import type { AppEvent, OcrDone } from '../../corpus/api/api';
import { Workspace } from '../../corpus/services/workspace';
import { NO_SOFFICE_PDF, samplePdf } from '../fixtures/pdf/persian-pdf';
import { NO_OCR, scanOf } from '../fixtures/pdf/scan-pdf';

const skip = NO_SOFFICE_PDF || NO_OCR;
const SCAN = 'اسکن گفت‌وگو.pdf';
const TEXT_PDF = 'متن.pdf';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('a scanned PDF read by OCR from the app', { skip }, () => {
  let base = '';
  let corpus = '';
  let ws: Workspace;
  const events: AppEvent[] = [];
  let scanHash = '';

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'hashiya-ocr-service-'));
    corpus = join(base, 'corpus');
    const made = join(base, 'made');
    mkdirSync(corpus);
    mkdirSync(made);
    const pdf = samplePdf(made, '000_4b15f26e11b27dea.txt', 18);
    copyFileSync(await scanOf(pdf, join(made, 'pdf')), join(corpus, SCAN));
    copyFileSync(pdf, join(corpus, TEXT_PDF));
    writeFileSync(join(corpus, 'یادداشت.txt'), 'یادداشت\n\nمتن کوتاه.\n');
    scanHash = sha(join(corpus, SCAN));
    ws = await Workspace.create({ appDataDir: join(base, 'app'), pickFolder: async () => null });
    await ws.openCorpus(corpus, false);
    ws.onEvent((e) => events.push(e));
  });

  after(async () => {
    await ws?.close();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  test('the scan is listed as needing OCR, not opened', async () => {
    const row = (await ws.listArticles()).find((a) => a.file === SCAN);
    assert.ok(row, 'listed');
    assert.equal(row.openable, false);
    assert.equal(row.needsOcr, true);
    assert.match(row.note ?? '', /no text layer.*OCR/);
  });

  test('OCR is refused for a PDF with a text layer and for a plain text, with the reason', async () => {
    const pdf = await dispatch(ws, 'readWithOcr', [TEXT_PDF, ['fas']]);
    assert.equal(pdf.ok, false);
    assert.match(pdf.ok ? '' : pdf.error.message, /has a text layer/);
    const txt = await dispatch(ws, 'readWithOcr', ['یادداشت.txt', ['fas']]);
    assert.equal(txt.ok, false);
    assert.match(txt.ok ? '' : txt.error.message, /Only a scanned PDF/);
  });

  test('stopping OCR ends it at once: nothing is kept and the scan is still listed as needing OCR', async () => {
    const started = new Promise<void>((resolve) => {
      const off = ws.onEvent((e) => {
        if (e.type === 'ocr-progress' && e.file === SCAN && e.total > 0) {
          off();
          resolve();
        }
      });
    });
    const run = dispatch(ws, 'readWithOcr', [SCAN, ['fas']]);
    await started;
    assert.deepEqual(await dispatch(ws, 'stopOcr', [SCAN]), { ok: true, value: null });
    const result = await run;
    assert.deepEqual(result, { ok: false, error: { code: 'bad-request', message: 'OCR was stopped.' } });
    assert.ok(!readdirSync(join(corpus, '.hashiya')).some((f) => f.startsWith('ocr-')), 'nothing of the stopped run is kept');
    assert.equal((await ws.listArticles()).find((a) => a.file === SCAN)?.needsOcr, true);
  });

  test('read by OCR page by page: progress for each page, one run at a time, then the scan is an article', async () => {
    const from = events.length;
    const run = dispatch(ws, 'readWithOcr', [SCAN, ['fas']]);
    // A second request while the first reads is told to wait, not queued behind it.
    await new Promise((r) => setTimeout(r, 50));
    const second = await dispatch(ws, 'readWithOcr', [SCAN, ['fas']]);
    assert.equal(second.ok, false);
    assert.match(second.ok ? '' : second.error.message, /already reading/);
    const result = await run;
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    const done = { value: result.value as OcrDone };
    const progress = events.slice(from).filter((e): e is Extract<AppEvent, { type: 'ocr-progress' }> => e.type === 'ocr-progress' && e.file === SCAN);
    console.log(`  ${done.value.pages} pages, ${done.value.characters} characters; progress events: ${progress.map((e) => `${e.done}/${e.total}`).join(' ')}`);
    assert.ok(done.value.pages >= 2, 'the scan has more than one page');
    assert.deepEqual(
      progress.filter((e) => e.total > 0).map((e) => e.done),
      Array.from({ length: done.value.pages + 1 }, (_, i) => i),
      'the page count as soon as it is known, then one event per page read, in order',
    );
    assert.ok(events.some((e) => e.type === 'articles-changed' && e.files.includes(SCAN)), 'the window hears the list changed');
    const row = (await ws.listArticles()).find((a) => a.file === SCAN);
    assert.equal(row?.openable, true);
    assert.equal(row?.needsOcr, undefined);
    assert.equal(row?.language, 'fa');
    assert.equal(sha(join(corpus, SCAN)), scanHash, 'the PDF itself is not written');
    assert.ok(readdirSync(join(corpus, '.hashiya')).some((f) => /^ocr-[0-9a-f]{64}\.json$/.test(f)), 'the text is kept in the hidden folder');
  });

  test('the article opens with its pages and says it was read by OCR; its quotation cites the page and the scan', async () => {
    const doc = await ws.openArticle(SCAN);
    assert.match(doc.source?.ocr ?? '', /^Tesseract \d+\.\d+.*Persian/);
    assert.ok(Math.max(...(doc.source?.pages ?? [0])) >= 2);
    const word = 'تروریسم';
    const start = doc.text.indexOf(word);
    assert.ok(start >= 0, `OCR read «${word}»`);
    await ws.createAnnotation(SCAN, { start, end: start + word.length, tags: [], gloss: 'terrorism', note: '' });
    const page = await ws.queryQuotations({ filter: { files: [SCAN] } });
    const citation = page.rows[0]?.citation ?? '';
    console.log(`  citation: ${citation}`);
    assert.match(citation, /p\. 1, scan read by OCR/);
  });

  test('the OCR text is searched like any article', async () => {
    const found = await ws.search({ query: 'تروریسم' });
    assert.ok(found.hits.some((h) => h.file === SCAN), 'a hit in the scan');
  });

  test('after a restart the scan is still an article with the same text (its annotations still in place)', async () => {
    const before = (await ws.openArticle(SCAN)).text;
    await ws.close();
    ws = await Workspace.create({ appDataDir: join(base, 'app'), pickFolder: async () => null });
    await ws.openCorpus(corpus, false);
    const doc = await ws.openArticle(SCAN);
    assert.equal(doc.text, before);
    assert.equal(doc.annotations.length, 1);
    assert.equal(doc.annotations[0]!.target.quote.exact, 'تروریسم');
  });

  test('a scan read again in another language opens with the new reading at once; its annotation is kept, placed again from its quote, and back on its word when read in Persian again', async () => {
    const before = await ws.openArticle(SCAN);
    const again = await dispatch(ws, 'readWithOcr', [SCAN, ['ara']]);
    assert.ok(again.ok, again.ok ? '' : again.error.message);
    const doc = await ws.openArticle(SCAN);
    assert.match(doc.source?.ocr ?? '', /Arabic/);
    assert.notEqual(doc.text, before.text, 'the Arabic model reads the Persian scan otherwise');
    assert.equal(doc.annotations.length, 1, 'the annotation is kept');
    const a = doc.annotations[0]!;
    console.log(`  read again in Arabic: ${doc.text.length} characters (was ${before.text.length}); the annotation is ${a.anchor.status}, at «${doc.text.slice(a.target.position.start, a.target.position.end)}»`);
    // And back: Persian again gives the Persian reading, the annotation on its word.
    const back = await dispatch(ws, 'readWithOcr', [SCAN, ['fas']]);
    assert.ok(back.ok);
    const restored = await ws.openArticle(SCAN);
    assert.equal(restored.text, before.text);
    const r = restored.annotations[0]!;
    assert.equal(restored.text.slice(r.target.position.start, r.target.position.end), 'تروریسم');
    assert.equal(sha(join(corpus, SCAN)), scanHash, 'the PDF itself is never written');
  });
});

test('where Tesseract is missing, OCR says what to install, and no run starts', async () => {
  const base = mkdtempSync(join(tmpdir(), 'hashiya-ocr-missing-'));
  try {
    const corpus = join(base, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'a.pdf'), '%PDF-1.4\n');
    const missing = 'OCR needs Tesseract: apt-get install tesseract-ocr tesseract-ocr-fas tesseract-ocr-ara';
    const ws = await Workspace.create({ appDataDir: join(base, 'app'), pickFolder: async () => null, findOcrTools: async () => ({ missing }) });
    await ws.openCorpus(corpus, false);
    assert.deepEqual(await ws.ocrAvailability(), { available: false, message: missing });
    const r = await dispatch(ws, 'readWithOcr', ['a.pdf', ['fas']]);
    assert.deepEqual(r, { ok: false, error: { code: 'bad-request', message: missing } });
    await ws.close();
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
