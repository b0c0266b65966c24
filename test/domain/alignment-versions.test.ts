// Alignment links hold offsets into two texts. When either text changes on disk, the kept
// links would point at other words: they are made again, and the user is told.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Sidecar } from '../../annotations/model/types';
import { Workspace } from '../../corpus/services/workspace';

const SAMPLE = fileURLToPath(new URL('../../corpus/sample', import.meta.url));
const FA = '000_4b15f26e11b27dea.txt';
const EN = '000_4b15f26e11b27dea.en.txt';

let dir: string;
let corpus: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hashiya-align-versions-'));
  corpus = join(dir, 'corpus');
  await cp(SAMPLE, corpus, { recursive: true });
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function workspace(): Promise<Workspace> {
  const ws = await Workspace.create({ appDataDir: join(dir, 'app'), pickFolder: async () => null });
  await ws.openCorpus(corpus, false);
  await ws.setAnalyst('Maryam');
  return ws;
}

async function storedAlignment(): Promise<Sidecar['alignments'][number]> {
  const s = JSON.parse(await readFile(join(corpus, `${FA}.annotations.json`), 'utf8')) as Sidecar;
  return s.alignments.find((x) => x.other === EN)!;
}

/** Every link joins the words now at its offsets: each span lies inside its text and starts and ends on text. */
function assertInside(links: { a: [number, number]; b: [number, number] }[], a: string, b: string): void {
  for (const l of links) {
    assert.ok(l.a[1] <= a.length && l.b[1] <= b.length, `link ${l.a} ↔ ${l.b} inside the texts`);
    assert.notEqual(a.slice(l.a[0], l.a[1]).trim(), '');
    assert.notEqual(b.slice(l.b[0], l.b[1]).trim(), '');
  }
}

test('links made before the translation was edited on disk are aligned again, and the confirmed ones are counted for the user', async () => {
  const ws = await workspace();
  const first = await ws.getAlignment(FA, EN);
  assert.equal(first.realigned, undefined, 'a first alignment has nothing to report');
  const confirmed = first.links.slice(0, 3).map((l) => ({ ...l, confirmed: true }));
  await ws.saveAlignment(FA, EN, [...confirmed, ...first.links.slice(3)]);
  await ws.flush();
  const fa = await ws.openArticle(FA);
  const enBefore = await ws.openArticle(EN);
  assert.deepEqual((await storedAlignment()).versions, { self: fa.version, other: enBefore.version }, 'the sidecar records which texts the links were made against');

  // The translator rewrites the English file elsewhere: a new first line moves every offset.
  const path = join(corpus, EN);
  await writeFile(path, `Translator's note: revised draft, second pass.\n\n${await readFile(path, 'utf8')}`);
  const en = await ws.openArticle(EN);
  const again = await ws.getAlignment(FA, EN);
  assert.deepEqual(again.realigned, { changed: [EN], confirmed: 3 });
  assert.ok(again.links.length >= 8, `links: ${again.links.length}`);
  assert.ok(again.links.every((l) => !l.confirmed), 'nothing stays confirmed on words nobody confirmed');
  assertInside(again.links, fa.text, en.text);
  await ws.flush();
  assert.deepEqual((await storedAlignment()).versions, { self: fa.version, other: en.version });

  const settled = await ws.getAlignment(FA, EN);
  assert.equal(settled.realigned, undefined, 'once aligned again, the links are current');
  assert.deepEqual(settled.links, again.links);
  // Seen from the other side, the same check applies.
  assert.equal((await ws.getAlignment(EN, FA)).realigned, undefined);
});

test('links made before the source article changed are aligned again too, from either side', async () => {
  const ws = await workspace();
  await ws.getAlignment(FA, EN);
  await ws.flush();
  const path = join(corpus, FA);
  const text = await readFile(path, 'utf8');
  await writeFile(path, text.replace(/\n/, '\nخبر تکمیلی: این گزارش به‌روز شده است.\n'));
  const view = await ws.getAlignment(EN, FA);
  assert.deepEqual(view.realigned?.changed, [FA]);
  assertInside(view.links, (await ws.openArticle(EN)).text, (await ws.openArticle(FA)).text);
  const again = await ws.alignAgain(FA, EN);
  assert.equal(again.realigned, undefined);
});
