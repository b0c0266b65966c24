// Handing a translation on and taking it back: exports (XLIFF 2.1, TMX, plain text,
// Markdown, bilingual HTML) and imports (an XLIFF back from a CAT tool, a translation .txt).
import { xliffSizeProblem } from '../../annotations/translation/xliff-reader';
import type { TranslationFormat } from '../../corpus/api/api';
import { h } from '../dom';

export interface HandoffActions {
  export(format: TranslationFormat): Promise<void>;
  importXliff(name: string, xml: string): Promise<void>;
  importTranslation(name: string, base64: string): Promise<void>;
}

const FORMATS: Array<[TranslationFormat, string]> = [
  ['xliff', 'XLIFF 2.1 (CAT tools)'],
  ['tmx', 'TMX 1.4b (confirmed pairs)'],
  ['txt', 'Plain text (English)'],
  ['md', 'Markdown (English)'],
  ['html', 'Bilingual HTML (print)'],
];

export function handoffControls(actions: HandoffActions, report: (error: unknown) => void): HTMLElement {
  const format = h('select', { class: 'export-format', 'aria-label': 'Export format' }) as HTMLSelectElement;
  for (const [value, label] of FORMATS) format.append(h('option', { value }, label));
  const exportButton = h('button', { type: 'button', class: 'export-translation', title: 'Export the draft' }, 'Export');
  exportButton.addEventListener('click', () => {
    exportButton.disabled = true;
    actions
      .export(format.value as TranslationFormat)
      .catch(report)
      .finally(() => (exportButton.disabled = false));
  });

  const xliffInput = h('input', { type: 'file', class: 'import-xliff-file', accept: '.xlf,.xliff,.xml,application/xliff+xml,application/xml,text/xml', hidden: true }) as HTMLInputElement;
  xliffInput.addEventListener('change', () => {
    const file = xliffInput.files?.[0];
    xliffInput.value = '';
    if (!file) return;
    // Told at once, without reading (and sending) megabytes the app would refuse.
    const tooBig = xliffSizeProblem(file.size);
    if (tooBig) report(new Error(`${file.name}: ${tooBig}`));
    else void file.text().then((xml) => actions.importXliff(file.name, xml)).catch(report);
  });
  const txtInput = h('input', { type: 'file', class: 'import-translation-file', accept: '.txt,text/plain', hidden: true }) as HTMLInputElement;
  txtInput.addEventListener('change', () => {
    const file = txtInput.files?.[0];
    txtInput.value = '';
    if (file) void file.arrayBuffer().then((bytes) => actions.importTranslation(file.name, toBase64(new Uint8Array(bytes)))).catch(report);
  });

  return h(
    'span',
    { class: 'handoff' },
    format,
    exportButton,
    h('button', { type: 'button', class: 'import-xliff', title: 'Take back an XLIFF edited in a CAT tool', onclick: () => xliffInput.click() }, 'Import XLIFF…'),
    h('button', { type: 'button', class: 'import-translation', title: 'Add an existing translation (.txt) and align it', onclick: () => txtInput.click() }, 'Import translation…'),
    xliffInput,
    txtInput,
  );
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function fromBase64(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
