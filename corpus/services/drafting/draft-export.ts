// The hand-off formats of an article's drafts: XLIFF, TMX, plain text, Markdown and a
// bilingual HTML page.
import type { FontFaceSource } from '../../../annotations/export/font-faces';
import { loadBundledFonts } from '../../../annotations/export/fonts';
import type { AlignmentLink } from '../../../annotations/model/types';
import { exportTmx, pairsFromAlignment, pairsFromRenderings } from '../../../annotations/translation/tmx';
import { exportBilingualHtml, exportMarkdown, exportPlainText } from '../../../annotations/translation/translation-export';
import { exportXliff } from '../../../annotations/translation/xliff-writer';
import type { ArticleDoc, ExportFile, TranslationFormat } from '../../api/api';
import { segmentGroups } from './segment-groups';

export interface ExportInput {
  doc: ArticleDoc;
  format: TranslationFormat;
  /** The other text of a pair, for the TMX. */
  other: ArticleDoc | null;
  links: AlignmentLink[];
}

const MIME: Record<TranslationFormat, string> = {
  xliff: 'application/xliff+xml',
  tmx: 'application/x-tmx+xml',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

export async function exportDraft({ doc, format, other, links }: ExportInput): Promise<ExportFile> {
  const stem = doc.file.replace(/^.*\//, '').replace(/\.txt$/i, '');
  const { paragraphs, furniture } = segmentGroups(doc);
  let name: string;
  let content: string;
  switch (format) {
    case 'xliff':
      name = `${stem}.xlf`;
      content = exportXliff({
        file: doc.file,
        text: doc.text,
        srcLang: languageTag(doc.language),
        trgLang: 'en',
        renderings: doc.renderings,
        annotations: doc.annotations,
        paragraphs,
        notForTranslation: furniture,
      });
      break;
    case 'tmx': {
      // One target language per file: the other text's pairs when it is English (or there are
      // no drafts to add), the reviewed drafts when they are.
      const trgLang = other && other.language !== 'en' ? other.language : 'en';
      const pairs = [
        ...(other ? pairsFromAlignment(doc.text, other.text, links, { a: doc.file, b: other.file }) : []),
        ...(trgLang === 'en' ? pairsFromRenderings(doc.text, doc.renderings, doc.file) : []),
      ];
      name = other && trgLang !== 'en' ? `${stem}.${trgLang}.tmx` : `${stem}.tmx`;
      content = exportTmx({ srcLang: languageTag(doc.language) ?? 'und', trgLang, pairs });
      break;
    }
    case 'txt':
      name = `${stem}.en.txt`;
      content = exportPlainText({ text: doc.text, renderings: doc.renderings, paragraphs, notForTranslation: furniture });
      break;
    case 'md':
      name = `${stem}.en.md`;
      content = exportMarkdown({ text: doc.text, renderings: doc.renderings, paragraphs, notForTranslation: furniture });
      break;
    case 'html':
      name = `${stem}.bilingual.html`;
      content = exportBilingualHtml(
        { text: doc.text, renderings: doc.renderings, paragraphs, notForTranslation: furniture },
        { sourceLang: doc.language === 'ar' ? 'ar' : 'fa', fonts: await embeddedFonts(), untranslated: 'marker' },
      );
      break;
  }
  return { name, mime: MIME[format], base64: Buffer.from(content, 'utf8').toString('base64') };
}

function languageTag(language: string): string | undefined {
  return language === 'und' ? undefined : language;
}

/**
 * The Arabic-script subsets of the bundled fonts, so that the saved page shows Persian and
 * Arabic (the source column, and words quoted in the English) on its own.
 */
async function embeddedFonts(): Promise<FontFaceSource[]> {
  try {
    return (await loadBundledFonts()).filter((f) => f.unicodeRange.includes('U+0600'));
  } catch {
    // Without the font files the page only names the fonts, and the reader's own stand in.
    return [];
  }
}
