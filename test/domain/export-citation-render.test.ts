// The two citation bugs a new user met, checked as LibreOffice lays the reports out: an Arabic
// headline ending with a quote mark had that mark drawn at the English end of the headline in
// the DOCX, and the HTML report's citation was scrambled (`, "17` pulled into the headline)
// when LibreOffice opened it, though a browser showed it right. Each report is converted to PDF
// headless and its citation lines read back word by word in drawing order (pdftotext -bbox).
// The pages go to test-output/ for a person to look at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isolatedSegments } from '../../annotations/export/bidi';
import { exportQuotations } from '../../annotations/export/index';
import type { Annotation } from '../../annotations/model/types';
import { buildQuotations, type Quotation, type QuotationSourceDoc } from '../../annotations/quotations/quotations';
import { splitParagraphs } from '../../corpus/text/paragraphs';
import { findChromium, launchBrowser } from '../browser/browser-env';
import { squash } from './quotation-fixtures';

const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

const PACKAGES: Array<[string, string]> = [['soffice', 'libreoffice-writer-nogui'], ['pdftotext', 'poppler-utils'], ['pdftoppm', 'poppler-utils']];
const missing = PACKAGES.filter(([command]) => !onPath(command));
const skip = missing.length > 0 ? `${missing.map(([c]) => c).join(', ')} not installed: apt-get install ${[...new Set(missing.map(([, p]) => p))].join(' ')}` : false;

let dir = '';

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: dir } });
  assert.equal(r.status, 0, `${command} ${args.join(' ')} failed: ${r.error?.message ?? ''} ${r.stderr}`);
  return r.stdout;
}

/** An Arabic article whose headline ends with a quote mark, `«…»` in one and `"…"` in the other. */
function article(file: string, headline: string, url: string): QuotationSourceDoc {
  const text = `${headline}\n\nقال الوزير: لن نتراجع عن القرار أبدا.`;
  const exact = 'لن نتراجع عن القرار';
  const start = text.indexOf(exact);
  const annotation: Annotation = {
    id: `00000000-0000-4000-8000-00000000000${file.length % 10}`,
    analyst: 'Maryam',
    created: '2024-01-01T10:00:00.000Z',
    modified: '2024-01-01T10:00:00.000Z',
    target: { position: { start, end: start + exact.length }, quote: { exact, prefix: '', suffix: '' } },
    anchor: { status: 'exact', score: 1 },
    tags: [],
    gloss: '',
    note: '',
  };
  return {
    file,
    text,
    language: 'ar',
    paragraphs: splitParagraphs(text, 'rtl').map((p) => ({ ...p, boilerplate: false })),
    annotations: [annotation],
    metadata: { headline, outlet: 'الجزيرة', date: { iso: '2021-05-17', original: '17 أيار 2021' }, url, accessed: '2026-12-07T04:17:45Z' },
  };
}

const QUOTATIONS: Quotation[] = buildQuotations(
  [article('guillemets.html', 'الوزير: «لن نتراجع»', 'https://www.aljazeera.net/news/1'), article('quotes.html', 'قال: "لن نتراجع"', 'https://www.aljazeera.net/news/2')],
  [],
);

before(async () => {
  if (skip) return;
  dir = await mkdtemp(join(tmpdir(), 'hashiya-citation-render-'));
  const now = new Date('2026-12-07T10:00:00Z');
  await writeFile(join(dir, 'report.docx'), (await exportQuotations(QUOTATIONS, 'docx', { now })).data);
  await writeFile(join(dir, 'page.html'), (await exportQuotations(QUOTATIONS, 'html', { now, fonts: [] })).data);
  const profile = pathToFileURL(join(dir, 'profile')).href;
  run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')]);
  // writer_pdf_Export: the HTML opened in Writer, as a person opening the file in LibreOffice sees it.
  run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', dir, join(dir, 'page.html')]);
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const reverse = (s: string): string => [...s].reverse().join('');

/** The lines of a PDF, each word as drawn, left to right. */
function drawnLines(pdf: string): string[] {
  const html = run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-']);
  const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...html.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)]
    .map((line) =>
      [...line[1]!.matchAll(/<word xMin="([\d.]+)"[^>]*>([\s\S]*?)<\/word>/g)]
        .sort((a, b) => Number(a[1]) - Number(b[1]))
        .map((w) => unescape(w[2]!))
        .join(' '),
    );
}

/**
 * The citation as a reader draws it in an English line: each Arabic part right to left (its
 * letters reversed, as pdftotext spells drawn Arabic), the quote marks at the part's own ends.
 */
function expectedDrawing(q: Quotation): string {
  return `— ${isolatedSegments(q.citation)
    .map((s) => (s.isolate === null ? s.text : reverse(s.text)))
    .join('')}`;
}

function checkCitations(pdf: string, format: string): void {
  const lines = drawnLines(pdf).map(squash);
  // The address may wrap onto the next line: the lines are read one after the other.
  const page = lines.join('');
  let right = 0;
  for (const q of QUOTATIONS) {
    const expected = squash(expectedDrawing(q));
    const found = page.includes(expected);
    if (found) right++;
    else {
      const headline = isolatedSegments(q.citation).filter((s) => s.isolate !== null)[1]!.text;
      assert.fail(`${format}: the citation of "${headline}" is drawn out of order.\n  drawn:    ${lines.filter((l) => l.startsWith('—')).join('\n            ')}\n  expected: ${expected}`);
    }
  }
  console.log(`${format} in LibreOffice: ${right}/${QUOTATIONS.length} citations drawn in reading order (headline quote marks at the headline's own ends)`);
}

test('DOCX in LibreOffice: an Arabic headline ending with » or " keeps its quote mark at its own end, and the address follows the date', { skip, timeout: 300_000 }, () => {
  checkCitations(join(dir, 'report.pdf'), 'DOCX');
});

test('HTML opened in LibreOffice: the citation keeps `, 17 May 2021` outside the Arabic headline, as a browser shows it', { skip, timeout: 300_000 }, () => {
  checkCitations(join(dir, 'page.pdf'), 'HTML');
});

test('a browser still shows the HTML citations in reading order', { skip: findChromium() ? false : 'no Chromium: apt-get install chromium', timeout: 120_000 }, async () => {
  const html = new TextDecoder().decode((await exportQuotations(QUOTATIONS, 'html', { now: new Date('2026-12-07T10:00:00Z'), fonts: [] })).data);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.setContent(html);
    // Every character of each citation with where it is drawn, read back line by line, left to right.
    const drawn = await page.$$eval('p.citation', (paras) =>
      paras.map((p) => {
        const chars: Array<{ c: string; x: number; y: number }> = [];
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const box = range.getBoundingClientRect();
            if (box.width > 0) chars.push({ c: text[i]!, x: box.left + box.width / 2, y: Math.round(box.top / 4) });
          }
        }
        return chars.sort((a, b) => a.y - b.y || a.x - b.x).map((ch) => ch.c).join('');
      }),
    );
    drawn.forEach((line, i) => assert.equal(squash(line), squash(expectedDrawing(QUOTATIONS[i]!)), `the browser draws citation ${i + 1} in reading order`));
    console.log(`HTML in Chromium: ${drawn.length}/${QUOTATIONS.length} citations drawn in reading order`);
  } finally {
    await browser.close();
  }
});

test('the rendered citations are written to test-output/ for a person to look at', { skip, timeout: 300_000 }, async () => {
  await mkdir(OUTPUT, { recursive: true });
  run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'report.pdf'), join(OUTPUT, 'export-citation-render-docx')]);
  run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'page.pdf'), join(OUTPUT, 'export-citation-render-html')]);
});
