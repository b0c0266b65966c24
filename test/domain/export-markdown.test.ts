import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportQuotations } from '../../annotations/export/index';
import { escapeMarkdownInline } from '../../annotations/export/markdown-escape';
import { fixtureQuotations } from './quotation-fixtures';

const FSI = '\u2068';
const PDI = '\u2069';

async function markdown(options: Parameters<typeof exportQuotations>[2] = {}): Promise<string> {
  const result = await exportQuotations(fixtureQuotations(), 'md', { now: new Date('2024-02-03T00:00:00Z'), ...options });
  assert.equal(result.extension, 'md');
  return new TextDecoder().decode(result.data);
}

test('each quote is an RTL HTML block, so Markdown renderers lay it out right to left', async () => {
  const md = await markdown();
  assert.ok(md.includes('<blockquote dir="rtl" lang="fa"><p>ایران از هیچ کمکی دریغ نمی‌کند</p></blockquote>\n\n'));
  assert.ok(md.includes('<blockquote dir="rtl" lang="ar"><p>دعم طهران للعراق</p></blockquote>\n\n'));
  assert.ok(md.includes('<h2 dir="rtl" lang="fa">رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول است</h2>'));
  // An HTML block ends at a blank line: no block may contain one.
  for (const block of md.match(/<blockquote[\s\S]*?<\/blockquote>/g) ?? []) assert.ok(!block.includes('\n'));
});

test('the citation keeps its Persian isolated and the fields are escaped Markdown', async () => {
  const md = await markdown();
  assert.ok(md.includes(`- **Source:** Iranian Students' News Agency (${FSI}ایسنا${PDI}), "${FSI}رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول است${PDI}", 13 Sep 2021 (22 Shahrivar 1400), para. 3`));
  assert.ok(md.includes('- **Gloss:** Iran spares no help \\<script\\>alert(1)\\</script\\>'));
  assert.ok(!md.includes('<script>'));
  assert.ok(md.includes('- **Tags:** Statement, Threat'));
});

test('Markdown syntax in user text is shown, not interpreted', () => {
  assert.equal(escapeMarkdownInline('*bold* [link](x) `code` <b> & | #'), '\\*bold\\* \\[link\\](x) \\`code\\` \\<b\\> \\& \\| \\#');
  assert.equal(escapeMarkdownInline('two\nlines'), 'two<br>lines');
});

test('quote text with a line break stays inside its block', async () => {
  const [q] = fixtureQuotations();
  const result = await exportQuotations([{ ...q!, quote: 'سطر اول\n\nسطر <دوم>', sentence: q!.quote }], 'md');
  const md = new TextDecoder().decode(result.data);
  assert.ok(md.includes('<blockquote dir="rtl" lang="fa"><p>سطر اول<br><br>سطر &lt;دوم&gt;</p></blockquote>'));
});
