// XLSX through exceljs: one sheet, a header row, Persian and Arabic cells right-to-left and
// right-aligned in a font that has Arabic script. Cells are written as strings, never as
// formulas, so nothing in a gloss can run.
import ExcelJS from 'exceljs';
import { isLinkableUrl } from '../quotations/citation';
import type { Quotation } from '../quotations/quotations';
import { cellIsRtl, tableColumns } from './columns';
import type { ResolvedOptions } from './options';

/** Ships with Windows and macOS and has Arabic-script glyphs; LibreOffice substitutes a metric twin. */
export const XLSX_FONT = 'Arial';

export async function quotationsToXlsx(quotations: readonly Quotation[], options: Pick<ResolvedOptions, 'includeSentence' | 'title' | 'now'>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hashiya';
  workbook.created = options.now;
  workbook.modified = options.now;
  workbook.title = options.title;
  const sheet = workbook.addWorksheet('Quotations', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = tableColumns(options);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));

  const header = sheet.getRow(1);
  header.font = { name: XLSX_FONT, bold: true, size: 11 };
  header.alignment = { vertical: 'middle' };

  for (const q of quotations) {
    const row = sheet.addRow(columns.map((c) => c.value(q) ?? ''));
    row.font = { name: XLSX_FONT, size: 11 };
    columns.forEach((column, i) => {
      const value = column.value(q);
      const cell = row.getCell(i + 1);
      // A link only for http(s): a `javascript:` or `file:` address stays text that nothing opens.
      if (column.link && typeof value === 'string' && isLinkableUrl(value)) cell.value = { text: value, hyperlink: value };
      if (typeof value === 'string' && cellIsRtl(column, q, value)) {
        cell.alignment = { horizontal: 'right', vertical: 'top', wrapText: true, readingOrder: 'rtl' };
      } else {
        cell.alignment = { horizontal: typeof value === 'number' || column.figures === true ? 'right' : 'left', vertical: 'top', wrapText: typeof value === 'string' && value.length > 30, readingOrder: 'ltr' };
      }
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
