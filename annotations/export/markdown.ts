// Markdown that renders right on GitHub, GitLab and in editors: each quote is an HTML block
// (<blockquote dir="rtl" lang="fa">), because Markdown has no direction of its own and a
// Persian `>` quote would be laid out left to right; RTL inside English lines is isolated
// with U+2068/U+2067 … U+2069, which survive any renderer as plain text. Every other value
// stands inside a line (after a label, in a heading), so it is escaped as inline text.
import { citationPieces, isLinkableUrl } from '../quotations/citation';
import type { Quotation } from '../quotations/quotations';
import { directionOf, escapeHtml, isolateRtlRuns, langTag } from './bidi';
import { groupQuotations, type QuotationGroup } from './groups';
import { escapeMarkdownInline } from './markdown-escape';
import type { ResolvedOptions } from './options';

/** Text for inside an HTML block: HTML-escaped, one line (a blank line would end the block). */
function blockText(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}

function sentenceBlock(q: Quotation): string {
  const at = q.sentence.indexOf(q.quote);
  if (at < 0) return blockText(q.sentence);
  return blockText(q.sentence.slice(0, at)) + `<b>${blockText(q.quote)}</b>` + blockText(q.sentence.slice(at + q.quote.length));
}

/** The citation with its address as an autolink `<https://…>` (http and https only; anything else is escaped text). */
function citationMarkdown(q: Quotation): string {
  const { body, address } = citationPieces(q);
  if (!address) return escapeMarkdownInline(body);
  // Printed addresses are ASCII without spaces or `<>` (citationUrl encodes them), so an autolink holds them whole.
  const url = isLinkableUrl(address.url) && !/[<>\s]/.test(address.url) ? `<${address.url}>` : escapeMarkdownInline(address.url);
  const accessed = address.accessed ? ` (accessed ${escapeMarkdownInline(address.accessed)})` : '';
  return `${body === '' ? '' : `${escapeMarkdownInline(body)}. `}${url}${accessed}`;
}

function entryMarkdown(q: Quotation, includeSentence: boolean): string {
  const dir = directionOf(q.language, q.quote);
  const lang = langTag(q.language);
  const lines = [`<blockquote dir="${dir}" lang="${lang}"><p>${blockText(q.quote)}</p></blockquote>`, ''];
  if (includeSentence && q.sentence && q.sentence !== q.quote) lines.push(`<p dir="${dir}" lang="${lang}"><small>${sentenceBlock(q)}</small></p>`, '');
  const fields: string[] = [];
  if (q.gloss) fields.push(`- **Gloss:** ${escapeMarkdownInline(isolateRtlRuns(q.gloss))}`);
  if (q.tagNames.length > 0) fields.push(`- **Tags:** ${escapeMarkdownInline(isolateRtlRuns(q.tagNames.join(', ')))}`);
  if (q.note) fields.push(`- **Note:** ${escapeMarkdownInline(isolateRtlRuns(q.note))}`);
  if (q.analyst) fields.push(`- **Analyst:** ${escapeMarkdownInline(isolateRtlRuns(q.analyst))}`);
  fields.push(`- **Source:** ${citationMarkdown(q)}`);
  fields.push(`- **File:** ${escapeMarkdownInline(isolateRtlRuns(q.file))}, characters ${q.start}–${q.end}${q.anchor !== 'exact' ? ` (anchor: ${q.anchor})` : ''}`);
  lines.push(...fields, '');
  return lines.join('\n');
}

function groupMarkdown(group: QuotationGroup, includeSentence: boolean): string {
  const out: string[] = [];
  if (group.title !== null) {
    const dir = directionOf(group.titleLanguage, group.title);
    // An RTL heading as HTML, so that it is right-aligned like the quotes under it.
    out.push(dir === 'rtl' ? `<h2 dir="rtl" lang="${langTag(group.titleLanguage)}">${blockText(group.title)}</h2>` : `## ${escapeMarkdownInline(group.title)}`, '');
    if (group.subtitle) out.push(`*${escapeMarkdownInline(group.subtitle)}*`, '');
  }
  for (const q of group.rows) out.push(entryMarkdown(q, includeSentence));
  return out.join('\n');
}

export function quotationsToMarkdown(quotations: readonly Quotation[], options: Pick<ResolvedOptions, 'includeSentence' | 'groupBy' | 'title' | 'now'>): string {
  const count = `${quotations.length} ${quotations.length === 1 ? 'quotation' : 'quotations'} · exported ${options.now.toISOString().slice(0, 10)} from Hashiya`;
  const parts = [`# ${escapeMarkdownInline(options.title)}`, '', escapeMarkdownInline(count), ''];
  for (const g of groupQuotations(quotations, options.groupBy)) parts.push(groupMarkdown(g, options.includeSentence));
  return parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

