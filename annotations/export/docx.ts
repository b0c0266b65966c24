// A Word report through the `docx` package: one entry per quotation with the quote as a
// right-to-left paragraph (w:bidi) in right-to-left runs (w:rtl) set in a Persian or Arabic
// font for the complex-script slot too (Word picks the w:cs font for Arabic letters), the
// English gloss under it, then tags, note and the citation (its address a hyperlink).
import { AlignmentType, BorderStyle, Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun, type IRunOptions } from 'docx';
import { citationPieces, isLinkableUrl } from '../quotations/citation';
import type { Quotation } from '../quotations/quotations';
import { directionOf, FSI, isolatedSegments, isolateRtlRuns, PDI, RLI } from './bidi';
import { groupQuotations, type QuotationGroup } from './groups';
import type { ResolvedOptions } from './options';

export const DOCX_FONTS = { fa: 'Vazirmatn', ar: 'Noto Naskh Arabic', latin: 'Calibri' } as const;

const BIDI_LANG: Record<string, string> = { fa: 'fa-IR', ar: 'ar-SA' };
const GREY = '666666';
const LRM = '\u200E';
const NBSP = '\u00A0';

function scriptFont(language: string): string {
  return language === 'ar' ? DOCX_FONTS.ar : DOCX_FONTS.fa;
}

/** A run of Persian or Arabic: right to left, the script font in every slot, the bidi language set. */
function rtlRun(text: string, language: string, extra: Partial<IRunOptions> = {}): TextRun {
  const font = scriptFont(language);
  return new TextRun({
    text,
    rightToLeft: true,
    font: { ascii: font, hAnsi: font, cs: font, eastAsia: font },
    language: { value: 'en-US', bidirectional: BIDI_LANG[language] ?? 'fa-IR' },
    ...extra,
  });
}

/**
 * Runs for an English line with isolated RTL parts. Each part becomes an RTL run of its own,
 * its text inside RLI/FSI…PDI, followed by a LEFT-TO-RIGHT MARK. A run property alone does not
 * isolate: an Arabic headline ending with `»` or `"` had that mark drawn at the English end of
 * the run (LibreOffice, Word), since a neutral at a run's edge takes the line's direction. The
 * isolate characters keep it with the headline; the mark keeps the `, 13` after it on the
 * English side in Word versions that do not honour U+2066–U+2069.
 */
function mixedRuns(text: string, language: string, extra: Partial<IRunOptions> = {}): TextRun[] {
  return isolatedSegments(text).flatMap((s) => (s.isolate === null ? [new TextRun({ text: s.text, ...extra })] : [rtlRun((s.isolate === 'rtl' ? RLI : FSI) + s.text + PDI, language, extra), new TextRun({ text: LRM, ...extra })]));
}

/**
 * The date and `para. N` after the last Persian or Arabic part, joined by no-break spaces:
 * LibreOffice broke the line inside them and left `Shahrivar 1400), para. 3` on a line of its
 * own. A long citation may still break after the headline's `",`, never inside the date or
 * before `para. N` (or a PDF's `p. N`); with no date, `", para. 2` stays on the headline's line.
 */
export function glueCitationTail(citation: string): string {
  const cut = citation.lastIndexOf(PDI);
  const head = cut < 0 ? '' : citation.slice(0, cut + 1);
  const tail = cut < 0 ? citation : citation.slice(cut + 1);
  // A PDF's `p. 3` or `pp. 3–4` is glued as `para. N` is.
  if (cut < 0) return tail.replace(/, (para|pp?)\. (\d+(?:–\d+)?)$/, `,${NBSP}$1.${NBSP}$2`);
  const glued = tail.replaceAll(' ', NBSP);
  return head + (/^"?, (?:para|pp?)\. \d+(?:–\d+)?$/.test(tail) ? glued : glued.replace(NBSP, ' '));
}

/**
 * The citation's runs: its body as mixed runs, then the address as a hyperlink (http and https
 * only; any other scheme is plain text) and the access date.
 */
function citationRuns(q: Quotation): Array<TextRun | ExternalHyperlink> {
  const { body, address } = citationPieces(q);
  if (!address) return mixedRuns(glueCitationTail(body), q.language);
  const url = isLinkableUrl(address.url)
    ? new ExternalHyperlink({ link: address.url, children: [new TextRun({ text: address.url, style: 'Hyperlink' })] })
    : new TextRun({ text: address.url });
  return [
    ...(body === '' ? [] : [...mixedRuns(glueCitationTail(body), q.language), new TextRun({ text: '. ' })]),
    url,
    // Glued with no-break spaces, as the date before it: `(accessed 7 Dec 2026)` is never split.
    ...(address.accessed ? [new TextRun({ text: ` ${`(accessed ${address.accessed})`.replaceAll(' ', NBSP)}` })] : []),
  ];
}

function quoteParagraphs(q: Quotation, includeSentence: boolean): Paragraph[] {
  const rtl = directionOf(q.language, q.quote) === 'rtl';
  const size = 28; // half-points: 14 pt, so that the Persian reads as easily as the English
  const quote = rtl
    ? new Paragraph({
        bidirectional: true,
        spacing: { before: 240, after: 80 },
        border: { right: { style: BorderStyle.SINGLE, size: 18, color: 'C8A15A', space: 8 } },
        children: [rtlRun(q.quote, q.language, { size, sizeComplexScript: size })],
      })
    : new Paragraph({ spacing: { before: 240, after: 80 }, children: [new TextRun({ text: q.quote, size })] });
  const out = [quote];
  const at = q.sentence.indexOf(q.quote);
  if (includeSentence && q.sentence && q.sentence !== q.quote) {
    const small = { size: 20, sizeComplexScript: 20, color: GREY };
    const parts = at >= 0 ? [q.sentence.slice(0, at), q.quote, q.sentence.slice(at + q.quote.length)] : [q.sentence, '', ''];
    const runs = parts
      .map((text, i) => (text === '' ? null : rtl ? rtlRun(text, q.language, i === 1 ? { ...small, bold: true, boldComplexScript: true } : small) : new TextRun({ text, ...small, ...(i === 1 ? { bold: true } : {}) })))
      .filter((r): r is TextRun => r !== null);
    out.push(new Paragraph({ bidirectional: rtl, spacing: { after: 80 }, children: runs }));
  }
  return out;
}

function labelled(label: string, text: string, language: string): Paragraph {
  return new Paragraph({
    spacing: { after: 40 },
    children: [new TextRun({ text: `${label}: `, bold: true, color: GREY }), ...mixedRuns(isolateRtlRuns(text), language)],
  });
}

function entry(q: Quotation, includeSentence: boolean): Paragraph[] {
  const out = quoteParagraphs(q, includeSentence);
  if (q.gloss) out.push(new Paragraph({ spacing: { after: 60 }, children: mixedRuns(isolateRtlRuns(q.gloss), q.language, { italics: true, size: 24 }) }));
  if (q.tagNames.length > 0) out.push(labelled('Tags', q.tagNames.join(', '), q.language));
  if (q.note) out.push(labelled('Note', q.note, q.language));
  out.push(
    new Paragraph({
      spacing: { after: 40 },
      children: [new TextRun({ text: '— ', color: GREY }), ...citationRuns(q)],
    }),
  );
  const where = [q.analyst && `Analyst: ${q.analyst}`, `${q.file}, characters ${q.start}–${q.end}`, q.anchor !== 'exact' ? `anchor: ${q.anchor}` : ''].filter(Boolean).join(' · ');
  // A Persian file or analyst name isolated like the citation's parts, so `, characters 3` stays after it.
  out.push(new Paragraph({ spacing: { after: 200 }, children: mixedRuns(isolateRtlRuns(where), q.language, { size: 16, color: GREY }) }));
  return out;
}

function groupHeading(group: QuotationGroup): Paragraph[] {
  if (group.title === null) return [];
  const rtl = directionOf(group.titleLanguage, group.title) === 'rtl';
  const out = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      bidirectional: rtl,
      keepNext: true,
      children: [rtl ? rtlRun(group.title, group.titleLanguage) : new TextRun(group.title)],
    }),
  ];
  if (group.subtitle) out.push(new Paragraph({ keepNext: true, spacing: { after: 120 }, children: mixedRuns(group.subtitle, group.titleLanguage, { color: GREY, size: 20 }) }));
  return out;
}

export async function quotationsToDocx(quotations: readonly Quotation[], options: Pick<ResolvedOptions, 'includeSentence' | 'groupBy' | 'title' | 'now'>): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(options.title)] }),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { after: 240 },
      children: [new TextRun({ text: `${quotations.length} ${quotations.length === 1 ? 'quotation' : 'quotations'} · exported ${options.now.toISOString().slice(0, 10)} from Hashiya`, color: GREY, size: 18 })],
    }),
  ];
  for (const group of groupQuotations(quotations, options.groupBy)) {
    children.push(...groupHeading(group));
    for (const q of group.rows) children.push(...entry(q, options.includeSentence));
  }
  const doc = new Document({
    creator: 'Hashiya',
    title: options.title,
    styles: { default: { document: { run: { font: DOCX_FONTS.latin, size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.pack(doc, 'uint8array');
}
