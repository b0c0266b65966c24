// Draws Hashiya's icon (a page of right-to-left lines, one span highlighted, and a gloss
// written slantwise in the margin, the way a حاشیه sits beside a manuscript's text) with
// ImageMagick, and writes every size electron-builder looks for:
//   build/icon.png (1024), build/icons/<n>x<n>.png (Linux), build/icon.ico (Windows),
//   build/icon.icns (macOS).
// Run: node build/scripts/make-icons.mjs   (needs ImageMagick's `convert`)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './electron-binary.mjs';

const BUILD = join(ROOT, 'build');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types holding PNG data, by pixel size.
const ICNS_TYPES = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]];

function convert(args) {
  const r = spawnSync('convert', args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`convert ${args.slice(0, 3).join(' ')}… failed: ${r.error?.message ?? r.stderr}`);
}

/** A thick stroke along a quadratic curve, as overlapping discs (IM6 closes stroked paths). */
function curve([x0, y0], [cx, cy], [x1, y1], radius) {
  const out = [];
  for (let i = 0; i <= 60; i++) {
    const t = i / 60;
    const x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t ** 2 * x1;
    const y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t ** 2 * y1;
    out.push(`circle ${x.toFixed(1)},${y.toFixed(1)} ${(x + radius).toFixed(1)},${y.toFixed(1)}`);
  }
  return out.join('\n');
}

const INK = '#51483d';
const RED = '#b5372d';
const line = (x0, x1, y) => `roundrectangle ${x0},${y} ${x1},${y + 24} 12,12`;

const mvg = `
fill #00000033
roundrectangle 222,178 822,878 34,34
fill #f8f3e6
roundrectangle 206,160 806,860 34,34
fill #f1c65a
roundrectangle 468,390 764,448 14,14
fill ${INK}
${line(430, 762, 248)}
${line(500, 762, 326)}
${line(488, 744, 407)}
${line(430, 762, 486)}
${line(456, 762, 566)}
${line(430, 762, 646)}
${line(560, 762, 726)}
fill ${RED}
${curve([468, 419], [400, 414], [372, 462], 4.5)}
circle 372,462 386,474
push graphic-context
translate 300,566
rotate -40
roundrectangle -92,-11 92,11 11,11
roundrectangle -70,30 92,52 11,11
roundrectangle -46,71 66,93 11,11
pop graphic-context
`;

{
  const master = join(BUILD, 'icon.png');
  convert([
    '-size', '1024x1024', 'xc:none',
    '-fill', '#1d4a57', '-draw', 'roundrectangle 40,40 984,984 210,210',
    '(', '-size', '1024x1024', 'gradient:#2a6472-#143540', ')', '-compose', 'SrcIn', '-composite',
    // The drawing goes inline: ImageMagick's default policy refuses `@file` arguments.
    '-compose', 'Over', '-draw', mvg,
    'PNG32:' + master,
  ]);
  mkdirSync(join(BUILD, 'icons'), { recursive: true });
  for (const n of LINUX_SIZES) convert([master, '-filter', 'Lanczos', '-resize', `${n}x${n}`, 'PNG32:' + join(BUILD, 'icons', `${n}x${n}.png`)]);
  convert([...ICO_SIZES.map((n) => join(BUILD, 'icons', `${n}x${n}.png`)), join(BUILD, 'icon.ico')]);

  const chunks = ICNS_TYPES.map(([type, n]) => {
    const png = readFileSync(join(BUILD, 'icons', `${n}x${n}.png`));
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  writeFileSync(join(BUILD, 'icon.icns'), Buffer.concat([head, body]));
  console.log(`icons written: icon.png, icons/{${LINUX_SIZES.join(',')}}, icon.ico, icon.icns`);
}
