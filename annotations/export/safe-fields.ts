// Quotation fields made safe for a report a person reads (CSV, XLSX, DOCX, HTML, Markdown):
// every text field's bidi overrides closed on the line that opened them, so that a file named
// `\u202Egnp.exe` or a pasted gloss cannot reverse the rest of a line or cell; and for the XML
// formats the characters XML cannot carry replaced, because one of them makes Word and
// LibreOffice refuse the DOCX and leaves every text cell of the XLSX empty. The JSON formats
// keep the data exact and escape instead (see escapeHazardsInJson).
import { balanceBidiControls, replaceXmlForbiddenChars } from '../../corpus/text/control-characters';
import type { Quotation } from '../quotations/quotations';

export interface SafeFieldOptions {
  /** Replace the characters XML 1.0 cannot carry (DOCX, XLSX). */
  xml: boolean;
}

export function safeText(text: string, options: SafeFieldOptions): string {
  const balanced = balanceBidiControls(text);
  return options.xml ? replaceXmlForbiddenChars(balanced) : balanced;
}

/**
 * The quotation with its text fields made safe. The quote and sentence keep every character
 * (only closers are added at a line's end), so a quote is still exact where it matters. The
 * citation was composed with each part balanced (isolate()), so it is only made XML-safe here.
 */
export function safeQuotation(q: Quotation, options: SafeFieldOptions): Quotation {
  const t = (s: string) => safeText(s, options);
  return {
    ...q,
    file: t(q.file),
    quote: t(q.quote),
    sentence: t(q.sentence),
    prefix: t(q.prefix),
    suffix: t(q.suffix),
    gloss: t(q.gloss),
    note: t(q.note),
    tags: q.tags.map(t),
    tagNames: q.tagNames.map(t),
    analyst: t(q.analyst),
    headline: t(q.headline),
    outlet: q.outlet === null ? null : t(q.outlet),
    date: q.date === null ? null : { ...q.date, original: t(q.date.original) },
    citation: t(q.citation),
    ...(q.url !== undefined ? { url: t(q.url) } : {}),
    ...(q.accessed !== undefined ? { accessed: t(q.accessed) } : {}),
    id: t(q.id),
  };
}
