// What every export accepts. Defaults are filled in by resolveOptions so that each format
// reads one complete object.
import type { FontFaceSource } from './font-faces';

export const GROUP_BY = ['tag', 'article', 'none'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export function isGroupBy(value: string): value is GroupBy {
  return (GROUP_BY as readonly string[]).includes(value);
}

export interface ExportOptions {
  /** Include the whole sentence around each quote (default true). */
  includeSentence?: boolean;
  /** Reports (DOCX, HTML, Markdown): one section per tag or per article (default 'article'). */
  groupBy?: GroupBy;
  /** Report title (default 'Annotated quotations'). */
  title?: string;
  /** The export's time stamp (tests fix it). */
  now?: Date;
  /** Fonts to embed in HTML; by default the bundled Vazirmatn and Noto Naskh Arabic. */
  fonts?: readonly FontFaceSource[];
}

export interface ResolvedOptions {
  includeSentence: boolean;
  groupBy: GroupBy;
  title: string;
  now: Date;
  fonts: readonly FontFaceSource[] | null;
}

export function resolveOptions(options: ExportOptions = {}): ResolvedOptions {
  return {
    includeSentence: options.includeSentence ?? true,
    groupBy: options.groupBy ?? 'article',
    title: options.title?.trim() || 'Annotated quotations',
    now: options.now ?? new Date(),
    fonts: options.fonts ?? null,
  };
}
