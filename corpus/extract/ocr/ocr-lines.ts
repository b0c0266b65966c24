// The text lines of a scanned page found from its ink, so that Tesseract's own layout analysis
// cannot skip one: on a Persian page it left whole lines out of every block (7 of 34), while each
// of those lines reads well once it stands alone. Lines are the bands of rows with ink in a
// binarised page; the page is rebuilt with the lines further apart and read in one tesseract call.

/** A grey 8-bit image, one byte a pixel, row after row (what pdftoppm -gray writes as PGM). */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** One text line of the page: its rows (top inclusive, bottom exclusive) and its ink's columns. */
export interface LineBand {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** The row with the most ink: Arabic script's baseline, steadier than a band's edges, which dots and marks move. */
  baseline?: number;
}

/** A binary PGM (P5, 8-bit) as pdftoppm -gray writes it; null when it is something else. */
export function parsePgm(bytes: Uint8Array): GreyImage | null {
  const header: number[] = [];
  let i = 2;
  if (bytes[0] !== 0x50 || bytes[1] !== 0x35) return null;
  while (header.length < 3 && i < bytes.length) {
    while (i < bytes.length && /\s/.test(String.fromCharCode(bytes[i]!))) i++;
    if (bytes[i] === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++;
      continue;
    }
    let n = '';
    while (i < bytes.length && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) n += String.fromCharCode(bytes[i++]!);
    if (!n) return null;
    header.push(Number(n));
  }
  const [width, height, max] = header;
  if (!width || !height || max !== 255) return null;
  const start = i + 1;
  if (bytes.length < start + width * height) return null;
  return { width, height, pixels: bytes.subarray(start, start + width * height) };
}

/** The image as a binary PGM, which Tesseract (through Leptonica) reads. */
export function pgmBytes(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header);
  out.set(image.pixels, header.length);
  return out;
}

/** Otsu's threshold: the grey level that best splits ink from paper, whatever the scan's contrast. */
export function inkThreshold(pixels: Uint8Array): number {
  const histogram = new Array<number>(256).fill(0);
  for (const p of pixels) histogram[p]! += 1;
  const total = pixels.length;
  let sum = 0;
  for (let g = 0; g < 256; g++) sum += g * histogram[g]!;
  let below = 0;
  let belowSum = 0;
  let best = 0;
  let threshold = 128;
  for (let g = 0; g < 256; g++) {
    below += histogram[g]!;
    if (below === 0 || below === total) continue;
    belowSum += g * histogram[g]!;
    const meanBelow = belowSum / below;
    const meanAbove = (sum - belowSum) / (total - below);
    const between = below * (total - below) * (meanBelow - meanAbove) ** 2;
    if (between > best) {
      best = between;
      threshold = g;
    }
  }
  return threshold;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * The page's text lines, top to bottom. A row has ink when a few pixels in it are darker than
 * the threshold (a JPEG's specks are single pixels); a run of such rows is a band. Arabic
 * script's dots, hamzas and vowel marks above or below a line often stand apart from it as a
 * thin band of their own: a band much thinner than the usual line joins its nearer neighbour.
 */
export function findLines(image: GreyImage): LineBand[] {
  const { width, height, pixels } = image;
  const threshold = inkThreshold(pixels);
  const minInk = Math.max(2, Math.round(width / 1000));
  const bands: LineBand[] = [];
  const rowInk = new Uint32Array(height);
  let open: LineBand | null = null;
  for (let y = 0; y < height; y++) {
    let ink = 0;
    let left = width;
    let right = -1;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (pixels[row + x]! <= threshold) {
        ink += 1;
        if (x < left) left = x;
        right = x;
      }
    }
    rowInk[y] = ink;
    if (ink >= minInk) {
      if (open) {
        open.bottom = y + 1;
        open.left = Math.min(open.left, left);
        open.right = Math.max(open.right, right + 1);
      } else open = { top: y, bottom: y + 1, left, right: right + 1 };
    } else if (open) {
      bands.push(open);
      open = null;
    }
  }
  if (open) bands.push(open);
  return splitTouching(mergeMarks(bands), image, rowInk, threshold).map((b) => {
    let baseline = b.top;
    for (let y = b.top; y < b.bottom; y++) if (rowInk[y]! > rowInk[baseline]!) baseline = y;
    return { ...b, baseline };
  });
}

/**
 * Two lines whose descenders and ascenders touch make one band twice as tall as a line: it is
 * cut at its faintest row near the middle, where the two lines meet.
 */
function splitTouching(lines: LineBand[], image: GreyImage, rowInk: Uint32Array, threshold: number): LineBand[] {
  const usual = median(lines.map((b) => b.bottom - b.top));
  const out: LineBand[] = [];
  const cut = (b: LineBand) => {
    const h = b.bottom - b.top;
    if (h <= usual * 1.6) {
      out.push(b);
      return;
    }
    let at = b.top + Math.round(h * 0.3);
    for (let y = at; y < b.bottom - h * 0.3; y++) if (rowInk[y]! < rowInk[at]!) at = y;
    for (const part of [{ top: b.top, bottom: at }, { top: at, bottom: b.bottom }]) cut({ ...part, ...inkColumns(image, part.top, part.bottom, threshold) });
  };
  for (const b of lines) cut(b);
  return out;
}

/** The leftmost and rightmost inked columns of rows top..bottom. */
function inkColumns(image: GreyImage, top: number, bottom: number, threshold: number): { left: number; right: number } {
  let left = image.width;
  let right = 0;
  for (let y = top; y < bottom; y++) {
    const row = y * image.width;
    for (let x = 0; x < image.width; x++) {
      if (image.pixels[row + x]! <= threshold) {
        if (x < left) left = x;
        if (x + 1 > right) right = x + 1;
      }
    }
  }
  return { left: Math.min(left, right), right };
}

/** Thin bands (dots, marks, a cut-off ascender) joined to the nearer line, when it is near. */
function mergeMarks(bands: LineBand[]): LineBand[] {
  const lines = [...bands];
  for (;;) {
    const usual = median(lines.map((b) => b.bottom - b.top));
    let thinnest = -1;
    for (let i = 0; i < lines.length; i++) {
      const h = lines[i]!.bottom - lines[i]!.top;
      if (h < usual * 0.5 && (thinnest < 0 || h < lines[thinnest]!.bottom - lines[thinnest]!.top)) {
        const above = i > 0 ? lines[i]!.top - lines[i - 1]!.bottom : Infinity;
        const below = i + 1 < lines.length ? lines[i + 1]!.top - lines[i]!.bottom : Infinity;
        // Far from both neighbours it is something on its own: a page number, a rule.
        if (Math.min(above, below) < usual * 0.6) thinnest = i;
      }
    }
    if (thinnest < 0) return lines;
    const i = thinnest;
    const above = i > 0 ? lines[i]!.top - lines[i - 1]!.bottom : Infinity;
    const below = i + 1 < lines.length ? lines[i + 1]!.top - lines[i]!.bottom : Infinity;
    const j = above <= below ? i - 1 : i + 1;
    const [a, b] = [lines[i]!, lines[j]!];
    lines[Math.min(i, j)] = { top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom), left: Math.min(a.left, b.left), right: Math.max(a.right, b.right) };
    lines.splice(Math.max(i, j), 1);
  }
}

/**
 * The lines stacked on a fresh white page with a clear gap between each, and where each one
 * now starts: apart, Tesseract's layout analysis sees each as a line of its own.
 */
export function spacedPage(image: GreyImage, lines: readonly LineBand[]): { image: GreyImage; tops: number[] } {
  const gap = Math.max(16, Math.round(median(lines.map((b) => b.bottom - b.top))));
  const margin = gap;
  const height = margin * 2 + lines.reduce((sum, b) => sum + (b.bottom - b.top) + gap, 0);
  const width = image.width;
  const pixels = new Uint8Array(width * height).fill(255);
  const tops: number[] = [];
  let y = margin;
  for (const b of lines) {
    tops.push(y);
    pixels.set(image.pixels.subarray(b.top * width, b.bottom * width), y * width);
    y += b.bottom - b.top + gap;
  }
  return { image: { width, height, pixels }, tops };
}

/**
 * Whether the page's text stands in columns: a white gutter runs down the middle of its text
 * in most lines. Lines found across a whole page would mix the columns' lines, so such a page
 * is left to Tesseract's own layout analysis.
 */
export function hasColumns(image: GreyImage, lines: readonly LineBand[]): boolean {
  if (lines.length < 4) return false;
  const { width, pixels } = image;
  const threshold = inkThreshold(pixels);
  const left = median(lines.map((b) => b.left));
  const right = median(lines.map((b) => b.right));
  const span = right - left;
  if (span <= 0) return false;
  const inked = new Uint32Array(width);
  for (const b of lines) {
    for (let x = left; x < right; x++) {
      for (let y = b.top; y < b.bottom; y++) {
        if (pixels[y * width + x]! <= threshold) {
          inked[x]! += 1;
          break;
        }
      }
    }
  }
  // A gutter: a run of columns at least 3% of the text's width inked in under a fifth of the lines, inside the middle 80%.
  const sparse = lines.length / 5;
  let run = 0;
  for (let x = Math.round(left + span * 0.1); x < right - span * 0.1; x++) {
    run = inked[x]! < sparse ? run + 1 : 0;
    if (run >= span * 0.03) return true;
  }
  return false;
}

/**
 * How much the page's lines slope (rows per column, up to ±3°): a scan fed in at an angle makes
 * each line's band run into the next, so lines would be cut through. The slope is the one whose
 * row profile of the ink is sharpest (the largest sum of squared row counts).
 */
export function skewSlope(image: GreyImage): number {
  const { width, height, pixels } = image;
  const threshold = inkThreshold(pixels);
  const xs: number[] = [];
  const ys: number[] = [];
  // Every other column: half the ink tells the slope as well as all of it (every other row would
  // not: a level profile would then fill only even rows and look sharper than any sloped one).
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x += 2) if (pixels[y * width + x]! <= threshold) (xs.push(x - width / 2), ys.push(y));
  let best = { slope: 0, score: -1 };
  const rows = new Float64Array(height * 2);
  for (let tenths = -30; tenths <= 30; tenths++) {
    const slope = Math.tan((tenths / 10) * (Math.PI / 180));
    rows.fill(0);
    for (let i = 0; i < xs.length; i++) rows[Math.round(ys[i]! - slope * xs[i]!) + (height >> 1)]! += 1;
    let score = 0;
    for (const r of rows) score += r * r;
    // Ties go to the smaller slope: a straight page stays as it is.
    if (score > best.score * 1.0001 || (score >= best.score && Math.abs(slope) < Math.abs(best.slope))) best = { slope, score };
  }
  return best.slope;
}

/** The page sheared so that lines sloping by `slope` run level (at ±3° a shear is a rotation but for 0.1% of a letter's width). */
export function levelled(image: GreyImage, slope: number): GreyImage {
  const { width, height, pixels } = image;
  const out = new Uint8Array(width * height).fill(255);
  for (let x = 0; x < width; x++) {
    const shift = Math.round(slope * (x - width / 2));
    for (let y = 0; y < height; y++) {
      const from = y + shift;
      if (from >= 0 && from < height) out[y * width + x] = pixels[from * width + x]!;
    }
  }
  return { width, height, pixels: out };
}
