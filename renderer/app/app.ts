// The main window, composed: the frame, the article list, the reading view, the annotation
// sidebar and editor, the other views; this class wires them and answers menu and keys.
import type { Tag } from '../../annotations/model/types';
import { api, onAppEvent, shell } from '../bridge';
import { editTaxonomy } from '../dialogs';
import { createQuotationView } from '../quotations/quotation-view';
import { createSearchView } from '../search/search-view';
import { createSideBySideView } from '../side-by-side/side-by-side-view';
import { applyTagStyles } from '../tag-styles';
import type { ViewContext } from '../view-context';
import { AnnotationEditing } from './annotation-editing';
import { ArticleList } from './article-list';
import { ConflictsPanel } from './conflicts';
import { pasteAsNewArticle } from './paste-article';
import { OcrRuns } from './ocr-runs';
import { ReadingController } from './reading-controller';
import { saveExport } from './save-export';
import { Settings } from './settings';
import { ShellLayout } from './shell-layout';
import { Sidebar } from './sidebar';
import { Toast } from './toast';
import { Views, type ViewName } from './views';

export class App {
  private taxonomy: Tag[] = [];
  private readonly toast = new Toast();
  private readonly settings = new Settings();
  private readonly shell = new ShellLayout({
    command: (name) => void this.menu(name),
    undo: (redo) => void this.runUndo(redo),
    showView: (name) => void this.showView(name),
  });
  private readonly ocr: OcrRuns = new OcrRuns({
    changed: (file) => this.list.updateOcr(file),
    toast: (m, action) => this.toast.show(m, action),
    open: (file) => this.reading.pick(file),
    reread: (file) => {
      // The scan on screen was read again: its new text is shown (its annotations placed again).
      if (this.reading.article?.doc.file === file) void this.reading.openArticle(file);
    },
    languages: () => this.list.articles.map((a) => a.language),
  });
  private readonly list: ArticleList = new ArticleList({
    currentFile: () => this.reading.article?.doc.file,
    pick: (file) => this.reading.pick(file),
    ocr: this.ocr,
  });
  private readonly conflicts = new ConflictsPanel({
    toast: (m) => this.toast.show(m),
    resolved: (file) => this.reading.openArticle(file, { inPlace: true }),
  });
  private readonly sidebar = new Sidebar({
    taxonomy: () => this.taxonomy,
    language: () => this.reading.article?.doc.language,
    editingId: () => this.editing.editingId,
    reveal: (id) => this.editing.reveal(id),
    counted: (n) => {
      const file = this.reading.article?.doc.file;
      if (file) this.list.setCount(file, n);
    },
  });
  private readonly editing: AnnotationEditing = new AnnotationEditing({
    article: () => this.reading.article,
    fallbackAnchor: () => this.reading.container.getBoundingClientRect(),
    taxonomy: () => this.taxonomy,
    toast: (m) => this.toast.show(m),
    listing: this.sidebar,
    undoChanged: (state) => this.shell.showUndoState(state),
  });
  private readonly reading: ReadingController = new ReadingController({
    taxonomy: () => this.taxonomy,
    toast: (m) => this.toast.show(m),
    viewContext: () => this.viewContext(),
    replacing: (inPlace) => this.editing.replacing(inPlace),
    shown: (article) => {
      this.conflicts.show(article.doc);
      this.sidebar.showAll(article.annotations);
      this.list.markCurrent(article.doc.file);
    },
    listChanged: () => this.list.refresh(),
    readAgainWithOcr: (file) => void this.ocr.ask(file),
    onSelect: (range) => this.editing.onSelect(range),
    onPick: (ids, rect) => this.editing.onPick(ids, rect),
    onKey: (e) => this.editing.readingKey(e),
  });
  private readonly views = new Views(this.shell.readLayout, {
    make: (name) => {
      const ctx = this.viewContext();
      return name === 'side-by-side' ? createSideBySideView(ctx) : name === 'quotations' ? createQuotationView(ctx) : createSearchView(ctx, this.shell.searchBox);
    },
    leaving: () => this.editing.close(),
  });

  async start(root: HTMLElement): Promise<void> {
    this.shell.mount(
      root,
      {
        articleList: this.list.el,
        head: this.reading.head.el,
        banner: this.reading.head.banner,
        reading: this.reading.container,
        conflicts: this.conflicts.el,
        sideCount: this.sidebar.count,
        sideList: this.sidebar.list,
        analyst: this.settings.analystButton,
        popover: this.editing.editor.el,
        toast: this.toast.el,
      },
      this.views,
    );
    await this.settings.load();
    onAppEvent((event) => {
      if (event.type === 'menu') void this.menu(event.command);
      else if (event.type === 'corpus-opened') {
        this.resetForCorpus();
        void this.loadCorpus();
      } else if (event.type === 'articles-changed') void this.list.refresh();
      else if (event.type === 'ocr-progress') this.ocr.onProgress(event.file, event.done, event.total);
      else if (event.type === 'sidecar-changed' && this.reading.article?.doc.file === event.file) {
        if (event.message) this.toast.show(event.message);
        void this.editing.reloadKeepingEditor(() => this.reading.openArticle(event.file, { inPlace: true }));
      }
    });
    document.addEventListener('keydown', (e) => this.globalKey(e));
    await this.loadCorpus();
    document.body.dataset.ready = 'true';
  }

  private viewContext(): ViewContext {
    return {
      api,
      toast: (m) => this.toast.show(m),
      openInReader: (file, span) => this.openInReader(file, span),
      currentFile: () => this.reading.article?.doc.file,
      taxonomy: () => this.taxonomy,
      articles: () => this.list.articles,
      saveExport: (f) => saveExport(f, shell, (m, action) => this.toast.show(m, action)),
    };
  }

  private showView(name: ViewName): Promise<void> {
    return this.views.show(name);
  }

  /** Opens an article in the reading view, showing a span (a search hit, a quotation). */
  private async openInReader(file: string, span?: { start: number; end: number }): Promise<void> {
    await this.showView('read');
    await this.reading.reveal(file, span);
  }

  private async loadCorpus(): Promise<void> {
    const state = await this.settings.reload();
    this.shell.showCorpusName(state.corpus ? state.corpus.name : null);
    if (!state.corpus) return;
    if (state.corpus.notice) this.toast.show(state.corpus.notice);
    this.setTaxonomy(await api.getTaxonomy());
    await this.list.refresh();
    const first = this.list.firstToOpen();
    const open = this.reading.article?.doc.file;
    if (first && (!open || !this.list.has(open))) await this.reading.openArticle(first.file);
  }

  /** A different corpus: nothing of the old one may stay on screen or be written to. */
  private resetForCorpus(): void {
    this.editing.reset();
    this.reading.reset();
    this.views.reset();
  }

  private setTaxonomy(taxonomy: Tag[]): void {
    this.taxonomy = taxonomy;
    applyTagStyles(taxonomy);
    this.editing.setTaxonomy(taxonomy);
  }

  private async runUndo(redo: boolean): Promise<void> {
    // A view with its own history (the draft editor) undoes there.
    const view = this.views.active();
    if (view?.undo && view.redo) {
      if (redo) view.redo();
      else view.undo();
      return;
    }
    await this.editing.undo(redo);
  }

  private globalKey(e: KeyboardEvent): void {
    const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === 'f' || e.key === 'F') && !e.shiftKey) {
      e.preventDefault();
      this.shell.searchBox.focus();
      this.shell.searchBox.select();
      return;
    }
    if (this.views.active()?.onKey?.(e)) return;
    const command = shortcut(e, inField);
    if (command) {
      e.preventDefault();
      if (command === 'undo' || command === 'redo') void this.runUndo(command === 'redo');
      else void this.menu(command);
    } else if (!inField && !mod && /^[1-9]$/.test(e.key)) this.editing.tagKey(e);
  }

  private async menu(command: string): Promise<void> {
    switch (command) {
      case 'open-folder':
        try {
          if (await api.openFolder()) {
            this.resetForCorpus();
            await this.loadCorpus();
          }
        } catch (error) {
          this.toast.show((error as Error).message);
        }
        break;
      case 'new-article-from-clipboard':
        return pasteAsNewArticle({
          toast: (m) => this.toast.show(m),
          open: async (file) => {
            await this.list.refresh();
            await this.openInReader(file);
          },
        });
      case 'tags': {
        const next = await editTaxonomy(this.taxonomy);
        if (!next) break;
        try {
          this.setTaxonomy(await api.setTaxonomy(next));
          await this.reading.reload();
        } catch (error) {
          this.toast.show((error as Error).message);
        }
        break;
      }
      case 'analyst':
        return this.settings.changeAnalyst();
      case 'font-bigger':
        return this.settings.fontStep(1);
      case 'font-smaller':
        return this.settings.fontStep(-1);
      case 'font-reset':
        return this.settings.resetFont();
      case 'find':
        this.shell.searchBox.focus();
        break;
      case 'side-by-side':
      case 'quotations':
        return this.showView(command);
      case 'undo':
      case 'redo':
        // The Edit menu in a text field (a gloss, a note) undoes the typing there.
        if (document.activeElement instanceof HTMLInputElement || document.activeElement instanceof HTMLTextAreaElement) document.execCommand(command);
        else await this.runUndo(command === 'redo');
        break;
    }
  }
}

/** The command a Ctrl (Cmd) shortcut stands for, if any; undo in a text field is the field's own. */
function shortcut(e: KeyboardEvent, inField: boolean): string | null {
  if (!(e.ctrlKey || e.metaKey)) return null;
  if (e.key === 'z' || e.key === 'Z' || e.key === 'y') return inField ? null : e.key === 'y' || e.shiftKey ? 'redo' : 'undo';
  // Outside a text field, where Ctrl+Shift+V pastes as plain text.
  if ((e.key === 'V' || e.key === 'v') && e.shiftKey) return inField ? null : 'new-article-from-clipboard';
  if (e.key === '=' || e.key === '+') return 'font-bigger';
  if (e.key === '-') return 'font-smaller';
  if (e.key === '0') return 'font-reset';
  return null;
}
