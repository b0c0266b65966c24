// The quotation records as JSON, for scripts and other tools.
import type { Quotation } from '../quotations/quotations';
import type { ResolvedOptions } from './options';

export const JSON_EXPORT_FORMAT = 'hashiya-quotations';
export const JSON_EXPORT_VERSION = 1;

export interface QuotationsJson {
  format: typeof JSON_EXPORT_FORMAT;
  version: number;
  exported: string;
  count: number;
  /** Offsets are UTF-16 code units (JavaScript string indices) into the article text. */
  offsets: 'utf-16';
  quotations: Array<Omit<Quotation, 'sentence'> & { sentence?: string }>;
}

export function quotationsToJson(quotations: readonly Quotation[], options: Pick<ResolvedOptions, 'includeSentence' | 'now'>): string {
  const doc: QuotationsJson = {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    exported: options.now.toISOString(),
    count: quotations.length,
    offsets: 'utf-16',
    quotations: quotations.map((q) => {
      if (options.includeSentence) return q;
      const { sentence: _omit, ...rest } = q;
      return rest;
    }),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
