// The drafting service behind the side-by-side view (issue 3): pairings, stored alignments,
// the glossary, progress, segment cuts, and the hand-off to and from CAT tools.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import type { CorpusSettings, Sidecar } from '../../annotations/model/types';
import { safeFileStem } from '../../corpus/services/drafting/drafting-service';
import { Workspace } from '../../corpus/services/workspace';
import { validateTmx, validateXliff } from '../fixtures/xml-validation';

const SAMPLE = fileURLToPath(new URL('../../corpus/sample', import.meta.url));
const FA = '000_4b15f26e11b27dea.txt';
const FA_EN = '000_4b15f26e11b27dea.en.txt';
const AR = '002_b7e8f03d4cd73c5b.txt';
const FA2 = '004_df093c946d86f816.txt';

let dir: string;
let corpus: string;
let appData: string;
let clock = Date.parse('2024-05-01T10:00:00Z');

async function workspace(): Promise<Workspace> {
  const ws = await Workspace.create({ appDataDir: appData, pickFolder: async () => null, now: () => new Date((clock += 1000)) });
  await ws.openCorpus(corpus, false);
  await ws.setAnalyst('Maryam');
  return ws;
}

async function sidecar(file: string): Promise<Sidecar> {
  return JSON.parse(await readFile(join(corpus, `${file}.annotations.json`), 'utf8')) as Sidecar;
}

async function sidecarOrNull(file: string): Promise<Sidecar | null> {
  return existsSync(join(corpus, `${file}.annotations.json`)) ? sidecar(file) : null;
}

async function annotate(ws: Workspace, file: string, words: string, gloss: string, tags: string[] = ['term']): Promise<void> {
  const doc = await ws.openArticle(file);
  const at = doc.text.indexOf(words);
  assert.ok(at >= 0, `${words} is in ${file}`);
  await ws.createAnnotation(file, { start: at, end: at + words.length, tags, gloss, note: '' });
}

function fromBase64(b64: string): string {
  return Buffer.from(b64, 'base64').toString('utf8');
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hashiya-drafting-'));
  corpus = join(dir, 'corpus');
  appData = join(dir, 'app');
  await cp(SAMPLE, corpus, { recursive: true });
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('alignment of two texts', () => {
  test('is computed once, kept in the first text\'s sidecar, and found mirrored from the other side', async () => {
    const ws = await workspace();
    const view = await ws.getAlignment(FA, FA_EN);
    assert.equal(view.kind, 'translation', 'an English text beside a Persian one is its translation');
    assert.ok(view.links.length >= 8, `links: ${view.links.length}`);
    const fa = await ws.openArticle(FA);
    const en = await ws.openArticle(FA_EN);
    for (const l of view.links) {
      assert.ok(l.a[0] < l.a[1] && l.a[1] <= fa.text.length && l.b[1] <= en.text.length);
      assert.ok(l.score >= 0 && l.score <= 1);
    }
    const sorted = [...view.links].sort((x, y) => x.a[0] - y.a[0]);
    assert.deepEqual(view.links, sorted, 'links come in reading order');
    await ws.flush();
    const stored = (await sidecar(FA)).alignments;
    assert.equal(stored.length, 1, 'one alignment, with the English text');
    assert.equal(stored[0]!.other, FA_EN);
    assert.deepEqual(stored[0]!.links, view.links);

    const mirrored = await ws.getAlignment(FA_EN, FA);
    assert.deepEqual(
      mirrored.links,
      view.links.map((l) => ({ a: l.b, b: l.a, score: l.score, confirmed: l.confirmed })).sort((x, y) => x.a[0] - y.a[0]),
    );
    await ws.flush();
    assert.equal((await sidecarOrNull(FA_EN))?.alignments.length ?? 0, 0, 'no second copy in the other sidecar');
  });

  test('two reports in Persian and Arabic are aligned as comparable texts, with weaker links', async () => {
    const ws = await workspace();
    const view = await ws.getAlignment(FA, AR);
    assert.equal(view.kind, 'comparable');
    const translation = await ws.getAlignment(FA, FA_EN);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
    assert.ok(mean(view.links.map((l) => l.score)) < mean(translation.links.map((l) => l.score)));
  });

  test('a link the user corrected from either side is saved in one place and survives a restart', async () => {
    const ws = await workspace();
    const view = await ws.getAlignment(FA, FA_EN);
    const first = view.links[0]!;
    // The user confirms the first link and unlinks the second, looking from the English side.
    const fromEnglish = (await ws.getAlignment(FA_EN, FA)).links;
    const edited = fromEnglish
      .filter((l) => !(l.b[0] === view.links[1]!.a[0]))
      .map((l) => (l.b[0] === first.a[0] ? { ...l, confirmed: true } : l));
    await ws.saveAlignment(FA_EN, FA, edited);
    await ws.flush();
    assert.equal((await sidecarOrNull(FA_EN))?.alignments.length ?? 0, 0);
    assert.equal((await sidecar(FA)).alignments.filter((x) => x.other === FA_EN).length, 1);

    const again = await workspace();
    const back = await again.getAlignment(FA, FA_EN);
    assert.equal(back.links.length, view.links.length - 1);
    assert.equal(back.links[0]!.confirmed, true);
    assert.deepEqual(back.links[0]!.a, first.a);
    assert.ok(!back.links.some((l) => l.a[0] === view.links[1]!.a[0]));
  });

  test('aligning again keeps the confirmed links exactly as they are', async () => {
    const ws = await workspace();
    const view = await ws.getAlignment(FA, FA_EN);
    // The user corrects one link by hand: the third Persian segment goes with the second English one.
    const third = view.links[2]!;
    const second = view.links[1]!;
    const fixed = { a: third.a, b: second.b, score: 1, confirmed: true };
    await ws.saveAlignment(FA, FA_EN, [...view.links.filter((l) => l !== third && l !== second), fixed]);
    const confirmed = (await ws.getAlignment(FA, FA_EN)).links.filter((l) => l.confirmed);
    assert.ok(confirmed.length >= 1);
    const again = await ws.alignAgain(FA, FA_EN);
    for (const c of confirmed) assert.ok(again.links.some((l) => l.confirmed && l.a[0] === c.a[0] && l.a[1] === c.a[1] && l.b[0] === c.b[0] && l.b[1] === c.b[1]));
    assert.ok(again.links.some((l) => l.confirmed && l.a[0] === third.a[0] && l.b[0] === second.b[0]), 'the hand-made link is kept');
  });

  test('links outside the texts are refused', async () => {
    const ws = await workspace();
    await assert.rejects(ws.saveAlignment(FA, FA_EN, [{ a: [0, 10], b: [0, 1_000_000], score: 1, confirmed: true }]), /outside/);
    await assert.rejects(ws.getAlignment(FA, FA), /itself/);
  });
});

describe('pairings', () => {
  test('a pairing is kept in the corpus settings, once per pair whichever way round, and decides the kind', async () => {
    const ws = await workspace();
    await ws.setPairing({ a: FA, b: FA2, kind: 'comparable' });
    await ws.setPairing({ a: FA2, b: FA, kind: 'translation' });
    const pairings = await ws.listPairings();
    assert.deepEqual(pairings.filter((p) => [p.a, p.b].includes(FA2)), [{ a: FA2, b: FA, kind: 'translation' }]);
    const settings = JSON.parse(await readFile(join(corpus, 'hashiya-corpus.json'), 'utf8')) as CorpusSettings;
    assert.ok(settings.pairings.some((p) => p.a === FA2 && p.b === FA));
    assert.equal((await ws.getAlignment(FA, FA2)).kind, 'translation');
    await ws.removePairing(FA, FA2);
    assert.ok(!(await ws.listPairings()).some((p) => [p.a, p.b].includes(FA2)));
    await assert.rejects(ws.setPairing({ a: FA, b: '../outside.txt', kind: 'translation' }));
  });
});

describe('glossary and progress', () => {
  test('the glossary counts each term and gloss across the corpus, matching spelling variants', async () => {
    const ws = await workspace();
    await annotate(ws, FA, 'روحانی', 'Rouhani', ['person']);
    await annotate(ws, AR, 'روحاني', 'Rouhani', ['person']);
    await annotate(ws, FA, 'داعش', 'Daesh', ['organisation']);
    const glossary = await ws.getGlossary();
    const rouhani = glossary.find((g) => g.gloss === 'Rouhani');
    assert.ok(rouhani);
    assert.equal(rouhani.count, 2, 'روحانی and روحاني are one term');
    assert.equal(glossary.find((g) => g.gloss === 'Daesh')?.count, 1);
    assert.equal(glossary[0]!.gloss, 'Rouhani', 'most used first');
  });

  test('progress counts the segments to translate, the drafted and the reviewed, for the article and the corpus', async () => {
    const ws = await workspace();
    const doc = await ws.openArticle(FA2);
    const todo = doc.segments.filter((s) => !s.skip);
    assert.ok(doc.segments.some((s) => s.skip), 'the page furniture of this article is not for translation');
    const before = await ws.getProgress();
    assert.deepEqual(before.articles[FA2], { segments: todo.length, draft: 0, reviewed: 0 });
    assert.equal(before.articles[FA_EN], undefined, 'an English text is not something to translate');
    await ws.saveRendering(FA2, { start: todo[0]!.start, end: todo[0]!.end, text: 'Hassan Rouhani called for cooperation.', status: 'draft' });
    await ws.saveRendering(FA2, { start: todo[1]!.start, end: todo[1]!.end, text: 'The presidents spoke.', status: 'reviewed' });
    const p = await ws.getProgress();
    assert.deepEqual(p.articles[FA2], { segments: todo.length, draft: 1, reviewed: 1 });
    const sum = Object.values(p.articles).reduce((s, x) => s + x.segments, 0);
    assert.equal(p.corpus.segments, sum);
    assert.equal(p.corpus.draft - before.corpus.draft, 1);
  });
});

describe('segments', () => {
  test('splitting a segment keeps its draft on the first part, merging keeps both drafts in the merged one', async () => {
    const ws = await workspace();
    const doc = await ws.openArticle(AR);
    const whole = doc.segments.find((s) => doc.text.slice(s.start, s.end).startsWith('جاء ذلك'))!;
    const comma = doc.text.indexOf('،', whole.start) + 1;
    assert.ok(comma > whole.start && comma < whole.end);
    await ws.saveRendering(AR, { start: whole.start, end: whole.end, text: 'This came during a telephone call.', status: 'reviewed' });
    const others = doc.segments.filter((s) => s !== whole).map((s) => ({ start: s.start, end: s.end, skip: s.skip }));
    const left = { start: whole.start, end: comma, skip: false };
    const right = { start: comma + 1, end: whole.end, skip: false };
    const split = await ws.setSegments(AR, [...others, left, right]);
    assert.equal(split.segments.length, doc.segments.length + 1);
    const first = split.renderings.find((r) => r.start === left.start && r.end === left.end);
    assert.deepEqual([first?.text, first?.status], ['This came during a telephone call.', 'draft'], 'a review of the whole does not hold for a part');
    assert.ok(!split.renderings.some((r) => r.start === whole.start && r.end === whole.end), 'no draft is left on a segment that is gone');

    await ws.saveRendering(AR, { start: right.start, end: right.end, text: 'The prime minister called.', status: 'draft' });
    const merged = await ws.setSegments(AR, [...others, { start: whole.start, end: whole.end, skip: false }]);
    assert.equal(merged.segments.length, doc.segments.length);
    const m = merged.renderings.find((r) => r.start === whole.start && r.end === whole.end);
    assert.deepEqual([m?.text, m?.status], ['This came during a telephone call. The prime minister called.', 'draft']);
    assert.ok(!merged.renderings.some((r) => r.start === right.start), 'the parts are gone');
    await ws.flush();
    const stored = (await sidecar(AR)).metadata.segments!;
    assert.equal(stored.length, doc.segments.length);
    assert.ok(stored.every((s) => s.skip === undefined), 'a skip equal to what the paragraph gives is not written');
  });

  test('a segment marked not for translation stays marked, and a boilerplate one can be unmarked', async () => {
    const ws = await workspace();
    const doc = await ws.openArticle(AR);
    const body = doc.segments.find((s) => !s.skip)!;
    const furniture = doc.segments.find((s) => s.skip)!;
    const cuts = doc.segments.map((s) => ({ start: s.start, end: s.end, skip: s === body ? true : s === furniture ? false : s.skip }));
    const next = await ws.setSegments(AR, cuts);
    assert.equal(next.segments.find((s) => s.start === body.start)?.skip, true);
    assert.equal(next.segments.find((s) => s.start === furniture.start)?.skip, false);
    const again = await (await workspace()).openArticle(AR);
    assert.equal(again.segments.find((s) => s.start === body.start)?.skip, true);
    assert.equal(again.segments.find((s) => s.start === furniture.start)?.skip, false);
    const reset = await ws.setSegments(AR, null);
    assert.equal(reset.metadata.overrides.segments, undefined);
  });

  test('overlapping or outside cuts are refused', async () => {
    const ws = await workspace();
    const doc = await ws.openArticle(FA);
    await assert.rejects(ws.setSegments(FA, [{ start: 0, end: 20 }, { start: 10, end: 30 }]), /overlaps/);
    await assert.rejects(ws.setSegments(FA, [{ start: 0, end: doc.text.length + 1 }]), /not inside/);
  });
});

describe('hand-off', () => {
  test('an XLIFF export validates, and edited in a CAT tool it comes back into the drafts', async () => {
    const ws = await workspace();
    const doc = await ws.openArticle(FA);
    const [s0, s1] = doc.segments.filter((s) => !s.skip);
    await ws.saveRendering(FA, { start: s0!.start, end: s0!.end, text: 'President: fighting terrorism is a duty', status: 'draft' });
    const file = await ws.exportTranslation(FA, 'xliff');
    assert.equal(file.name, '000_4b15f26e11b27dea.xlf');
    const xml = fromBase64(file.base64);
    assert.match(xml, /<xliff [^>]*version="2.1"[^>]*srcLang="fa"[^>]*trgLang="en"/);
    await validateXliff(xml, file.name);

    // Round trip with no change: nothing lost, nothing changed.
    const key = (d: { renderings: Array<{ start: number; end: number; text: string; status: string }> }) => d.renderings.map((r) => [r.start, r.end, r.text, r.status]);
    const drafted = await ws.openArticle(FA);
    const unchanged = await ws.importXliff(FA, xml);
    assert.deepEqual(key(unchanged), key(drafted));
    assert.deepEqual(unchanged.renderings, drafted.renderings, 'not even the analyst or the time changed');

    // A translator fills the second segment and reviews the first.
    const id0 = `s${s0!.start}-${s0!.end}`;
    const id1 = `s${s1!.start}-${s1!.end}`;
    const edited = xml
      .replace(new RegExp(`(<segment id="${id0}") state="translated"`), '$1 state="reviewed"')
      .replace(new RegExp(`(<segment id="${id1}") state="initial"(>\\s*<source[^>]*>[^<]*</source>)`), '$1 state="translated"$2<target xml:space="preserve">In a telephone call with the Iraqi prime minister, the President said…</target>');
    assert.notEqual(edited, xml);
    const back = await ws.importXliff(FA, edited);
    const r0 = back.renderings.find((r) => r.start === s0!.start)!;
    const r1 = back.renderings.find((r) => r.start === s1!.start)!;
    assert.equal(r0.status, 'reviewed');
    assert.equal(r0.text, 'President: fighting terrorism is a duty');
    assert.equal(r1.text, 'In a telephone call with the Iraqi prime minister, the President said…');
    assert.equal(r1.status, 'draft');
    await assert.rejects(ws.importXliff(FA2, edited), /does not fit/);
    await assert.rejects(ws.importXliff(FA, '<xliff version="2.1"><file'), /well-formed/);
  });

  test('a TMX export holds the confirmed links with the other text and the reviewed drafts', async () => {
    const ws = await workspace();
    const view = await ws.getAlignment(FA, FA_EN);
    const confirmed = view.links.filter((l) => l.confirmed);
    const file = await ws.exportTranslation(FA, 'tmx', FA_EN);
    const xml = fromBase64(file.base64);
    assert.match(xml, /<tmx version="1.4">/);
    const units = xml.match(/<tu /g)?.length ?? 0;
    const reviewed = (await ws.openArticle(FA)).renderings.filter((r) => r.status === 'reviewed' && r.text.trim()).length;
    assert.equal(units, confirmed.length + reviewed);
    assert.ok(units > 0);
    await validateTmx(xml, 'pairs.tmx');
  });

  test('an imported translation becomes a new UTF-8 article beside the source, never over another file, paired with it', async () => {
    const ws = await workspace();
    const english = 'President Rouhani spoke with the Iraqi prime minister.\n\nHe said Iran stands by Iraq.\n';
    const first = await ws.importTranslation(FA2, 'C:\\Users\\m\\Desktop\\rouhani: english?.txt', Buffer.from(english, 'utf8').toString('base64'));
    assert.equal(first.file, 'rouhani english.txt');
    assert.equal(await readFile(join(corpus, first.file), 'utf8'), english);
    // The same name again, from Windows-1256 Arabic: a second file, decoded and written as UTF-8.
    const arabic = 'أكد الرئيس الإيراني حسن روحاني دعم طهران للعراق.\n';
    const second = await ws.importTranslation(FA2, 'rouhani english.txt', iconv.encode(arabic, 'windows-1256').toString('base64'));
    assert.equal(second.file, 'rouhani english-2.txt');
    assert.equal(await readFile(join(corpus, second.file), 'utf8'), arabic);
    assert.equal(await readFile(join(corpus, first.file), 'utf8'), english, 'the first import is untouched');
    const pairings = await ws.listPairings();
    assert.ok(pairings.some((p) => p.a === FA2 && p.b === first.file && p.kind === 'translation'));
    assert.ok((await ws.listArticles()).some((a) => a.file === first.file && a.language === 'en'));
    const aligned = await ws.getAlignment(FA2, first.file);
    assert.ok(aligned.links.length > 0);
    await assert.rejects(ws.importTranslation(FA2, 'empty.txt', ''), /cannot be imported/);
    const names = await readdir(corpus);
    assert.ok(!names.some((n) => n.endsWith('.tmp')), 'no temporary files left');
  });

  test('file names from elsewhere are made safe', () => {
    assert.equal(safeFileStem('../../etc/passwd'), 'passwd');
    assert.equal(safeFileStem('a<b>c|d?.TXT'), 'abcd');
    assert.equal(safeFileStem('CON.txt'), '_CON');
    assert.equal(safeFileStem('...'), 'translation');
    assert.equal(safeFileStem('ترجمه انگلیسی.txt'), 'ترجمه انگلیسی');
  });
});

describe('the English rendering', () => {
  test('exports as plain text, Markdown and a bilingual page, with the page furniture left out', async () => {
    const ws = await workspace();
    const doc = await ws.openArticle(FA2);
    const todo = doc.segments.filter((s) => !s.skip);
    await ws.saveRendering(FA2, { start: todo[0]!.start, end: todo[0]!.end, text: 'Hassan Rouhani calls for Iran–Turkey cooperation against Daesh', status: 'reviewed' });
    await ws.saveRendering(FA2, { start: todo[1]!.start, end: todo[1]!.end, text: 'The presidents of Turkey and Iran spoke by telephone.', status: 'draft' });

    const txt = await ws.exportTranslation(FA2, 'txt');
    assert.equal(txt.name, '004_df093c946d86f816.en.txt');
    assert.match(txt.mime, /^text\/plain/);
    assert.equal(fromBase64(txt.base64), 'Hassan Rouhani calls for Iran–Turkey cooperation against Daesh\n\nThe presidents of Turkey and Iran spoke by telephone.\n');

    const md = fromBase64((await ws.exportTranslation(FA2, 'md')).base64);
    assert.equal(md, '# Hassan Rouhani calls for Iran–Turkey cooperation against Daesh\n\nThe presidents of Turkey and Iran spoke by telephone.\n');

    const html = await ws.exportTranslation(FA2, 'html', FA);
    assert.equal(html.name, '004_df093c946d86f816.bilingual.html');
    const page = fromBase64(html.base64);
    assert.match(page, /<td class="source" lang="fa" dir="rtl">حسن روحانی خواستار همکاری ایران و ترکیه در مقابله با داعش شد<\/td><td class="english" lang="en" dir="ltr">Hassan Rouhani calls/);
    assert.match(page, /src: url\('data:font\/woff2;base64,/, 'the fonts travel inside the page');
    assert.ok(!page.includes('خبر فوری'), 'page furniture is not in the print version');
  });
});
