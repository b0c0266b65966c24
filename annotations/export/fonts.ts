// Loads the bundled web fonts (the @fontsource packages) for embedding in HTML exports.
// Node only: the renderer never embeds fonts itself, it asks the main process to export.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontFaceSource } from './font-faces';

const require = createRequire(import.meta.url);

interface Bundle {
  pkg: string;
  family: string;
  file: string;
}

const BUNDLES: Bundle[] = [
  { pkg: '@fontsource/vazirmatn', family: 'Vazirmatn', file: 'vazirmatn' },
  { pkg: '@fontsource/noto-naskh-arabic', family: 'Noto Naskh Arabic', file: 'noto-naskh-arabic' },
];
const SUBSETS = ['arabic', 'latin'] as const;
const WEIGHTS = [400, 700] as const;

let cache: Promise<FontFaceSource[]> | null = null;

/** Vazirmatn (Persian) and Noto Naskh Arabic (Arabic), Arabic and Latin subsets, regular and bold. */
export function loadBundledFonts(): Promise<FontFaceSource[]> {
  cache ??= loadAll().catch((error: unknown) => {
    cache = null;
    throw error;
  });
  return cache;
}

async function loadAll(): Promise<FontFaceSource[]> {
  const out: FontFaceSource[] = [];
  for (const b of BUNDLES) {
    const ranges = JSON.parse(await readFile(require.resolve(`${b.pkg}/unicode.json`), 'utf8')) as Record<string, string>;
    for (const subset of SUBSETS) {
      for (const weight of WEIGHTS) {
        const path = require.resolve(`${b.pkg}/files/${b.file}-${subset}-${weight}-normal.woff2`);
        out.push({ family: b.family, weight, unicodeRange: ranges[subset] ?? '', woff2: new Uint8Array(await readFile(path)) });
      }
    }
  }
  return out;
}
