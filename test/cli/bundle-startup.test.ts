// The `hashiya` command runs from a bundle (out/cli/, built by build/scripts/bundle-cli.mjs)
// so that it starts without tsx. What must hold: `hashiya --help` needs nothing but the entry
// chunk, each command's chunk brings no other command's modules, and every command prints
// through the bundle exactly what it prints from the sources (pdf.js, jsdom, mammoth and iconv-lite are
// loaded at run time, which a bundle could break unseen). Durations are the bench's business.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { docx, paragraph } from '../fixtures/word-files';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');
const ENTRY = 'out/cli/main.mjs';

interface Metafile {
  outputs: Record<string, { imports: Array<{ path: string; kind: string }>; inputs: Record<string, unknown>; entryPoint?: string }>;
}

/** The project sources an output loads before it runs: its own and its static imports'. */
function staticInputs(meta: Metafile, output: string, seen = new Set<string>()): Set<string> {
  if (seen.has(output)) return new Set();
  seen.add(output);
  const out = meta.outputs[output]!;
  const inputs = new Set(Object.keys(out.inputs).filter((f) => !f.includes('node_modules/')));
  for (const i of out.imports) if (i.kind === 'import-statement' && meta.outputs[i.path]) for (const f of staticInputs(meta, i.path, seen)) inputs.add(f);
  return inputs;
}

const readMeta = async (): Promise<Metafile> => JSON.parse(await readFile(join(ROOT, 'out', 'cli', 'meta.json'), 'utf8')) as Metafile;

test('hashiya --help loads the entry chunk and no command, search, extract or annotations module', async () => {
  const meta = await readMeta();
  assert.deepEqual([...staticInputs(meta, ENTRY)], ['corpus/cli/main.ts']);
  const dynamic = meta.outputs[ENTRY]!.imports.filter((i) => i.kind === 'dynamic-import');
  assert.equal(dynamic.length, 9, 'one chunk per command, loaded when that command runs, and the help texts');
});

/** The chunk `main.ts` loads for `COMMAND --help`. */
function usageChunk(meta: Metafile): string {
  const chunks = meta.outputs[ENTRY]!.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
  // Every command's chunk holds the help texts too (each prints its own); this one holds no command.
  return chunks.find((c) => {
    const inputs = [...staticInputs(meta, c)];
    return inputs.includes('corpus/cli/usage.ts') && !inputs.some((f) => f.startsWith('corpus/cli/commands/'));
  })!;
}

test("hashiya COMMAND --help loads the help texts and no command's module", async () => {
  const meta = await readMeta();
  assert.deepEqual([...staticInputs(meta, usageChunk(meta))].sort(), ['annotations/export/export-formats.ts', 'corpus/cli/usage.ts']);
});

test("each command's chunk loads no other command's module", async () => {
  const meta = await readMeta();
  const chunks = meta.outputs[ENTRY]!.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path).filter((c) => c !== usageChunk(meta));
  for (const chunk of chunks) {
    const own = Object.keys(meta.outputs[chunk]!.inputs).find((f) => f.startsWith('corpus/cli/commands/'));
    assert.ok(own, `${chunk} holds a command`);
    const others = [...staticInputs(meta, chunk)].filter((f) => f.startsWith('corpus/cli/commands/') && f !== own);
    assert.deepEqual(others, [], `${own} loads only itself`);
  }
});

let dir = '';
const corpora = { bundle: '', tsx: '' };

function hashiya(path: 'bundle' | 'tsx', args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, timeout: 120_000, env: { ...process.env, HASHIYA_CLI: path } });
  // Each path has its own copy of the corpus (so that neither reads the other's cache).
  const same = (s: string) => s.split(corpora[path]).join('CORPUS');
  return { status: r.status, stdout: same(r.stdout.toString('utf8')), stderr: same(r.stderr.toString('utf8')) };
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hashiya-cli-bundle-'));
  for (const path of ['bundle', 'tsx'] as const) {
    const corpus = join(dir, path);
    corpora[path] = corpus;
    await cp(join(ROOT, 'corpus', 'sample'), corpus, { recursive: true });
    await cp(join(ROOT, 'test', 'fixtures', 'pages', 'ar_03_cnnarabic_goose3.html'), join(corpus, 'page.html'));
    await cp(join(ROOT, 'test', 'fixtures', 'pdf', 'ar_fpdf2_bidi_arabic_lorem_ipsum.pdf'), join(corpus, 'paper.pdf'));
    await writeFile(join(corpus, 'memo.docx'), docx(paragraph('روحاني يؤكد دعم العراق') + paragraph('قال الرئيس الإيراني إن طهران تدعم بغداد.')));
    // Windows-1256: decoded by iconv-lite, loaded at run time at the first such file.
    await writeFile(join(corpus, 'cp1256.txt'), iconv.encode('قالت وكالة الأنباء إن إيران أعلنت اليوم عن خطة جديدة للتعاون مع الدول المجاورة', 'windows-1256'));
  }
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const A = '000_4b15f26e11b27dea.txt';
const B = '000_4b15f26e11b27dea.en.txt';
/** One invocation of every command, given the corpus copy it runs on. */
const CALLS: Array<[string, (c: string) => string[]]> = [
  ['overview', () => ['--help']],
  ['a command\'s --help', () => ['info', '--help']],
  ['info of .txt, .html, .pdf and .docx', (c) => ['info', '--corpus', c, '--json']],
  ['text of a saved page', (c) => ['text', '--corpus', c, 'page.html']],
  ['text of a PDF', (c) => ['text', '--corpus', c, 'paper.pdf']],
  ['text of a Word file', (c) => ['text', '--corpus', c, 'memo.docx']],
  ['search', (c) => ['search', '--corpus', c, 'ایران', '--json']],
  ['text of a Windows-1256 article', (c) => ['text', '--corpus', c, 'cp1256.txt']],
  ['export', (c) => ['export', '--corpus', c, '--format', 'md']],
  ['segment', (c) => ['segment', join(c, A), '--json']],
  ['align', (c) => ['align', join(c, A), join(c, B), '--json']],
  ['merge-driver', (c) => ['merge-driver', join(c, A), join(c, A), join(c, A)]],
];

test('every command prints through the bundle what it prints from the sources', () => {
  for (const [what, args] of CALLS) {
    const bundled = hashiya('bundle', args(corpora.bundle));
    const sources = hashiya('tsx', args(corpora.tsx));
    assert.deepEqual(bundled, sources, what);
    assert.ok(bundled.stdout.length > 0 || bundled.status !== 0, `${what} printed something`);
  }
});

test('git-setup through the bundle points git at bin.mjs, as from the sources', async () => {
  const out: Record<string, string> = {};
  for (const path of ['bundle', 'tsx'] as const) {
    const repo = join(dir, `repo-${path}`);
    assert.equal(spawnSync('git', ['init', '-q', repo]).status, 0);
    const r = hashiya(path, ['git-setup', '--corpus', repo]);
    assert.equal(r.status, 0, r.stderr);
    out[path] = r.stdout.split(repo).join('REPO');
  }
  assert.equal(out.bundle, out.tsx);
  assert.ok(out.bundle!.includes(`${BIN} merge-driver`), out.bundle);
});
