// Bundles the app with esbuild: main (ESM), preload (CJS: a sandboxed preload cannot be
// ESM), the renderer, the `hashiya` command (bundle-cli.mjs), and copies the page, styles
// and the bundled fonts into out/.
import { build } from 'esbuild';
import { cp, mkdir, readdir, copyFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { bundleCli } from './bundle-cli.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'out');

const FONT_FILES = [
  ['@fontsource/vazirmatn/files', /^vazirmatn-(arabic|latin)-(400|700)-normal\.woff2$/],
  ['@fontsource/noto-naskh-arabic/files', /^noto-naskh-arabic-(arabic|latin)-(400|700)-normal\.woff2$/],
];

export async function bundleRenderer({ minify = false } = {}) {
  await mkdir(join(out, 'renderer', 'fonts'), { recursive: true });
  await build({
    entryPoints: [join(root, 'renderer', 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(out, 'renderer', 'app.js'),
    sourcemap: 'linked',
    minify,
    logLevel: 'warning',
  });
  await copyFile(join(root, 'renderer', 'index.html'), join(out, 'renderer', 'index.html'));
  await cp(join(root, 'renderer', 'styles'), join(out, 'renderer', 'styles'), { recursive: true });
  for (const [dir, pattern] of FONT_FILES) {
    const from = join(root, 'node_modules', dir);
    for (const f of await readdir(from)) if (pattern.test(f)) await copyFile(join(from, f), join(out, 'renderer', 'fonts', f));
  }
}

/**
 * The search and list workers' script, index-worker.mjs, into `dir` (the app's: out/main, beside
 * main.mjs, where corpus/catalog/indexer.ts finds it). Split: what the worker loads by dynamic
 * import (the list's state, the extractors, zod) is in chunks of their own under
 * index-worker-chunks/, so that a search worker reopening a current index does not even parse them.
 */
export async function bundleIndexWorker(dir, { minify = false } = {}) {
  await rm(join(dir, 'index-worker-chunks'), { recursive: true, force: true });
  await build({
    entryPoints: { 'index-worker': join(root, 'corpus', 'catalog', 'index-worker.ts') },
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'index-worker-chunks/[name]-[hash]',
    external: ['electron'],
    sourcemap: 'linked',
    minify,
    logLevel: 'warning',
    // Bundled CommonJS dependencies (iconv-lite) call require(); give ESM one.
    banner: { js: "import { createRequire as __hashiyaRequire } from 'node:module'; const require = __hashiyaRequire(import.meta.url);" },
  });
}

export async function bundleShell({ minify = false } = {}) {
  const common = { bundle: true, platform: 'node', target: 'node20', external: ['electron'], sourcemap: 'linked', minify, logLevel: 'warning' };
  await build({
    ...common,
    entryPoints: [join(root, 'electron', 'main.ts')],
    format: 'esm',
    outfile: join(out, 'main', 'main.mjs'),
    // Bundled CommonJS dependencies (iconv-lite) call require(); give ESM one.
    banner: { js: "import { createRequire as __hashiyaRequire } from 'node:module'; const require = __hashiyaRequire(import.meta.url);" },
  });
  await bundleIndexWorker(join(out, 'main'), { minify });
  await build({ ...common, entryPoints: [join(root, 'electron', 'preload.ts')], format: 'cjs', outfile: join(out, 'preload', 'preload.cjs') });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const what = process.argv[2] ?? 'all';
  const minify = process.argv.includes('--minify');
  const t = Date.now();
  if (what === 'all' || what === 'renderer') await bundleRenderer({ minify });
  if (what === 'all' || what === 'shell') await bundleShell({ minify });
  if (what === 'all' || what === 'cli') await bundleCli({ minify });
  console.log(`bundled ${what} in ${Date.now() - t} ms`);
}
