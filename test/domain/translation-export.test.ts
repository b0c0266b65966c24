import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { escapeMarkdownParagraph } from '../../annotations/export/markdown-escape';
import { exportBilingualHtml, exportMarkdown, exportPlainText, renderedParagraphs } from '../../annotations/translation/translation-export';
import type { Rendering } from '../../annotations/model/types';
import { checkHtml } from '../fixtures/xml-validation';

const SAMPLE = new URL('../../corpus/sample/', import.meta.url);
const GOLD = new URL('../fixtures/alignment/', import.meta.url);
const NAME = '000_4b15f26e11b27dea';
const text = readFileSync(new URL(`${NAME}.txt`, SAMPLE), 'utf8');
const english = readFileSync(new URL(`${NAME}.en.txt`, SAMPLE), 'utf8');
const gold = (JSON.parse(readFileSync(new URL(`${NAME}.links.json`, GOLD), 'utf8')) as { links: Array<{ a: [number, number]; b: [number, number] }> }).links;


/** The whole article drafted from the test set, with the English split the way the source is. */
const full: Rendering[] = gold.map((g) => ({ start: g.a[0], end: g.a[1], text: english.slice(g.b[0], g.b[1]), status: 'draft', analyst: 'Sara', modified: '2024-05-01T10:00:00.000Z' }));

test('plain text gives one English paragraph per source paragraph and leaves page furniture out', () => {
  const out = exportPlainText({ text, renderings: full });
  const paragraphs = out.trimEnd().split('\n\n');
  assert.equal(paragraphs.length, 10, 'ten article paragraphs; the news code and link lines are furniture');
  assert.equal(paragraphs[0], english.slice(gold[0]!.b[0], gold[0]!.b[1]));
  // The English test set joins the last two source paragraphs; the export follows the source.
  assert.equal(paragraphs[9], english.slice(gold[9]!.b[0], gold[9]!.b[1]));
  assert.ok(!out.includes('626824') && !out.includes('10202'));
  assert.ok(out.endsWith('.\n'));
});

test('paragraphs not yet drafted are left out or marked, as the user chooses', () => {
  const some = full.filter((_, k) => k !== 3);
  assert.equal(exportPlainText({ text, renderings: some }).trimEnd().split('\n\n').length, 9);
  assert.equal(exportPlainText({ text, renderings: some }, { untranslated: 'marker' }).trimEnd().split('\n\n')[3], '[untranslated]');
  assert.equal(exportPlainText({ text, renderings: [] }), '');
  const rows = renderedParagraphs({ text, renderings: some });
  assert.deepEqual(rows.map((r) => r.complete), rows.map((_, k) => k !== 3));
});

test('segments of one paragraph are joined in reading order, Persian inside English isolated', () => {
  const p = text.indexOf('به گزارش');
  const dot = text.indexOf('،', p) + 1;
  const end = text.indexOf('\n', p);
  const renderings: Rendering[] = [
    { start: dot + 1, end, text: 'Rouhani spoke on Wednesday.', status: 'draft', analyst: '', modified: '' },
    { start: p, end: dot, text: 'According to ایسکانیوز (ISCA News),', status: 'reviewed', analyst: '', modified: '' },
  ];
  assert.equal(exportPlainText({ text, renderings }), 'According to \u2068ایسکانیوز\u2069 (ISCA News), Rouhani spoke on Wednesday.\n');
});

test('a Persian phrase in the English stays one right-to-left unit, the number and bracket after it outside', () => {
  const p = text.indexOf('به گزارش');
  const renderings: Rendering[] = [{ start: p, end: text.indexOf('\n', p), text: 'Under ماده 12 قانون اساسی (Article 12) ایران 2 times.', status: 'draft', analyst: '', modified: '' }];
  const isolated = 'Under \u2068ماده 12 قانون اساسی\u2069 (Article 12) \u2068ایران\u2069 2 times.';
  assert.equal(exportPlainText({ text, renderings }), `${isolated}\n`);
  assert.equal(exportMarkdown({ text, renderings }, { title: 'T' }), `# T\n\n${isolated}\n`);
  const span = (t: string): string => `<span dir="auto" style="unicode-bidi:isolate">\u2068${t}\u2069</span>`;
  assert.ok(exportBilingualHtml({ text, renderings }).includes(`<td class="english" lang="en" dir="ltr">Under ${span('ماده 12 قانون اساسی')} (Article 12) ${span('ایران')} 2 times.</td>`));
});

test('Markdown puts the headline as a heading and escapes what would be read as markup', () => {
  const renderings: Rendering[] = [
    { ...full[0]! },
    { ...full[1]!, text: '*Not* a list: 1. item, [link](x) and <b>tags</b> stay text_as_typed.' },
  ];
  const md = exportMarkdown({ text, renderings });
  assert.equal(md, `# ${full[0]!.text}\n\n\\*Not\\* a list: 1. item, \\[link\\](x) and \\<b\\>tags\\</b\\> stay text\\_as\\_typed.\n`);
  // A `#` is escaped wherever it stands: at the end of a heading it would be dropped as a closing sequence.
  assert.match(exportMarkdown({ text, renderings }, { title: 'Rouhani # Abadi #' }), /^# Rouhani \\# Abadi \\#\n\n/);
  assert.equal(escapeMarkdownParagraph('# not a heading'), '\\# not a heading');
  assert.equal(escapeMarkdownParagraph('1. not a list'), '1\\. not a list');
  assert.equal(escapeMarkdownParagraph('- not a bullet'), '\\- not a bullet');
  assert.equal(escapeMarkdownParagraph('---'), '\\---', 'not a rule');
  assert.equal(escapeMarkdownParagraph('-5 degrees, 2024. A year'), '-5 degrees, 2024. A year');
  assert.equal(escapeMarkdownParagraph('first line\n+ second\n2) third'), 'first line\n\\+ second\n2\\) third');
});

test('the bilingual page puts each source paragraph beside its English, in its own direction, all text escaped', () => {
  const renderings = full.map((r, k) => (k === 2 ? { ...r, text: 'Evil <script>alert("x")</script> & co' } : r));
  const html = exportBilingualHtml({ text, renderings }, { title: 'Rouhani & Abadi' });
  const rows = html.match(/<tr>.*<\/tr>/g)!;
  assert.equal(rows.length, 10);
  assert.match(rows[0]!, /^<tr><td class="source" lang="fa" dir="rtl">رئیسجمهور: مبارزه/);
  assert.match(rows[0]!, /<td class="english" lang="en" dir="ltr">President: Fighting/);
  assert.ok(!html.includes('<script>'));
  assert.match(html, /Evil &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; co/);
  assert.match(html, /<title>Rouhani &amp; Abadi<\/title>/);
  assert.doesNotMatch(html, /@font-face/, 'with no fonts given the page names them and the reader\'s own stand in');
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  checkHtml(html);
});

test('an Arabic source gets lang="ar" and its fonts can be embedded for a self-contained page', () => {
  const arabic = readFileSync(new URL('002_b7e8f03d4cd73c5b.txt', SAMPLE), 'utf8');
  const start = arabic.indexOf('أكد');
  const end = arabic.indexOf('\n', start);
  const woff2 = new Uint8Array([119, 79, 70, 50, 0, 1, 2, 255]);
  const fonts = [
    { family: 'Noto Naskh Arabic', weight: 400 as const, unicodeRange: 'U+0600-06FF', woff2 },
    { family: 'Noto Naskh Arabic', weight: 700 as const, unicodeRange: 'U+0600-06FF', woff2 },
  ];
  const html = exportBilingualHtml({ text: arabic, renderings: [{ start, end, text: 'Iranian President Hassan Rouhani affirmed…', status: 'draft', analyst: '', modified: '' }] }, { fonts });
  assert.match(html, /<td class="source" lang="ar" dir="rtl">أكد/);
  assert.match(html, /@font-face \{ font-family: "Noto Naskh Arabic"; font-style: normal; font-weight: 700; [^}]*src: url\('data:font\/woff2;base64,d09GMgABAv8='\) format\('woff2'\); unicode-range: U\+0600-06FF; \}/);
  assert.doesNotMatch(html, /url\((?!'data:)/, 'nothing but the embedded fonts is loaded');
});
