// The list of the corpus's articles on the left: which can be opened, which is open, how many annotations each has.
import type { ArticleSummary } from '../../corpus/api/api';
import { UnreadDocumentsLine } from './unread-documents';
import { api } from '../bridge';
import { clear, h, textAttrs, untitledAttrs } from '../dom';
import { LANGUAGE_NAMES } from '../language-names';
import { hasBidiControl } from '../../corpus/text/control-characters';
import { withVisibleControls } from '../visible-controls';
import type { OcrProgress } from './ocr-runs';

export interface ArticleListHooks {
  /** The file of the article shown, if any. */
  currentFile(): string | undefined;
  /** An openable article was clicked or chosen with Enter. */
  pick(file: string): void;
  /** A scan's "Read with OCR…" and "Stop", and how far its reading is. */
  ocr: {
    ask(file: string): void;
    stop(file: string): void;
    progress(file: string): OcrProgress | undefined;
  };
}

export class ArticleList {
  private readonly ol = h('ol', { class: 'article-list', 'aria-label': 'Articles' });
  private readonly unread = new UnreadDocumentsLine();
  /** The articles, then the line naming the documents not read. */
  readonly el = h('div', { class: 'article-list-panel' }, this.ol, this.unread.el);
  private list: ArticleSummary[] = [];

  constructor(private readonly hooks: ArticleListHooks) {}

  get articles(): ArticleSummary[] {
    return this.list;
  }

  /** The article to open first in a corpus: a non-English one if there is one. */
  firstToOpen(): ArticleSummary | undefined {
    return this.list.find((a) => a.openable && a.language !== 'en') ?? this.list.find((a) => a.openable);
  }

  has(file: string): boolean {
    return this.list.some((a) => a.file === file);
  }

  async refresh(): Promise<void> {
    // The line about files not read never keeps the articles from being listed.
    const [list, unread] = await Promise.all([api.listArticles(), api.listUnreadDocuments().catch(() => [])]);
    this.list = list;
    this.render();
    this.unread.show(unread, list.length);
  }

  markCurrent(file: string): void {
    for (const li of this.el.querySelectorAll('li.article')) li.classList.toggle('current', (li as HTMLElement).dataset.file === file);
  }

  /** The annotation count of one article, after a change in it. */
  setCount(file: string, n: number): void {
    const counts = this.list.find((x) => x.file === file);
    if (!counts || counts.annotations === n) return;
    counts.annotations = n;
    const el = this.el.querySelector(`li[data-file="${CSS.escape(counts.file)}"] .ann-count`);
    if (el) el.textContent = String(n);
  }

  /** Shows the OCR state of a scan's row again (a page read, the run ended). */
  updateOcr(file: string): void {
    const row = this.ol.querySelector(`li[data-file="${CSS.escape(file)}"]`);
    const old = row?.querySelector('.ocr');
    const summary = this.list.find((a) => a.file === file);
    // A scan read again is an article already: its row shows the run while it lasts, then nothing.
    const controls = summary?.needsOcr || this.hooks.ocr.progress(file) ? this.ocrControls(file) : null;
    if (old && controls) old.replaceWith(controls);
    else if (old) old.remove();
    else if (controls) row?.append(controls);
  }

  /** "Read with OCR…", or while it reads: how far, and "Stop". */
  private ocrControls(file: string): HTMLElement {
    const run = this.hooks.ocr.progress(file);
    if (!run) {
      const ask = h('button', { type: 'button', class: 'ocr-ask' }, 'Read with OCR…');
      ask.addEventListener('click', (e) => {
        e.stopPropagation();
        this.hooks.ocr.ask(file);
      });
      return h('span', { class: 'ocr' }, ask);
    }
    const stop = h('button', { type: 'button', class: 'ocr-stop', ...(run.stopping ? { disabled: true } : {}) }, run.stopping ? 'Stopping…' : 'Stop');
    // Inside an article's row (a scan read again), a click on Stop is not a click on the article.
    stop.addEventListener('click', (e) => {
      e.stopPropagation();
      this.hooks.ocr.stop(file);
    });
    const status = run.total === 0 ? 'Starting OCR…' : `Reading page ${Math.min(run.done + 1, run.total)} of ${run.total}…`;
    return h(
      'span',
      { class: 'ocr running' },
      h('progress', { max: String(Math.max(run.total, 1)), value: String(run.done), 'aria-label': `OCR of ${file}` }),
      h('span', { class: 'ocr-status', role: 'status' }, run.done === run.total && run.total > 0 ? 'Keeping the text…' : status),
      stop,
    );
  }

  private render(): void {
    clear(this.ol);
    const current = this.hooks.currentFile();
    for (const a of this.list) {
      const item = h(
        'li',
        { class: `article${a.openable ? '' : ' unopenable'}${current === a.file ? ' current' : ''}`, 'data-file': a.file },
        // Names and headlines come from the corpus: a bidi override in them is shown, not applied.
        h('span', { class: 'headline', ...untitledAttrs(a.untitled), ...textAttrs(a.language) }, ...withVisibleControls(a.headline || a.file)),
        h(
          'span',
          { class: 'meta' },
          a.language ? h('span', { class: `lang lang-${a.language}`, title: LANGUAGE_NAMES[a.language] }, a.language) : null,
          h('span', { class: 'ann-count', title: 'Annotations' }, String(a.annotations)),
          h('span', { class: 'file', ...(hasBidiControl(a.file) ? { title: 'This file name holds hidden direction characters, shown as markers' } : {}) }, ...withVisibleControls(a.file)),
        ),
        a.note ? h('span', { class: 'note' }, a.note) : null,
        a.needsOcr || this.hooks.ocr.progress(a.file) ? this.ocrControls(a.file) : null,
      );
      if (a.openable) {
        item.tabIndex = 0;
        item.addEventListener('click', () => this.hooks.pick(a.file));
        item.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') this.hooks.pick(a.file);
        });
      }
      this.ol.append(item);
    }
  }
}
