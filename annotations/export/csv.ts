// CSV that Excel and LibreOffice open right: UTF-8 with a BOM (without it Excel reads the
// Persian as Windows-1252 mojibake), every field quoted, CRLF between records, and cells
// that a spreadsheet would run as a formula neutralised.
import type { Quotation } from '../quotations/quotations';
import { tableColumns } from './columns';
import type { ResolvedOptions } from './options';

const BOM = '\uFEFF';

/**
 * A cell beginning with = + - @ (or tab, CR, which some spreadsheets skip before them) is a
 * formula to Excel and LibreOffice: `=HYPERLINK(...)` in a gloss would run on open. A leading
 * apostrophe makes it text; the full-width forms are treated the same because some
 * spreadsheets fold them.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
}

function quoteField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function cell(value: string | number | null): string {
  if (value === null) return quoteField('');
  if (typeof value === 'number') return quoteField(String(value));
  return quoteField(neutraliseFormula(value));
}

export function quotationsToCsv(quotations: readonly Quotation[], options: Pick<ResolvedOptions, 'includeSentence'>): string {
  const columns = tableColumns(options);
  const lines = [columns.map((c) => quoteField(c.header)).join(',')];
  for (const q of quotations) lines.push(columns.map((c) => cell(c.value(q))).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
