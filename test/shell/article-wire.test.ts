// An opened article crosses to the window packed (corpus/api/article-wire.ts): the window must
// get exactly the article the workspace answered, over JSON (the harness) and structured
// clone (IPC), whatever its annotations hold.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleDoc } from '../../corpus/api/api';
import { dispatch } from '../../corpus/api/api-schema';
import { fromWindow, windowAnswer } from '../../corpus/api/article-wire';
import { Workspace } from '../../corpus/services/workspace';
import { serialiseSidecar } from '../../annotations/store/serialise';
import { SIDECAR_FORMAT, type Annotation } from '../../annotations/model/types';
import { annotationAt } from '../fixtures/annotations';

const TEXT = 'سفر وزیر خارجه به مسکو\n\nخبرگزاری ایرنا گزارش داد که وزیر خارجه امروز به مسکو رفت و با همتای خود دیدار کرد.\r\n\r\nاین دیدار دو ساعت طول کشید.\n';

let base: string;
let ws: Workspace;

function annotations(): Annotation[] {
  const at = (word: string, from = 0) => TEXT.indexOf(word, from);
  const moscow = at('مسکو');
  const second = at('مسکو', moscow + 1);
  return [
    // At the very start: no prefix.
    annotationAt(TEXT, 'first', 0, 3, { tags: ['place'], gloss: 'trip', note: 'a note' }),
    annotationAt(TEXT, 'plain', moscow, moscow + 4, { tags: [] }),
    // Its words are at its offsets but its context was taken from an older text.
    { ...annotationAt(TEXT, 'old-context', second, second + 4), target: { position: { start: second, end: second + 4 }, quote: { exact: 'مسکو', prefix: 'دیگر ', suffix: ' دیروز' } } },
    // Set aside: its quote is not in the text any more.
    { ...annotationAt(TEXT, 'orphan', 10, 14), target: { position: { start: 10, end: 14 }, quote: { exact: 'تهران', prefix: '', suffix: '' } }, anchor: { status: 'orphaned', score: 0 } },
    { ...annotationAt(TEXT, 'fuzzy', at('دیدار'), at('دیدار') + 5), anchor: { status: 'fuzzy', score: 0.8 } },
    // A field a newer Hashiya wrote: kept in the sidecar, and shown to the window as it is.
    { ...annotationAt(TEXT, 'newer', at('ساعت'), at('ساعت') + 4), reviewedBy: 'someone' } as Annotation,
  ];
}

before(async () => {
  base = await mkdtemp(join(tmpdir(), 'hashiya-wire-'));
  const corpus = join(base, 'corpus');
  await mkdir(corpus);
  await writeFile(join(corpus, 'a.txt'), TEXT);
  const sha256 = createHash('sha256').update(TEXT).digest('hex');
  await writeFile(
    join(corpus, 'a.txt.annotations.json'),
    serialiseSidecar({ format: SIDECAR_FORMAT, article: { file: 'a.txt', sha256, length: TEXT.length }, metadata: {}, annotations: annotations(), renderings: [], alignments: [], conflicts: [] }),
  );
  ws = await Workspace.create({ appDataDir: join(base, 'app'), pickFolder: async () => null, defaultCorpus: corpus });
});

after(async () => {
  await ws.close();
  await rm(base, { recursive: true, force: true });
});

/** What the window's bridge hands the renderer after each transport. */
async function overTransports(method: 'openArticle' | 'setMetadata', args: unknown[]): Promise<{ json: unknown; ipc: unknown; sent: string }> {
  const answer = windowAnswer(method, await dispatch(ws, method, args));
  assert.equal(answer.ok, true);
  const sent = JSON.stringify(answer);
  const json = fromWindow(method, (JSON.parse(sent) as { value: unknown }).value);
  const ipc = fromWindow(method, (structuredClone(answer) as { value: unknown }).value);
  return { json, ipc, sent };
}

test('the window gets the opened article exactly as the workspace answered it, annotations and paragraphs alike', async () => {
  const doc = await ws.openArticle('a.txt');
  assert.equal(doc.annotations.length, 6);
  assert.ok(doc.paragraphs.length >= 3);
  const { json, ipc, sent } = await overTransports('openArticle', ['a.txt']);
  assert.deepEqual(json, doc);
  assert.deepEqual(ipc, doc);
  // The quotes that are the text's own around their offsets were not sent again.
  assert.ok(sent.length < JSON.stringify({ ok: true, value: doc }).length);
  assert.equal(sent.split('همتای خود دیدار کرد.').length - 1, 1, 'a paragraph\'s text is sent once, in the article\'s');
});

test('an article answered by a change (its details set) comes back the same way', async () => {
  const { json } = await overTransports('setMetadata', ['a.txt', { headline: 'A headline' }]);
  assert.deepEqual(json, await ws.openArticle('a.txt'));
  assert.equal((json as ArticleDoc).metadata.headline, 'A headline');
});

test('a refusal crosses as it is', async () => {
  const refused = await dispatch(ws, 'openArticle', ['missing.txt']);
  assert.equal(refused.ok, false);
  assert.deepEqual(windowAnswer('openArticle', refused), refused);
});
