// The export dialog: format, grouping, whether to include the sentence, and which rows.
import type { ExportFormat, GroupBy } from '../../annotations/export/index';
import type { QuotationExportRequest } from '../../corpus/api/api';
import { h } from '../dom';

// The labels live here rather than being imported with the exporters: importing those would
// pull the DOCX and XLSX writers into the renderer bundle.
const FORMATS: ReadonlyArray<{ value: ExportFormat; label: string }> = [
  { value: 'csv', label: 'CSV (Excel, LibreOffice)' },
  { value: 'xlsx', label: 'Excel workbook (.xlsx)' },
  { value: 'docx', label: 'Word report (.docx)' },
  { value: 'html', label: 'HTML report (printable)' },
  { value: 'md', label: 'Markdown' },
  { value: 'json', label: 'JSON records' },
  { value: 'jsonld', label: 'W3C Web Annotation (JSON-LD)' },
];
/** Formats laid out as a report, where grouping means something. */
const GROUPED: ReadonlySet<ExportFormat> = new Set(['docx', 'html', 'md']);

export interface ExportChoice {
  format: ExportFormat;
  groupBy: GroupBy;
  includeSentence: boolean;
  scope: 'selected' | 'all';
}

/** Remembered while the app runs, so the second export starts where the first one ended. */
let last: Omit<ExportChoice, 'scope'> = { format: 'csv', groupBy: 'article', includeSentence: true };

/**
 * Asks how to export; `run` does the export and may throw (the message is shown and the
 * dialog stays open). Resolves when the dialog closes.
 */
export function openExportDialog(counts: { selected: number; matching: number }, run: (choice: ExportChoice) => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const format = h('select', { name: 'format', class: 'q-export-format' }, ...FORMATS.map((f) => h('option', { value: f.value, selected: f.value === last.format }, f.label)));
    const groupBy = h(
      'select',
      { name: 'group', class: 'q-export-group' },
      h('option', { value: 'article', selected: last.groupBy === 'article' }, 'by article'),
      h('option', { value: 'tag', selected: last.groupBy === 'tag' }, 'by tag'),
      h('option', { value: 'none', selected: last.groupBy === 'none' }, 'no grouping'),
    );
    const sentence = h('input', { type: 'checkbox', name: 'sentence', class: 'q-export-sentence', checked: last.includeSentence });
    const scopeSelected = h('input', { type: 'radio', name: 'scope', value: 'selected', class: 'q-export-selected', disabled: counts.selected === 0, checked: counts.selected > 0 });
    const scopeAll = h('input', { type: 'radio', name: 'scope', value: 'all', class: 'q-export-all', checked: counts.selected === 0 });
    const status = h('p', { class: 'error', role: 'alert' });
    const go = h('button', { type: 'button', class: 'primary q-export-go' }, 'Export');
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const syncGroup = () => (groupBy.disabled = !GROUPED.has(format.value as ExportFormat));
    format.addEventListener('change', syncGroup);
    syncGroup();
    const body = h(
      'div',
      { class: 'q-export-form' },
      h('label', {}, h('span', {}, 'Format'), format),
      h('label', {}, h('span', {}, 'Group entries'), groupBy),
      h('label', { class: 'q-check' }, sentence, 'Include the whole sentence around each quote'),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Quotations'),
        h('label', { class: 'q-check' }, scopeSelected, `Selected (${counts.selected.toLocaleString('en')})`),
        h('label', { class: 'q-check' }, scopeAll, `All matching the filters (${counts.matching.toLocaleString('en')})`),
      ),
      status,
    );
    const dialog = h('dialog', { class: 'modal q-export-dialog', 'aria-label': 'Export quotations' }, h('h2', {}, 'Export quotations'), body, h('div', { class: 'buttons' }, cancel, go));
    document.body.append(dialog);
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve();
    });
    cancel.addEventListener('click', () => dialog.close());
    go.addEventListener('click', () => {
      const choice: ExportChoice = {
        format: format.value as ExportFormat,
        groupBy: groupBy.value as GroupBy,
        includeSentence: sentence.checked,
        scope: scopeSelected.checked ? 'selected' : 'all',
      };
      last = { format: choice.format, groupBy: choice.groupBy, includeSentence: choice.includeSentence };
      go.disabled = true;
      status.textContent = '';
      dialog.setAttribute('aria-busy', 'true');
      go.textContent = 'Exporting…';
      run(choice).then(
        () => dialog.close(),
        (error: unknown) => {
          status.textContent = (error as Error).message;
          go.disabled = false;
          go.textContent = 'Export';
          dialog.removeAttribute('aria-busy');
        },
      );
    });
    dialog.showModal();
    format.focus();
  });
}

/** The service request for a choice: ids when rows were picked, the filter otherwise. */
export function exportRequest(choice: ExportChoice, query: Pick<QuotationExportRequest, 'filter' | 'sort'>, ids: string[] | null): QuotationExportRequest {
  const base: QuotationExportRequest = { format: choice.format, groupBy: choice.groupBy, includeSentence: choice.includeSentence };
  if (query.sort) base.sort = query.sort;
  return ids ? { ...base, ids } : { ...base, filter: query.filter };
}
