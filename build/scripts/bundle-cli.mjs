// Bundles the `hashiya` command into out/cli/ so that it starts without tsx (which costs
// ~350 ms per call). Code splitting keeps `hashiya --help` to the small entry chunk: each
// command's modules are a chunk of their own, loaded by main.ts's dynamic import.
//
// Beside the chunks the build writes sources.json: the project files the bundle was built
// from and when. corpus/cli/bin.mjs stats just those files (a few ms) and runs the sources
// through tsx when any is newer, so an edit is never run stale before `npm run build`.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI_OUT = join(root, 'out', 'cli');

export async function bundleCli({ minify = false } = {}) {
  // Taken before esbuild reads a file: an edit made during the build counts as newer.
  const builtAt = Date.now();
  await rm(CLI_OUT, { recursive: true, force: true });
  await mkdir(CLI_OUT, { recursive: true });
  const result = await build({
    entryPoints: {
      main: join(root, 'corpus', 'cli', 'main.ts'),
      // corpus/catalog/indexer.ts starts its worker from index-worker.mjs beside its own
      // chunk, hence one flat folder.
      'index-worker': join(root, 'corpus', 'catalog', 'index-worker.ts'),
      // A search with no index yet shares the articles with a worker started from scan-worker.mjs
      // beside the chunk that holds scan-search.ts (corpus/search/scan-search.ts).
      'scan-worker': join(root, 'corpus', 'search', 'scan-worker.ts'),
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    absWorkingDir: root,
    outdir: CLI_OUT,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    // As the app's main process: dependencies bundled, except those loaded at run time by
    // design (pdf.js by a computed name, jsdom, mammoth and iconv-lite by createRequire), which stay in
    // node_modules and find their own files there.
    external: ['electron'],
    sourcemap: 'linked',
    minify,
    metafile: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __hashiyaRequire } from 'node:module'; const require = __hashiyaRequire(import.meta.url);" },
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  // Paths relative to the repository (absWorkingDir): test/cli/bundle-startup.test.ts reads it.
  await writeFile(join(CLI_OUT, 'meta.json'), JSON.stringify(result.metafile));
  await writeFile(join(CLI_OUT, 'sources.json'), JSON.stringify({ builtAt, inputs }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t = Date.now();
  await bundleCli({ minify: process.argv.includes('--minify') });
  console.log(`bundled the cli in ${Date.now() - t} ms`);
}
