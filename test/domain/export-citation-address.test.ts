// Citations of articles that have a web address (saved pages): the address and the access
// date in every export format, a link only where the scheme is http or https, and nothing
// added for an article without an address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { stripIsolates } from '../../annotations/export/bidi';
import { exportQuotations, type ExportFormat } from '../../annotations/export/index';
import { citationPieces, citationUrl, formatAccessDate, formatCitation, formatCitationHtml } from '../../annotations/quotations/citation';
import { buildQuotations, type Quotation } from '../../annotations/quotations/quotations';
import { NO_SIDECAR } from '../../annotations/store/sidecar-facts';
import { articleFacts, summaryOf } from '../../corpus/catalog/article-summary';
import { loadQuotations, type QuotationSourceApi } from '../../corpus/services/quotation-loader';
import { FA_TEXT, fixtureDocs, fixtureQuotations, TAXONOMY } from './quotation-fixtures';

const NOW = new Date('2026-12-07T10:00:00Z');
// A Persian news address with a Persian slug and a query: the citation prints it percent-encoded.
const FA_URL = 'https://www.isna.ir/news/1400062214/رئیس-جمهور?from=home&x=1';
const FA_PRINTED = new URL(FA_URL).href;
const AR_URL = 'https://www.aljazeera.net/news/2021/5/17/rouhani';
const HOSTILE = 'javascript:alert(document.cookie)//https://x';

/** The fixture articles with addresses and access dates, as the listing gives them for saved pages. */
function addressed(faUrl: string | null = FA_URL, arUrl: string | null = AR_URL): Quotation[] {
  const [fa, ar] = fixtureDocs();
  return buildQuotations(
    [
      { ...fa!, metadata: { ...fa!.metadata, url: faUrl, accessed: '2026-12-07T04:17:45Z' } },
      { ...ar!, metadata: { ...ar!.metadata, url: arUrl, accessed: '2021-05-18' } },
    ],
    TAXONOMY,
  );
}

async function text(quotations: readonly Quotation[], format: ExportFormat): Promise<string> {
  return new TextDecoder().decode((await exportQuotations(quotations, format, { now: NOW, fonts: [] })).data);
}

async function zipped(quotations: readonly Quotation[], format: 'docx' | 'xlsx'): Promise<Record<string, string>> {
  const zip = unzipSync((await exportQuotations(quotations, format, { now: NOW })).data);
  return Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const unxml = (s: string): string => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

test('the citation ends with the address and "accessed D Mon YYYY", as a report reader expects', () => {
  const [first] = addressed();
  assert.equal(
    stripIsolates(first!.citation),
    `Iranian Students' News Agency (ایسنا), "رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول است", 13 Sep 2021 (22 Shahrivar 1400), para. 3. ${FA_PRINTED} (accessed 7 Dec 2026)`,
  );
  assert.equal(first!.url, FA_PRINTED);
  assert.equal(first!.accessed, '2026-12-07T04:17:45Z');
  // A Persian slug cannot turn the English line around: the printed address is ASCII.
  assert.match(FA_PRINTED, /^[\x21-\x7E]+$/);
  assert.deepEqual(citationPieces(first!), { body: first!.citation.slice(0, first!.citation.indexOf(`. ${FA_PRINTED}`)), address: { url: FA_PRINTED, accessed: '7 Dec 2026' } });
  // Without an access date the address alone; an access date without an address says nothing.
  assert.equal(formatCitation({ outlet: null, headline: 'Talks', date: null, paragraph: null, url: AR_URL }), `"Talks". ${AR_URL}`);
  assert.equal(formatCitation({ outlet: null, headline: 'Talks', date: null, paragraph: null, accessed: '2026-12-07' }), '"Talks"');
  assert.equal(formatCitation({ outlet: null, headline: '', date: null, paragraph: null, url: AR_URL, accessed: '2026-12-07' }), `${AR_URL} (accessed 7 Dec 2026)`);
  assert.equal(formatAccessDate('yesterday'), null);
  console.log(`citation with address: ${stripIsolates(first!.citation)}`);
});

test('an address that is not http or https is printed as text, spaces and controls encoded, and never becomes a link', () => {
  assert.equal(citationUrl(HOSTILE), HOSTILE);
  assert.equal(citationUrl(' JavaScript:alert(1) '), 'JavaScript:alert(1)');
  assert.equal(citationUrl('file:///etc/passwd'), 'file:///etc/passwd');
  assert.equal(citationUrl('javascript:\u202Ealert(1) x'), 'javascript:%E2%80%AEalert(1)%20x');
  assert.equal(citationUrl('https://evil.example/"><script>'), 'https://evil.example/%22%3E%3Cscript%3E');
  assert.equal(citationUrl('   '), null);
  assert.ok(formatCitationHtml({ outlet: null, headline: 'T', date: null, paragraph: null, url: 'x:<img src=a onerror=alert(1)>' }).endsWith('x:&lt;img%20src=a%20onerror=alert(1)&gt;'), 'escaped in the HTML form');
});

test('every format carries the address and the access date when the article has them', async () => {
  const quotations = addressed();
  const [fa] = quotations;
  const figures: string[] = [];

  const csv = parse(await text(quotations, 'csv'), { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.equal(csv[0]!.URL, FA_PRINTED);
  assert.equal(csv[0]!.Accessed, '2026-12-07T04:17:45Z');
  assert.ok(csv[0]!.Citation!.endsWith(`${FA_PRINTED} (accessed 7 Dec 2026)`));
  assert.equal(csv.at(-1)!.URL, AR_URL);
  figures.push(`csv rows with URL ${csv.filter((r) => r.URL).length}/${csv.length}`);

  const xlsx = await zipped(quotations, 'xlsx');
  const shared = unxml(xlsx['xl/sharedStrings.xml'] ?? '');
  assert.ok(shared.includes(FA_PRINTED) && shared.includes('2026-12-07T04:17:45Z') && shared.includes('(accessed 7 Dec 2026)'), 'the URL and Accessed cells and the citation');
  const sheetLinks = unxml(xlsx['xl/worksheets/_rels/sheet1.xml.rels'] ?? '');
  assert.ok(sheetLinks.includes(`Target="${FA_PRINTED}"`) && sheetLinks.includes('TargetMode="External"'), 'the URL cell is a hyperlink');
  figures.push(`xlsx hyperlinks ${(sheetLinks.match(/TargetMode="External"/g) ?? []).length}`);

  const docx = await zipped(quotations, 'docx');
  const rels = unxml(docx['word/_rels/document.xml.rels']!);
  assert.ok(rels.includes(`Target="${FA_PRINTED}"`) && rels.includes(`Target="${AR_URL}"`), 'each address is a hyperlink target');
  const body = docx['word/document.xml']!;
  const links = [...body.matchAll(/<w:hyperlink\b[\s\S]*?<\/w:hyperlink>/g)].map((m) => unxml(m[0].replace(/<[^>]+>/g, '')));
  assert.deepEqual(new Set(links), new Set([FA_PRINTED, AR_URL]), 'the hyperlink runs show the address');
  assert.ok(unxml(body.replace(/<[^>]+>/g, '')).includes('(accessed\u00A07\u00A0Dec\u00A02026)'), 'the access date follows the address');
  figures.push(`docx hyperlinks ${links.length}`);

  const html = await text(quotations, 'html');
  assert.ok(html.includes(`. <a href="${FA_PRINTED.replaceAll('&', '&amp;')}">${FA_PRINTED.replaceAll('&', '&amp;')}</a> (accessed 7 Dec 2026)</p>`));
  assert.ok(html.includes(`<a href="${AR_URL}">${AR_URL}</a> (accessed 18 May 2021)`));
  figures.push(`html links ${(html.match(/<a href=/g) ?? []).length}`);

  const md = await text(quotations, 'md');
  assert.ok(md.includes(`para. 3. <${FA_PRINTED}> (accessed 7 Dec 2026)`), 'Markdown: an autolink');
  figures.push(`markdown autolinks ${(md.match(/<https:\/\//g) ?? []).length}`);

  const json = JSON.parse(await text(quotations, 'json')) as { quotations: Quotation[] };
  assert.equal(json.quotations[0]!.url, FA_PRINTED);
  assert.equal(json.quotations[0]!.accessed, '2026-12-07T04:17:45Z');
  assert.equal(json.quotations[0]!.citation, fa!.citation);

  const ld = JSON.parse(await text(quotations, 'jsonld')) as { first: { items: Array<{ target: { source: { id: string }; state?: { type: string; sourceDate: string; cached: string } } }> } };
  const [target] = ld.first.items.map((a) => a.target);
  assert.equal(target!.source.id, FA_PRINTED, 'the W3C target source is the page');
  assert.deepEqual(target!.state, { type: 'TimeState', sourceDate: '2026-12-07T04:17:45Z', cached: 'fa-article.txt' }, 'when it was read, and the local copy that was annotated');
  const arTarget = ld.first.items.at(-1)!.target;
  assert.equal(arTarget.source.id, AR_URL);
  assert.equal(arTarget.state!.sourceDate, '2021-05-18T00:00:00Z');
  figures.push(`jsonld sources that are addresses ${ld.first.items.filter((a) => a.target.source.id.startsWith('https://')).length}/${ld.first.items.length}`);
  console.log(`formats carrying the address: ${figures.join('; ')}`);
});

test('an article without an address gets no address, no access date and no link in any format', async () => {
  const quotations = fixtureQuotations();
  for (const q of quotations) {
    assert.ok(!('url' in q) && !('accessed' in q), 'no fields');
    assert.ok(!/accessed|https?:/.test(q.citation));
  }
  const csv = parse(await text(quotations, 'csv'), { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.ok(csv.every((r) => r.URL === '' && r.Accessed === ''), 'the URL and Accessed columns are there, empty');
  assert.ok(!(await text(quotations, 'html')).includes('<a '));
  assert.ok(!/accessed|<https?:/.test(await text(quotations, 'md')));
  const docx = await zipped(quotations, 'docx');
  assert.ok(!docx['word/document.xml']!.includes('w:hyperlink'));
  const ld = JSON.parse(await text(quotations, 'jsonld')) as { first: { items: Array<{ target: { source: { id: string }; state?: unknown } }> } };
  assert.deepEqual(ld.first.items.map((a) => a.target.source.id), quotations.map((q) => q.file), 'the source stays the file');
  assert.ok(ld.first.items.every((a) => a.target.state === undefined));
});

test('a javascript: address is never a link, in any format', async () => {
  const quotations = addressed(HOSTILE, ' JavaScript:alert(1)');
  const html = await text(quotations, 'html');
  assert.ok(!/<a\b/i.test(html), 'no link in the HTML');
  assert.ok(html.includes(`. ${HOSTILE} (accessed 7 Dec 2026)</p>`), 'the address shown as text');
  const md = await text(quotations, 'md');
  assert.ok(!md.includes('<javascript:') && !/\]\(javascript:/i.test(md), 'no Markdown link');
  assert.ok(md.includes('JavaScript:alert(1) (accessed 18 May 2021)'));
  const docx = await zipped(quotations, 'docx');
  assert.ok(!docx['word/document.xml']!.includes('w:hyperlink') && !/javascript/i.test(docx['word/_rels/document.xml.rels']!), 'no DOCX hyperlink');
  assert.ok(unxml(docx['word/document.xml']!).includes(HOSTILE), 'the address is in the DOCX as text');
  const xlsx = await zipped(quotations, 'xlsx');
  assert.ok(!Object.keys(xlsx).some((name) => name.includes('_rels/sheet1')) || !/javascript/i.test(xlsx['xl/worksheets/_rels/sheet1.xml.rels']!), 'no XLSX hyperlink');
  const ld = JSON.parse(await text(quotations, 'jsonld')) as { first: { items: Array<{ target: { source: { id: string }; state?: unknown } }> } };
  assert.deepEqual(ld.first.items.map((a) => a.target.source.id), quotations.map((q) => q.file), 'the W3C source stays the file');
  const csv = parse(await text(quotations, 'csv'), { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.equal(csv[0]!.URL, HOSTILE);
  console.log(`javascript: addresses exported: ${quotations.length}; links made: 0`);
});

test('the listing\'s address and access date reach the quotations (summaryOf, then loadQuotations)', async () => {
  const facts = { ...(await articleFacts('fa-article.txt', new TextEncoder().encode(FA_TEXT), undefined)), url: FA_URL, accessed: '2026-12-07T04:17:45Z' };
  const summary = summaryOf('fa-article.txt', facts, NO_SIDECAR);
  assert.equal(summary.url, FA_URL);
  assert.equal(summary.accessed, '2026-12-07T04:17:45Z');
  assert.ok(!('url' in summaryOf('plain.txt', await articleFacts('fa-article.txt', new TextEncoder().encode(FA_TEXT), undefined), NO_SIDECAR)), 'a text file has no address');
  const [doc] = fixtureDocs();
  // As much of the API as the loader calls, answering as a Workspace would.
  const api = {
    listArticles: async () => [summary],
    openArticle: async () => ({ ...doc!, readOnly: null }),
    getTaxonomy: async () => TAXONOMY,
  } as unknown as QuotationSourceApi;
  const { quotations, problems } = await loadQuotations(api);
  assert.deepEqual(problems, []);
  assert.ok(quotations.length > 0 && quotations.every((q) => q.url === FA_PRINTED && q.accessed === '2026-12-07T04:17:45Z'));
  assert.ok(quotations.every((q) => q.citation.endsWith(`${FA_PRINTED} (accessed 7 Dec 2026)`)));
});

test('a Persian file name is isolated in the DOCX and HTML reports, so `, characters N` stays after it', async () => {
  const [fa] = fixtureDocs();
  const quotations = buildQuotations([{ ...fa!, file: 'گزارش ایسنا.html' }], TAXONOMY);
  const docx = await zipped(quotations, 'docx');
  const rtlRuns = [...docx['word/document.xml']!.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:rtl\/>[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
  assert.ok(rtlRuns.includes('\u2068گزارش ایسنا\u2069'), `the file name is an isolated RTL run: ${rtlRuns.join(' | ')}`);
  const html = await text(quotations, 'html');
  assert.ok(html.includes('<span dir="auto" style="unicode-bidi:isolate">\u2068گزارش ایسنا\u2069</span>.html, characters'));
});
