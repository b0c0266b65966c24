// Saving a large sidecar after a small change: only what changed is checked and written
// again, and the file is still exactly the canonical form of everything the store holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeze } from 'immer';
import { canonicalSidecar, serialiseSidecar } from '../../annotations/store/serialise';
import { InvalidSidecarChangeError, SidecarStore, emptySidecar } from '../../annotations/store/sidecar-store';
import type { Annotation, Rendering, Sidecar } from '../../annotations/model/types';
import { annotationAt } from '../fixtures/annotations';
import { makeRng, type Rng } from '../fixtures/seeded-random';

const WORDS = ['وزیر', 'خارجه', 'رئیس‌جمهور', 'قال', 'المتحدث', 'إن', 'المحادثات', 'ستستمر', '۱۴۰۳', '"quoted"', 'a\\b', 'line\nbreak'];
const TEXT = Array.from({ length: 4000 }, (_, i) => WORDS[i % WORDS.length]).join(' ');
const ARTICLE = { file: 'big.txt', sha256: createHash('sha256').update(TEXT).digest('hex'), length: TEXT.length };

function annotation(i: number, random: Rng): Annotation {
  const start = Math.floor(random() * (TEXT.length - 40));
  const end = start + 1 + Math.floor(random() * 30);
  const extra = random() < 0.2 ? { reviewedBy: 'a team tool', flags: { x: [1, 'ب'] } } : {};
  return annotationAt(TEXT, `id-${i}`, start, end, {
    analyst: random() < 0.5 ? 'maryam' : 'Reza',
    tags: random() < 0.3 ? [] : ['claim', 'actor'].slice(0, 1 + Math.floor(random() * 2)),
    gloss: random() < 0.5 ? '' : 'the foreign minister',
    note: random() < 0.8 ? '' : 'said "twice"\n— see p. 2',
    ...extra,
  });
}

function rendering(i: number): Rendering {
  return { start: i * 50, end: i * 50 + 40, source: TEXT.slice(i * 50, i * 50 + 40), text: `draft ${i}`, status: 'draft', analyst: 'maryam', modified: '2024-05-01T10:00:00.000Z' };
}

function sidecar(random: Rng, n: number): Sidecar {
  return {
    ...emptySidecar(ARTICLE),
    metadata: random() < 0.5 ? {} : { headline: 'سرخط', date: { iso: '2024-11-25', original: '۵ آذر ۱۴۰۳' }, boilerplate: { 'اشتراک‌گذاری': true } },
    annotations: Array.from({ length: n }, (_, i) => annotation(i, random)),
    renderings: random() < 0.5 ? [] : Array.from({ length: 5 }, (_, i) => rendering(4 - i)),
    alignments: random() < 0.5 ? [] : [{ other: 'b.txt', links: [{ a: [0, 10], b: [0, 12], score: 0.9, confirmed: false }] }],
  };
}

/** The canonical form computed the plain way, from a copy that shares nothing. */
function plainCanonical(s: Sidecar): string {
  return JSON.stringify(canonicalSidecar(JSON.parse(JSON.stringify(s)) as Sidecar), null, 2) + '\n';
}

test('the sidecar text is the canonical form exactly, for frozen and unfrozen data alike, before and after edits', () => {
  const random = makeRng(7);
  for (let round = 0; round < 40; round++) {
    const s = sidecar(random, Math.floor(random() * 30));
    assert.equal(serialiseSidecar(s), plainCanonical(s));
    const frozen = freeze(structuredClone(s), true);
    assert.equal(serialiseSidecar(frozen), plainCanonical(s));
    // An edit replaces one item and keeps the rest: the text follows the new item.
    if (frozen.annotations.length > 0) {
      const i = Math.floor(random() * frozen.annotations.length);
      const edited = { ...frozen, annotations: frozen.annotations.map((a, k) => (k === i ? { ...a, gloss: `edited ${round}` } : a)) };
      assert.equal(serialiseSidecar(edited), plainCanonical(edited));
    }
  }
  assert.equal(serialiseSidecar(emptySidecar(ARTICLE)), plainCanonical(emptySidecar(ARTICLE)));
});

async function withStore(n: number, work: (store: SidecarStore, path: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-save-'));
  try {
    const path = join(dir, 'big.txt.annotations.json');
    const store = await SidecarStore.open(path, ARTICLE, TEXT);
    const random = makeRng(11);
    const all = Array.from({ length: n }, (_, i) => annotation(i, random));
    await store.update((d) => void d.annotations.push(...all));
    await work(store, path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('after one annotation is edited in a sidecar of 2,000, the file on disk is the canonical form of them all, and reads back equal', async () => {
  await withStore(2000, async (store, path) => {
    const id = store.data.annotations[1234]!.id;
    const returned = await store.update((d) => {
      const a = d.annotations.find((x) => x.id === id)!;
      a.note = 'edited in place';
      a.tags.push('claim-2');
      return { ...a };
    });
    assert.equal(returned.note, 'edited in place', 'what the change returned is readable after the save');
    assert.deepEqual(returned.target.position, store.data.annotations.find((x) => x.id === id)!.target.position);
    const text = await readFile(path, 'utf8');
    assert.equal(text, plainCanonical(store.data));
    const again = await SidecarStore.open(path, ARTICLE, TEXT);
    assert.deepEqual(again.data, JSON.parse(JSON.stringify(store.data)));
    assert.deepEqual(again.data.annotations.find((x) => x.id === id)!.tags.at(-1), 'claim-2');
  });
});

test('a change that breaks one annotation among thousands is refused, naming it, and nothing is written', async () => {
  await withStore(2000, async (store, path) => {
    const before = await readFile(path, 'utf8');
    await assert.rejects(
      store.update((d) => {
        d.annotations[1500]!.target.position.end = 0;
      }),
      (error: Error) => error instanceof InvalidSidecarChangeError && /annotations\.1500\.target\.position/.test(error.message),
    );
    await assert.rejects(
      store.update((d) => void d.annotations.push({ id: '' } as Annotation)),
      (error: Error) => error instanceof InvalidSidecarChangeError && /annotations\.2000\./.test(error.message),
    );
    assert.equal(await readFile(path, 'utf8'), before);
    assert.equal(store.data.annotations[1500]!.target.position.end > 0, true, 'what is shown is unchanged');
  });
});

test('what the store holds cannot be changed behind its back, only through update()', async () => {
  await withStore(10, async (store, path) => {
    const before = await readFile(path, 'utf8');
    assert.throws(() => {
      store.data.annotations[0]!.gloss = 'sneaked in';
    }, TypeError);
    assert.throws(() => store.data.annotations.push(store.data.annotations[0]!), TypeError);
    await store.update((d) => void (d.annotations[0]!.gloss = 'through update'));
    assert.notEqual(await readFile(path, 'utf8'), before);
    assert.equal(store.data.annotations[0]!.gloss, 'through update');
  });
});

test('a new annotation gets the defaults a sidecar read from disk would give it', async () => {
  await withStore(3, async (store) => {
    const bare = { ...annotation(99, makeRng(3)) } as Partial<Annotation>;
    delete bare.gloss;
    delete bare.anchor;
    await store.update((d) => void d.annotations.push(bare as Annotation));
    const saved = store.data.annotations.find((a) => a.id === 'id-99')!;
    assert.equal(saved.gloss, '');
    assert.deepEqual(saved.anchor, { status: 'exact', score: 1 });
  });
});
