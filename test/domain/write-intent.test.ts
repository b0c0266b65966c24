// The user's intent about their files, and plain words when a save cannot land (issue 22,
// rows 6-9): a sidecar or folder the user marked read-only is never changed and the article
// says why; a read-only disk, a missing permission or a full disk each give one sentence that
// says what happened and that nothing was lost, never an errno; and Hashiya never writes a
// sidecar larger than it would read back.
//
// Tests run as root, which ignores file modes: "marked read-only" is decided from the mode
// bits, as the user set them, not from an EACCES that root never gets. Failures the disk
// itself gives (EROFS, ENOSPC) are injected through the workspace's sidecar writer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation, Sidecar } from '../../annotations/model/types';
import { MAX_SIDECAR_BYTES } from '../../annotations/store/durable-json-adapter';
import { writeFileDurable } from '../../annotations/store/durable-write';
import { writeFailureOf } from '../../annotations/store/write-failure';
import type { ApiResponse, ArticleDoc } from '../../corpus/api/api';
import { dispatch } from '../../corpus/api/api-schema';
import { Workspace, type WorkspaceOptions } from '../../corpus/services/workspace';
import { ARTICLE_TEXT } from '../fixtures/hostile-corpus';
import { canMountReadOnly, runWithReadOnlyFolder } from '../fixtures/read-only-mount';

const SIDECAR = '.annotations.json';
/** What a message for the user must never carry: errno names, their text, paths, stack lines. */
const INTERNALS = /\bE[A-Z]{3,}\b|\berrno\b|[Nn]o space left|[Rr]ead-only file system|[Oo]peration not permitted|[Pp]ermission denied|\/tmp\/|\bat \w+ \(/;

interface Corpus {
  base: string;
  corpus: string;
  ws: Workspace;
  call<T>(method: string, ...args: unknown[]): Promise<ApiResponse<T>>;
  /** Opens the corpus afresh, as the app does when it starts again. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

async function corpusWith(articles: string[], options: Partial<WorkspaceOptions> = {}): Promise<Corpus> {
  const base = await mkdtemp(join(tmpdir(), 'hashiya-intent-'));
  const corpus = join(base, 'corpus');
  const appData = join(base, 'appdata');
  await Promise.all([mkdir(corpus), mkdir(appData)]);
  for (const a of articles) await writeFile(join(corpus, a), ARTICLE_TEXT);
  const ws = await Workspace.create({ appDataDir: appData, pickFolder: async () => null, ...options });
  await ws.openCorpus(corpus, false);
  return {
    base,
    corpus,
    ws,
    call: <T>(method: string, ...args: unknown[]) => dispatch(ws, method, args) as Promise<ApiResponse<T>>,
    reopen: async () => void (await ws.openCorpus(corpus, false)),
    close: async () => {
      await chmod(corpus, 0o755).catch(() => undefined);
      await ws.close();
      await rm(base, { recursive: true, force: true });
    },
  };
}

function draft(gloss: string, note = '') {
  return { start: 0, end: 4, tags: [], gloss, note };
}

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function errnoError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} failed, ${syscall} '${path}'`), { code, syscall, path });
}

test('a sidecar the user marked read-only (mode 0444) is never rewritten: the article opens read-only with that reason and the file stays byte-identical', async () => {
  const c = await corpusWith(['a.txt', 'b.txt']);
  let tried = 0;
  let held = 0;
  try {
    for (const file of ['a.txt', 'b.txt']) assert.ok((await c.call<Annotation>('createAnnotation', file, draft('first'))).ok);
    const sidecars = ['a.txt', 'b.txt'].map((f) => join(c.corpus, f + SIDECAR));
    for (const s of sidecars) await chmod(s, 0o444);
    const before = await Promise.all(sidecars.map((s) => readFile(s)));
    const inodes = await Promise.all(sidecars.map(async (s) => (await lstat(s)).ino));

    // b.txt is still open from before the chmod; a.txt is opened afresh, as after a restart.
    const stillOpen = await c.call<Annotation>('createAnnotation', 'b.txt', draft('second'));
    tried++;
    await c.reopen();
    const opened = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(opened.ok);
    assert.match(opened.value.readOnly ?? '', /a\.txt\.annotations\.json is marked read-only on disk; Hashiya will not change it\. Make it writable to annotate\./);
    assert.equal(opened.value.annotations.length, 1, 'what the file holds is still shown');
    const fresh = await c.call<Annotation>('createAnnotation', 'a.txt', draft('second'));
    tried++;

    for (const r of [stillOpen, fresh]) {
      assert.equal(r.ok, false, 'the save is refused');
      assert.equal(!r.ok && r.error.code, 'read-only');
      assert.match(!r.ok ? r.error.message : '', /marked read-only on disk/);
      assert.doesNotMatch(!r.ok ? r.error.message : '', INTERNALS);
    }
    const reopenedB = await c.call<ArticleDoc>('openArticle', 'b.txt');
    assert.ok(reopenedB.ok);
    assert.match(reopenedB.value.readOnly ?? '', /marked read-only on disk/);
    for (let i = 0; i < sidecars.length; i++) {
      const after = await readFile(sidecars[i]!);
      const info = await lstat(sidecars[i]!);
      if (sha(after) === sha(before[i]!) && info.ino === inodes[i] && (info.mode & 0o777) === 0o444) held++;
    }
    assert.deepEqual(await readdir(c.corpus).then((n) => n.sort()), ['a.txt', 'a.txt' + SIDECAR, 'b.txt', 'b.txt' + SIDECAR], 'no temporary file or lock left');

    // The user's intent changes back: the next save works.
    await chmod(sidecars[0]!, 0o644);
    const writable = await c.call<Annotation>('createAnnotation', 'a.txt', draft('third'));
    assert.ok(writable.ok, 'made writable again, it takes annotations again');
    const doc = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(doc.ok);
    assert.equal(doc.value.readOnly, null);
    assert.equal(doc.value.annotations.length, 2);
  } finally {
    await c.close();
  }
  console.log(`read-only sidecars: saves tried ${tried}, files held byte-identical ${held} of 2, lost 0`);
  assert.equal(held, 2);
});

test('a corpus folder the user marked read-only (mode 0555) opens its articles read-only with a plain reason; a save is refused in a sentence and nothing is written', async () => {
  const c = await corpusWith(['a.txt', 'b.txt']);
  let tried = 0;
  try {
    assert.ok((await c.call<Annotation>('createAnnotation', 'a.txt', draft('first'))).ok);
    const sidecar = join(c.corpus, 'a.txt' + SIDECAR);
    const before = await readFile(sidecar);
    const names = (await readdir(c.corpus)).sort();
    await chmod(c.corpus, 0o555);

    // A store already open (a.txt) and an article never annotated (b.txt, whose sidecar would be new).
    for (const file of ['a.txt', 'b.txt']) {
      const saved = await c.call<Annotation>('createAnnotation', file, draft('second'));
      tried++;
      assert.equal(saved.ok, false, `${file}: the save is refused`);
      assert.equal(!saved.ok && saved.error.code, 'read-only');
      assert.match(!saved.ok ? saved.error.message : '', /folder .*marked read-only/);
      assert.doesNotMatch(!saved.ok ? saved.error.message : '', INTERNALS);
    }
    await c.reopen();
    const opened = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(opened.ok);
    assert.match(opened.value.readOnly ?? '', /The folder holding a\.txt\.annotations\.json is marked read-only on disk/);
    assert.equal(opened.value.annotations.length, 1);
    assert.deepEqual((await readdir(c.corpus)).sort(), names, 'no lock folder, temporary file or new sidecar was made');
    assert.equal(sha(await readFile(sidecar)), sha(before));
  } finally {
    await c.close();
  }
  console.log(`read-only folder: saves tried ${tried}, refused ${tried}, sidecar held byte-identical, lost 0`);
});

test('a read-only disk (EROFS while the new file is made) turns the article read-only with a plain sentence; the change is reported as not saved and earlier work is intact', async () => {
  let disk: 'writable' | 'read-only' | 'no-permission' = 'writable';
  const c = await corpusWith(['a.txt'], {
    writeSidecar: async (path, data) => {
      if (disk === 'read-only') throw errnoError('EROFS', 'open', path + '.tmp');
      if (disk === 'no-permission') throw errnoError('EACCES', 'open', path + '.tmp');
      await writeFileDurable(path, data);
    },
  });
  try {
    assert.ok((await c.call<Annotation>('createAnnotation', 'a.txt', draft('first'))).ok);
    const sidecar = join(c.corpus, 'a.txt' + SIDECAR);
    const before = await readFile(sidecar);
    for (const [state, said] of [
      ['read-only', /The disk holding a\.txt\.annotations\.json is read-only: this change was not saved; your earlier work is intact\./],
      ['no-permission', /Hashiya has no permission to write a\.txt\.annotations\.json or its folder: this change was not saved; your earlier work is intact\./],
    ] as const) {
      disk = state;
      const saved = await c.call<Annotation>('createAnnotation', 'a.txt', draft('second'));
      assert.equal(saved.ok, false);
      assert.equal(!saved.ok && saved.error.code, 'read-only', `${state}: a refusal the window shows as read-only, not an internal error`);
      assert.match(!saved.ok ? saved.error.message : '', said);
      assert.doesNotMatch(!saved.ok ? saved.error.message : '', INTERNALS);
      const doc = await c.call<ArticleDoc>('openArticle', 'a.txt');
      assert.ok(doc.ok);
      assert.ok(doc.value.readOnly, `${state}: the article is shown read-only`);
      assert.doesNotMatch(doc.value.readOnly ?? '', INTERNALS);
      assert.equal(doc.value.annotations.length, 1, 'what was saved before is still shown');
      assert.equal(sha(await readFile(sidecar)), sha(before));
    }
    // The disk is writable again: the next save is tried, and works.
    disk = 'writable';
    const again = await c.call<Annotation>('createAnnotation', 'a.txt', draft('third'));
    assert.ok(again.ok);
    const doc = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(doc.ok);
    assert.equal(doc.value.readOnly, null);
    assert.equal(doc.value.annotations.length, 2);
  } finally {
    await c.close();
  }
});

test('a full disk gives a plain sentence, not an internal error; earlier work is intact and the next save after space returns works', async () => {
  let full = false;
  let tried = 0;
  let refused = 0;
  const c = await corpusWith(['a.txt'], {
    writeSidecar: async (path, data) => {
      if (full) throw errnoError('ENOSPC', 'write', path);
      await writeFileDurable(path, data);
    },
  });
  try {
    assert.ok((await c.call<Annotation>('createAnnotation', 'a.txt', draft('first'))).ok);
    const sidecar = join(c.corpus, 'a.txt' + SIDECAR);
    const before = await readFile(sidecar);
    full = true;
    for (let i = 0; i < 3; i++) {
      const saved = await c.call<Annotation>('createAnnotation', 'a.txt', draft(`lost ${i}`));
      tried++;
      assert.equal(saved.ok, false);
      if (!saved.ok) refused++;
      assert.notEqual(!saved.ok && saved.error.code, 'internal');
      assert.equal(!saved.ok && saved.error.message, 'The disk is full: this change was not saved; your earlier work is intact. Free some space and try again.');
    }
    assert.equal(sha(await readFile(sidecar)), sha(before), 'the earlier sidecar is intact');
    const doc = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(doc.ok);
    assert.equal(doc.value.readOnly, null, 'a full disk does not make the article read-only');
    assert.equal(doc.value.annotations.length, 1);
    full = false;
    const after = await c.call<Annotation>('createAnnotation', 'a.txt', draft('after'));
    tried++;
    assert.ok(after.ok, 'space is back: the next save works');
    const onDisk = JSON.parse(await readFile(sidecar, 'utf8')) as Sidecar;
    assert.deepEqual(onDisk.annotations.map((a) => a.gloss).sort(), ['after', 'first']);
  } finally {
    await c.close();
  }
  console.log(`full disk: saves tried ${tried}, refused with the plain sentence ${refused}, earlier work held, lost 0`);
});

test('notes of 100,000 characters never make Hashiya write a sidecar past its own 64 MB read limit: the change is refused before writing and the file is untouched', async () => {
  const c = await corpusWith(['a.txt']);
  try {
    assert.ok((await c.call<Annotation>('createAnnotation', 'a.txt', draft('first'))).ok);
    const sidecar = join(c.corpus, 'a.txt' + SIDECAR);
    // A sidecar just under the limit, as long work (or a colleague's) leaves it: annotations
    // whose notes and glosses have the 100,000 characters the format allows.
    const long = 'ی'.repeat(100_000);
    const data = JSON.parse(await readFile(sidecar, 'utf8')) as Sidecar;
    const model = data.annotations[0]!;
    const perAnnotation = Buffer.byteLength(JSON.stringify({ ...model, gloss: long, note: long }, null, 2));
    const count = Math.floor((MAX_SIDECAR_BYTES - 64 * 1024) / (perAnnotation + 8)) - 1;
    data.annotations = Array.from({ length: count }, (_, i) => ({ ...model, id: `long-${i}`, gloss: long, note: long }));
    let text = JSON.stringify(data, null, 2) + '\n';
    // Filled to within 250 KB of the limit: one more long note (400 KB) cannot fit.
    while (Buffer.byteLength(text) < MAX_SIDECAR_BYTES - 250_000) {
      const chars = Math.min(100_000, Math.floor((MAX_SIDECAR_BYTES - 200_000 - Buffer.byteLength(text)) / 4));
      data.annotations.push({ ...model, id: `fill-${data.annotations.length}`, gloss: 'ی'.repeat(chars), note: 'ی'.repeat(chars) });
      text = JSON.stringify(data, null, 2) + '\n';
    }
    await writeFile(sidecar, text);
    const before = await readFile(sidecar);
    assert.ok(before.byteLength < MAX_SIDECAR_BYTES);
    await c.reopen();
    const opened = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(opened.ok);
    assert.equal(opened.value.readOnly, null, 'a file under the limit is read and can be annotated');

    const saved = await c.call<Annotation>('createAnnotation', 'a.txt', draft(long, long));
    assert.equal(saved.ok, false, 'the change is refused');
    assert.equal(!saved.ok && saved.error.code, 'bad-request');
    const message = !saved.ok ? saved.error.message : '';
    assert.match(message, /not saved/);
    assert.match(message, /64 MB/);
    assert.match(message, /[Ss]horten/, 'it says what to do');
    assert.doesNotMatch(message, INTERNALS);
    assert.equal(sha(await readFile(sidecar)), sha(before), 'the file is untouched');
    assert.deepEqual((await readdir(c.corpus)).sort(), ['a.txt', 'a.txt' + SIDECAR]);

    // It can still be read back, and a small change still fits.
    await c.reopen();
    const again = await c.call<ArticleDoc>('openArticle', 'a.txt');
    assert.ok(again.ok);
    assert.equal(again.value.readOnly, null);
    assert.ok((await c.call<Annotation>('createAnnotation', 'a.txt', draft('small'))).ok);
    console.log(`size limit: sidecar on disk ${(before.byteLength / 1024 / 1024).toFixed(1)} MB, change of ${((4 * long.length) / 1024).toFixed(0)} KB tried, refused before writing; file held, lost 0`);
  } finally {
    await c.close();
  }
});


test('a corpus on a read-only disk (a real EROFS when the lock folder is made, in another process) turns the article read-only with a plain sentence; nothing is lost', async (t) => {
  const c = await corpusWith(['a.txt']);
  try {
    if (!canMountReadOnly(c.corpus)) {
      t.skip('this machine does not let a process mount a folder read-only (needs unshare and mount in a namespace); the injected EROFS test covers the mapping');
      return;
    }
    assert.ok((await c.call<Annotation>('createAnnotation', 'a.txt', draft('first'))).ok);
    await c.ws.flush();
    const sidecar = join(c.corpus, 'a.txt' + SIDECAR);
    const before = await readFile(sidecar);
    const names = (await readdir(c.corpus)).sort();
    const script = join(import.meta.dirname, '..', 'fixtures', 'save-once.ts');
    const appData = join(c.base, 'appdata-child');
    await mkdir(appData);
    const run = runWithReadOnlyFolder(c.corpus, script, [appData, 'a.txt']);
    assert.equal(run.status, 0, run.stderr);
    const outcome = JSON.parse(run.stdout.trim().split('\n').pop()!) as { saved: ApiResponse<Annotation>; readOnly: string | null; annotations: number };
    const { saved } = outcome;
    assert.equal(saved.ok, false, 'the save is refused');
    assert.equal(!saved.ok && saved.error.code, 'read-only', 'not an internal error');
    assert.match(!saved.ok ? saved.error.message : '', /The disk holding a\.txt\.annotations\.json is read-only: this change was not saved; your earlier work is intact\./);
    assert.doesNotMatch(!saved.ok ? saved.error.message : '', INTERNALS);
    assert.match(outcome.readOnly ?? '', /read-only; Hashiya will not change it/, 'the article is shown read-only, with the reason');
    assert.doesNotMatch(outcome.readOnly ?? '', INTERNALS);
    assert.equal(outcome.annotations, 1, 'what was saved before is still shown');
    assert.equal(sha(await readFile(sidecar)), sha(before));
    assert.deepEqual((await readdir(c.corpus)).sort(), names);
    console.log(`read-only disk (real EROFS, child process): saves tried 1, refused 1 as read-only, earlier work held, lost 0`);
  } finally {
    await c.close();
  }
});

test('every write failure the disk can give is told in a plain sentence that says the change was not saved and earlier work is intact, never the errno or a path', () => {
  const name = 'a.txt.annotations.json';
  const codes = ['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'EFBIG', 'EMFILE', 'ENFILE', 'EBUSY', 'EAGAIN', 'EIO', 'ENOENT', 'ENOTDIR'];
  let plain = 0;
  for (const code of codes) {
    const failure = writeFailureOf(errnoError(code, 'open', `/home/someone/corpus/.${name}.123.abcd1234.tmp`), name);
    assert.ok(failure, code);
    assert.match(failure.message, /this change was not saved; your earlier work is intact\./, code);
    assert.doesNotMatch(failure.message, INTERNALS, code);
    assert.ok(!failure.message.includes('/home/someone'), `${code}: no path`);
    assert.equal(failure.code, code, 'the errno is kept for logs, out of the sentence');
    assert.equal(failure.kind === 'read-only', failure.readOnlyReason !== null, `${code}: a read-only failure says why the article is read-only`);
    if (failure.readOnlyReason) assert.doesNotMatch(failure.readOnlyReason, INTERNALS);
    plain++;
  }
  assert.deepEqual(['EROFS', 'EACCES', 'EPERM'].map((c) => writeFailureOf({ code: c }, name)?.kind), ['read-only', 'read-only', 'read-only']);
  assert.deepEqual(['ENOSPC', 'EDQUOT'].map((c) => writeFailureOf({ code: c }, name)?.kind), ['retry', 'retry'], 'a full disk leaves the store writable');
  // Not a disk's answer (a bug, a refusal of Hashiya's own): left to surface as it is.
  assert.equal(writeFailureOf(new Error('no such annotation'), name), null);
  assert.equal(writeFailureOf({ code: 'ELOCKED' }, name), null);
  assert.equal(writeFailureOf({ code: 'constructor' }, name), null);
  console.log(`write failures: errnos tried ${codes.length}, told in plain words ${plain}`);
});
