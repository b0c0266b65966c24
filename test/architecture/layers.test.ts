// The house rules a newcomer relies on: layers point one way (the rules are in
// .dependency-cruiser.cjs), the domain builds without the DOM, the window without Node, and no
// source file grows past what one reading holds without saying why.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CODE_FOLDERS = ['annotations', 'corpus', 'electron', 'renderer'];
const LONG_FILE_LINES = 400;

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function run(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (name === 'sample' || name === 'node_modules') return [];
    if (statSync(join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|mts|mjs)$/.test(name) ? [rel] : [];
  });
}

test('every import follows the layer rules, and there is no import circle', () => {
  const bin = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const r = run([bin, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...CODE_FOLDERS]);
  assert.ok(r.stdout, `dependency-cruiser printed nothing: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { summary: { violations: Violation[]; totalCruised: number; ruleSetUsed: { forbidden: unknown[] } } };
  assert.ok(report.summary.totalCruised > 100, `only ${report.summary.totalCruised} modules were read`);
  assert.ok(report.summary.ruleSetUsed.forbidden.length >= 10, 'the rule file was not read');
  const lines = report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  assert.deepEqual(lines, [], `imports against the layers:\n${lines.join('\n')}`);
});

for (const [folder, what] of [
  ['annotations', 'the annotation domain type-checks without the DOM library'],
  ['corpus', 'the corpus domain type-checks without the DOM library'],
  ['electron', 'the shell type-checks without the DOM library'],
  ['renderer', 'the renderer type-checks without Node types'],
] as const) {
  test(what, () => {
    const r = run([join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', folder]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
}

test(`no source file is over ${LONG_FILE_LINES} lines without a reason at its top`, () => {
  const unexplained = CODE_FOLDERS.flatMap(sourceFiles).filter((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const lines = text.split('\n').length;
    // The reason is a comment in the file's opening lines that begins "Long because".
    return lines > LONG_FILE_LINES && !/^\/\/ Long because /m.test(text.split('\n').slice(0, 8).join('\n'));
  });
  assert.deepEqual(unexplained.map((f) => relative(ROOT, join(ROOT, f))), []);
});
