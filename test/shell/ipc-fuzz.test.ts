// Throws thousands of malformed requests at every API method, the way a compromised
// renderer could send them over IPC, through the same `dispatch` the IPC handler uses, on a
// real Workspace over a temporary corpus. Every request must come back as a well-formed
// response (never an exception), path attacks must be refused, and nothing outside the
// corpus and the app's data folder may be read or written.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { ApiResponse } from '../../corpus/api/api';
import { API_METHODS, dispatch } from '../../corpus/api/api-schema';
import { Workspace } from '../../corpus/services/workspace';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE = join(REPO, 'corpus', 'sample');
const SECRET = 'CANARY-7c1f-outside-the-corpus-never-to-be-read';
const ERROR_CODES = new Set(['bad-request', 'not-found', 'forbidden', 'read-only', 'no-corpus', 'stale', 'internal']);

// ---------------------------------------------------------------------------------------
// Watching the file system: every path the process opens, reads, lists or changes.

type FsOp = { op: string; kind: 'read' | 'write'; path: string; followsLink: boolean };

/** Operations that act on a final symlink itself rather than on what it points to. */
const ON_THE_LINK_ITSELF = new Set(['rename', 'unlink', 'rm', 'rmdir', 'mkdir', 'mkdtemp', 'symlink', 'link', 'lutimes']);

const PROMISE_OPS: Record<string, Array<[number, 'read' | 'write']>> = {
  readFile: [[0, 'read']],
  open: [[0, 'read']], // refined by flags below
  readdir: [[0, 'read']],
  opendir: [[0, 'read']],
  copyFile: [[0, 'read'], [1, 'write']],
  cp: [[0, 'read'], [1, 'write']],
  writeFile: [[0, 'write']],
  appendFile: [[0, 'write']],
  rename: [[0, 'write'], [1, 'write']],
  unlink: [[0, 'write']],
  rm: [[0, 'write']],
  rmdir: [[0, 'write']],
  mkdir: [[0, 'write']],
  mkdtemp: [[0, 'write']],
  symlink: [[1, 'write']],
  link: [[0, 'read'], [1, 'write']],
  truncate: [[0, 'write']],
  chmod: [[0, 'write']],
  chown: [[0, 'write']],
  utimes: [[0, 'write']],
  lutimes: [[0, 'write']],
};
const SYNC_AND_CALLBACK_OPS: Record<string, Array<[number, 'read' | 'write']>> = {
  ...Object.fromEntries(Object.entries(PROMISE_OPS).flatMap(([name, spec]) => [[`${name}Sync`, spec], [name, spec]])),
  createReadStream: [[0, 'read']],
  createWriteStream: [[0, 'write']],
};

function pathOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof URL) return value.protocol === 'file:' ? fileURLToPath(value) : null;
  if (Buffer.isBuffer(value)) return value.toString();
  return null;
}

function isWriteFlag(flags: unknown): boolean {
  if (typeof flags === 'number') return (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND)) !== 0;
  return typeof flags === 'string' && /[wa+]/.test(flags);
}

function watchFileSystem(): { ops: FsOp[]; stop: () => void } {
  const ops: FsOp[] = [];
  const restore: Array<() => void> = [];
  const wrap = (target: Record<string, unknown>, table: Record<string, Array<[number, 'read' | 'write']>>) => {
    for (const [name, spec] of Object.entries(table)) {
      const original = target[name];
      if (typeof original !== 'function') continue;
      const spy = function (this: unknown, ...args: unknown[]) {
        for (const [index, kind] of spec) {
          const p = pathOf(args[index]);
          if (p === null) continue;
          const isOpen = name === 'open' || name === 'openSync';
          // O_CREAT|O_EXCL ('wx') fails on an existing symlink instead of following it.
          const exclusive = isOpen && (typeof args[1] === 'string' ? args[1].includes('x') : typeof args[1] === 'number' && (args[1] & fs.constants.O_EXCL) !== 0);
          const base = name.replace(/Sync$/, '');
          const followsLink = !(exclusive || ON_THE_LINK_ITSELF.has(base) || (base === 'link' && index === 1));
          ops.push({ op: name, kind: isOpen && isWriteFlag(args[1]) ? 'write' : kind, path: p, followsLink });
        }
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
      target[name] = spy;
      restore.push(() => {
        target[name] = original;
      });
    }
  };
  wrap(fsp as unknown as Record<string, unknown>, PROMISE_OPS);
  wrap(fs as unknown as Record<string, unknown>, SYNC_AND_CALLBACK_OPS);
  syncBuiltinESMExports();
  return {
    ops,
    stop: () => {
      for (const r of restore) r();
      syncBuiltinESMExports();
    },
  };
}

/** Where a path really points, for paths that may not exist (yet); the final link is followed or not. */
function realTarget(p: string, followsLink: boolean): string {
  const abs = resolve(p);
  try {
    if (!followsLink) return join(fs.realpathSync(dirname(abs)), abs.slice(dirname(abs).length + 1));
    return fs.realpathSync(abs);
  } catch {
    try {
      return join(fs.realpathSync(dirname(abs)), abs.slice(dirname(abs).length + 1));
    } catch {
      return abs;
    }
  }
}

function within(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
}

// ---------------------------------------------------------------------------------------
// The snapshot of everything outside the corpus and the app's data folder.

type Snapshot = Map<string, string>;

function snapshot(dir: string, skip: string[]): Snapshot {
  const out: Snapshot = new Map();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (skip.includes(p)) continue;
      const info = fs.lstatSync(p);
      if (e.isDirectory()) {
        out.set(p, `dir ${info.mtimeMs}`);
        walk(p);
      } else if (e.isSymbolicLink()) {
        out.set(p, `link ${fs.readlinkSync(p)} ${info.mtimeMs}`);
      } else {
        out.set(p, `file ${info.size} ${info.mtimeMs} ${createHash('sha256').update(fs.readFileSync(p)).digest('hex')}`);
      }
    }
  };
  walk(dir);
  return out;
}

// ---------------------------------------------------------------------------------------
// The requests.

type Expect = 'refuse' | 'any';
interface Case {
  method: unknown;
  args: unknown;
  expect: Expect;
  what: string;
}

const HUGE = 'a'.repeat(1_000_001);
const HUGE_PERSIAN = 'گزارش '.repeat(200_000);
const WRONG_TYPES: Array<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['0', 0],
  ['-1', -1],
  ['1.5', 1.5],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['2^53', 2 ** 53],
  ['-0', -0],
  ['empty string', ''],
  ['string', 'x'],
  ['true', true],
  ['false', false],
  ['empty array', []],
  ['empty object', {}],
  ['array of numbers', [1, 2, 3]],
  ['bigint', 1n],
  ['date', new Date(0)],
  ['map', new Map([['a', 1]])],
  ['set', new Set([1])],
  ['bytes', new Uint8Array([0, 1, 2])],
  ['regexp', /x/],
  ['null-prototype object', Object.create(null) as object],
];
const NASTY_STRINGS: Array<[string, string]> = [
  ['1,000,001 characters', HUGE],
  ['1.2M Persian characters', HUGE_PERSIAN],
  ['NUL', 'a\0b'],
  ['only NUL', '\0'],
  ['bidi override', '\u202egnp.exe'],
  ['lone surrogate', '\ud800'],
  ['script tag', '<script>alert(1)</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['template', '${process.exit(1)}'],
  ['format string', '%s%s%n%x'],
  ['newlines', 'a\r\nb\rc\n'],
  ['whitespace', ' \t '],
  ['proto key', '__proto__'],
  ['constructor key', 'constructor'],
];

function pollutionVariants(obj: Record<string, unknown>): Array<[string, unknown]> {
  return [
    ['own __proto__ key', JSON.parse(JSON.stringify({ ...obj, x: 1 }).replace('"x":1', '"__proto__":{"polluted":"yes"}')) as unknown],
    ['constructor.prototype', { ...obj, constructor: { prototype: { polluted: 'yes' } } }],
    ['prototype key', { ...obj, prototype: { polluted: 'yes' } }],
    ['null prototype', Object.assign(Object.create(null) as object, obj)],
    ['extra key', { ...obj, unexpected: '../../outside/secret.txt' }],
  ];
}

function deepNesting(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Every leaf and object of a value, with a function that rebuilds the value with it replaced. */
function positions(value: unknown, rebuild: (v: unknown) => unknown, path: string, out: Array<{ path: string; value: unknown; set: (v: unknown) => unknown }>) {
  out.push({ path, value, set: rebuild });
  if (Array.isArray(value)) {
    value.forEach((item, i) => positions(item, (v) => rebuild(value.map((x, j) => (j === i ? v : x))), `${path}[${i}]`, out));
  } else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const key of Object.keys(value)) {
      positions((value as Record<string, unknown>)[key], (v) => rebuild({ ...(value as object), [key]: v }), `${path}.${key}`, out);
    }
  }
}

test('thousands of malformed requests to every API method get a clear refusal and touch nothing outside the corpus', { timeout: 600_000 }, async (t) => {
  const base = fs.realpathSync(await fsp.mkdtemp(join(tmpdir(), 'hashiya-fuzz-')));
  t.after(() => fsp.rm(base, { recursive: true, force: true }));
  const corpus = join(base, 'corpus');
  const outside = join(base, 'outside');
  const appData = join(base, 'appData');
  await fsp.mkdir(join(corpus, 'sub'), { recursive: true });
  await fsp.mkdir(outside);
  await fsp.mkdir(appData);
  const samples = fs.readdirSync(SAMPLE).filter((n) => n.endsWith('.txt')).sort();
  assert.ok(samples.length >= 2, 'the sample corpus has articles');
  for (const name of samples) await fsp.copyFile(join(SAMPLE, name), join(corpus, name));
  await fsp.writeFile(join(corpus, 'sub', 'nested.txt'), 'خبر کوتاه در یک پوشه.\n');
  await fsp.writeFile(join(outside, 'secret.txt'), `${SECRET}\nرازی بیرون از پیکره\n`);
  await fsp.writeFile(join(outside, 'secret.txt.annotations.json'), `{"secret":"${SECRET}"}`);
  await fsp.writeFile(join(base, 'beside.txt'), SECRET);
  await fsp.symlink(join(outside, 'secret.txt'), join(corpus, 'escape.txt'));
  await fsp.symlink(outside, join(corpus, 'linkdir'));
  await fsp.symlink(join(outside, 'secret.txt'), join(corpus, 'sub', 'deep-escape.txt'));
  // Known mtimes, so any write shows even within the same second.
  const past = new Date('2020-01-02T03:04:05Z');
  for (const p of [join(outside, 'secret.txt'), join(outside, 'secret.txt.annotations.json'), join(base, 'beside.txt'), outside]) await fsp.utimes(p, past, past);

  const before = snapshot(base, [corpus, appData]);
  const articlesBefore = snapshot(corpus, []);

  const ws = await Workspace.create({ appDataDir: appData, pickFolder: async () => null, defaultCorpus: corpus });
  const call = (method: unknown, args: unknown) => dispatch(ws, method, args);

  const A = samples.find((n) => !n.includes('.en.'))!;
  const B = samples.find((n) => n.startsWith(A.replace(/\.txt$/, '')) && n !== A) ?? samples.find((n) => n !== A)!;
  const FILES = new Set([A, B]);
  const created = await call('createAnnotation', [A, { start: 0, end: 4, tags: [], gloss: 'seed', note: '' }]);
  assert.equal(created.ok, true, JSON.stringify(created).slice(0, 300));
  const seed = (created as { ok: true; value: { id: string } }).value;
  const taxonomy = await call('getTaxonomy', []);
  assert.equal(taxonomy.ok, true);

  const EXAMPLES: Record<string, unknown[]> = {
    getAppState: [],
    setAnalyst: ['Fuzz Analyst'],
    setFontSize: [20],
    openFolder: [],
    listArticles: [],
    listUnreadDocuments: [],
    openArticle: [A],
    createAnnotation: [A, { start: 0, end: 5, tags: ['person'], gloss: 'gloss', note: 'note' }],
    updateAnnotation: [A, seed.id, { gloss: 'edited', tags: ['place'], note: '' }],
    restoreAnnotation: [A, seed],
    deleteAnnotation: [A, 'no-such-annotation'],
    getTaxonomy: [],
    setTaxonomy: [(taxonomy as { ok: true; value: unknown }).value],
    setMetadata: [A, { headline: 'A headline', outlet: 'An outlet', date: { iso: '2024-01-01', original: '۱۴۰۲/۱۰/۱۱' } }],
    parseDate: ['۲۲ شهریور ۱۴۰۰', 'fa'],
    saveRendering: [A, { start: 0, end: 5, text: 'A rendering', status: 'draft' }],
    setSegments: [A, null],
    listPairings: [],
    setPairing: [{ a: A, b: B, kind: 'translation' }],
    removePairing: [A, B],
    getAlignment: [A, B],
    alignAgain: [A, B],
    saveAlignment: [A, B, [{ a: [0, 10], b: [0, 10], score: 0.5, confirmed: true }]],
    getGlossary: [],
    getProgress: [],
    exportTranslation: [A, 'txt'],
    importXliff: [A, '<?xml version="1.0"?><xliff version="1.2"><file><body></body></file></xliff>'],
    importTranslation: [A, 'fuzz-import.txt', Buffer.from('An imported translation.\n').toString('base64')],
    previewNewArticle: [{ text: 'خبر\nمتن', html: '<h1>خبر</h1><p>متن</p>' }],
    createArticleFromText: [{ name: 'fuzz-pasted', text: 'A pasted article.', url: 'https://example.org/a' }],
    queryQuotations: [{ filter: {} }],
    exportQuotations: [{ format: 'csv' }],
    search: [{ query: 'ایران' }],
    openOriginal: [A, 2],
    ocrAvailability: [],
    readWithOcr: [A, ['fas']],
    stopOcr: [A],
    resolveConflict: [A, 'no-such-conflict', null],
  };

  const EVIL_PATHS = [
    '../outside/secret.txt',
    '../beside.txt',
    '..',
    '../',
    '../../../../../../etc/passwd',
    'sub/../../outside/secret.txt',
    './../outside/secret.txt',
    '..\\outside\\secret.txt',
    '..%2foutside%2fsecret.txt',
    '%2e%2e/outside/secret.txt',
    '%2e%2e%2foutside%2fsecret.txt',
    '%252e%252e/outside/secret.txt',
    '.%2e/outside/secret.txt',
    '\u2025/outside/secret.txt',
    '\uff0e\uff0e/outside/secret.txt',
    join(outside, 'secret.txt'),
    join(base, 'beside.txt'),
    '/etc/passwd',
    '/etc/hostname',
    '/proc/self/environ',
    '/dev/zero',
    '/dev/stdin',
    'file:///etc/passwd',
    'C:\\Windows\\win.ini',
    'c:/windows/win.ini',
    '\\\\server\\share\\secret.txt',
    '~/.ssh/id_rsa',
    'escape.txt',
    'linkdir/secret.txt',
    'sub/deep-escape.txt',
    'linkdir',
    'sub',
    '.',
    './',
    '',
    ' ',
    'a\0.txt',
    `${A}\0../../outside/secret.txt`,
    `${A}/../../outside/secret.txt`,
    'x'.repeat(5000),
    'no-such-article.txt',
  ];
  // Inside the corpus but not articles: see the separate test below.
  const NOT_ARTICLES = ['hashiya-corpus.json', `${A}.annotations.json`];
  // Where a string is not a file name, a few path-shaped values are enough.
  const PATH_SAMPLE = ['../outside/secret.txt', join(outside, 'secret.txt'), '%2e%2e/outside/secret.txt', 'escape.txt', 'a\0.txt', '/etc/passwd'];
  // Methods that only compare names with stored pairings and never open them.
  const NAME_ONLY = new Set(['removePairing']);
  const JUNK: unknown[] = [null, 0, 'x', '', {}, [], true, '../outside/secret.txt'];

  const cases: Case[] = [];
  const add = (method: unknown, args: unknown, expect: Expect, what: string) => cases.push({ method, args, expect, what });

  // Methods that are not API methods, including the Workspace's own public ones.
  for (const m of ['openCorpus', 'flush', 'create', 'corpusRoot', 'context', 'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'then', '', ' getAppState', 'GETAPPSTATE', 'getAppState\0', 'x'.repeat(100_000), null, undefined, 42, {}, ['getAppState'], true]) {
    for (const args of [[], [corpus], [outside]]) add(m, args, 'refuse', `not an API method: ${String(m).slice(0, 30)}`);
  }

  for (const method of API_METHODS) {
    const example = EXAMPLES[method];
    // Whole-argument shapes that are never a valid argument list.
    for (const [label, value] of [...WRONG_TYPES.filter(([, v]) => !Array.isArray(v)), ['array-like object', { length: 1, 0: A }], ['huge string', HUGE]] as Array<[string, unknown]>) {
      add(method, value, 'refuse', `${method}: arguments are ${label}`);
    }
    add(method, deepNesting(10_000), 'refuse', `${method}: 10,000-deep nested arrays`);
    add(method, new Array(100_000).fill(null), 'refuse', `${method}: 100,000 arguments`);
    if (!example) {
      // A method added since this test was written: fuzzed blind, still every shape.
      for (const [label, value] of [...WRONG_TYPES, ...NASTY_STRINGS]) for (const n of [1, 2, 3]) add(method, new Array(n).fill(value), 'any', `${method}: ${n}× ${label}`);
      for (const p of EVIL_PATHS) for (const n of [1, 2, 3]) add(method, new Array(n).fill(p), 'any', `${method}: ${n}× path ${p.slice(0, 40)}`);
      continue;
    }
    add(method, example, 'any', `${method}: the valid example`);
    if (example.length > 0) add(method, example.slice(0, -1), 'refuse', `${method}: last argument missing`);
    for (const j of JUNK) add(method, [...example, j], 'refuse', `${method}: extra argument ${JSON.stringify(j)}`);
    add(method, [...example, ...new Array(50).fill(null)], 'refuse', `${method}: 50 extra arguments`);

    const spots: Array<{ path: string; value: unknown; set: (v: unknown) => unknown }> = [];
    positions(example, (v) => v, 'args', spots);
    for (const spot of spots.slice(1)) {
      for (const [label, value] of WRONG_TYPES) add(method, spot.set(value), 'any', `${method}: ${spot.path} = ${label}`);
      if (typeof spot.value === 'string') {
        for (const [label, value] of NASTY_STRINGS) add(method, spot.set(value), 'any', `${method}: ${spot.path} = ${label}`);
        // Where the example names an article, a path outside the corpus must be refused.
        if (FILES.has(spot.value)) {
          for (const p of EVIL_PATHS) add(method, spot.set(p), NAME_ONLY.has(method) ? 'any' : 'refuse', `${method}: ${spot.path} = path ${JSON.stringify(p.slice(0, 60))}`);
          for (const p of NOT_ARTICLES) add(method, spot.set(p), 'any', `${method}: ${spot.path} = ${p}`);
        } else {
          for (const p of PATH_SAMPLE) add(method, spot.set(p), 'any', `${method}: ${spot.path} = path-like ${JSON.stringify(p.slice(0, 60))}`);
        }
      }
      if (typeof spot.value === 'number') for (const n of [-1, 1e9, 0x7fffffff + 1, 0.5, Number.MAX_SAFE_INTEGER + 2]) add(method, spot.set(n), 'any', `${method}: ${spot.path} = ${n}`);
      if (Array.isArray(spot.value)) {
        add(method, spot.set(new Array(100_001).fill('x')), 'any', `${method}: ${spot.path} = 100,001 items`);
        add(method, spot.set(deepNesting(5000)), 'any', `${method}: ${spot.path} = 5,000-deep nesting`);
      }
      if (spot.value && typeof spot.value === 'object' && !Array.isArray(spot.value)) {
        for (const [label, value] of pollutionVariants(spot.value as Record<string, unknown>)) add(method, spot.set(value), 'any', `${method}: ${spot.path} with ${label}`);
      }
    }
  }

  // Go.
  const watch = watchFileSystem();
  const responses: Array<{ c: Case; r: ApiResponse<unknown> }> = [];
  const failures: string[] = [];
  try {
    for (const c of cases) {
      let r: ApiResponse<unknown>;
      try {
        r = await call(c.method, c.args);
      } catch (error) {
        failures.push(`${c.what}: dispatch threw ${(error as Error)?.message}`);
        continue;
      }
      responses.push({ c, r });
    }
    await ws.flush();
  } finally {
    watch.stop();
  }

  // Every response is well formed; refusals say clearly what was wrong.
  const codes = new Map<string, number>();
  const internal = new Map<string, number>();
  let accepted = 0;
  for (const { c, r } of responses) {
    if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') {
      failures.push(`${c.what}: malformed response ${String(r)}`);
      continue;
    }
    if (r.ok) {
      accepted++;
      if (c.expect === 'refuse') failures.push(`${c.what}: accepted, must be refused`);
    } else {
      codes.set(r.error.code, (codes.get(r.error.code) ?? 0) + 1);
      const m = r.error.message;
      if (!ERROR_CODES.has(r.error.code)) failures.push(`${c.what}: unknown error code ${r.error.code}`);
      if (typeof m !== 'string' || m.trim().length < 8 || m.length > 600) failures.push(`${c.what}: unclear message ${JSON.stringify(m).slice(0, 100)}`);
      else if (/\n\s+at |TypeError|ReferenceError|Cannot read prop|is not a function/.test(m)) failures.push(`${c.what}: message leaks an internal error: ${m.slice(0, 200)}`);
      else if ([corpus, appData].some((p) => m.includes(p))) failures.push(`${c.what}: message discloses where the corpus or the app data live: ${m.slice(0, 200)}`);
      if (r.error.code === 'internal') internal.set(m.slice(0, 120), (internal.get(m.slice(0, 120)) ?? 0) + 1);
    }
    const text = JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    if (text && (text.includes(SECRET) || text.includes(Buffer.from(SECRET).toString('base64').slice(0, 24)))) failures.push(`${c.what}: the response carries the secret from outside the corpus`);
  }

  // Nothing outside the corpus and the app's data folder was read or written.
  // The app's own dependencies (jsdom is loaded on the first HTML read, a paste's preview) are
  // not the user's files; in a worktree node_modules is a link to another checkout's.
  const allowedReads = [corpus, appData, REPO, fs.realpathSync(REPO), fs.realpathSync(join(REPO, 'node_modules'))];
  const allowedWrites = [corpus, appData];
  for (const { op, kind, path, followsLink } of watch.ops) {
    const target = realTarget(isAbsolute(path) ? path : resolve(path), followsLink);
    const allowed = kind === 'read' ? allowedReads : allowedWrites;
    // The module loader and tsx read their own caches; everything else must be in the corpus or app data.
    const isToolCache = kind === 'read' && /[\\/]tsx-\d+[\\/]/.test(target);
    if (!isToolCache && !allowed.some((root) => within(root, target))) failures.push(`${op} ${kind} outside the corpus: ${target}`);
  }
  const after = snapshot(base, [corpus, appData]);
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no file appeared or vanished outside the corpus');
  for (const [p, v] of before) assert.equal(after.get(p), v, `${p} is unchanged`);
  const articlesAfter = snapshot(corpus, []);
  for (const [p, v] of articlesBefore) if (!p.endsWith('.json') && (v.startsWith('file') || v.startsWith('link'))) assert.equal(articlesAfter.get(p), v, `article ${p} was never written`);
  for (const p of articlesAfter.keys()) {
    assert.ok(!/escape\.txt\.annotations\.json$|linkdir[\\/]|\.tmp$/.test(p), `no sidecar for a link out, no temp file left: ${p}`);
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is not polluted');
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);

  const refused = responses.length - accepted;
  t.diagnostic(`fuzz cases tried: ${cases.length} (${refused} refused, ${accepted} accepted as valid; error codes ${JSON.stringify(Object.fromEntries(codes))})`);
  t.diagnostic(`file-system operations watched: ${watch.ops.length}; methods fuzzed: ${API_METHODS.length}${API_METHODS.some((m) => !EXAMPLES[m]) ? ` (blind, no valid example: ${API_METHODS.filter((m) => !EXAMPLES[m]).join(', ')})` : ''}`);
  console.log(`fuzz cases tried: ${cases.length}`);
  assert.ok(cases.length >= 2000, `at least thousands of cases (${cases.length})`);
  if (process.env.HASHIYA_FUZZ_REPORT) fs.writeFileSync(process.env.HASHIYA_FUZZ_REPORT, JSON.stringify({ failures, internal: Object.fromEntries(internal) }, null, 1));
  assert.deepEqual(failures.slice(0, 40), [], `${failures.length} failures`);
});

test('a sidecar or the corpus settings file named where an article is expected is refused', async (t) => {
  const base = fs.realpathSync(await fsp.mkdtemp(join(tmpdir(), 'hashiya-fuzz-names-')));
  t.after(() => fsp.rm(base, { recursive: true, force: true }));
  const corpus = join(base, 'corpus');
  await fsp.mkdir(corpus);
  await fsp.writeFile(join(corpus, 'a.txt'), 'یک خبر کوتاه برای آزمون.\n');
  const ws = await Workspace.create({ appDataDir: join(base, 'appData'), pickFolder: async () => null, defaultCorpus: corpus });
  const made = await dispatch(ws, 'createAnnotation', ['a.txt', { start: 0, end: 2, tags: [], gloss: '', note: '' }]);
  assert.equal(made.ok, true);
  await dispatch(ws, 'setTaxonomy', [(await ws.getTaxonomy())]);
  await ws.flush();
  for (const name of ['a.txt.annotations.json', 'hashiya-corpus.json']) {
    for (const [method, args] of [
      ['openArticle', [name]],
      ['createAnnotation', [name, { start: 0, end: 1, tags: [], gloss: '', note: '' }]],
      ['saveRendering', [name, { start: 0, end: 1, text: 'x', status: 'draft' }]],
    ] as Array<[string, unknown[]]>) {
      const r = await dispatch(ws, method, args);
      assert.equal(r.ok, false, `${method}(${name}) must be refused: it is not an article`);
    }
  }
  await ws.flush();
  assert.deepEqual(fs.readdirSync(corpus).filter((n) => n.endsWith('.json.annotations.json')), [], 'no sidecar of a sidecar');
});
