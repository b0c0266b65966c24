// Annotating the open article: the selection, the editor popover, and creating, changing and
// deleting annotations through the API, each change undoable.
import type { Annotation, Tag } from '../../annotations/model/types';
import { AnnotationEditor, type EditorValues } from '../annotate/annotation-editor';
import { UndoStack } from '../annotate/undo';
import { api } from '../bridge';
import { showPicker } from './annotation-picker';
import { clip } from '../text-clip';
import { highlightSpan, type OpenArticle } from './open-article';

/** Where the article's annotations are listed (the sidebar). */
export interface AnnotationListing {
  put(a: Annotation, all: ReadonlyMap<string, Annotation>): void;
  remove(id: string, all: ReadonlyMap<string, Annotation>): void;
  markCurrent(id: string | null): void;
}

export interface EditingHooks {
  article(): OpenArticle | null;
  /** Where the popover goes when the text offers no better place. */
  fallbackAnchor(): DOMRect;
  taxonomy(): Tag[];
  toast(message: string): void;
  listing: AnnotationListing;
  undoChanged(state: { canUndo: boolean; canRedo: boolean }): void;
}

export class AnnotationEditing {
  readonly editor = new AnnotationEditor([]);
  private readonly history = new UndoStack(() => this.hooks.undoChanged({ canUndo: this.history.canUndo, canRedo: this.history.canRedo }));
  private selection: { start: number; end: number } | null = null;
  private editing: string | null = null;

  constructor(private readonly hooks: EditingHooks) {}

  /** The annotation open in the editor, if any. */
  get editingId(): string | null {
    return this.editing;
  }

  setTaxonomy(taxonomy: Tag[]): void {
    this.editor.setTaxonomy(taxonomy);
  }

  /** A text selection was finished: a new annotation's editor shows it (again, if it changed). */
  onSelect(range: { start: number; end: number; clamped?: boolean } | null): void {
    const doc = this.hooks.article()?.doc;
    this.selection = range && range.end > range.start && doc && doc.text.slice(range.start, range.end).trim() ? { start: range.start, end: range.end } : null;
    if (this.selection) {
      if (range?.clamped) this.hooks.toast('An annotation covers one paragraph: the selection now ends where its first paragraph ends.');
      // What was already typed in a new annotation's popover stays when its selection changes.
      if (this.editor.editingNew && !this.editing) this.retargetNewEditor();
      else this.showNewEditor(false);
    } else if (this.editor.editingNew) {
      this.close();
    }
  }

  /** A highlight was clicked: its annotation opens, or a menu where several overlap. */
  onPick(ids: string[], rect: DOMRect): void {
    if (ids.length === 1) {
      this.editExisting(ids[0]!, rect, false);
      return;
    }
    const article = this.hooks.article();
    this.close();
    showPicker(this.editor.el, {
      ids,
      lookup: (id) => article?.annotations.get(id),
      language: article?.doc.language,
      taxonomy: this.hooks.taxonomy(),
      anchor: rect,
      choose: (id) => this.editExisting(id, rect, false),
    });
  }

  /** Scrolls to an annotation, flashes it and opens it for editing. */
  reveal(id: string): void {
    const article = this.hooks.article();
    const a = article?.annotations.get(id);
    if (!article || !a) return;
    if (a.anchor.status === 'orphaned') {
      this.hooks.toast('This annotation could not be placed in the current text (orphaned); it is kept.');
      return;
    }
    article.reading.scrollTo(a.target.position.start);
    article.reading.flash(id);
    this.editExisting(id, this.anchorOf(id), false);
  }

  close(): void {
    this.editor.hide();
    this.editing = null;
    this.hooks.listing.markCurrent(null);
  }

  /** Another article replaces the text: the editor closes, and its history goes unless it is the same article. */
  replacing(inPlace: boolean): void {
    this.close();
    if (!inPlace) this.history.clear();
  }

  /** A different corpus: nothing of the old one may be undone into it. */
  reset(): void {
    this.close();
    this.history.clear();
  }

  /**
   * The article is read again after a change on disk: a gloss or note being typed is saved
   * first, and its editor opened again afterwards.
   */
  async reloadKeepingEditor(reload: () => Promise<void>): Promise<void> {
    const editing = this.editing;
    this.editor.commitPending();
    await reload();
    const article = this.hooks.article();
    if (editing && article?.annotations.has(editing)) {
      const rect = article.reading.highlightElements(editing)[0]?.getBoundingClientRect();
      if (rect) this.editExisting(editing, rect, false);
    }
  }

  /** Keys pressed while the reading view has focus; true if handled. */
  readingKey(e: KeyboardEvent): boolean {
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    const tag = /^[1-9]$/.test(e.key) ? this.tagByShortcut(e.key) : undefined;
    const doc = this.hooks.article()?.doc;
    if (tag) {
      if (doc?.readOnly) {
        this.hooks.toast(`Read-only: ${doc.readOnly}`);
        return true;
      }
      if (this.selection) void this.create(this.selection.start, this.selection.end, { tags: [tag.id], gloss: '', note: '' });
      else if (this.editing) this.editor.toggleTag(tag.id);
      return true;
    }
    if (e.key === 'Enter' && this.selection) {
      this.showNewEditor(true);
      return true;
    }
    if (e.key === 'Escape') this.close();
    return false;
  }

  /** A tag's digit pressed outside the text while an annotation is open: the tag is toggled. */
  tagKey(e: KeyboardEvent): void {
    const article = this.hooks.article();
    if (!this.editing || article?.reading.view.hasFocus()) return;
    const tag = this.tagByShortcut(e.key);
    if (tag && !article?.doc.readOnly) {
      e.preventDefault();
      this.editor.toggleTag(tag.id);
    }
  }

  async undo(redo: boolean): Promise<void> {
    try {
      await (redo ? this.history.redo() : this.history.undo());
    } catch (error) {
      this.hooks.toast((error as Error).message);
    }
  }

  private tagByShortcut(key: string): Tag | undefined {
    return this.hooks.taxonomy().find((t) => t.shortcut === key);
  }

  private anchorOf(id: string): DOMRect {
    return this.hooks.article()?.reading.highlightElements(id)[0]?.getBoundingClientRect() ?? this.hooks.fallbackAnchor();
  }

  private showNewEditor(focusGloss: boolean): void {
    const article = this.hooks.article();
    if (!this.selection || !article) return;
    const { doc } = article;
    const { start, end } = this.selection;
    this.editing = null;
    const anchor = this.selectionAnchor() ?? this.hooks.fallbackAnchor();
    this.editor.show(
      { title: clip(doc.text.slice(start, end)), titleLang: doc.language, values: { tags: [], gloss: '', note: '' }, isNew: true, readOnly: !!doc.readOnly, anchor, focusGloss },
      {
        // The span saved is the selection at the moment of saving, not when the popover opened.
        onSave: (values) => {
          const at = this.selection ?? { start, end };
          void this.create(at.start, at.end, values);
        },
        onClose: () => this.close(),
        anchor: () => this.selectionAnchor(),
      },
    );
  }

  /** The open new-annotation popover shows the changed selection: its title and place, nothing typed lost. */
  private retargetNewEditor(): void {
    const article = this.hooks.article();
    if (!this.selection || !article) return;
    const { start, end } = this.selection;
    this.editor.retarget(clip(article.doc.text.slice(start, end)), this.selectionAnchor() ?? this.hooks.fallbackAnchor());
  }

  /** Where the selection ends on screen (its last line), where the popover goes. */
  private selectionAnchor(): DOMRect | null {
    const at = this.selection;
    const rects = at ? this.hooks.article()?.reading.rangeRects(at.start, at.end) : undefined;
    return rects?.[rects.length - 1] ?? null;
  }

  private editExisting(id: string, anchor: DOMRect, focusGloss: boolean): void {
    const doc = this.hooks.article()?.doc;
    const a = this.hooks.article()?.annotations.get(id);
    if (!a || !doc) return;
    this.editing = id;
    this.editor.show(
      { title: clip(a.target.quote.exact), titleLang: doc.language, values: { tags: a.tags, gloss: a.gloss, note: a.note }, isNew: false, readOnly: !!doc.readOnly, anchor, focusGloss },
      {
        onSave: (values) => void this.update(id, values),
        onDelete: () => void this.remove(id),
        onClose: () => this.close(),
        anchor: () => this.anchorOf(id),
      },
    );
    this.hooks.listing.markCurrent(id);
  }

  // ---- changes, on screen and through the API

  private isOpen(file: string): boolean {
    return this.hooks.article()?.doc.file === file;
  }

  /** Shows an annotation as saved: its highlight, its sidebar entry, its editor if open. */
  private put(a: Annotation): void {
    const article = this.hooks.article();
    if (!article) return;
    article.annotations.set(a.id, a);
    if (a.anchor.status !== 'orphaned') article.reading.putHighlight(highlightSpan(this.hooks.taxonomy(), a));
    this.hooks.listing.put(a, article.annotations);
    if (this.editing === a.id) this.editor.refresh({ tags: a.tags, gloss: a.gloss, note: a.note });
  }

  private drop(id: string): void {
    const article = this.hooks.article();
    if (!article) return;
    article.annotations.delete(id);
    article.reading.removeHighlight(id);
    if (this.editing === id) this.close();
    this.hooks.listing.remove(id, article.annotations);
  }

  /** Undo and redo steps of one article's annotations; each lands on screen only if that article is still open. */
  private steps(file: string) {
    return {
      restore: (a: Annotation) => async () => {
        const back = await api.restoreAnnotation(file, a);
        if (this.isOpen(file)) this.put(back);
      },
      delete: (id: string) => async () => {
        await api.deleteAnnotation(file, id);
        if (this.isOpen(file)) this.drop(id);
      },
    };
  }

  private async create(start: number, end: number, values: EditorValues): Promise<void> {
    const doc = this.hooks.article()!.doc;
    const file = doc.file;
    try {
      const created = await api.createAnnotation(file, { start, end, version: doc.version, ...values });
      if (!this.isOpen(file)) return;
      this.put(created);
      const step = this.steps(file);
      this.history.push({ label: 'annotate', undo: step.delete(created.id), redo: step.restore(created) });
      const article = this.hooks.article();
      article?.reading.clearSelection();
      this.selection = null;
      this.editExisting(created.id, this.anchorOf(created.id), true);
    } catch (error) {
      this.hooks.toast((error as Error).message);
    }
  }

  private async update(id: string, values: EditorValues): Promise<void> {
    const article = this.hooks.article()!;
    const file = article.doc.file;
    const before = article.annotations.get(id);
    if (!before) return;
    try {
      const after = await api.updateAnnotation(file, id, values);
      if (this.isOpen(file)) this.put(after);
      const step = this.steps(file);
      this.history.push({ label: 'edit', undo: step.restore(before), redo: step.restore(after) });
    } catch (error) {
      this.hooks.toast((error as Error).message);
    }
  }

  private async remove(id: string): Promise<void> {
    const article = this.hooks.article()!;
    const file = article.doc.file;
    const before = article.annotations.get(id);
    if (!before) return;
    try {
      await api.deleteAnnotation(file, id);
      if (this.isOpen(file)) this.drop(id);
      const step = this.steps(file);
      this.history.push({ label: 'delete', undo: step.restore(before), redo: step.delete(id) });
    } catch (error) {
      this.hooks.toast((error as Error).message);
    }
  }
}
