// The English draft of an article as a column: a ProseMirror editor with one block per
// source segment (see draft-document), its save state and progress in the head, and what the
// side-by-side view asks of it (caret, hover, focus, undo). The block structure is fixed, so
// every block keeps the source offsets its rendering is saved under. Drafts save on their own.
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { redo, undo } from 'prosemirror-history';
import type { SegmentStatus } from '../../annotations/model/types';
import type { ArticleDoc, SaveRenderingRequest } from '../../corpus/api/api';
import type { GlossIndex } from '../../annotations/translation/draft-checks';
import { h } from '../dom';
import type { Span } from './alignment-set';
import { segmentKey, spanOfEl, type Column } from './column';
import { blockSpan, draftDocument } from './draft-document';
import { draftPlugins, insertSuggestion } from './draft-editing';
import { SegmentView, type SegmentHost } from './draft-segment-view';
import type { GlossSuggestion } from './gloss-suggestions';
import { SaveQueue } from './save-queue';

export interface DraftColumnOptions {
  glossary: GlossIndex;
  save(rendering: SaveRenderingRequest): Promise<unknown>;
  /** Saving started, finished, or failed (with the message). */
  onSaveState(state: 'saving' | 'saved' | 'error', message?: string): void;
  /** The caret entered another segment (null: left the editor's segments). */
  onCaretSegment(span: Span | null): void;
  onHover(span: Span | null): void;
  /** After a save: the article's progress may have changed. */
  onProgress(): void;
}

export class DraftColumn implements Column, SegmentHost {
  readonly kind = 'draft' as const;
  readonly el: HTMLElement;
  readonly scroller: HTMLElement;
  readonly view: EditorView;
  private readonly sources: Map<string, string>;
  private readonly suggestions: Map<string, GlossSuggestion[]>;
  private readonly saver: SaveQueue;
  private readonly stateEl = h('span', { class: 'save-state', role: 'status', 'data-pending': 'false' }, 'Saved');
  readonly progressEl = h('div', { class: 'progress-line' });
  private caretEl: HTMLElement | null = null;

  constructor(
    readonly doc: ArticleDoc,
    private readonly options: DraftColumnOptions,
  ) {
    const built = draftDocument(doc, options.glossary);
    this.sources = built.sources;
    this.suggestions = built.suggestions;

    this.saver = new SaveQueue({
      read: (key) => this.readSegment(key),
      save: (r) => options.save(r),
      onState: (state, message) => {
        this.stateEl.textContent = state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : `Not saved: ${message ?? ''}`;
        this.stateEl.dataset.state = state;
        this.showPending();
        options.onSaveState(state, message);
        if (state === 'saved') options.onProgress();
      },
    });

    const editorHost = h('div', { class: 'col-text draft-text', dir: 'ltr', lang: 'en' });
    this.scroller = h('div', { class: 'col-scroll' }, editorHost);
    const undoButton = h('button', { type: 'button', class: 'draft-undo', title: 'Undo (Ctrl+Z)', onclick: () => this.undo() }, '↶');
    const redoButton = h('button', { type: 'button', class: 'draft-redo', title: 'Redo (Ctrl+Shift+Z)', onclick: () => this.redo() }, '↷');
    this.el = h(
      'section',
      { class: 'sbs-col draft-col', 'data-file': doc.file, 'aria-label': 'English draft' },
      h(
        'header',
        { class: 'col-head' },
        h('h2', { class: 'col-title' }, 'English draft'),
        h('p', { class: 'col-meta' }, h('span', { class: 'col-file' }, `of ${doc.file}`), ' ', this.stateEl, ' ', undoButton, redoButton),
        this.progressEl,
        doc.readOnly ? h('p', { class: 'banner' }, `Read-only: ${doc.readOnly}`) : null,
      ),
      this.scroller,
    );

    const plugins = draftPlugins({
      touched: (key) => {
        this.saver.touch(key);
        this.showPending();
      },
      caretMoved: (span) => {
        this.options.onCaretSegment(span);
        this.markCaretSegment();
      },
      suggestion: (span, n) => this.suggestionsFor(span)[n],
    });
    this.view = new EditorView(editorHost, {
      state: EditorState.create({ doc: built.doc, plugins }),
      editable: () => !doc.readOnly,
      attributes: { class: 'draft-editor', spellcheck: 'true', 'aria-label': 'English draft, one block per source segment' },
      nodeViews: {
        segment: (node, view, getPos) => new SegmentView(node, view, getPos as () => number | undefined, this),
      },
      handlePaste(view, event) {
        // A pasted text lands in one segment: its line breaks would otherwise make new blocks.
        const text = event.clipboardData?.getData('text/plain');
        if (text === undefined) return false;
        view.dispatch(view.state.tr.insertText(text.replace(/\s*[\r\n]+\s*/g, ' ')).scrollIntoView());
        return true;
      },
      handleDOMEvents: {
        mouseover: (_view, event) => {
          const el = (event.target as Element).closest?.('.draft-seg') as HTMLElement | null;
          this.options.onHover(el ? spanOfEl(el) : null);
          return false;
        },
        mouseleave: () => {
          this.options.onHover(null);
          return false;
        },
      },
    });
    window.addEventListener('beforeunload', this.onUnload);
  }

  private readonly onUnload = () => void this.saver.flush();

  get file(): string {
    return this.doc.file;
  }

  get language(): string {
    return this.doc.language;
  }

  get glossary(): GlossIndex {
    return this.options.glossary;
  }

  private readSegment(key: string): SaveRenderingRequest | null {
    let out: SaveRenderingRequest | null = null;
    this.view.state.doc.forEach((node) => {
      if (out || node.type.name !== 'segment') return;
      const { start, end } = blockSpan(node);
      if (segmentKey({ start, end }) === key) out = { start, end, text: node.textContent, status: node.attrs.status as SegmentStatus };
    });
    return out;
  }

  /** Inserts a suggested gloss at the caret (a click on the suggestion). */
  applySuggestion(span: Span, n: number): void {
    const inside = this.view.state.selection.$from.parent;
    if (inside.type.name !== 'segment' || inside.attrs.start !== span.start || inside.attrs.end !== span.end) this.focusSegment(span);
    insertSuggestion(this.view.state, (tr) => this.view.dispatch(tr), { suggestion: (s, k) => this.suggestionsFor(s)[k] }, n);
    this.view.focus();
  }

  suggestionsFor(span: Span): GlossSuggestion[] {
    return this.suggestions.get(segmentKey(span)) ?? [];
  }

  sourceOf(span: Span): string {
    return this.sources.get(segmentKey(span)) ?? '';
  }

  setStatus(pos: number, status: SegmentStatus): void {
    const node = this.view.state.doc.nodeAt(pos);
    if (!node || node.type.name !== 'segment' || node.attrs.status === status) return;
    this.view.dispatch(this.view.state.tr.setNodeMarkup(pos, null, { ...node.attrs, status }));
  }

  /** Puts the caret at the end of a segment's draft. */
  focusSegment(span: Span): void {
    const state = this.view.state;
    let target: number | null = null;
    state.doc.forEach((node, pos) => {
      if (target === null && node.type.name === 'segment' && node.attrs.start === span.start && node.attrs.end === span.end) target = pos + 1 + node.content.size;
    });
    if (target === null) return;
    this.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, target)).scrollIntoView());
    this.view.focus();
  }

  private markCaretSegment(): void {
    const { $from } = this.view.state.selection;
    const el = $from.parent.type.name === 'segment' ? (this.view.nodeDOM($from.before(1)) as HTMLElement | null) : null;
    if (el === this.caretEl) return;
    this.caretEl?.classList.remove('caret');
    el?.classList.add('caret');
    this.caretEl = el;
  }

  undo(): boolean {
    return undo(this.view.state, (tr) => this.view.dispatch(tr));
  }

  redo(): boolean {
    return redo(this.view.state, (tr) => this.view.dispatch(tr));
  }

  segmentEls(): HTMLElement[] {
    return [...this.view.dom.querySelectorAll<HTMLElement>('.draft-seg')];
  }

  /** The drafts as they stand, by segment key. */
  drafts(): Map<string, { text: string; status: SegmentStatus }> {
    const out = new Map<string, { text: string; status: SegmentStatus }>();
    this.view.state.doc.forEach((node) => {
      if (node.type.name === 'segment') out.set(`${node.attrs.start}:${node.attrs.end}`, { text: node.textContent, status: node.attrs.status as SegmentStatus });
    });
    return out;
  }

  /** Saves what is waiting now; resolves when it is on disk (or failed). */
  flush(): Promise<void> {
    return this.saver.flush();
  }

  get pending(): boolean {
    return this.saver.pending;
  }

  /** Says on the save state whether changes still wait to be saved (the text shows only saving and saved). */
  private showPending(): void {
    this.stateEl.dataset.pending = String(this.saver.pending);
  }

  destroy(): void {
    void this.saver.flush();
    window.removeEventListener('beforeunload', this.onUnload);
    this.view.destroy();
    this.el.remove();
  }
}
