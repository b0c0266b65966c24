// Headline, outlet and publication date as a reader would give them.
// (First cut: the first non-empty line; refined by the metadata work.)
import type { DateValue } from '../annotations/types';
import type { Language } from './language';
import { firstLine } from './paragraphs';
import type { Paragraph } from './paragraphs';

export interface DetectedMetadata {
  headline: string;
  outlet: string | null;
  date: DateValue | null;
}

export function detectMetadata(text: string, _language: Language, _paragraphs?: Paragraph[]): DetectedMetadata {
  return { headline: firstLine(text), outlet: null, date: null };
}

/** Indexes (into the paragraph list) of lines that look like page furniture, not article text. */
export function detectBoilerplate(_paragraphs: Paragraph[], _language: Language): Set<number> {
  return new Set();
}
