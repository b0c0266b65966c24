import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildQuotations, type Quotation, type QuotationSourceDoc } from '../../annotations/quotations/quotations';
import { QuotationIndex } from '../../annotations/quotations/quotation-filter';
import { QUOTATION_COLUMNS, sortQuotations } from '../../annotations/quotations/quotation-sort';
import { quotationFacets } from '../../annotations/quotations/quotation-facets';
import { loadQuotations } from '../../corpus/services/quotation-loader';
import { splitParagraphs } from '../../corpus/text/paragraphs';
import { Workspace } from '../../corpus/services/workspace';
import { FA_TEXT, fixtureDocs, fixtureQuotations, TAXONOMY } from './quotation-fixtures';

const SAMPLE = fileURLToPath(new URL('../../corpus/sample', import.meta.url));

function byQuote(rows: Quotation[], quote: string): Quotation {
  const q = rows.find((r) => r.quote === quote);
  assert.ok(q, `no quotation ${quote}`);
  return q;
}

test('a quotation carries the exact original words, the whole sentence around them and the article metadata', () => {
  const rows = fixtureQuotations();
  const q = byQuote(rows, 'ایران از هیچ کمکی دریغ نمی‌کند');
  assert.equal(q.file, 'fa-article.txt');
  assert.equal(q.language, 'fa');
  assert.equal(q.quote, FA_TEXT.slice(q.start, q.end));
  assert.ok(q.quote.includes('\u200C'), 'the ZWNJ of the original stays in the quote');
  assert.equal(q.sentence, 'رئیس‌جمهور در گفت‌وگوی تلفنی گفت: ایران از هیچ کمکی دریغ نمی‌کند.');
  assert.equal(q.headline, 'رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول است');
  assert.equal(q.outlet, 'ایسنا');
  assert.deepEqual(q.date, { iso: '2021-09-13', original: '۲۲ شهریور ۱۴۰۰' });
  assert.deepEqual(q.tags, ['statement']);
  assert.deepEqual(q.tagNames, ['Statement']);
  assert.equal(q.analyst, 'Maryam');
  assert.equal(q.anchor, 'exact');
  assert.equal(q.prefix, FA_TEXT.slice(q.start - 32, q.start));
  assert.equal(q.suffix, FA_TEXT.slice(q.end, q.end + 32));
});

test('paragraph numbers count as a reader does, leaving out boilerplate lines', () => {
  const rows = fixtureQuotations();
  // Line 0 is a skip link (boilerplate), so the article body line 3 is the reader's paragraph 3.
  assert.equal(byQuote(rows, 'ایران از هیچ کمکی دریغ نمی‌کند').paragraph, 3);
  assert.equal(byQuote(rows, 'امنیت منطقه ۱۴۰۰ بار مهم‌تر').paragraph, 4);
  assert.equal(byQuote(rows, 'رئیس‌جمهور').paragraph, 3);
});

test('the citation line names outlet, headline, both dates and the paragraph, with the Persian isolated', () => {
  const q = byQuote(fixtureQuotations(), 'ایران از هیچ کمکی دریغ نمی‌کند');
  assert.equal(q.citation, "Iranian Students' News Agency (\u2068ایسنا\u2069), \"\u2068رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول است\u2069\", 13 Sep 2021 (22 Shahrivar 1400), para. 3");
});

test('offsets in code points differ from UTF-16 after an emoji, and an orphaned annotation has none', () => {
  const rows = fixtureQuotations();
  const q = byQuote(rows, 'دعم طهران للعراق');
  assert.deepEqual(q.codePoints, { start: q.start - 1, end: q.end - 1 });
  const orphan = rows.find((r) => r.anchor === 'orphaned')!;
  assert.equal(orphan.codePoints, null);
  assert.equal(orphan.paragraph, null);
  assert.equal(orphan.quote, 'حربه ضد الإرهاب', 'an orphan keeps the words it was made on');
  assert.ok(!orphan.citation.includes('para.'));
});

test('a tag missing from the taxonomy is shown by its id', () => {
  const docs = fixtureDocs();
  docs[0]!.annotations[0]!.tags = ['statement', 'gone'];
  const q = buildQuotations(docs, TAXONOMY).find((r) => r.id === docs[0]!.annotations[0]!.id)!;
  assert.deepEqual(q.tagNames, ['Statement', 'gone']);
});

test('a quote spanning two sentences brings both whole sentences', () => {
  const text = 'جمله اول اینجاست. جمله دوم آنجاست. جمله سوم.';
  const start = text.indexOf('اینجاست');
  const end = text.indexOf('دوم') + 3;
  const doc: QuotationSourceDoc = {
    file: 'x.txt',
    text,
    language: 'fa',
    paragraphs: splitParagraphs(text).map((p) => ({ ...p, boilerplate: false })),
    annotations: [
      {
        id: 'a',
        analyst: 'x',
        created: '2024-01-01T00:00:00Z',
        modified: '2024-01-01T00:00:00Z',
        target: { position: { start, end }, quote: { exact: text.slice(start, end), prefix: '', suffix: '' } },
        anchor: { status: 'exact', score: 1 },
        tags: [],
        gloss: '',
        note: '',
      },
    ],
    metadata: { headline: '', outlet: null, date: null },
  };
  const [q] = buildQuotations([doc], []);
  assert.equal(q!.sentence, 'جمله اول اینجاست. جمله دوم آنجاست.');
  assert.equal(q!.citation, 'para. 1');
});

test('filter by tags: any of them, or all of them', () => {
  const index = new QuotationIndex(fixtureQuotations());
  assert.equal(index.filter({ tags: ['threat'] }).length, 2);
  assert.equal(index.filter({ tags: ['statement', 'threat'] }).length, 4);
  assert.deepEqual(
    index.filter({ tags: ['statement', 'threat'], tagMode: 'all' }).map((q) => q.quote),
    ['امنیت منطقه ۱۴۰۰ بار مهم‌تر'],
  );
  assert.equal(index.filter({}).length, 5);
});

test('filter by analyst, article, outlet and date range', () => {
  const index = new QuotationIndex(fixtureQuotations());
  assert.equal(index.filter({ analysts: ['Reza'] }).length, 2);
  assert.equal(index.filter({ files: ['ar-article.txt'] }).length, 2);
  assert.equal(index.filter({ outlets: ['ایسنا'] }).length, 3);
  assert.equal(index.filter({ from: '2021-06-01' }).length, 3);
  assert.equal(index.filter({ to: '2021-06-01' }).length, 2);
  assert.equal(index.filter({ from: '2021-05-17', to: '2021-05-17' }).length, 2);
  assert.equal(index.filter({ from: '2022-01-01' }).length, 0);
  assert.equal(index.filter({ analysts: ['Reza'], files: ['fa-article.txt'] }).length, 1);
});

test('text search matches across letter variants, diacritics, tatweel, ZWNJ and digit sets', () => {
  const index = new QuotationIndex(fixtureQuotations());
  const quotes = (text: string) => index.filter({ text }).map((q) => q.quote);
  // Arabic yeh and kaf for Persian ی and ک.
  assert.deepEqual(quotes('كمكي'), ['ایران از هیچ کمکی دریغ نمی‌کند']);
  // Tatweel and a fatha in the query.
  assert.deepEqual(quotes('دريـغ نَمي'), ['ایران از هیچ کمکی دریغ نمی‌کند']);
  // Without the ZWNJ, or with a space where the text has ZWNJ.
  assert.deepEqual(quotes('نمیکند'), ['ایران از هیچ کمکی دریغ نمی‌کند']);
  assert.deepEqual(quotes('نمی کند'), ['ایران از هیچ کمکی دریغ نمی‌کند']);
  // Latin and Arabic-Indic digits for Persian ones.
  assert.deepEqual(quotes('1400 بار'), ['امنیت منطقه ۱۴۰۰ بار مهم‌تر']);
  assert.deepEqual(quotes('١٤٠٠'), ['امنیت منطقه ۱۴۰۰ بار مهم‌تر']);
  // The gloss, case-insensitively; the note; the headline.
  assert.deepEqual(quotes('TEHRAN'), ['دعم طهران للعراق']);
  assert.deepEqual(quotes('+1 check'), ['امنیت منطقه ۱۴۰۰ بار مهم‌تر']);
  assert.equal(quotes('روحاني يؤكد').length, 2);
  assert.deepEqual(quotes('nothing like this'), []);
});

test('sorting by any column is stable and puts empty values last', () => {
  const rows = fixtureQuotations();
  for (const column of QUOTATION_COLUMNS) {
    for (const direction of ['asc', 'desc'] as const) {
      const sorted = sortQuotations(rows, { column, direction });
      assert.equal(sorted.length, rows.length, column);
      assert.deepEqual(new Set(sorted), new Set(rows), column);
    }
  }
  const byAnalyst = sortQuotations(rows, { column: 'analyst' });
  assert.deepEqual(
    byAnalyst.map((q) => q.analyst),
    ['Maryam', 'Maryam', 'Maryam', 'Reza', 'Reza'],
  );
  // Stable: within one analyst the rows keep their incoming (text) order.
  assert.deepEqual(
    byAnalyst.filter((q) => q.analyst === 'Maryam').map((q) => q.id),
    rows.filter((q) => q.analyst === 'Maryam').map((q) => q.id),
  );
  const byDateDesc = sortQuotations(rows, { column: 'date', direction: 'desc' });
  assert.deepEqual(byDateDesc.map((q) => q.date?.iso), ['2021-09-13', '2021-09-13', '2021-09-13', '2021-05-17', '2021-05-17']);
  const noteAsc = sortQuotations(rows, { column: 'note' });
  const noteDesc = sortQuotations(rows, { column: 'note', direction: 'desc' });
  assert.equal(noteAsc.at(-1)!.note, '', 'empty notes last going up');
  assert.equal(noteDesc.at(-1)!.note, '', 'and going down');
  const byParagraph = sortQuotations(rows, { column: 'paragraph' });
  assert.deepEqual(byParagraph.map((q) => q.paragraph), [2, 3, 3, 4, null]);
});

test('filtering and sorting tens of thousands of quotations gives the right rows', () => {
  const base = fixtureQuotations();
  const many: Quotation[] = [];
  for (let i = 0; i < 30_000; i++) {
    const q = base[i % base.length]!;
    many.push({ ...q, id: `${q.id}-${i}`, gloss: `${q.gloss} #${i}` });
  }
  const index = new QuotationIndex(many);
  assert.equal(index.filter({ text: 'كمكي' }).length, 6000);
  assert.equal(index.filter({ text: '#29999' }).length, 1);
  assert.equal(index.filter({ tags: ['threat'], text: 'امنيت' }).length, 6000);
  const sorted = sortQuotations(many, { column: 'quote', direction: 'desc' });
  assert.equal(sorted.length, 30_000);
});

test('quotations load from a corpus through the Workspace, and a broken sidecar is reported, not fatal', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-quotations-'));
  try {
    const corpus = join(dir, 'corpus');
    await cp(SAMPLE, corpus, { recursive: true });
    const ws = await Workspace.create({ appDataDir: join(dir, 'app'), pickFolder: async () => null });
    await ws.openCorpus(corpus, false);
    const files = (await ws.listArticles()).filter((a) => a.openable).map((a) => a.file);
    const [good, broken] = [files.find((f) => f.startsWith('000_') && !f.includes('.en.'))!, files.find((f) => f.startsWith('004_') && !f.includes('.en.'))!];
    const doc = await ws.openArticle(good);
    const at = doc.text.indexOf('داعش');
    await ws.createAnnotation(good, { start: at, end: at + 4, tags: ['organisation'], gloss: 'ISIS', note: '' });
    await ws.flush();
    const brokenSidecar = join(corpus, `${broken}.annotations.json`);
    await writeFile(brokenSidecar, '{ "format": 1, "annotations": [ oops');

    const ws2 = await Workspace.create({ appDataDir: join(dir, 'app'), pickFolder: async () => null });
    await ws2.openCorpus(corpus, false);
    const { quotations, problems } = await loadQuotations(ws2);
    assert.equal(quotations.length, 1);
    assert.equal(quotations[0]!.quote, 'داعش');
    assert.deepEqual(quotations[0]!.tagNames, ['Organisation']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.file, broken);
    assert.equal(problems[0]!.missing, true);
    assert.match(problems[0]!.message, /not valid JSON/);
    assert.equal(await readFile(brokenSidecar, 'utf8'), '{ "format": 1, "annotations": [ oops', 'the broken sidecar is left as it was');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the filter controls offer each analyst, outlet, article, tag and the date span once', () => {
  const facets = quotationFacets(fixtureQuotations());
  assert.deepEqual(facets.analysts, ['Maryam', 'Reza']);
  assert.deepEqual(facets.outlets.sort(), ['ایسنا', 'زاكروس عربية'].sort());
  assert.deepEqual(
    facets.articles.map((a) => a.file),
    ['ar-article.txt', 'fa-article.txt'],
  );
  assert.deepEqual(facets.tags, [
    { id: 'person', name: 'Person' },
    { id: 'statement', name: 'Statement' },
    { id: 'threat', name: 'Threat' },
  ]);
  assert.deepEqual(facets.dates, { from: '2021-05-17', to: '2021-09-13' });
});
