import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml } from '../../annotations/export/bidi';
import { exportQuotations } from '../../annotations/export/index';
import { fixtureQuotations } from './quotation-fixtures';

async function html(options: Parameters<typeof exportQuotations>[2] = {}): Promise<string> {
  const result = await exportQuotations(fixtureQuotations(), 'html', { now: new Date('2024-02-03T00:00:00Z'), ...options });
  assert.equal(result.mime, 'text/html;charset=utf-8');
  assert.equal(result.suggestedName, 'quotations-2024-02-03.html');
  return new TextDecoder().decode(result.data);
}

test('the HTML report is standalone: fonts embedded as woff2 data, nothing fetched, no script allowed', async () => {
  const page = await html();
  assert.match(page, /^<!DOCTYPE html>\n<html lang="en" dir="ltr">/);
  assert.ok(page.includes('<meta charset="utf-8">'));
  assert.ok(page.includes(`content="default-src 'none'; style-src 'unsafe-inline'; font-src data:"`));
  const faces = [...page.matchAll(/@font-face \{ font-family: "([^"]+)"; font-style: normal; font-weight: (\d+); [^}]*src: url\('data:font\/woff2;base64,([A-Za-z0-9+/=]+)'\)[^}]*unicode-range: ([^;]+); \}/g)];
  const families = new Set(faces.map((m) => `${m[1]} ${m[2]}`));
  for (const f of ['Vazirmatn 400', 'Vazirmatn 700', 'Noto Naskh Arabic 400', 'Noto Naskh Arabic 700']) assert.ok(families.has(f), f);
  assert.equal(faces.length, 8, 'Arabic and Latin subsets of both fonts, regular and bold');
  for (const m of faces) assert.equal(Buffer.from(m[3]!, 'base64').subarray(0, 4).toString('latin1'), 'wOF2');
  assert.ok(faces.some((m) => m[4]!.includes('U+0600-06FF')));
  assert.doesNotMatch(page, /\s(src|href)=/i, 'no attribute loads anything');
  assert.doesNotMatch(page, /url\((?!'data:)/, 'no stylesheet URL but data:');
});

test('quotes are RTL blockquotes tagged with their language', async () => {
  const page = await html();
  assert.ok(page.includes('<blockquote class="quote" dir="rtl" lang="fa">ایران از هیچ کمکی دریغ نمی‌کند</blockquote>'));
  assert.ok(page.includes('<blockquote class="quote" dir="rtl" lang="ar">دعم طهران للعراق</blockquote>'));
  assert.ok(page.includes('<h2 dir="rtl" lang="fa">رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول است</h2>'));
  assert.ok(page.includes('<mark>ایران از هیچ کمکی دریغ نمی‌کند</mark>'), 'the quote is marked inside its sentence');
});

test('RTL inside English lines is an isolated span (markup and characters, which LibreOffice reads too), so the citation keeps its commas and dates in place', async () => {
  const page = await html();
  assert.ok(page.includes('<p class="citation">— Iranian Students&#39; News Agency (<span dir="auto" style="unicode-bidi:isolate">\u2068ایسنا\u2069</span>), &quot;<span dir="auto" style="unicode-bidi:isolate">\u2068رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول است\u2069</span>&quot;, 13 Sep 2021 (22 Shahrivar 1400), para. 3</p>'));
  assert.ok(!page.includes('<bdi'), 'no <bdi>: LibreOffice ignores it and scrambles the line');
});

test('user text is escaped: a <script> in a gloss stays text', async () => {
  const page = await html();
  assert.ok(!page.includes('<script'), 'no script element');
  assert.ok(page.includes(`<p class="gloss" lang="en">${escapeHtml('Iran spares no help <script>alert(1)</script>')}</p>`));
  assert.ok(page.includes(escapeHtml('=HYPERLINK("http://evil")')));
});

test('a report title is escaped too, and sections follow the chosen grouping', async () => {
  const page = await html({ title: 'Report <b>1</b>', groupBy: 'tag' });
  assert.ok(page.includes('<title>Report &lt;b&gt;1&lt;/b&gt;</title>'));
  const headings = [...page.matchAll(/<h2 dir="(\w+)" lang="(\w+)">([^<]*)<\/h2>/g)].map((m) => m[3]);
  assert.deepEqual(headings, ['Person', 'Statement', 'Threat']);
});
