// A scan's lines found from its ink, without Tesseract (ocr-lines.ts, ocr-layout.ts): on drawn
// pages whose lines, marks and gaps are known, so that a change to the rule shows here first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLines, hasColumns, levelled, parsePgm, pgmBytes, skewSlope, spacedPage, type GreyImage, type LineBand } from '../../corpus/extract/ocr/ocr-lines';
import { asOcrOutput, bandTexts, paragraphEnds } from '../../corpus/extract/ocr/ocr-layout';

/** A white page with black boxes [top, bottom, left, right) drawn on it. */
function page(width: number, height: number, boxes: readonly (readonly [number, number, number, number])[]): GreyImage {
  const pixels = new Uint8Array(width * height).fill(250);
  for (const [top, bottom, left, right] of boxes) for (let y = top; y < bottom; y++) pixels.fill(10, y * width + left, y * width + right);
  return { width, height, pixels };
}

test("a line's dots standing apart join it, and two lines touching are cut apart: no line is lost or doubled", () => {
  const image = page(200, 200, [
    [14, 17, 50, 60], // dots above the first line
    [21, 41, 10, 190],
    [60, 80, 10, 190], // two lines touching at one faint row
    [80, 81, 100, 103],
    [81, 105, 10, 150],
    [130, 150, 10, 190],
  ]);
  const lines = findLines(image);
  assert.deepEqual(
    lines.map((b) => [b.top, b.bottom]),
    [
      [14, 41],
      [60, 80],
      [80, 105],
      [130, 150],
    ],
  );
  assert.deepEqual([lines[2]!.left, lines[2]!.right], [10, 150], 'a cut line has its own width');
});

test('the lines are set apart on a rebuilt page, each where it says it is', () => {
  const image = page(100, 60, [
    [5, 15, 10, 90],
    [16, 26, 10, 90],
  ]);
  const lines: LineBand[] = [
    { top: 5, bottom: 15, left: 10, right: 90 },
    { top: 16, bottom: 26, left: 10, right: 90 },
  ];
  const { image: spaced, tops } = spacedPage(image, lines);
  assert.deepEqual(tops, [16, 42]);
  assert.equal(spaced.pixels[tops[1]! * 100 + 50], 10);
  assert.equal(spaced.pixels[(tops[1]! - 1) * 100 + 50], 255, 'white between the lines');
  assert.deepEqual(parsePgm(pgmBytes(spaced)), spaced);
});

test('a page in two columns is seen as such, and left to Tesseract', () => {
  const rows = [0, 1, 2, 3, 4, 5].map((i) => 20 + i * 30);
  const columns = page(200, 220, rows.flatMap((y) => [[y, y + 20, 10, 90] as const, [y + 5, y + 25, 110, 190] as const]));
  assert.equal(hasColumns(columns, findLines(columns)), true);
  const single = page(200, 220, rows.map((y) => [y, y + 20, 10, 190] as const));
  assert.equal(hasColumns(single, findLines(single)), false);
});

test('a paragraph ends at a wider step between baselines or at a short line, on the ragged side', () => {
  const band = (baseline: number, left: number, right: number): LineBand => ({ top: baseline - 15, bottom: baseline + 5, left, right, baseline });
  // Flush right, ragged left (right to left, as a Persian page is set): line 3 is short, line 4 is followed by a wide step.
  const rtl = [band(100, 20, 500), band(130, 40, 500), band(160, 300, 500), band(190, 20, 500), band(240, 30, 500), band(270, 200, 500)];
  assert.deepEqual(paragraphEnds(rtl, true), [false, false, true, true, false, true]);
  // The same page set flush left, as LibreOffice set these scans: the short side is measured, not assumed.
  const flushLeft = rtl.map((b) => ({ ...b, left: 20, right: 520 - (b.left - 20) }));
  assert.deepEqual(paragraphEnds(flushLeft, true), [false, false, true, true, false, true]);
  assert.equal(asOcrOutput(['یک', '', 'دو', 'سه'], [false, true, false, true]), 'یک\n\nدو\nسه\n\n');
});

test("Tesseract's words go to the line they were read from, in its order", () => {
  const header = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
  const word = (top: number, text: string) => `5\t1\t1\t1\t1\t1\t10\t${top}\t30\t20\t90\t${text}`;
  const tsv = [header, '4\t1\t1\t1\t1\t0\t10\t16\t80\t20\t-1\t', word(16, 'سلام'), word(17, 'بر'), word(42, 'شما'), word(43, ' ')].join('\n');
  const bands: LineBand[] = [
    { top: 5, bottom: 15, left: 10, right: 90 },
    { top: 16, bottom: 26, left: 10, right: 90 },
  ];
  assert.deepEqual(bandTexts(tsv, [16, 42], bands), ['سلام بر', 'شما']);
});

test('a page scanned at an angle is levelled first, so that its lines do not run into each other', () => {
  const slope = Math.tan((1.5 * Math.PI) / 180);
  const width = 1000;
  const pixels = new Uint8Array(width * 400).fill(250);
  // Eight lines 20 rows tall, 40 rows apart, each climbing 1.5° across the page.
  for (let line = 0; line < 8; line++) for (let x = 50; x < 950; x++) for (let dy = 0; dy < 20; dy++) pixels[(40 + line * 40 + dy + Math.round(slope * (x - width / 2))) * width + x] = 10;
  const tilted: GreyImage = { width, height: 400, pixels };
  assert.ok(findLines(tilted).length < 8, 'tilted, the bands run together');
  const found = skewSlope(tilted);
  assert.ok(Math.abs(found - slope) < 0.002, `slope ${found}`);
  assert.equal(findLines(levelled(tilted, found)).length, 8);
  assert.equal(skewSlope(page(200, 100, [[20, 40, 10, 190], [60, 80, 10, 190]])), 0, 'a level page is left as it is');
});
