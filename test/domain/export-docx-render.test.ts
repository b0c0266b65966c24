// Reads the DOCX report as LibreOffice lays it out: converted to PDF headless, then read back
// line by line (pdftotext -layout) and word by word in drawing order (pdftotext -bbox), so
// that a citation that wraps into the quote, a `para. N` pushed onto a line of its own or a
// headline drawn out of order fails here. The page goes to test-output/ for a person to look at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isolatedSegments, stripIsolates } from '../../annotations/export/bidi';
import { exportQuotations } from '../../annotations/export/index';
import type { Quotation } from '../../annotations/quotations/quotations';
import { fixtureQuotations, squash } from './quotation-fixtures';

const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

// One line naming every Debian package that is missing.
const PACKAGES: Array<[string, string]> = [['soffice', 'libreoffice-writer-nogui'], ['pdftotext', 'poppler-utils'], ['pdftoppm', 'poppler-utils']];
const missing = PACKAGES.filter(([command]) => !onPath(command));
const skip = missing.length > 0
  ? `${missing.map(([c]) => c).join(', ')} not installed: apt-get install ${[...new Set(missing.map(([, p]) => p))].join(' ')}`
  : false;

let dir = '';
let pdf = '';

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: dir } });
  assert.equal(r.status, 0, `${command} ${args.join(' ')} failed: ${r.error?.message ?? ''} ${r.stderr}`);
  return r.stdout;
}

before(async () => {
  if (skip) return;
  dir = await mkdtemp(join(tmpdir(), 'hashiya-docx-render-'));
  const docx = join(dir, 'report.docx');
  await writeFile(docx, (await exportQuotations(fixtureQuotations(), 'docx', { now: new Date('2024-02-03T00:00:00Z') })).data);
  run('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx]);
  pdf = join(dir, 'report.pdf');
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const RTL_RUN = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200C]+/g;
const reverse = (s: string): string => [...s].reverse().join('');

/** The text lines of the PDF as pdftotext lays them out, with the bidi marks it adds removed. */
function layoutLines(): string[] {
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'])
    .split('\n')
    .map((l) => l.replace(/[\u200E\u200F\u202A-\u202E]/g, '').trim())
    .filter((l) => l !== '');
}

/** Each line's words left to right as drawn; pdftotext spells a Persian word as drawn too, so it is turned back. */
function drawnLines(): string[] {
  const html = run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-']);
  const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...html.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((line) =>
    [...line[1]!.matchAll(/<word xMin="([\d.]+)"[^>]*>([\s\S]*?)<\/word>/g)]
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((w) => unescape(w[2]!).replace(RTL_RUN, (r) => reverse(r.normalize('NFKC'))))
      .join(' '),
  );
}

/** How a right reader draws the citation in an English line: each Persian part's words right to left. */
function drawnCitation(q: Quotation): string {
  return isolatedSegments(q.citation)
    .map((s) => (s.isolate === null ? s.text : s.text.split(' ').reverse().map((w) => w.replace(/^(.*?)([^\p{L}]*)$/u, (_m, core: string, trail: string) => reverse(trail) + core)).join(' ')))
    .join('');
}

const paraOf = (q: Quotation): string | null => /para\. \d+$/.exec(stripIsolates(q.citation))?.[0] ?? null;

test('each citation starts on a line of its own after its quote and keeps `, para. N` with the date', { skip, timeout: 300_000 }, () => {
  // pdftotext -layout writes a mixed line in an order of its own (the `—` last), so lines are
  // judged by what they hold here, and by the order they are drawn in the next test.
  const lines = layoutLines();
  const quotations = fixtureQuotations();
  for (const q of quotations) {
    // A Persian line with a number may come out of pdftotext in its own word order: same letters.
    const wordsOf = (t: string): string => [...squash(t)].sort().join('');
    const at = lines.findIndex((l) => squash(l) === squash(q.quote) || wordsOf(l) === wordsOf(q.quote));
    assert.ok(at >= 0, `the quote ${q.quote} is a line of its own`);
    const start = lines.findIndex((l, i) => i > at && l.includes('—'));
    const end = lines.findIndex((l, i) => i > start && l.startsWith('Analyst:'));
    assert.ok(start > at && end > start, `a citation line after ${q.quote}, then the analyst line`);
    const citation = lines.slice(start, end);
    const [outlet, headline] = isolatedSegments(q.citation).filter((s) => s.isolate !== null).map((s) => s.text);
    assert.ok(!squash(lines[start - 1]!).includes(squash(headline!)), 'the citation does not run on from the line above');
    // The outlet's English name with its own beside it can push a long headline onto the next line.
    assert.ok(squash(citation[0]!).includes(squash(outlet!)), `the outlet whole on the citation's first line: ${citation[0]}`);
    // Word by word, so the lam-alef order squash() fixes across a word gap is left out of the key.
    const fold = (t: string): string => squash(t).replace(/[ئ]/gu, 'ی').replace(/[^\p{L}\p{N}]|[لاأإآ]/gu, '');
    const words = fold(citation.join(''));
    assert.ok(headline!.split(/\s+/).every((w) => words.includes(fold(w))), `the headline's words on the citation's lines: ${citation.join(' | ')}; missing ${headline!.split(/\s+/).filter((w) => !words.includes(fold(w))).join(' ')}`);
    assert.equal(squash(citation.join('')).length, squash(`— ${stripIsolates(q.citation)}`).length, `nothing else on the citation's lines: ${citation.join(' | ')}`);
    const para = paraOf(q);
    if (para) {
      const holder = citation.find((l) => l.includes(para));
      assert.ok(holder, `${para} on a citation line`);
      const date = /", ([^"]+), para\. \d+$/.exec(stripIsolates(q.citation))?.[1];
      assert.ok(date ? holder.includes(`${date}, ${para}`) : squash(holder).includes(squash(headline!)), `\`, ${para}\` on the line of what comes before it: ${holder}`);
    }
  }
  // An Arabic citation with a short headline wraps, if at all, before its date: the date and
  // `para. N` stay together.
  assert.ok(lines.some((l) => l.includes('17 May 2021, para. 2')), 'the Arabic citation keeps its date and paragraph together');
});

test('the headline and the outlet are drawn in reading order inside the English citation line', { skip, timeout: 300_000 }, () => {
  const drawn = drawnLines().map(squash);
  for (const q of fixtureQuotations()) {
    const expected = squash(`— ${drawnCitation(q)}`);
    const found = drawn.some((l, first) => {
      if (!l.startsWith('—') || !expected.startsWith(l)) return false;
      let joined = l;
      for (let i = first + 1; joined.length < expected.length && i < drawn.length; i++) joined += drawn[i]!;
      return joined === expected;
    });
    if (found) continue;
    // A long headline wraps: its first words end the first line (drawn right to left) and the
    // rest opens the next. Then the outlet must still come first, drawn in reading order, and the
    // date and `para. N` close the citation in their English order.
    const [head] = isolatedSegments(q.citation).filter((s) => s.isolate !== null);
    const outletPart = squash(`— ${drawnCitation({ ...q, citation: q.citation.slice(0, q.citation.indexOf(head!.text) + head!.text.length + 2) })}`);
    const tail = squash(stripIsolates(q.citation).slice(stripIsolates(q.citation).lastIndexOf('"') + 1));
    const starts = drawn.map((l, i) => (l.startsWith(outletPart) ? i : -1)).filter((i) => i >= 0);
    assert.ok(starts.length > 0, `the citation of ${q.quote} opens with ${outletPart}; lines with —: ${drawn.filter((l) => l.startsWith('—')).join(' / ')}`);
    assert.ok(starts.some((at) => drawn.slice(at, at + 3).join('').includes(tail)), `the citation of ${q.quote} closes with ${tail}`);
  }
});

test('the first page is rendered to test-output/ for a person to look at', { skip, timeout: 300_000 }, async () => {
  await mkdir(OUTPUT, { recursive: true });
  run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUTPUT, 'export-docx-citations-page1')]);
  run('pdftoppm', ['-png', '-r', '80', '-f', '2', '-l', '2', '-singlefile', pdf, join(OUTPUT, 'export-docx-citations-page2')]);
});
