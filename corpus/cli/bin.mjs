#!/usr/bin/env node
// The `hashiya` command. It runs the prebuilt bundle (out/cli/, `npm run build` or
// `npm install`), which starts in about node's own time, when that bundle is at least as new
// as every source file it was built from; otherwise it runs the TypeScript sources through
// tsx (~350 ms more per call), so that a developer's edit is never run stale.
// HASHIYA_CLI=tsx or HASHIYA_CLI=bundle forces one path (tests compare the two).
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = `${root}out/cli/main.mjs`;

/**
 * sources.json lists only the project files bundled (~200): statting them costs about 1 ms
 * (plain string paths; a URL per file costs ten times that).
 */
function bundleIsFresh() {
  let built;
  try {
    built = JSON.parse(readFileSync(`${root}out/cli/sources.json`, 'utf8'));
    statSync(bundle);
  } catch {
    return false;
  }
  for (const file of built.inputs) {
    const s = statSync(root + file, { throwIfNoEntry: false });
    if (!s || s.mtimeMs > built.builtAt) return false;
  }
  return true;
}

const want = process.env.HASHIYA_CLI;
let main;
if (want === 'bundle' || (want !== 'tsx' && bundleIsFresh())) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
