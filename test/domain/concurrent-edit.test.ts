// No lost updates: when a sidecar changes on disk while the app holds it (another window,
// another analyst, `git pull`), the store notices before it writes, merges by annotation id,
// and says so; it never overwrites someone else's change silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialiseSidecar } from '../../annotations/store/serialise';
import { ReadOnlySidecarError, SidecarStore, type ArticleFingerprint, type SidecarEvent } from '../../annotations/store/sidecar-store';
import type { Annotation, Sidecar } from '../../annotations/model/types';
import { annotationAt } from '../fixtures/annotations';

const TEXT = 'وزیر امور خارجه روز دوشنبه گفت که گفت و گوها ادامه دارد. قال المتحدث إن المحادثات ستستمر الأسبوع المقبل.';
const ARTICLE: ArticleFingerprint = { file: 'a.txt', sha256: createHash('sha256').update(TEXT).digest('hex'), length: TEXT.length };
const CLOCK = () => new Date('2024-06-01T12:00:00.000Z');

function annotation(id: string, start: number, over: Partial<Annotation> = {}): Annotation {
  const end = start + 6;
  return annotationAt(TEXT, id, start, end, over);
}

async function withSidecar(work: (sidecar: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-concurrent-'));
  try {
    await work(join(dir, 'a.txt.annotations.json'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function open(sidecar: string): Promise<{ store: SidecarStore; events: SidecarEvent[] }> {
  const store = await SidecarStore.open(sidecar, ARTICLE, TEXT, { now: CLOCK });
  const events: SidecarEvent[] = [];
  store.onEvent((e) => events.push(e));
  return { store, events };
}

/** What another analyst's copy of Hashiya, or `git pull`, leaves on disk. */
async function editOnDisk(sidecar: string, change: (d: Sidecar) => void): Promise<void> {
  const data = JSON.parse(await readFile(sidecar, 'utf8')) as Sidecar;
  change(data);
  await writeFile(sidecar, serialiseSidecar(data));
}

async function onDisk(sidecar: string): Promise<Sidecar> {
  return JSON.parse(await readFile(sidecar, 'utf8')) as Sidecar;
}

function byId(s: Sidecar, id: string): Annotation | undefined {
  return s.annotations.find((a) => a.id === id);
}

test('two windows annotating the same article at the same moment both keep their annotations', async () => {
  await withSidecar(async (sidecar) => {
    const one = await open(sidecar);
    const two = await open(sidecar);
    await Promise.all([
      one.store.update((d) => void d.annotations.push(annotation('from-one', 0))),
      two.store.update((d) => void d.annotations.push(annotation('from-two', 20))),
    ]);
    await Promise.all([
      one.store.update((d) => void d.annotations.push(annotation('one-again', 40))),
      two.store.update((d) => void d.annotations.push(annotation('two-again', 60))),
    ]);
    const saved = await onDisk(sidecar);
    assert.deepEqual(saved.annotations.map((a) => a.id).sort(), ['from-one', 'from-two', 'one-again', 'two-again']);
    assert.ok([...one.events, ...two.events].some((e) => e.kind === 'merged' && e.conflicts === 0));
  });
});

test("another analyst's edit to a different field of the same annotation is combined with ours", async () => {
  await withSidecar(async (sidecar) => {
    const { store, events } = await open(sidecar);
    await store.update((d) => void d.annotations.push(annotation('x', 0, { tags: ['claim'] })));
    await editOnDisk(sidecar, (d) => {
      d.annotations[0]!.note = 'source: IRNA';
      d.annotations[0]!.tags.push('quote');
      d.annotations[0]!.modified = '2024-05-02T09:00:00.000Z';
    });
    await store.update((d) => {
      d.annotations[0]!.gloss = 'foreign minister';
      d.annotations[0]!.tags.push('person');
    });
    const x = byId(await onDisk(sidecar), 'x')!;
    assert.equal(x.gloss, 'foreign minister');
    assert.equal(x.note, 'source: IRNA');
    assert.deepEqual(x.tags, ['claim', 'person', 'quote']);
    assert.deepEqual(store.data.annotations[0], x, 'what is shown is what was saved');
    assert.equal(events.at(-1)?.kind, 'merged');
    assert.equal(events.at(-1)?.conflicts, 0);
  });
});

test('when both corrected the same article detail, ours is kept and the message names the other correction', async () => {
  await withSidecar(async (sidecar) => {
    const { store, events } = await open(sidecar);
    await store.update((d) => void d.annotations.push(annotation('x', 0)));
    await editOnDisk(sidecar, (d) => {
      d.metadata.outlet = 'ایرنا';
    });
    await store.update((d) => {
      d.metadata.outlet = 'ایسنا';
    });
    assert.equal((await onDisk(sidecar)).metadata.outlet, 'ایسنا');
    const e = events.at(-1)!;
    assert.equal(e.kind, 'merged');
    assert.equal(e.conflicts, 0);
    assert.match(e.message, /The outlet was corrected differently elsewhere \(“ایرنا”\); this copy's \(“ایسنا”\) was kept/);
  });
});

test('when both changed the same gloss, both versions are kept side by side and the user is told', async () => {
  await withSidecar(async (sidecar) => {
    const { store, events } = await open(sidecar);
    await store.update((d) => void d.annotations.push(annotation('x', 0, { gloss: 'minister' })));
    await editOnDisk(sidecar, (d) => {
      d.annotations[0]!.gloss = 'foreign minister (theirs)';
    });
    await store.update((d) => {
      d.annotations[0]!.gloss = 'the minister (ours)';
    });
    const saved = await onDisk(sidecar);
    assert.equal(saved.conflicts.length, 1);
    const c = saved.conflicts[0]!;
    assert.equal(c.id, 'x');
    assert.equal(c.ours?.gloss, 'the minister (ours)');
    assert.equal(c.theirs?.gloss, 'foreign minister (theirs)');
    assert.equal(c.detected, '2024-06-01T12:00:00.000Z');
    assert.equal(byId(saved, 'x')!.gloss, 'the minister (ours)');
    const e = events.at(-1)!;
    assert.equal(e.kind, 'merged');
    assert.equal(e.conflicts, 1);
    assert.match(e.message, /1 conflict kept for you to decide/);
    assert.match(e.details.join('\n'), /gloss changed differently on both sides/);
  });
});

test('an annotation deleted elsewhere stays deleted when we save something else', async () => {
  await withSidecar(async (sidecar) => {
    const { store } = await open(sidecar);
    await store.update((d) => void d.annotations.push(annotation('keep', 0), annotation('gone', 20)));
    await editOnDisk(sidecar, (d) => void (d.annotations = d.annotations.filter((a) => a.id !== 'gone')));
    await store.update((d) => void d.annotations.push(annotation('new', 40)));
    assert.deepEqual((await onDisk(sidecar)).annotations.map((a) => a.id), ['keep', 'new']);
    assert.deepEqual(store.data.annotations.map((a) => a.id), ['keep', 'new']);
  });
});

test('our edit of an annotation someone else deleted is kept, and the deletion is flagged', async () => {
  await withSidecar(async (sidecar) => {
    const { store } = await open(sidecar);
    await store.update((d) => void d.annotations.push(annotation('x', 0)));
    await editOnDisk(sidecar, (d) => void (d.annotations = []));
    await store.update((d) => void (d.annotations[0]!.note = 'important'));
    const saved = await onDisk(sidecar);
    assert.equal(byId(saved, 'x')?.note, 'important');
    assert.equal(saved.conflicts.length, 1);
    assert.equal(saved.conflicts[0]!.ours?.note, 'important');
    assert.equal(saved.conflicts[0]!.theirs, null);
  });
});

test('a change on disk is noticed by its content even when the modification time was kept', async () => {
  await withSidecar(async (sidecar) => {
    const { store } = await open(sidecar);
    await store.update((d) => void d.annotations.push(annotation('x', 0, { gloss: 'aaaa' })));
    const before = await stat(sidecar);
    // Same size, same mtime: only the content tells.
    await editOnDisk(sidecar, (d) => void (d.annotations[0]!.gloss = 'bbbb'));
    await utimes(sidecar, before.atime, before.mtime);
    assert.equal((await stat(sidecar)).size, before.size);
    await store.update((d) => void d.annotations.push(annotation('y', 30)));
    const saved = await onDisk(sidecar);
    assert.equal(byId(saved, 'x')?.gloss, 'bbbb');
    assert.ok(byId(saved, 'y'));
  });
});

test('a sidecar broken on disk meanwhile is not overwritten: the article turns read-only with a message', async () => {
  await withSidecar(async (sidecar) => {
    const { store, events } = await open(sidecar);
    await store.update((d) => void d.annotations.push(annotation('x', 0)));
    const broken = (await readFile(sidecar, 'utf8')).replace('"annotations": [', '"annotations": [<<<<<<< HEAD');
    await writeFile(sidecar, broken);
    await assert.rejects(store.update((d) => void d.annotations.push(annotation('y', 30))), ReadOnlySidecarError);
    assert.equal(await readFile(sidecar, 'utf8'), broken);
    assert.match(store.readOnly ?? '', /not valid JSON/);
    assert.deepEqual(store.data.annotations.map((a) => a.id), ['x'], 'the last saved annotations are still shown');
    assert.equal(events.at(-1)?.kind, 'read-only');
    // Once someone repairs the file, annotating works again, on top of the repaired version.
    await writeFile(sidecar, serialiseSidecar({ ...store.data, annotations: [annotation('x', 0), annotation('fixed', 50)] }));
    await store.update((d) => void d.annotations.push(annotation('y', 30)));
    assert.equal(store.readOnly, null);
    assert.deepEqual((await onDisk(sidecar)).annotations.map((a) => a.id), ['x', 'y', 'fixed']);
    assert.ok(events.some((e) => e.kind === 'writable'));
  });
});

test('reload takes in a change made elsewhere, and our own saves do not count as one', async () => {
  await withSidecar(async (sidecar) => {
    const { store, events } = await open(sidecar);
    await store.update((d) => void d.annotations.push(annotation('x', 0)));
    assert.equal(await store.reload(), false, 'our own save is not a change from elsewhere');
    await editOnDisk(sidecar, (d) => void d.annotations.push(annotation('pulled', 30)));
    assert.equal(await store.reload(), true);
    assert.deepEqual(store.data.annotations.map((a) => a.id), ['x', 'pulled']);
    assert.equal(events.at(-1)?.kind, 'reloaded');
    assert.equal(await store.reload(), false);
  });
});

test('a sidecar deleted on disk is written again with the annotations the app holds', async () => {
  await withSidecar(async (sidecar) => {
    const { store, events } = await open(sidecar);
    await store.update((d) => void d.annotations.push(annotation('x', 0)));
    await unlink(sidecar);
    await store.update((d) => void d.annotations.push(annotation('y', 30)));
    assert.deepEqual((await onDisk(sidecar)).annotations.map((a) => a.id), ['x', 'y']);
    assert.equal(events.at(-1)?.kind, 'removed');
  });
});
