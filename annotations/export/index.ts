// One entry point for every export format: the app's export dialog and `hashiya export`
// call this and get the bytes, the MIME type and a file name to suggest.
import { escapeHazardsInJson } from '../../corpus/text/control-characters';
import type { Quotation } from '../quotations/quotations';
import { resolveOptions, type ExportOptions } from './options';
import { safeQuotation, safeText } from './safe-fields';

export { GROUP_BY, isGroupBy, type ExportOptions, type GroupBy } from './options';

export { EXPORT_FORMATS, type ExportFormat } from './export-formats';
import { EXPORT_FORMATS, type ExportFormat } from './export-formats';

export interface ExportResult {
  data: Uint8Array;
  mime: string;
  extension: string;
  suggestedName: string;
}

export interface FormatInfo {
  label: string;
  mime: string;
  extension: string;
  /** Binary formats are never written to a terminal. */
  binary: boolean;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  csv: { label: 'CSV (Excel, LibreOffice)', mime: 'text/csv;charset=utf-8', extension: 'csv', binary: false },
  xlsx: { label: 'Excel workbook', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', binary: true },
  docx: { label: 'Word report', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', binary: true },
  html: { label: 'HTML report (printable)', mime: 'text/html;charset=utf-8', extension: 'html', binary: false },
  md: { label: 'Markdown', mime: 'text/markdown;charset=utf-8', extension: 'md', binary: false },
  json: { label: 'JSON records', mime: 'application/json', extension: 'json', binary: false },
  jsonld: { label: 'W3C Web Annotation (JSON-LD)', mime: 'application/ld+json', extension: 'jsonld', binary: false },
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

const encoder = new TextEncoder();

/** JSON keeps the data exact (and escapes); every other format is read by a person and gets safe fields. */
function forFormat(quotations: readonly Quotation[], format: ExportFormat): readonly Quotation[] {
  if (format === 'json' || format === 'jsonld') return quotations;
  const xml = format === 'docx' || format === 'xlsx';
  return quotations.map((q) => safeQuotation(q, { xml }));
}

export async function exportQuotations(all: readonly Quotation[], format: ExportFormat, options: ExportOptions = {}): Promise<ExportResult> {
  const resolved = resolveOptions(options);
  const o = { ...resolved, title: safeText(resolved.title, { xml: format === 'docx' || format === 'xlsx' }) };
  const quotations = forFormat(all, format);
  const info = FORMAT_INFO[format];
  let data: Uint8Array;
  // Each writer is loaded when asked for: exceljs and docx are large, and the command line
  // and the app should not pay for them on every start.
  switch (format) {
    case 'csv':
      data = encoder.encode((await import('./csv')).quotationsToCsv(quotations, o));
      break;
    case 'xlsx':
      data = await (await import('./xlsx')).quotationsToXlsx(quotations, o);
      break;
    case 'docx':
      data = await (await import('./docx')).quotationsToDocx(quotations, o);
      break;
    case 'html': {
      const fonts = o.fonts ?? (await (await import('./fonts')).loadBundledFonts());
      data = encoder.encode((await import('./html')).quotationsToHtml(quotations, o, fonts));
      break;
    }
    case 'md':
      data = encoder.encode((await import('./markdown')).quotationsToMarkdown(quotations, o));
      break;
    case 'json':
      data = encoder.encode(escapeHazardsInJson((await import('./json')).quotationsToJson(quotations, o)));
      break;
    case 'jsonld':
      data = encoder.encode(escapeHazardsInJson((await import('./jsonld')).quotationsToJsonLd(quotations, o)));
      break;
  }
  return { data, mime: info.mime, extension: info.extension, suggestedName: `quotations-${o.now.toISOString().slice(0, 10)}.${info.extension}` };
}
