// The README names the Node that `npm start` needs with the Electron in package.json, and
// package.json's engines the Node that the tests, the harness and the CLI run on (issue 12).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as { version?: string; engines?: { node?: string }; dependencies?: Record<string, string> };

/** The lowest Node a `>= X.Y.Z` range allows, as [major, minor, patch]. */
function minimum(range: string): [number, number, number] {
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  assert.ok(m, `an engines range of the form >= X.Y.Z: ${range}`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

const later = (a: [number, number, number], b: [number, number, number]) => (a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2]);

test('the README says which Node npm start needs with this Electron, and that the tests run on the Node of package.json', (t) => {
  const electron = json('node_modules/electron/package.json');
  // Electron and the packages its install step runs (they download the binary).
  const ranges: Array<[string, [number, number, number]]> = [['electron', minimum(electron.engines?.node ?? '>=0')]];
  for (const dep of Object.keys(electron.dependencies ?? {})) {
    const range = json(`node_modules/${dep}/package.json`).engines?.node;
    if (range) ranges.push([dep, minimum(range)]);
  }
  const needed = ranges.map(([, min]) => min).reduce((a, b) => (later(b, a) ? b : a));
  const from = ranges.filter(([, min]) => !later(needed, min)).map(([name]) => name);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const [major, minor] = needed;
  assert.match(readme, new RegExp(`\`npm start\` needs Node ${major}\\.${minor} or newer`), 'the README names the Node npm start needs');
  const engines = minimum(json('package.json').engines?.node ?? '');
  assert.ok(later(needed, engines), 'package.json asks for less than npm start: it is the Node of the tests');
  assert.match(readme, new RegExp(`\`npm test\`[^.]*run on Node ${engines[0]} too|also run on Node ${engines[0]}`), 'the README says the tests run on the lower Node');
  assert.ok(process.versions.node.split('.').map(Number)[0]! >= engines[0], 'this Node satisfies package.json');
  t.diagnostic(`Electron ${electron.version}: Node >= ${needed.join('.')} (${from.join(', ')}); package.json engines: Node >= ${engines.join('.')}; running on ${process.versions.node}`);
});
