// A standalone, printable HTML report: fonts embedded as data: URLs (it renders the same with
// no network and no installed Persian font), quotes in <blockquote dir="rtl" lang="fa|ar">,
// RTL inside English lines isolated (a span LibreOffice understands too, see isolatedToHtml), every piece of user text escaped, and a CSP that allows
// no script at all, so even a mistake in escaping could not run anything.
import { citationPieces, isLinkableUrl } from '../quotations/citation';
import type { Quotation } from '../quotations/quotations';
import { directionOf, escapeHtml, isolatedToHtml, isolateRtlRuns, langTag } from './bidi';
import { fontFaceCss, type FontFaceSource } from './font-faces';
import { groupQuotations, type QuotationGroup } from './groups';
import type { ResolvedOptions } from './options';

const STYLE = `
:root{--ink:#1d1d1f;--muted:#666;--rule:#c8a15a}
body{font-family:"Vazirmatn",system-ui,"Segoe UI",Arial,sans-serif;color:var(--ink);max-width:46rem;margin:2rem auto;padding:0 1.5rem;line-height:1.5}
[lang="fa"]{font-family:"Vazirmatn","Noto Naskh Arabic",sans-serif}
[lang="ar"]{font-family:"Noto Naskh Arabic","Vazirmatn",serif}
h1{font-size:1.6rem;margin-bottom:.2rem}
h2{font-size:1.25rem;margin:2.2rem 0 .2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.meta,.sub,.where{color:var(--muted);font-size:.85rem}
article{margin:1.4rem 0;break-inside:avoid;page-break-inside:avoid}
blockquote{margin:0 0 .4rem;padding:.3rem .9rem;font-size:1.3rem;line-height:1.9;border-inline-start:4px solid var(--rule);background:#faf7f0;white-space:pre-wrap}
.sentence{color:var(--muted);font-size:1rem;line-height:1.9;margin:.2rem 0 .4rem;white-space:pre-wrap}
.sentence mark{background:none;color:var(--ink);font-weight:700}
.gloss{font-style:italic;font-size:1.05rem;margin:.3rem 0;white-space:pre-wrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0;font-size:.9rem}
dt{color:var(--muted);font-weight:700}
dd{margin:0;white-space:pre-wrap}
.citation{margin:.3rem 0 0;font-size:.95rem}
.citation a{color:inherit;word-break:break-all}
@page{margin:18mm}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
`;

function sentenceHtml(q: Quotation): string {
  const at = q.sentence.indexOf(q.quote);
  if (at < 0) return escapeHtml(q.sentence);
  return escapeHtml(q.sentence.slice(0, at)) + `<mark>${escapeHtml(q.quote)}</mark>` + escapeHtml(q.sentence.slice(at + q.quote.length));
}

/** The citation with its address as a link (http and https only; any other scheme stays text). */
function citationHtml(q: Quotation): string {
  const { body, address } = citationPieces(q);
  if (!address) return isolatedToHtml(body);
  const url = escapeHtml(address.url);
  const link = isLinkableUrl(address.url) ? `<a href="${url}">${url}</a>` : url;
  const accessed = address.accessed ? ` (accessed ${escapeHtml(address.accessed)})` : '';
  return `${body === '' ? '' : `${isolatedToHtml(body)}. `}${link}${accessed}`;
}

function entryHtml(q: Quotation, includeSentence: boolean): string {
  const dir = directionOf(q.language, q.quote);
  const lang = langTag(q.language);
  const parts = [`<article class="quotation" id="${escapeHtml(`q-${q.id}`)}">`, `<blockquote class="quote" dir="${dir}" lang="${lang}">${escapeHtml(q.quote)}</blockquote>`];
  if (includeSentence && q.sentence && q.sentence !== q.quote) parts.push(`<p class="sentence" dir="${dir}" lang="${lang}">${sentenceHtml(q)}</p>`);
  if (q.gloss) parts.push(`<p class="gloss" lang="en">${isolatedToHtml(isolateRtlRuns(q.gloss))}</p>`);
  const fields: string[] = [];
  if (q.tagNames.length > 0) fields.push(`<dt>Tags</dt><dd>${isolatedToHtml(isolateRtlRuns(q.tagNames.join(', ')))}</dd>`);
  if (q.note) fields.push(`<dt>Note</dt><dd>${isolatedToHtml(isolateRtlRuns(q.note))}</dd>`);
  if (q.analyst) fields.push(`<dt>Analyst</dt><dd>${isolatedToHtml(isolateRtlRuns(q.analyst))}</dd>`);
  if (fields.length > 0) parts.push(`<dl>${fields.join('')}</dl>`);
  parts.push(`<p class="citation">— ${citationHtml(q)}</p>`);
  const where = `${q.file}, characters ${q.start}–${q.end}${q.anchor !== 'exact' ? ` (anchor: ${q.anchor})` : ''}`;
  parts.push(`<p class="where">${isolatedToHtml(isolateRtlRuns(where))}</p>`, '</article>');
  return parts.join('\n');
}

function groupHtml(group: QuotationGroup, includeSentence: boolean): string {
  const out: string[] = ['<section>'];
  if (group.title !== null) {
    const dir = directionOf(group.titleLanguage, group.title);
    out.push(`<h2 dir="${dir}" lang="${langTag(group.titleLanguage)}">${escapeHtml(group.title)}</h2>`);
    if (group.subtitle) out.push(`<p class="sub">${isolatedToHtml(group.subtitle)}</p>`);
  }
  for (const q of group.rows) out.push(entryHtml(q, includeSentence));
  out.push('</section>');
  return out.join('\n');
}

export function quotationsToHtml(quotations: readonly Quotation[], options: Pick<ResolvedOptions, 'includeSentence' | 'groupBy' | 'title' | 'now'>, fonts: readonly FontFaceSource[]): string {
  const count = `${quotations.length} ${quotations.length === 1 ? 'quotation' : 'quotations'} · exported ${options.now.toISOString().slice(0, 10)} from Hashiya`;
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Hashiya">
<title>${escapeHtml(options.title)}</title>
<style>
${fontFaceCss(fonts)}
${STYLE}
</style>
</head>
<body>
<header><h1>${escapeHtml(options.title)}</h1><p class="meta">${escapeHtml(count)}</p></header>
<main>
${groupQuotations(quotations, options.groupBy)
  .map((g) => groupHtml(g, options.includeSentence))
  .join('\n')}
</main>
</body>
</html>
`;
}
