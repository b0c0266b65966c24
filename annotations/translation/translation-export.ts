// The English rendering of an article as plain text and Markdown (one paragraph per source
// paragraph), and a bilingual side-by-side HTML page for print: source and English in two
// columns, each paragraph beside its rendering, each column in its own direction and font.
// Page furniture is left out of all three.
import { furnitureParagraphs } from '../../corpus/metadata/furniture-paragraphs';
import { detectLanguage, paragraphDirection, type Direction } from '../../corpus/text/language';
import { balanceBidiControls } from '../../corpus/text/control-characters';
import { segmentText, type SegmentedParagraph } from '../../corpus/text/segment';
import { escapeHtml, isolatedToHtml, isolateRtlRuns } from '../export/bidi';
import { fontFaceCss, type FontFaceSource } from '../export/font-faces';
import { escapeMarkdownInline, escapeMarkdownParagraph } from '../export/markdown-escape';
import type { Rendering } from '../model/types';

export interface TranslationDraft {
  /** The source article text. */
  text: string;
  renderings: readonly Rendering[];
  /** The segmentation the renderings were made on; automatic when missing. */
  paragraphs?: readonly SegmentedParagraph[];
  /** Paragraph indexes to leave out; page furniture is detected when missing. */
  notForTranslation?: ReadonlySet<number>;
}

export interface RenderedParagraph {
  source: { start: number; end: number; text: string; dir: Direction };
  /** The renderings of the paragraph's segments joined in reading order; '' when none. */
  english: string;
  /** Every segment of the paragraph has a rendering with text. */
  complete: boolean;
}

/** Each source paragraph (furniture left out) with the English of its segments. */
export function renderedParagraphs(draft: TranslationDraft): RenderedParagraph[] {
  const { text } = draft;
  const paragraphs = draft.paragraphs ?? segmentText(text);
  const skip = draft.notForTranslation ?? furnitureParagraphs(text, paragraphs);
  const renderings = draft.renderings.filter((r) => r.text.trim() !== '').slice().sort((x, y) => x.start - y.start);
  const out: RenderedParagraph[] = [];
  paragraphs.forEach((p, index) => {
    if (skip.has(index)) return;
    // A rendering belongs to the paragraph its source segment starts in.
    const mine = renderings.filter((r) => r.start >= p.start && r.start < p.end);
    const covered = (s: { start: number; end: number }) => mine.some((r) => r.start < s.end && s.start < r.end);
    const sentences = p.sentences.length > 0 ? p.sentences : [{ start: p.start, end: p.end }];
    const source = text.slice(p.start, p.end);
    out.push({
      source: { start: p.start, end: p.end, text: source, dir: paragraphDirection(source, 'rtl') },
      english: mine.map((r) => r.text.trim().replace(/\s*\n\s*/g, ' ')).join(' '),
      complete: sentences.every(covered),
    });
  });
  return out;
}

export type UntranslatedParagraphs = 'omit' | 'marker';

export interface TextExportOptions {
  /** What to do with a paragraph that has no English yet; 'omit' by default. */
  untranslated?: UntranslatedParagraphs;
}

const MARKER = '[untranslated]';

function englishParagraphs(draft: TranslationDraft, options: TextExportOptions): string[] {
  return renderedParagraphs(draft)
    .map((p) => (p.english !== '' ? p.english : options.untranslated === 'marker' ? MARKER : ''))
    .filter((e) => e !== '');
}

/** The English rendering as plain text: paragraphs separated by a blank line. */
export function exportPlainText(draft: TranslationDraft, options: TextExportOptions = {}): string {
  // Persian or Arabic inside the English is isolated, so that it cannot reorder the numbers
  // and brackets around it.
  const paragraphs = englishParagraphs(draft, options).map(isolateRtlRuns);
  return paragraphs.length > 0 ? `${paragraphs.join('\n\n')}\n` : '';
}

export interface MarkdownOptions extends TextExportOptions {
  /** A title for the document; by default the first paragraph is taken as the headline. */
  title?: string;
}

/** The English rendering as Markdown: the headline as a heading, then one paragraph per source paragraph. */
export function exportMarkdown(draft: TranslationDraft, options: MarkdownOptions = {}): string {
  const paragraphs = englishParagraphs(draft, options).map((p) => escapeMarkdownParagraph(isolateRtlRuns(p)));
  const blocks = options.title !== undefined ? [`# ${escapeMarkdownInline(isolateRtlRuns(options.title))}`, ...paragraphs] : paragraphs.map((p, k) => (k === 0 ? `# ${p}` : p));
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}

export interface BilingualHtmlOptions extends TextExportOptions {
  /** The page title; the first paragraph's English (or source) by default. */
  title?: string;
  /** Source language; detected from the text when missing. */
  sourceLang?: 'fa' | 'ar';
  /**
   * Fonts to embed, so that the page shows Persian and Arabic on its own; none by default,
   * and then the reader's installed fonts of the names in the style stand in.
   */
  fonts?: readonly FontFaceSource[];
}

const PAGE_STYLE = `
:root { --rule: #bbb; }
body { margin: 1.5cm; color: #111; font: 11pt/1.6 'Noto Serif', Georgia, 'Vazirmatn', 'Noto Naskh Arabic', serif; }
h1 { font-size: 14pt; margin: 0 0 1em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
td { width: 50%; vertical-align: top; padding: 0.35em 0.6em; border-top: 1px solid var(--rule); }
td.source:lang(fa) { font-family: 'Vazirmatn', 'Noto Naskh Arabic', sans-serif; }
td.source:lang(ar) { font-family: 'Noto Naskh Arabic', 'Vazirmatn', serif; font-size: 12pt; }
td.missing { color: #777; font-style: italic; }
tr { break-inside: avoid; page-break-inside: avoid; }
@page { size: A4; margin: 1.5cm; }
@media print { body { margin: 0; } }
`.trim();

/** English with its Persian or Arabic words in <bdi>, everything escaped. */
function englishHtml(text: string): string {
  return isolatedToHtml(isolateRtlRuns(text));
}

/** A bilingual page for print: source paragraphs (right to left) beside their English. */
export function exportBilingualHtml(draft: TranslationDraft, options: BilingualHtmlOptions = {}): string {
  const rows = renderedParagraphs(draft);
  const lang = options.sourceLang ?? (detectLanguage(draft.text) === 'ar' ? 'ar' : 'fa');
  const first = rows[0];
  const title = options.title ?? (first ? first.english || first.source.text : 'Translation');
  const body = rows
    .map((row) => {
      // The source keeps every character; an override in it is closed before its line ends.
      const source = `<td class="source" lang="${lang}" dir="${row.source.dir}">${escapeHtml(balanceBidiControls(row.source.text))}</td>`;
      const english =
        row.english !== ''
          ? `<td class="english" lang="en" dir="ltr">${englishHtml(row.english)}</td>`
          : `<td class="english missing" lang="en" dir="ltr">${options.untranslated === 'marker' ? escapeHtml(MARKER) : ''}</td>`;
      return `<tr>${source}${english}</tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src 'none'">
<title>${escapeHtml(balanceBidiControls(title))}</title>
<style>
${fontFaceCss(options.fonts ?? [])}
${PAGE_STYLE}
</style>
</head>
<body>
<h1 dir="auto">${englishHtml(title)}</h1>
<table>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
