// The sidecar store: what the user's annotations look like on disk, and that a change is
// only ever shown once it is saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileDurable } from '../../annotations/store/durable-write';
import { serialiseSidecar } from '../../annotations/store/serialise';
import {
  InvalidSidecarChangeError,
  ReadOnlySidecarError,
  SidecarStore,
  emptySidecar,
  type ArticleFingerprint,
} from '../../annotations/store/sidecar-store';
import { SIDECAR_FORMAT, type Annotation } from '../../annotations/model/types';
import { annotationAt } from '../fixtures/annotations';

const TEXT = 'خبرگزاری‌ها گزارش دادند که وزیر خارجه روز دوشنبه به مسکو سفر کرد.\nقال المتحدث إن المحادثات ستستمر.';

function fingerprint(text: string): ArticleFingerprint {
  return { file: 'a.txt', sha256: createHash('sha256').update(text).digest('hex'), length: text.length };
}

function annotation(id: string, start: number, end: number, over: Partial<Annotation> = {}, text = TEXT): Annotation {
  return annotationAt(text, id, start, end, over);
}

async function withDir(work: (dir: string, sidecar: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-store-'));
  try {
    await work(dir, join(dir, 'a.txt.annotations.json'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('opening an article, or a change that changes nothing, creates no sidecar', async () => {
  await withDir(async (dir, sidecar) => {
    const store = await SidecarStore.open(sidecar, fingerprint(TEXT), TEXT);
    assert.equal(store.readOnly, null);
    assert.deepEqual(store.data.annotations, []);
    await store.update(() => undefined);
    assert.deepEqual(await readdir(dir), []);
  });
});

test('the first annotation creates a pretty-printed sidecar in canonical form', async () => {
  await withDir(async (_dir, sidecar) => {
    const store = await SidecarStore.open(sidecar, fingerprint(TEXT), TEXT);
    await store.update((d) => {
      d.annotations.push(annotation('b', 30, 40));
      d.annotations.push(annotation('a', 0, 10));
    });
    const text = await readFile(sidecar, 'utf8');
    assert.equal(text, serialiseSidecar(store.data));
    assert.match(text, /^\{\n {2}"format": 1,\n {2}"article": \{/);
    assert.deepEqual(store.data.annotations.map((a) => a.id), ['a', 'b'], 'annotations are kept in text order');
    const again = await SidecarStore.open(sidecar, fingerprint(TEXT), TEXT);
    assert.deepEqual(again.data, store.data);
  });
});

test('a change is not shown until it is saved, and many quick changes are all saved in order', async () => {
  await withDir(async (_dir, sidecar) => {
    const store = await SidecarStore.open(sidecar, fingerprint(TEXT), TEXT);
    const pending = store.update((d) => void d.annotations.push(annotation('a', 0, 10)));
    assert.equal(store.data.annotations.length, 0);
    await pending;
    assert.equal(store.data.annotations.length, 1);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update((d) => {
          d.annotations[0]!.gloss += String(i % 10);
        }),
      ),
    );
    assert.equal(store.data.annotations[0]!.gloss, '01234567890123456789');
    const onDisk = JSON.parse(await readFile(sidecar, 'utf8'));
    assert.equal(onDisk.annotations[0].gloss, '01234567890123456789');
  });
});

test('a save that fails (disk full) changes nothing, neither on disk nor on screen', async () => {
  await withDir(async (dir, sidecar) => {
    let full = false;
    const store = await SidecarStore.open(sidecar, fingerprint(TEXT), TEXT, {
      writeFile: async (path, data) => {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        await writeFileDurable(path, data);
      },
    });
    await store.update((d) => void d.annotations.push(annotation('a', 0, 10, { gloss: 'kept' })));
    const before = await readFile(sidecar, 'utf8');
    full = true;
    await assert.rejects(
      store.update((d) => {
        d.annotations[0]!.gloss = 'lost';
        d.annotations.push(annotation('b', 20, 30));
      }),
      { code: 'ENOSPC' },
    );
    assert.equal(store.data.annotations.length, 1);
    assert.equal(store.data.annotations[0]!.gloss, 'kept');
    assert.equal(await readFile(sidecar, 'utf8'), before);
    assert.deepEqual(await readdir(dir), ['a.txt.annotations.json']);
    full = false;
    await store.update((d) => void d.annotations.push(annotation('c', 40, 50)));
    const saved = JSON.parse(await readFile(sidecar, 'utf8'));
    assert.deepEqual(saved.annotations.map((a: Annotation) => a.id), ['a', 'c']);
    assert.equal(saved.annotations[0].gloss, 'kept');
  });
});

test('a change that throws leaves the annotations as they were', async () => {
  await withDir(async (_dir, sidecar) => {
    const store = await SidecarStore.open(sidecar, fingerprint(TEXT), TEXT);
    await store.update((d) => void d.annotations.push(annotation('a', 0, 10)));
    await assert.rejects(
      store.update((d) => {
        d.annotations[0]!.note = 'half done';
        throw new Error('no such annotation');
      }),
      /no such annotation/,
    );
    assert.equal(store.data.annotations[0]!.note, '');
  });
});

test('a change that would make the sidecar unreadable is refused and nothing is written', async () => {
  await withDir(async (_dir, sidecar) => {
    const store = await SidecarStore.open(sidecar, fingerprint(TEXT), TEXT);
    await store.update((d) => void d.annotations.push(annotation('a', 0, 10)));
    const before = await readFile(sidecar, 'utf8');
    await assert.rejects(
      store.update((d) => {
        d.annotations[0]!.target.position.end = 0;
      }),
      InvalidSidecarChangeError,
    );
    assert.equal(await readFile(sidecar, 'utf8'), before);
    assert.equal(store.data.annotations[0]!.target.position.end, 10);
  });
});

test('a sidecar that is not valid JSON opens read-only with a message and is never overwritten', async () => {
  await withDir(async (_dir, sidecar) => {
    await writeFile(sidecar, '{"format": 1, "annotations": [');
    const store = await SidecarStore.open(sidecar, fingerprint(TEXT), TEXT);
    assert.match(store.readOnly ?? '', /not valid JSON/);
    await assert.rejects(store.update((d) => void d.annotations.push(annotation('a', 0, 10))), ReadOnlySidecarError);
    assert.equal(await readFile(sidecar, 'utf8'), '{"format": 1, "annotations": [');
  });
});

test('a sidecar from a newer Hashiya is shown read-only and never rewritten', async () => {
  await withDir(async (_dir, sidecar) => {
    const newer = { ...emptySidecar(fingerprint(TEXT)), format: SIDECAR_FORMAT + 1, annotations: [annotation('a', 0, 10)] };
    const text = JSON.stringify(newer);
    await writeFile(sidecar, text);
    const store = await SidecarStore.open(sidecar, fingerprint(TEXT), TEXT);
    assert.match(store.readOnly ?? '', /newer Hashiya/);
    assert.deepEqual(store.data.annotations.map((a) => a.id), ['a']);
    await assert.rejects(store.update((d) => void (d.annotations = [])), ReadOnlySidecarError);
    assert.equal(await readFile(sidecar, 'utf8'), text);
  });
});

test('a newer Hashiya\'s sidecar shown read-only has its offsets checked too: an annotation moved onto other words is placed back from its quote', async () => {
  await withDir(async (_dir, sidecar) => {
    const at = TEXT.indexOf('وزیر خارجه');
    const moved = annotation('a', at, at + 'وزیر خارجه'.length);
    moved.target.position = { start: at + 12, end: at + 12 + 'وزیر خارجه'.length };
    const newer = { ...emptySidecar(fingerprint(TEXT)), format: SIDECAR_FORMAT + 1, annotations: [moved] };
    const text = JSON.stringify(newer);
    await writeFile(sidecar, text);
    const store = await SidecarStore.open(sidecar, fingerprint(TEXT), TEXT);
    assert.match(store.readOnly ?? '', /newer Hashiya/);
    const shown = store.data.annotations[0]!;
    assert.equal(TEXT.slice(shown.target.position.start, shown.target.position.end), 'وزیر خارجه', 'highlighted on its own words');
    assert.equal(await readFile(sidecar, 'utf8'), text, 'and the file is left as it is');
  });
});

test('temporary files left by a crash long ago are cleared when the sidecar opens; recent ones are left alone', async () => {
  await withDir(async (dir, sidecar) => {
    const old = '.a.txt.annotations.json.4242.0badc0de.tmp';
    const recent = '.a.txt.annotations.json.4243.12345678.tmp';
    const other = '.b.txt.annotations.json.4242.0badc0de.tmp';
    for (const name of [old, recent, other]) await writeFile(join(dir, name), '{"torn');
    const hourAgo = new Date(Date.now() - 3600_000);
    await utimes(join(dir, old), hourAgo, hourAgo);
    await utimes(join(dir, other), hourAgo, hourAgo);
    await SidecarStore.open(sidecar, fingerprint(TEXT), TEXT);
    assert.deepEqual((await readdir(dir)).sort(), [other, recent].sort());
  });
});

test('when the article changed on disk, annotations are placed again from their quotes', async () => {
  await withDir(async (_dir, sidecar) => {
    const store = await SidecarStore.open(sidecar, fingerprint(TEXT), TEXT);
    const start = TEXT.indexOf('وزیر خارجه');
    await store.update((d) => void d.annotations.push(annotation('a', start, start + 'وزیر خارجه'.length)));
    const edited = 'تیتر تازه\n' + TEXT;
    const reopened = await SidecarStore.open(sidecar, fingerprint(edited), edited);
    const a = reopened.data.annotations[0]!;
    assert.equal(edited.slice(a.target.position.start, a.target.position.end), 'وزیر خارجه');
    assert.equal(a.anchor.status, 'moved');
    assert.equal(reopened.data.article.sha256, fingerprint(edited).sha256);
  });
});
