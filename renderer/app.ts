// The main window: article list, reading view with highlights, annotation sidebar.
import type { Annotation, Tag } from '../annotations/model/types';
import type { AppState, ArticleDoc, ArticleSummary } from '../corpus/api/api';
import { AnnotationEditor, type EditorValues } from './annotate/annotation-editor';
import { UndoStack } from './annotate/undo';
import { api, onAppEvent } from './bridge';
import { askAnalystName, editTaxonomy } from './dialogs';
import { openMetadataEditor } from './metadata-editor';
import { clear, h, textAttrs } from './dom';
import { listEncodings } from '../corpus/text/encodings';
import { ReadingView, type HighlightSpan } from './reading/reading-view';
import { applyTagStyles, tagClass } from './tag-styles';
import { createQuotationView } from './quotations/quotation-view';
import { createSearchView } from './search/search-view';
import { createSideBySideView } from './side-by-side/side-by-side-view';
import type { View, ViewContext } from './view-context';

type ViewName = 'read' | 'side-by-side' | 'quotations' | 'search';

const LANGUAGE_NAMES: Record<string, string> = { fa: 'Persian', ar: 'Arabic', en: 'English', und: 'Unknown' };

export class App {
  private state!: AppState;
  private taxonomy: Tag[] = [];
  private articles: ArticleSummary[] = [];
  private doc: ArticleDoc | null = null;
  private annotations = new Map<string, Annotation>();
  private reading: ReadingView | null = null;
  private selection: { start: number; end: number } | null = null;
  private editing: string | null = null;
  private readonly undo = new UndoStack(() => this.renderUndoState());
  private readonly editor = new AnnotationEditor([]);
  private current: ViewName = 'read';
  private readonly views = new Map<ViewName, View>();
  private readonly tabs = new Map<ViewName, HTMLButtonElement>();
  private readonly readLayout = h('main', { class: 'layout view read-view' });
  private readonly viewHost = h('div', { class: 'view-host' });
  private readonly searchBox = h('input', { type: 'search', class: 'search-box', placeholder: 'Search the corpus (Ctrl+F)', 'aria-label': 'Search the corpus', dir: 'auto' });

  private readonly el = {
    corpusName: h('span', { class: 'corpus-name' }),
    analyst: h('button', { type: 'button', class: 'analyst', title: 'Change the analyst name' }),
    articleList: h('ol', { class: 'article-list', 'aria-label': 'Articles' }),
    head: h('header', { class: 'article-head' }),
    banner: h('div', { class: 'banner', role: 'status', hidden: true }),
    reading: h('div', { class: 'reading', 'aria-label': 'Article text' }),
    sideCount: h('span', { class: 'count' }),
    sideList: h('ol', { class: 'annotation-list', 'aria-label': 'Annotations in text order' }),
    conflicts: h('section', { class: 'conflicts', hidden: true, 'aria-label': 'Conflicts to decide' }),
    toast: h('div', { class: 'toast', role: 'alert', hidden: true }),
    undoButton: h('button', { type: 'button', class: 'undo', title: 'Undo (Ctrl+Z)', disabled: true }, '↶'),
    redoButton: h('button', { type: 'button', class: 'redo', title: 'Redo (Ctrl+Shift+Z)', disabled: true }, '↷'),
  };

  async start(root: HTMLElement): Promise<void> {
    this.layout(root);
    this.state = await api.getAppState();
    this.applyFontSize(this.state.fontSize);
    if (!this.state.analyst) {
      const name = await askAnalystName(null, true);
      if (name) this.state = await api.setAnalyst(name);
    }
    this.renderAnalyst();
    onAppEvent((event) => {
      if (event.type === 'menu') void this.menu(event.command);
      else if (event.type === 'corpus-opened') {
        this.resetForCorpus();
        void this.loadCorpus();
      }
      else if (event.type === 'articles-changed') void this.refreshList();
      else if (event.type === 'sidecar-changed' && this.doc?.file === event.file) {
        if (event.message) this.toast(event.message);
        // A gloss or note being typed is saved first, and its editor opened again afterwards.
        const editing = this.editing;
        this.editor.commitPending();
        void this.openArticle(event.file, { inPlace: true }).then(() => {
          if (editing && this.annotations.has(editing)) {
            const rect = this.reading?.highlightElements(editing)[0]?.getBoundingClientRect();
            if (rect) this.editExisting(editing, rect, false);
          }
        });
      }
    });
    document.addEventListener('keydown', (e) => this.globalKey(e));
    await this.loadCorpus();
    document.body.dataset.ready = 'true';
  }

  private layout(root: HTMLElement): void {
    const bigger = h('button', { type: 'button', title: 'Larger text (Ctrl +)', 'aria-label': 'Larger text', onclick: () => void this.fontStep(1) }, 'A+');
    const smaller = h('button', { type: 'button', title: 'Smaller text (Ctrl −)', 'aria-label': 'Smaller text', onclick: () => void this.fontStep(-1) }, 'A−');
    this.el.analyst.addEventListener('click', () => void this.changeAnalyst());
    this.el.undoButton.addEventListener('click', () => void this.runUndo(false));
    this.el.redoButton.addEventListener('click', () => void this.runUndo(true));
    const tabs = h('nav', { class: 'tabs', 'aria-label': 'Views' });
    for (const [name, label] of [['read', 'Read'], ['side-by-side', 'Side by side'], ['quotations', 'Quotations']] as Array<[ViewName, string]>) {
      const tab = h('button', { type: 'button', class: `tab tab-${name}`, 'aria-pressed': String(name === 'read'), onclick: () => void this.showView(name) }, label);
      this.tabs.set(name, tab);
      tabs.append(tab);
    }
    this.searchBox.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === 'ArrowDown') void this.showView('search');
      if (e.key === 'Escape') {
        this.searchBox.value = '';
        void this.showView('read');
      }
    });
    this.searchBox.addEventListener('input', () => {
      if (this.searchBox.value.trim()) void this.showView('search');
    });
    this.readLayout.append(
      h('nav', { class: 'articles' }, h('h2', {}, 'Articles'), this.el.articleList),
      h('section', { class: 'reader' }, this.el.head, this.el.banner, this.el.reading),
      h('aside', { class: 'sidebar' }, this.el.conflicts, h('h2', {}, 'Annotations ', this.el.sideCount), this.el.sideList),
    );
    this.viewHost.append(this.readLayout);
    root.replaceChildren(
      h(
        'header',
        { class: 'topbar' },
        h('span', { class: 'brand', lang: 'fa', dir: 'rtl', title: 'Hashiya: the marginal gloss' }, 'حاشیه'),
        h('span', { class: 'brand-latin' }, 'Hashiya'),
        this.el.corpusName,
        h('button', { type: 'button', class: 'open-folder', onclick: () => void this.menu('open-folder') }, 'Open Folder…'),
        h('button', { type: 'button', class: 'edit-tags', onclick: () => void this.menu('tags') }, 'Tags…'),
        tabs,
        this.searchBox,
        h('span', { class: 'spacer' }),
        this.el.undoButton,
        this.el.redoButton,
        smaller,
        bigger,
        this.el.analyst,
      ),
      this.viewHost,
      this.editor.el,
      this.el.toast,
    );
  }

  // ---- views

  private viewContext(): ViewContext {
    return {
      api,
      toast: (m) => this.toast(m),
      openInReader: (file, span) => this.openInReader(file, span),
      taxonomy: () => this.taxonomy,
      articles: () => this.articles,
      download: (f) => download(f),
    };
  }

  private view(name: ViewName): View | null {
    if (name === 'read') return null;
    let v = this.views.get(name);
    if (!v) {
      const ctx = this.viewContext();
      v = name === 'side-by-side' ? createSideBySideView(ctx) : name === 'quotations' ? createQuotationView(ctx) : createSearchView(ctx, this.searchBox);
      v.el.hidden = true;
      this.views.set(name, v);
      this.viewHost.append(v.el);
    }
    return v;
  }

  async showView(name: ViewName): Promise<void> {
    // Already showing it: the view refreshes itself (search debounces its own typing).
    if (name === this.current && name !== 'read') return;
    if (name !== this.current) {
      this.closeEditor();
      this.view(this.current)?.hide();
      const old = this.views.get(this.current);
      if (old) old.el.hidden = true;
      this.readLayout.hidden = name !== 'read';
      this.current = name;
      for (const [n, tab] of this.tabs) tab.setAttribute('aria-pressed', String(n === name));
    }
    const v = this.view(name);
    if (v) {
      v.el.hidden = false;
      await v.show();
    }
  }

  /** A different corpus: nothing of the old one may stay on screen or be written to. */
  private resetForCorpus(): void {
    this.closeEditor();
    this.reading?.destroy();
    this.reading = null;
    clear(this.el.reading);
    clear(this.el.head);
    this.doc = null;
    this.requested = null;
    this.annotations.clear();
    this.undo.clear();
    for (const v of this.views.values()) {
      v.hide();
      v.el.remove();
    }
    this.views.clear();
    this.readLayout.hidden = false;
    this.current = 'read';
    for (const [n, tab] of this.tabs) tab.setAttribute('aria-pressed', String(n === 'read'));
  }

  /** Opens an article in the reading view, showing a span (a search hit, a quotation). */
  async openInReader(file: string, span?: { start: number; end: number }): Promise<void> {
    await this.showView('read');
    if (this.doc?.file !== file) await this.openArticle(file);
    if (span && this.reading) {
      this.reading.mark(span);
      this.reading.scrollTo(span.start);
    }
  }

  // ---- corpus and article list

  private async loadCorpus(): Promise<void> {
    this.state = await api.getAppState();
    this.el.corpusName.textContent = this.state.corpus ? this.state.corpus.name : 'No folder open';
    if (!this.state.corpus) return;
    this.taxonomy = await api.getTaxonomy();
    applyTagStyles(this.taxonomy);
    this.editor.setTaxonomy(this.taxonomy);
    await this.refreshList();
    const first = this.articles.find((a) => a.openable && a.language !== 'en') ?? this.articles.find((a) => a.openable);
    if (first && (!this.doc || !this.articles.some((a) => a.file === this.doc!.file))) await this.openArticle(first.file);
  }

  private async refreshList(): Promise<void> {
    this.articles = await api.listArticles();
    this.renderList();
  }

  private renderList(): void {
    clear(this.el.articleList);
    for (const a of this.articles) {
      const item = h(
        'li',
        { class: `article${a.openable ? '' : ' unopenable'}${this.doc?.file === a.file ? ' current' : ''}`, 'data-file': a.file },
        h('span', { class: 'headline', ...textAttrs(a.language) }, a.headline || a.file),
        h(
          'span',
          { class: 'meta' },
          a.language ? h('span', { class: `lang lang-${a.language}`, title: LANGUAGE_NAMES[a.language] }, a.language) : null,
          h('span', { class: 'ann-count', title: 'Annotations' }, String(a.annotations)),
          h('span', { class: 'file' }, a.file),
        ),
        a.note ? h('span', { class: 'note' }, a.note) : null,
      );
      if (a.openable) {
        item.tabIndex = 0;
        item.addEventListener('click', () => this.pickArticle(a.file));
        item.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') this.pickArticle(a.file);
        });
      }
      this.el.articleList.append(item);
    }
  }

  // ---- reading

  private opening = 0;
  /** The article last asked for (shown, or on its way). */
  private requested: string | null = null;
  /** How long the last article took to build (the bench reads it). */
  private timings = { view: 0, sidebar: 0 };

  /** `inPlace`: the same article read again (after a change), keeping the scroll position and the undo history. */
  /**
   * An article picked in the list. Picking the one already open (or on its way) changes
   * nothing: reloading it would drop the undo history and the scroll position, and could
   * overtake an annotation being saved.
   */
  private pickArticle(file: string): void {
    if (this.requested === file) return;
    void this.openArticle(file);
  }

  async openArticle(file: string, options: { inPlace?: boolean } = {}): Promise<void> {
    // Only the latest request is shown: an earlier, slower answer must not replace it.
    const ticket = ++this.opening;
    this.requested = file;
    let doc: ArticleDoc;
    try {
      doc = await api.openArticle(file);
    } catch (error) {
      if (ticket === this.opening) {
        this.requested = this.doc?.file ?? null;
        this.toast((error as Error).message);
      }
      return;
    }
    if (ticket !== this.opening) return;
    const scroll = this.el.reading.scrollTop;
    this.closeEditor();
    this.reading?.destroy();
    clear(this.el.reading);
    if (!options.inPlace) this.undo.clear();
    this.doc = doc;
    this.annotations = new Map(doc.annotations.map((a) => [a.id, a]));
    this.renderHead();
    const lang = doc.language;
    const t0 = performance.now();
    this.reading = new ReadingView(
      this.el.reading,
      doc.paragraphs.map((p) => ({ ...p, lang: p.dir === 'rtl' ? (lang === 'en' ? 'und' : lang) : 'en' })),
      {
        onSelect: (range) => this.onSelect(range),
        onPick: (ids, rect) => this.onPick(ids, rect),
        onKey: (e) => this.readingKey(e),
      },
    );
    this.reading.setHighlights([...this.annotations.values()].filter((a) => a.anchor.status !== 'orphaned').map((a) => this.spanOf(a)));
    const t1 = performance.now();
    this.renderSidebar();
    this.timings = { view: t1 - t0, sidebar: performance.now() - t1 };
    for (const li of this.el.articleList.querySelectorAll('li.article')) li.classList.toggle('current', (li as HTMLElement).dataset.file === file);
    if (options.inPlace) this.el.reading.scrollTop = scroll;
    else this.el.reading.scrollTop = 0;
  }

  private renderHead(): void {
    const doc = this.doc!;
    const m = doc.metadata;
    clear(this.el.head);
    this.el.head.append(
      h('h1', { class: 'headline', ...textAttrs(doc.language) }, m.headline),
      h(
        'p',
        { class: 'byline' },
        m.outlet ? h('bdi', { class: 'outlet', lang: doc.language }, m.outlet) : null,
        m.date ? h('span', { class: 'date' }, h('bdi', { lang: doc.language }, m.date.original), m.date.iso ? ` (${m.date.iso})` : '') : h('span', { class: 'date unknown', title: m.dateNote ?? '' }, 'date unknown'),
        h('span', { class: 'lang' }, LANGUAGE_NAMES[doc.language] ?? doc.language),
        this.encodingPicker(doc),
        h('span', { class: 'file' }, doc.file),
        h('button', { type: 'button', class: 'edit-metadata', title: 'Correct the headline, outlet, date and boilerplate lines', onclick: () => void this.editMetadata() }, 'Edit details…'),
      ),
    );
    this.el.banner.hidden = !doc.readOnly;
    this.el.banner.textContent = doc.readOnly ? `Read-only: ${doc.readOnly}` : '';
    document.title = `${m.headline.slice(0, 80)} — Hashiya`;
  }

  private async editMetadata(): Promise<void> {
    if (!this.doc) return;
    const next = await openMetadataEditor(this.viewContext(), this.doc);
    if (!next) return;
    await this.openArticle(next.file, { inPlace: true });
    await this.refreshList();
  }

  /** The encoding found, which the user can override for this article (kept in its sidecar). */
  private encodingPicker(doc: ArticleDoc): HTMLElement {
    const chosen = doc.metadata.overrides.encoding;
    const select = h(
      'select',
      { class: 'encoding', 'aria-label': 'Text encoding', title: chosen ? 'Encoding chosen by you' : 'Encoding detected', disabled: !!doc.readOnly },
      ...listEncodings().map((e) => h('option', { value: e.id, selected: e.id === doc.encoding }, chosen === e.id ? `${e.label} (chosen)` : e.id === doc.encoding ? `${e.label} (detected)` : e.label)),
    );
    select.addEventListener('change', async () => {
      try {
        await api.setMetadata(doc.file, { encoding: select.value });
        await this.openArticle(doc.file);
        await this.refreshList();
      } catch (error) {
        this.toast((error as Error).message);
      }
    });
    return select;
  }

  private spanOf(a: Annotation): HighlightSpan {
    return { id: a.id, start: a.target.position.start, end: a.target.position.end, colour: tagClass(this.taxonomy, a.tags[0]) };
  }

  private sorted(): Annotation[] {
    return [...this.annotations.values()].sort(
      (x, y) => x.target.position.start - y.target.position.start || x.target.position.end - y.target.position.end,
    );
  }

  /** Annotations two people changed differently: both versions side by side, a person decides. */
  private renderConflicts(): void {
    const doc = this.doc;
    const box = this.el.conflicts;
    clear(box);
    box.hidden = !doc || doc.conflicts.length === 0;
    if (!doc || doc.conflicts.length === 0) return;
    box.append(h('h2', {}, `Conflicts to decide (${doc.conflicts.length})`));
    const describe = (a: Annotation | null) =>
      a
        ? h('div', { class: 'version' }, h('p', { class: 'gloss', dir: 'auto' }, a.gloss || '(no gloss)'), a.note ? h('p', { class: 'note', dir: 'auto' }, a.note) : null, h('p', { class: 'meta' }, `${a.tags.join(', ')} — ${a.analyst}`))
        : h('div', { class: 'version' }, h('p', {}, 'deleted'));
    for (const c of doc.conflicts) {
      const quote = (c.ours ?? c.theirs)?.target.quote.exact ?? c.id;
      const keep = (choice: Annotation | null) => async () => {
        try {
          await api.resolveConflict(doc.file, c.id, choice);
          await this.openArticle(doc.file, { inPlace: true });
        } catch (error) {
          this.toast((error as Error).message);
        }
      };
      box.append(
        h(
          'article',
          { class: 'conflict', 'data-id': c.id },
          h('blockquote', { class: 'quote', ...textAttrs(doc.language) }, quote),
          h('div', { class: 'versions' }, h('div', {}, h('h3', {}, 'This copy'), describe(c.ours)), h('div', {}, h('h3', {}, 'The other'), describe(c.theirs))),
          h(
            'div',
            { class: 'buttons' },
            h('button', { type: 'button', class: 'keep-ours', onclick: keep(c.ours) }, 'Keep this copy'),
            h('button', { type: 'button', class: 'keep-theirs', onclick: keep(c.theirs) }, 'Keep the other'),
          ),
        ),
      );
    }
  }

  /** One annotation's entry in the sidebar. */
  private sideItem(a: Annotation): HTMLLIElement {
    const item = h(
      'li',
      { class: `annotation${a.anchor.status === 'orphaned' ? ' orphaned' : ''}${this.editing === a.id ? ' current' : ''}`, 'data-id': a.id, tabIndex: 0 },
      h('blockquote', { class: 'quote', ...textAttrs(this.doc?.language) }, a.target.quote.exact),
      a.gloss ? h('p', { class: 'gloss', dir: 'auto', lang: 'en' }, a.gloss) : null,
      h(
        'p',
        { class: 'tags' },
        ...a.tags.map((t) => h('span', { class: `chip small ${tagClass(this.taxonomy, t)}` }, h('span', { class: `swatch ${tagClass(this.taxonomy, t)}` }), this.taxonomy.find((x) => x.id === t)?.name ?? t)),
        a.anchor.status !== 'exact' ? h('span', { class: `anchor ${a.anchor.status}` }, a.anchor.status === 'fuzzy' ? `fuzzy ${Math.round(a.anchor.score * 100)}%` : a.anchor.status) : null,
      ),
    );
    const open = () => this.reveal(a.id);
    item.addEventListener('click', open);
    item.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') open();
    });
    return item;
  }

  private sidebarTicket = 0;

  /**
   * The whole list, for a newly opened article. The first entries come at once and the
   * rest in slices between frames, so thousands of annotations do not hold up the text.
   */
  private renderSidebar(): void {
    this.renderConflicts();
    clear(this.el.sideList);
    const list = this.sorted();
    const ticket = ++this.sidebarTicket;
    const SLICE = 150;
    const append = (from: number) => {
      if (ticket !== this.sidebarTicket) return;
      const part = document.createDocumentFragment();
      for (const a of list.slice(from, from + SLICE)) part.append(this.sideItem(a));
      this.el.sideList.append(part);
      if (from + SLICE < list.length) setTimeout(() => append(from + SLICE), 0);
    };
    append(0);
    this.renderCount();
  }

  /** Puts one annotation's entry in its place in text order (after a change to it). */
  private renderSideEntry(a: Annotation): void {
    const old = this.el.sideList.querySelector(`li[data-id="${CSS.escape(a.id)}"]`);
    const item = this.sideItem(a);
    if (old) old.replaceWith(item);
    else {
      const list = this.sorted();
      const next = list[list.findIndex((x) => x.id === a.id) + 1];
      const before = next ? this.el.sideList.querySelector(`li[data-id="${CSS.escape(next.id)}"]`) : null;
      this.el.sideList.insertBefore(item, before);
    }
    this.renderCount();
  }

  private removeSideEntry(id: string): void {
    this.el.sideList.querySelector(`li[data-id="${CSS.escape(id)}"]`)?.remove();
    this.renderCount();
  }

  private renderCount(): void {
    const n = this.annotations.size;
    this.el.sideCount.textContent = `(${n})`;
    const counts = this.articles.find((x) => x.file === this.doc?.file);
    if (counts && counts.annotations !== n) {
      counts.annotations = n;
      const el = this.el.articleList.querySelector(`li[data-file="${CSS.escape(counts.file)}"] .ann-count`);
      if (el) el.textContent = String(n);
    }
  }

  /** Scrolls to an annotation, flashes it and opens it for editing. */
  reveal(id: string): void {
    const a = this.annotations.get(id);
    if (!a || !this.reading) return;
    if (a.anchor.status === 'orphaned') {
      this.toast('This annotation could not be placed in the current text (orphaned); it is kept.');
      return;
    }
    this.reading.scrollTo(a.target.position.start);
    this.reading.flash(id);
    const els = this.reading.highlightElements(id);
    const rect = els[0]?.getBoundingClientRect() ?? this.el.reading.getBoundingClientRect();
    this.editExisting(id, rect, false);
  }

  // ---- annotating

  private onSelect(range: { start: number; end: number } | null): void {
    this.selection = range && range.end > range.start && this.doc && this.doc.text.slice(range.start, range.end).trim() ? range : null;
    if (this.selection) {
      if (this.editing || !this.editor.editingNew) this.showNewEditor(false);
    } else if (this.editor.editingNew) {
      this.closeEditor();
    }
  }

  private showNewEditor(focusGloss: boolean): void {
    if (!this.selection || !this.reading || !this.doc) return;
    const { start, end } = this.selection;
    this.editing = null;
    const rects = this.reading.rangeRects(start, end);
    const anchor = rects[rects.length - 1] ?? this.el.reading.getBoundingClientRect();
    this.editor.show(
      { title: clip(this.doc.text.slice(start, end)), titleLang: this.doc.language, values: { tags: [], gloss: '', note: '' }, isNew: true, readOnly: !!this.doc.readOnly, anchor, focusGloss },
      {
        onSave: (values) => void this.create(start, end, values),
        onClose: () => this.closeEditor(),
      },
    );
  }

  private onPick(ids: string[], rect: DOMRect): void {
    if (ids.length === 1) {
      this.editExisting(ids[0]!, rect, false);
      return;
    }
    // Overlapping spans: let the user pick which one.
    const menu = h('div', { class: 'picker', role: 'menu' }, h('div', { class: 'popover-title' }, `${ids.length} annotations here`));
    for (const id of ids) {
      const a = this.annotations.get(id);
      if (!a) continue;
      menu.append(
        h(
          'button',
          { type: 'button', role: 'menuitem', class: 'pick', 'data-id': id, onclick: () => this.editExisting(id, rect, false) },
          h('bdi', { ...textAttrs(this.doc?.language) }, clip(a.target.quote.exact, 40)),
          ' ',
          h('span', { class: 'gloss' }, a.gloss ? `— ${a.gloss}` : ''),
          ' ',
          ...a.tags.map((t) => h('span', { class: `swatch ${tagClass(this.taxonomy, t)}` })),
        ),
      );
    }
    this.closeEditor();
    this.editor.el.replaceChildren(menu);
    this.editor.el.hidden = false;
    this.editor.el.style.left = `${Math.max(8, Math.min(window.innerWidth - 368, rect.left))}px`;
    this.editor.el.style.top = `${rect.bottom + 8}px`;
  }

  private editExisting(id: string, anchor: DOMRect, focusGloss: boolean): void {
    const a = this.annotations.get(id);
    if (!a || !this.doc) return;
    this.editing = id;
    this.editor.show(
      { title: clip(a.target.quote.exact), titleLang: this.doc.language, values: { tags: a.tags, gloss: a.gloss, note: a.note }, isNew: false, readOnly: !!this.doc.readOnly, anchor, focusGloss },
      {
        onSave: (values) => void this.update(id, values),
        onDelete: () => void this.remove(id),
        onClose: () => this.closeEditor(),
      },
    );
    for (const li of this.el.sideList.children) li.classList.toggle('current', (li as HTMLElement).dataset.id === id);
  }

  private closeEditor(): void {
    this.editor.hide();
    this.editing = null;
    for (const li of this.el.sideList.querySelectorAll('li.current')) li.classList.remove('current');
  }

  private put(a: Annotation): void {
    this.annotations.set(a.id, a);
    if (a.anchor.status !== 'orphaned') this.reading?.putHighlight(this.spanOf(a));
    this.renderSideEntry(a);
    if (this.editing === a.id) this.editor.refresh({ tags: a.tags, gloss: a.gloss, note: a.note });
  }

  private drop(id: string): void {
    this.annotations.delete(id);
    this.reading?.removeHighlight(id);
    if (this.editing === id) this.closeEditor();
    this.removeSideEntry(id);
  }

  private async create(start: number, end: number, values: EditorValues, keepOpen = true): Promise<void> {
    const file = this.doc!.file;
    try {
      const created = await api.createAnnotation(file, { start, end, version: this.doc!.version, ...values });
      if (this.doc?.file !== file) return;
      this.put(created);
      this.undo.push({
        label: 'annotate',
        undo: async () => {
          await api.deleteAnnotation(file, created.id);
          if (this.doc?.file === file) this.drop(created.id);
        },
        redo: async () => {
          const back = await api.restoreAnnotation(file, created);
          if (this.doc?.file === file) this.put(back);
        },
      });
      this.reading?.clearSelection();
      this.selection = null;
      if (keepOpen) {
        const rect = this.reading?.highlightElements(created.id)[0]?.getBoundingClientRect() ?? this.el.reading.getBoundingClientRect();
        this.editExisting(created.id, rect, true);
      } else this.closeEditor();
    } catch (error) {
      this.toast((error as Error).message);
    }
  }

  private async update(id: string, values: EditorValues): Promise<void> {
    const file = this.doc!.file;
    const before = this.annotations.get(id);
    if (!before) return;
    try {
      const after = await api.updateAnnotation(file, id, values);
      if (this.doc?.file === file) this.put(after);
      this.undo.push({
        label: 'edit',
        undo: async () => {
          const back = await api.restoreAnnotation(file, before);
          if (this.doc?.file === file) this.put(back);
        },
        redo: async () => {
          const back = await api.restoreAnnotation(file, after);
          if (this.doc?.file === file) this.put(back);
        },
      });
    } catch (error) {
      this.toast((error as Error).message);
    }
  }

  private async remove(id: string): Promise<void> {
    const file = this.doc!.file;
    const before = this.annotations.get(id);
    if (!before) return;
    try {
      await api.deleteAnnotation(file, id);
      if (this.doc?.file === file) this.drop(id);
      this.undo.push({
        label: 'delete',
        undo: async () => {
          const back = await api.restoreAnnotation(file, before);
          if (this.doc?.file === file) this.put(back);
        },
        redo: async () => {
          await api.deleteAnnotation(file, id);
          if (this.doc?.file === file) this.drop(id);
        },
      });
    } catch (error) {
      this.toast((error as Error).message);
    }
  }

  private tagByShortcut(key: string): Tag | undefined {
    return this.taxonomy.find((t) => t.shortcut === key);
  }

  /** Keys pressed while the reading view has focus. */
  private readingKey(e: KeyboardEvent): boolean {
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    const tag = /^[1-9]$/.test(e.key) ? this.tagByShortcut(e.key) : undefined;
    if (tag) {
      if (this.doc?.readOnly) {
        this.toast(`Read-only: ${this.doc.readOnly}`);
        return true;
      }
      if (this.selection) void this.create(this.selection.start, this.selection.end, { tags: [tag.id], gloss: '', note: '' }, true);
      else if (this.editing) this.editor.toggleTag(tag.id);
      return true;
    }
    if (e.key === 'Enter' && this.selection) {
      this.showNewEditor(true);
      return true;
    }
    if (e.key === 'Escape') {
      this.closeEditor();
      return false;
    }
    return false;
  }

  private globalKey(e: KeyboardEvent): void {
    const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === 'f' || e.key === 'F') && !e.shiftKey) {
      e.preventDefault();
      this.searchBox.focus();
      this.searchBox.select();
      return;
    }
    if (this.current !== 'read' && this.views.get(this.current)?.onKey?.(e)) return;
    if (mod && !inField && (e.key === 'z' || e.key === 'Z' || e.key === 'y')) {
      e.preventDefault();
      void this.runUndo(e.key === 'y' || e.shiftKey);
    } else if (mod && (e.key === '=' || e.key === '+')) {
      e.preventDefault();
      void this.fontStep(1);
    } else if (mod && e.key === '-') {
      e.preventDefault();
      void this.fontStep(-1);
    } else if (mod && e.key === '0') {
      e.preventDefault();
      void this.setFont(19);
    } else if (!inField && !mod && /^[1-9]$/.test(e.key) && this.editing && !this.reading?.view.hasFocus()) {
      const tag = this.tagByShortcut(e.key);
      if (tag && !this.doc?.readOnly) {
        e.preventDefault();
        this.editor.toggleTag(tag.id);
      }
    }
  }

  private async runUndo(redo: boolean): Promise<void> {
    const view = this.current === 'read' ? undefined : this.views.get(this.current);
    if (view?.undo && view.redo) {
      if (redo) view.redo();
      else view.undo();
      return;
    }
    try {
      await (redo ? this.undo.redo() : this.undo.undo());
    } catch (error) {
      this.toast((error as Error).message);
    }
  }

  private renderUndoState(): void {
    this.el.undoButton.disabled = !this.undo.canUndo;
    this.el.redoButton.disabled = !this.undo.canRedo;
  }

  // ---- settings

  private async menu(command: string): Promise<void> {
    switch (command) {
      case 'open-folder': {
        try {
          const info = await api.openFolder();
          if (info) {
            this.resetForCorpus();
            await this.loadCorpus();
          }
        } catch (error) {
          this.toast((error as Error).message);
        }
        break;
      }
      case 'tags': {
        const next = await editTaxonomy(this.taxonomy);
        if (!next) break;
        try {
          this.taxonomy = await api.setTaxonomy(next);
          applyTagStyles(this.taxonomy);
          this.editor.setTaxonomy(this.taxonomy);
          if (this.doc) await this.openArticle(this.doc.file, { inPlace: true });
        } catch (error) {
          this.toast((error as Error).message);
        }
        break;
      }
      case 'analyst':
        await this.changeAnalyst();
        break;
      case 'font-bigger':
        await this.fontStep(1);
        break;
      case 'font-smaller':
        await this.fontStep(-1);
        break;
      case 'font-reset':
        await this.setFont(19);
        break;
      case 'find':
        this.searchBox.focus();
        break;
      case 'side-by-side':
        await this.showView('side-by-side');
        break;
      case 'quotations':
        await this.showView('quotations');
        break;
      case 'undo':
      case 'redo':
        // The Edit menu in a text field (a gloss, a note) undoes the typing there.
        if (document.activeElement instanceof HTMLInputElement || document.activeElement instanceof HTMLTextAreaElement) document.execCommand(command);
        else await this.runUndo(command === 'redo');
        break;
    }
  }

  private async changeAnalyst(): Promise<void> {
    const name = await askAnalystName(this.state.analyst, false);
    if (name) {
      this.state = await api.setAnalyst(name);
      this.renderAnalyst();
    }
  }

  private renderAnalyst(): void {
    this.el.analyst.textContent = this.state.analyst ? `Analyst: ${this.state.analyst}` : 'Set analyst…';
  }

  private async fontStep(d: number): Promise<void> {
    await this.setFont(Math.min(40, Math.max(10, this.state.fontSize + d * 2)));
  }

  private async setFont(size: number): Promise<void> {
    this.applyFontSize(size);
    this.state = await api.setFontSize(size);
  }

  private applyFontSize(size: number): void {
    this.state = { ...this.state, fontSize: size };
    document.documentElement.style.setProperty('--reading-size', `${size}px`);
  }

  private toastTimer = 0;
  toast(message: string): void {
    this.el.toast.textContent = message;
    this.el.toast.hidden = false;
    clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => (this.el.toast.hidden = true), 8000);
  }

  /** For tests and the developer console: read-only handles on the current view. */
  get debug() {
    return {
      reading: this.reading,
      doc: this.doc,
      annotations: () => this.sorted(),
      select: (start: number, end: number) => this.reading?.select(start, end),
      rangeRects: (start: number, end: number) => this.reading?.rangeRects(start, end).map((r) => r.toJSON() as DOMRect) ?? [],
      highlightRects: (id: string) => this.reading?.highlightElements(id).flatMap((el) => [...el.getClientRects()].map((r) => r.toJSON() as DOMRect)) ?? [],
      openArticle: (file: string) => this.openArticle(file),
      timings: () => this.timings,
    };
  }
}

/** Offers bytes from the app as a file download (the app's Save dialog in Electron). */
function download(file: { name: string; mime: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = h('a', { href: url, download: file.name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function clip(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
