// "Read with OCR…" for a scanned PDF in the article list: the person picks the languages the
// scan is in, the app reads it page by page (progress in the list's row, which can stop it),
// and the PDF becomes an article like the others. Where Tesseract is not installed, the
// dialog says what to install instead of offering a button that cannot work.
import type { Language } from '../../corpus/text/language';
import type { OcrLanguage } from '../../corpus/api/api';
import { api } from '../bridge';
import { modal } from '../dialogs';
import { h } from '../dom';
import { withVisibleControls } from '../visible-controls';

export interface OcrProgress {
  done: number;
  total: number;
  stopping?: boolean;
}

export interface OcrRunsHooks {
  /** The row of `file` shows its state again (started, a page read, finished). */
  changed(file: string): void;
  toast(message: string, action?: { label: string; run(): void }): void;
  /** Opens the article (once it is one). */
  open(file: string): void;
  /** The article's text was replaced: shown again if it is on screen. */
  reread(file: string): void;
  /** The languages of the corpus's articles, for the choice offered first. */
  languages(): Array<Language | null>;
}

const NAMES: Record<OcrLanguage, string> = { fas: 'Persian', ara: 'Arabic', eng: 'English' };
/** The order offered: the corpus's languages first. */
const ORDER: OcrLanguage[] = ['fas', 'ara', 'eng'];

/** A file name inside an English sentence, laid out left to right as the list shows it (the extension at its right). */
function named(file: string): string {
  return `\u2066${file}\u2069`;
}

export class OcrRuns {
  private readonly running = new Map<string, OcrProgress>();

  constructor(private readonly hooks: OcrRunsHooks) {}

  progress(file: string): OcrProgress | undefined {
    return this.running.get(file);
  }

  /** What the app heard: `done` of `total` pages of `file` read. */
  onProgress(file: string, done: number, total: number): void {
    const run = this.running.get(file);
    if (!run) return;
    run.done = done;
    run.total = total;
    this.hooks.changed(file);
  }

  async ask(file: string): Promise<void> {
    if (this.running.size > 0) {
      this.hooks.toast(`OCR is already reading ${named([...this.running.keys()][0]!)}: one scan at a time.`);
      return;
    }
    let available;
    try {
      available = await api.ocrAvailability();
    } catch (error) {
      this.hooks.toast((error as Error).message);
      return;
    }
    if (!available.available) {
      const close = h('button', { type: 'button', class: 'primary' }, 'Close');
      const dialog = modal('OCR is not installed', h('div', { class: 'ocr-dialog' }, h('p', {}, available.message)), [close]);
      close.addEventListener('click', () => dialog.close());
      close.focus();
      return;
    }
    const languages = await chooseLanguages(file, available.languages, this.firstChoice(available.languages), available.engine);
    if (languages) await this.read(file, languages);
  }

  stop(file: string): void {
    const run = this.running.get(file);
    if (!run) return;
    run.stopping = true;
    this.hooks.changed(file);
    void api.stopOcr(file).catch(() => undefined);
  }

  private async read(file: string, languages: OcrLanguage[]): Promise<void> {
    this.running.set(file, { done: 0, total: 0 });
    this.hooks.changed(file);
    try {
      const done = await api.readWithOcr(file, languages);
      this.running.delete(file);
      this.hooks.changed(file);
      this.hooks.reread(file);
      this.hooks.toast(`${named(file)} was read by OCR (${done.pages} ${done.pages === 1 ? 'page' : 'pages'}). OCR misreads some letters: check a quotation against the scan before you use it.`, {
        label: 'Open',
        run: () => this.hooks.open(file),
      });
    } catch (error) {
      const stopped = this.running.get(file)?.stopping;
      this.running.delete(file);
      this.hooks.changed(file);
      this.hooks.toast(stopped ? `OCR of ${named(file)} was stopped; nothing was kept.` : (error as Error).message);
    }
  }

  /** The scan's language is most likely the corpus's own: the language most of its articles are in. */
  private firstChoice(installed: OcrLanguage[]): OcrLanguage {
    const counts = { fa: 0, ar: 0 } as Record<string, number>;
    for (const l of this.hooks.languages()) if (l === 'fa' || l === 'ar') counts[l]! += 1;
    const guess: OcrLanguage = (counts.ar ?? 0) > (counts.fa ?? 0) ? 'ara' : 'fas';
    return installed.includes(guess) ? guess : (installed[0] ?? 'fas');
  }
}

/** The language choice; resolves with the languages ticked, or null when cancelled. */
function chooseLanguages(file: string, installed: OcrLanguage[], first: OcrLanguage, engine: string): Promise<OcrLanguage[] | null> {
  return new Promise((resolve) => {
    const boxes = ORDER.filter((l) => installed.includes(l)).map((l) => {
      const box = h('input', { type: 'checkbox', name: 'ocr-language', value: l }) as HTMLInputElement;
      box.checked = l === first;
      return { l, box, label: h('label', { class: 'ocr-language' }, box, ` ${NAMES[l]}`) };
    });
    const error = h('p', { class: 'error', role: 'alert' });
    const start = h('button', { type: 'button', class: 'primary' }, 'Read');
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const body = h(
      'div',
      { class: 'ocr-dialog' },
      h('p', { class: 'ocr-file' }, h('bdi', { dir: 'ltr' }, ...withVisibleControls(file))),
      h('p', {}, 'This PDF holds pictures of its pages (a scan), not text. OCR reads the letters from the pictures, page by page; the text it gives becomes the article, which you can then read, search and annotate. The PDF itself is not changed.'),
      h('fieldset', {}, h('legend', {}, 'The scan is in'), ...boxes.map((b) => b.label)),
      h('p', { class: 'hint' }, `${engine} reads about a page every two seconds on a fast machine; choose only the languages the scan is in.`),
      error,
    );
    const dialog = modal('Read a scan with OCR', body, [cancel, start]);
    let answered = false;
    const finish = (value: OcrLanguage[] | null) => {
      if (answered) return;
      answered = true;
      resolve(value);
      dialog.close();
    };
    start.addEventListener('click', () => {
      const chosen = boxes.filter((b) => b.box.checked).map((b) => b.l);
      if (chosen.length === 0) error.textContent = 'Choose the language the scan is in.';
      else finish(chosen);
    });
    cancel.addEventListener('click', () => finish(null));
    dialog.addEventListener('close', () => finish(null));
    start.focus();
  });
}
