// Offsets are checked against the text even when the sidecar's hash says the article is the
// one they were made on (issue 12, point 4): a hand edit or a bad merge can keep the hash
// and move the offsets onto other words or past the end.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitToArticle } from '../../annotations/anchoring/fit-to-article';
import { articleQuotations } from '../../annotations/quotations/quotations';
import type { QuotationsJson } from '../../annotations/export/json';
import type { Annotation, Sidecar } from '../../annotations/model/types';
import { Workspace } from '../../corpus/services/workspace';
import { annotationAt } from '../fixtures/annotations';

const SAMPLE = fileURLToPath(new URL('../../corpus/sample', import.meta.url));
const FA = '000_4b15f26e11b27dea.txt';

let base: string;
let corpus: string;
let appData: string;

async function workspace(): Promise<Workspace> {
  return Workspace.create({ appDataDir: appData, pickFolder: async () => corpus, defaultCorpus: corpus });
}

before(async () => {
  base = await mkdtemp(join(tmpdir(), 'hashiya-offsets-'));
  corpus = join(base, 'corpus');
  appData = join(base, 'appdata');
  await mkdir(corpus);
  await copyFile(join(SAMPLE, FA), join(corpus, FA));
});

after(async () => {
  await rm(base, { recursive: true, force: true });
});

/** How each hand edit is made, and how the annotation must end. */
interface Tamper {
  phrase: string;
  how: string;
  edit(a: Annotation, length: number): void;
  ends: 're-anchored' | 'orphaned';
}

const TAMPERS: Tamper[] = [
  { phrase: 'حیدر العبادی', how: 'offsets moved 40 characters onto other words', ends: 're-anchored', edit: (a) => { a.target.position.start += 40; a.target.position.end += 40; } },
  { phrase: 'مبارزه با تروریسم', how: 'offsets past the end of the text', ends: 're-anchored', edit: (a, n) => { a.target.position.start = n + 100; a.target.position.end = n + 100 + a.target.quote.exact.length; } },
  { phrase: 'نخستوزیر عراق', how: 'end past the end, start inside', ends: 're-anchored', edit: (a, n) => { a.target.position.start = n - 3; a.target.position.end = n + 9; } },
  { phrase: 'حسن روحانی', how: 'end shortened by two characters', ends: 're-anchored', edit: (a) => { a.target.position.end -= 2; } },
  { phrase: 'تحولات سیاسی', how: 'quote replaced by words not in the article, offsets kept', ends: 'orphaned', edit: (a) => { a.target.quote = { exact: 'words that were never here', prefix: 'nothing ', suffix: ' at all' }; } },
  { phrase: 'ثبات و امنیت', how: 'quote not in the article and offsets past the end', ends: 'orphaned', edit: (a, n) => { a.target.quote = { exact: 'zzzz qqqq xxxx', prefix: '', suffix: '' }; a.target.position.start = n + 5; a.target.position.end = n + 19; } },
];

test('annotations whose offsets were edited onto other words are found again from their quote or shown orphaned, never highlighted on other words', async (t) => {
  const ws = await workspace();
  const doc = await ws.openArticle(FA);
  const made = new Map<string, { tamper: Tamper | null; start: number; end: number }>();
  for (const tamper of [...TAMPERS, null]) {
    const phrase = tamper?.phrase ?? 'عراق';
    const start = doc.text.indexOf(phrase);
    assert.ok(start >= 0, `fixture: ${phrase} in the sample`);
    const a = await ws.createAnnotation(FA, { start, end: start + phrase.length, tags: [], gloss: tamper?.how ?? 'untouched', note: '' });
    made.set(a.id, { tamper, start, end: start + phrase.length });
  }
  await ws.flush();
  await ws.close();

  // The hand edit: the article (and so the recorded hash) stays as it was.
  const path = join(corpus, `${FA}.annotations.json`);
  const sidecar = JSON.parse(await readFile(path, 'utf8')) as Sidecar;
  for (const a of sidecar.annotations) made.get(a.id)!.tamper?.edit(a, doc.text.length);
  await writeFile(path, JSON.stringify(sidecar, null, 2) + '\n');

  const fresh = await workspace();
  const opened = await fresh.openArticle(FA);
  assert.equal(opened.version, sidecar.article.sha256, 'the hash still matches: only the offsets were edited');
  const ended = { 're-anchored': 0, orphaned: 0 };
  for (const a of opened.annotations) {
    const { tamper, start, end } = made.get(a.id)!;
    const { position, quote } = a.target;
    if (a.anchor.status !== 'orphaned') {
      assert.equal(opened.text.slice(position.start, position.end), quote.exact, `${a.gloss}: highlighted on its own words`);
      assert.ok(position.end <= opened.text.length);
    }
    if (!tamper) {
      assert.deepEqual([a.anchor.status, position.start, position.end], ['exact', start, end], 'an untouched annotation stays as it was');
      continue;
    }
    const how = a.anchor.status === 'orphaned' ? 'orphaned' : 're-anchored';
    ended[how]++;
    t.diagnostic(`${tamper.how}: ${how} (${a.anchor.status}${how === 're-anchored' ? ` at ${position.start}–${position.end}` : ''})`);
    assert.equal(how, tamper.ends, tamper.how);
    if (how === 're-anchored') assert.deepEqual([position.start, position.end], [start, end], `${tamper.how}: back on its quote`);
  }
  t.diagnostic(`tampered annotations tried: ${TAMPERS.length}; re-anchored ${ended['re-anchored']}, orphaned ${ended.orphaned}; untouched 1 stayed exact`);

  // The quotation export reads the same checked anchors.
  const file = await fresh.exportQuotations({ format: 'json' });
  const exported = (JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as QuotationsJson).quotations;
  assert.equal(exported.length, TAMPERS.length + 1);
  for (const q of exported) {
    if (q.anchor === 'orphaned') assert.equal(q.codePoints, null, `${q.gloss}: an orphan is exported by its quote alone`);
    else assert.equal(opened.text.slice(q.start, q.end), q.quote, `${q.gloss}: exported on its own words`);
  }
  const page = { rows: exported };
  t.diagnostic(`quotations checked: ${page.rows.length}, orphaned ${page.rows.filter((q) => q.anchor === 'orphaned').length}`);
  await fresh.close();
});

const TEXT = 'رئیس‌جمهور در گفت‌وگوی تلفنی با نخست‌وزیر عراق، مبارزه با تروریسم را وظیفه همه دولت‌های مسئول دانست.';

test('a quotation whose offsets do not hold its quote is exported as orphaned, by its quote alone', () => {
  const at = TEXT.indexOf('نخست‌وزیر عراق');
  const good = annotationAt(TEXT, 'good', at, at + 'نخست‌وزیر عراق'.length);
  const shifted = { ...good, id: 'shifted', target: { ...good.target, position: { start: at + 5, end: at + 5 + 'نخست‌وزیر عراق'.length } } };
  const beyond = { ...good, id: 'beyond', target: { ...good.target, position: { start: TEXT.length + 2, end: TEXT.length + 9 } } };
  const doc = { file: 'a.txt', text: TEXT, language: 'fa' as const, paragraphs: [{ start: 0, end: TEXT.length, text: TEXT, dir: 'rtl' as const, boilerplate: false }], annotations: [good, shifted, beyond], metadata: { headline: '', outlet: null, date: null } };
  const rows = new Map(articleQuotations(doc, new Map()).map((q) => [q.id, q]));
  assert.equal(rows.get('good')!.anchor, 'exact');
  assert.equal(rows.get('good')!.quote, 'نخست‌وزیر عراق');
  for (const id of ['shifted', 'beyond']) {
    assert.equal(rows.get(id)!.anchor, 'orphaned', id);
    assert.equal(rows.get(id)!.codePoints, null, id);
    assert.equal(rows.get(id)!.quote, 'نخست‌وزیر عراق', `${id}: its own quote, not the words at its offsets`);
  }
});

test('drafts whose offsets run past the end of an unchanged article are set aside, not shown on other words', () => {
  const sha = 'same';
  const data: Sidecar = {
    format: 1,
    article: { file: 'a.txt', sha256: sha, length: TEXT.length },
    metadata: {},
    annotations: [],
    renderings: [
      { start: 0, end: 10, source: TEXT.slice(0, 10), text: 'kept', status: 'draft', analyst: '', modified: '' },
      { start: TEXT.length - 2, end: TEXT.length + 40, text: 'past the end', status: 'draft', analyst: '', modified: '' },
      { start: 3, end: 13, source: TEXT.slice(0, 10), text: 'moved source', status: 'draft', analyst: '', modified: '' },
    ],
    alignments: [],
    conflicts: [],
  };
  const out = fitToArticle(data, data.article, TEXT);
  assert.deepEqual(out.renderings.map((r) => [r.text, r.start, r.end, r.orphaned ?? false]), [
    ['kept', 0, 10, false],
    ['past the end', TEXT.length - 2, TEXT.length + 40, true],
    ['moved source', 0, 10, false],
  ]);
  const unchanged: Sidecar = { ...data, renderings: [data.renderings[0]!] };
  assert.equal(fitToArticle(unchanged, data.article, TEXT), unchanged, 'a sidecar whose offsets all hold is taken as it is');
});
