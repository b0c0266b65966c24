// Opens the exports in a real office suite: LibreOffice (headless) converts the CSV and the
// DOCX to PDF, pdftotext reads the Persian and Arabic quotes back out, and pdftoppm renders
// the first page of each to test-output/ for a person to look at. Slow (LibreOffice starts
// twice, ~5-10 s each), so it is one file with generous timeouts, skipped when soffice is absent.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exportQuotations } from '../../annotations/export/index';
import { fixtureQuotations, squash } from './quotation-fixtures';

/**
 * pdftotext guesses each page's direction from its text and, on a page with much English,
 * writes a Persian line with a number in it in its own order (`بار مهم‌تر ۱۴۰۰ امنیت منطقه`):
 * a quote counts as printed when each of its words is (the page itself is looked at as a PNG).
 */
function printedWords(text: string, quote: string): boolean {
  return quote.split(/\s+/).every((w) => text.includes(squash(w)));
}

const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

const missing = ['soffice', 'pdftotext', 'pdftoppm'].filter((c) => !onPath(c));
const skip = missing.length > 0 ? `LibreOffice/poppler not installed (${missing.join(', ')} missing): apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils` : false;

let dir = '';

before(async () => {
  if (skip) return;
  dir = await mkdtemp(join(tmpdir(), 'hashiya-lo-'));
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function run(command: string, args: string[], timeout = 180_000): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout, env: { ...process.env, HOME: dir } });
  assert.equal(r.status, 0, `${command} ${args.join(' ')} failed: ${r.error?.message ?? ''} ${r.stderr}`);
  return r.stdout;
}

/** Converts with a fresh LibreOffice profile, so that no user setting or running instance interferes. */
function toPdf(input: string, infilter?: string): string {
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  const outdir = join(dir, 'pdf');
  run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', 'pdf', '--outdir', outdir, input]);
  return join(outdir, input.split('/').pop()!.replace(/\.\w+$/, '.pdf'));
}

async function renderFirstPage(pdf: string, name: string, page = 1): Promise<string> {
  await mkdir(OUTPUT, { recursive: true });
  const prefix = join(OUTPUT, name);
  run('pdftoppm', ['-r', '80', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}

test('LibreOffice Writer turns the DOCX report into a PDF that holds the Persian and Arabic quotes', { skip, timeout: 300_000 }, async () => {
  const quotations = fixtureQuotations();
  const docx = join(dir, 'quotations-report.docx');
  await writeFile(docx, (await exportQuotations(quotations, 'docx', { now: new Date('2024-02-03T00:00:00Z') })).data);
  const pdf = toPdf(docx);
  const text = squash(run('pdftotext', ['-enc', 'UTF-8', pdf, '-']));
  for (const q of quotations) assert.ok(printedWords(text, q.quote), `quote ${q.quote} in the PDF`);
  // pdftotext rebuilds the reading order of mixed lines by its own rules (it moved the `>` of
  // `</script>` to the front of an English line on a page full of Persian), so mixed lines are
  // checked by their Latin words here and by eye on the rendered page.
  assert.ok(text.includes(squash('Iran spares no help <script>alert(1)</script')), 'the gloss, as text');
  assert.ok(text.includes(squash('Sep 2021 (22 Shahrivar 1400)')), 'the citation dates');
  await renderFirstPage(pdf, 'export-docx-page1');
  assert.ok((await readdir(OUTPUT)).includes('export-docx-page1.png'));
});

test('LibreOffice Calc reads the UTF-8 CSV (with its BOM) into cells and prints the quotes', { skip, timeout: 300_000 }, async () => {
  const quotations = fixtureQuotations();
  const csv = join(dir, 'quotations-table.csv');
  await writeFile(csv, (await exportQuotations(quotations, 'csv')).data);
  // Separator comma (44), text delimiter " (34), character set UTF-8 (76), from line 1: what
  // the import dialog proposes for this file. Headless conversion without options reads the
  // system's 8-bit character set instead and ignores the BOM (seen here: Ø±Ø¦ÛŒØ³ for رئیس).
  const pdf = toPdf(csv, 'Text - txt - csv (StarCalc):44,34,76,1');
  const text = squash(run('pdftotext', ['-enc', 'UTF-8', pdf, '-']));
  for (const q of quotations) assert.ok(printedWords(text, q.quote), `quote ${q.quote} in the PDF`);
  assert.ok(text.includes(squash("'=HYPERLINK(\"http://evil\")")), 'the neutralised formula prints as text');
  // Calc prints a long cell cut at the next column: the citation's start is what is on paper.
  assert.ok(text.includes(squash("Iranian Students' News Agency")), 'the citation, its outlet in English');
  await renderFirstPage(pdf, 'export-csv-page1');
});
