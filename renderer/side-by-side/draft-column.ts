// The English draft of an article: a ProseMirror editor with one block per source segment,
// each with its status, the glosses the corpus offers for its terms, and the checks of its
// draft. The block structure is fixed (a block is never split, joined or dropped), so every
// block keeps the source offsets its rendering is saved under. Drafts save on their own.
import { Schema, type Node as PMNode } from 'prosemirror-model';
import { EditorState, Plugin, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { EditorView, type NodeView } from 'prosemirror-view';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import type { SegmentStatus } from '../../annotations/model/types';
import type { ArticleDoc, SaveRenderingRequest } from '../../corpus/api/api';
import { checkSegment, findGlossedTerms, type DraftCheck, type GlossIndex } from '../../annotations/translation/draft-checks';
import { h } from '../dom';
import type { Span } from './alignment-set';
import { segmentKey, type Column } from './column';
import { SaveQueue } from './save-queue';

export const draftSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    segment: {
      group: 'block',
      content: 'text*',
      marks: '',
      isolating: true,
      defining: true,
      attrs: { start: { default: 0 }, end: { default: 0 }, status: { default: 'untranslated' }, first: { default: false } },
      toDOM: (node: PMNode) => ['div', { class: 'seg draft-seg', 'data-start': String(node.attrs.start), 'data-end': String(node.attrs.end) }, 0],
    },
    skipped: {
      group: 'block',
      atom: true,
      selectable: false,
      attrs: { start: { default: 0 }, end: { default: 0 }, first: { default: false } },
      toDOM: (node: PMNode) => [
        'div',
        { class: `seg draft-seg skipped${node.attrs.first ? ' para-start' : ''}`, contenteditable: 'false', 'data-start': String(node.attrs.start), 'data-end': String(node.attrs.end) },
        'not for translation',
      ],
    },
    text: {},
  },
});

export interface GlossSuggestion {
  term: string;
  gloss: string;
}

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

const STATUS_LABEL: Record<SegmentStatus, string> = { untranslated: 'Untranslated', draft: 'Draft', reviewed: 'Reviewed' };

const CHECK_LABEL: Record<DraftCheck['kind'], (c: DraftCheck) => string> = {
  untranslated: () => 'still marked untranslated',
  empty: () => 'empty',
  'number-missing': (c) => `${c.subject} missing`,
  'gloss-inconsistent': (c) => `gloss of ${c.subject}`,
  'attribution-missing': () => 'attribution',
};

export class DraftColumn implements Column {
  readonly kind = 'draft' as const;
  readonly el: HTMLElement;
  readonly scroller: HTMLElement;
  readonly view: EditorView;
  private readonly sources = new Map<string, string>();
  private readonly suggestions = new Map<string, GlossSuggestion[]>();
  private readonly saver: SaveQueue;
  private readonly stateEl = h('span', { class: 'save-state', role: 'status' }, 'Saved');
  readonly progressEl = h('div', { class: 'progress-line' });

  constructor(
    readonly doc: ArticleDoc,
    private readonly options: DraftColumnOptions,
  ) {
    const rendering = new Map(doc.renderings.map((r) => [segmentKey(r), r]));
    let lastParagraph = -1;
    const blocks: PMNode[] = [];
    for (const s of [...doc.segments].sort((x, y) => x.start - y.start)) {
      const key = segmentKey(s);
      const source = doc.text.slice(s.start, s.end);
      this.sources.set(key, source);
      const first = s.paragraph !== lastParagraph;
      lastParagraph = s.paragraph;
      if (s.skip) {
        blocks.push(draftSchema.nodes.skipped!.create({ start: s.start, end: s.end, first }));
        continue;
      }
      const seen = new Set<string>();
      const offers: GlossSuggestion[] = [];
      for (const m of findGlossedTerms(source, options.glossary)) {
        for (const gloss of m.glosses) {
          if (seen.has(gloss.toLowerCase())) continue;
          seen.add(gloss.toLowerCase());
          offers.push({ term: source.slice(m.start, m.end), gloss });
        }
      }
      this.suggestions.set(key, offers.slice(0, 9));
      const r = rendering.get(key);
      const text = r?.text ?? '';
      blocks.push(draftSchema.nodes.segment!.create({ start: s.start, end: s.end, status: r?.status ?? 'untranslated', first }, text ? draftSchema.text(text) : null));
    }
    if (blocks.length === 0) blocks.push(draftSchema.nodes.skipped!.create({ start: 0, end: 0, first: true }));

    this.saver = new SaveQueue({
      read: (key) => this.readSegment(key),
      save: (r) => options.save(r),
      onState: (state, message) => {
        this.stateEl.textContent = state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : `Not saved: ${message ?? ''}`;
        this.stateEl.dataset.state = state;
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

    const self = this;
    this.view = new EditorView(editorHost, {
      state: EditorState.create({ doc: draftSchema.node('doc', null, blocks), plugins: this.plugins() }),
      editable: () => !doc.readOnly,
      attributes: { class: 'draft-editor', spellcheck: 'true', 'aria-label': 'English draft, one block per source segment' },
      nodeViews: {
        segment: (node, view, getPos) => new SegmentView(node, view, getPos as () => number | undefined, self),
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
          self.options.onHover(el ? { start: Number(el.dataset.start), end: Number(el.dataset.end) } : null);
          return false;
        },
        mouseleave: () => {
          self.options.onHover(null);
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

  private plugins(): Plugin[] {
    const structure = new Plugin({
      // The blocks are the source's segments: an edit that would add, drop, join or split
      // one is refused, so that every draft stays on the segment it translates.
      filterTransaction: (tr, state) => !tr.docChanged || sameBlocks(state.doc, tr.doc),
      appendTransaction: (trs, oldState, newState) => {
        if (!trs.some((t) => t.docChanged)) return null;
        let tr: Transaction | null = null;
        newState.doc.forEach((node, pos, i) => {
          const before = oldState.doc.child(i);
          if (node === before || node.type.name !== 'segment') return;
          // Typing makes a draft of an untranslated segment, and a reviewed one needs review again.
          const typed = node.textContent !== before.textContent;
          const next = node.attrs.status === 'untranslated' && node.textContent.trim() !== '' ? 'draft' : typed && node.attrs.status === 'reviewed' && before.attrs.status === 'reviewed' ? 'draft' : null;
          if (next) {
            tr ??= newState.tr;
            tr.setNodeMarkup(pos, null, { ...node.attrs, status: next });
          }
        });
        return tr;
      },
      view: () => ({
        update: (view, prev) => {
          if (!prev.doc.eq(view.state.doc)) {
            view.state.doc.forEach((node, _pos, i) => {
              if (node !== prev.doc.child(i) && node.type.name === 'segment') this.saver.touch(segmentKey({ start: node.attrs.start as number, end: node.attrs.end as number }));
            });
          }
          const was = prev.selection.$from.parent;
          const now = view.state.selection.$from.parent;
          if (was !== now || !prev.selection.eq(view.state.selection)) {
            this.options.onCaretSegment(now.type.name === 'segment' ? { start: now.attrs.start as number, end: now.attrs.end as number } : null);
            this.markCaretSegment();
          }
        },
      }),
    });
    const keys: Record<string, Command> = {
      'Mod-z': undo,
      'Shift-Mod-z': redo,
      'Mod-y': redo,
      Enter: (state, dispatch) => this.moveSegment(state, dispatch, 1),
      'Alt-ArrowDown': (state, dispatch) => this.moveSegment(state, dispatch, 1),
      'Alt-ArrowUp': (state, dispatch) => this.moveSegment(state, dispatch, -1),
      'Mod-Enter': (state, dispatch) => {
        const $from = state.selection.$from;
        if ($from.parent.type.name !== 'segment') return false;
        if (!dispatch) return true;
        dispatch(state.tr.setNodeMarkup($from.before(), null, { ...$from.parent.attrs, status: 'reviewed' }));
        this.moveSegment(this.view.state, (t) => this.view.dispatch(t), 1);
        return true;
      },
      'Mod-g': (state, dispatch) => this.insertSuggestion(state, dispatch, 0),
      // Select all means the segment's draft: the blocks themselves cannot be replaced.
      'Mod-a': (state, dispatch) => {
        const $from = state.selection.$from;
        if ($from.parent.type.name !== 'segment') return false;
        dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, $from.start(), $from.end())));
        return true;
      },
    };
    for (let n = 1; n <= 9; n++) keys[`Alt-${n}`] = (state, dispatch) => this.insertSuggestion(state, dispatch, n - 1);
    return [history(), keymap(keys), keymap(baseKeymap), structure];
  }

  private readSegment(key: string): SaveRenderingRequest | null {
    let out: SaveRenderingRequest | null = null;
    this.view.state.doc.forEach((node) => {
      if (out || node.type.name !== 'segment') return;
      const start = node.attrs.start as number;
      const end = node.attrs.end as number;
      if (segmentKey({ start, end }) === key) out = { start, end, text: node.textContent, status: node.attrs.status as SegmentStatus };
    });
    return out;
  }

  private moveSegment(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, step: 1 | -1): boolean {
    const index = state.selection.$from.index(0);
    for (let i = index + step; i >= 0 && i < state.doc.childCount; i += step) {
      const node = state.doc.child(i);
      if (node.type.name !== 'segment') continue;
      let pos = 0;
      for (let k = 0; k < i; k++) pos += state.doc.child(k).nodeSize;
      dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, pos + 1 + node.content.size)).scrollIntoView());
      return true;
    }
    return true;
  }

  private insertSuggestion(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, n: number): boolean {
    const { $from, from, to } = state.selection;
    const parent = $from.parent;
    if (parent.type.name !== 'segment') return false;
    const offer = this.suggestions.get(segmentKey({ start: parent.attrs.start as number, end: parent.attrs.end as number }))?.[n];
    if (!offer) return true;
    const before = from > $from.start() ? state.doc.textBetween(from - 1, from) : '';
    const after = to < $from.end() ? state.doc.textBetween(to, to + 1) : '';
    const text = `${/[\p{L}\p{N}]/u.test(before) ? ' ' : ''}${offer.gloss}${/[\p{L}\p{N}]/u.test(after) ? ' ' : ''}`;
    dispatch?.(state.tr.insertText(text, from, to).scrollIntoView());
    return true;
  }

  /** Inserts a suggested gloss at the caret (a click on the suggestion). */
  applySuggestion(span: Span, n: number): void {
    const state = this.view.state;
    const inside = state.selection.$from.parent;
    if (inside.type.name !== 'segment' || inside.attrs.start !== span.start || inside.attrs.end !== span.end) this.focusSegment(span);
    this.insertSuggestion(this.view.state, (tr) => this.view.dispatch(tr), n);
    this.view.focus();
  }

  suggestionsFor(span: Span): GlossSuggestion[] {
    return this.suggestions.get(segmentKey(span)) ?? [];
  }

  sourceOf(span: Span): string {
    return this.sources.get(segmentKey(span)) ?? '';
  }

  get glossary(): GlossIndex {
    return this.options.glossary;
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

  private caretEl: HTMLElement | null = null;

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

  destroy(): void {
    void this.saver.flush();
    window.removeEventListener('beforeunload', this.onUnload);
    this.view.destroy();
    this.el.remove();
  }
}

function sameBlocks(a: PMNode, b: PMNode): boolean {
  if (a.childCount !== b.childCount) return false;
  for (let i = 0; i < a.childCount; i++) {
    const x = a.child(i);
    const y = b.child(i);
    if (x.type !== y.type || x.attrs.start !== y.attrs.start || x.attrs.end !== y.attrs.end) return false;
  }
  return true;
}

/** One draft block: its status, gloss offers and checks above the editable text. */
class SegmentView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private readonly meta: HTMLElement;
  private readonly status: HTMLSelectElement;
  private readonly checks: HTMLElement;
  private lastText: string | null = null;

  constructor(
    private node: PMNode,
    view: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly column: DraftColumn,
  ) {
    const span = this.span;
    this.status = h('select', { class: 'seg-status', 'aria-label': 'Segment status', title: 'Status (Ctrl+Enter: reviewed, next)' }) as HTMLSelectElement;
    for (const s of ['untranslated', 'draft', 'reviewed'] as SegmentStatus[]) this.status.append(h('option', { value: s }, STATUS_LABEL[s]));
    this.status.disabled = !view.editable;
    this.status.addEventListener('change', () => {
      const pos = this.getPos();
      if (pos !== undefined) column.setStatus(pos, this.status.value as SegmentStatus);
    });
    const offers = column.suggestionsFor(span);
    const glosses = h('span', { class: 'gloss-offers' });
    offers.forEach((o, i) => {
      glosses.append(
        h(
          'button',
          { type: 'button', class: 'gloss-offer', 'data-n': String(i + 1), title: `Insert “${o.gloss}” at the caret (Alt+${i + 1}${i === 0 ? ' or Ctrl+G' : ''})`, onclick: () => column.applySuggestion(span, i) },
          h('kbd', {}, `Alt+${i + 1}`),
          ' ',
          h('bdi', { lang: column.doc.language, dir: 'rtl' }, o.term),
          ' → ',
          h('span', { class: 'gloss-text', lang: 'en' }, o.gloss),
        ),
      );
    });
    this.checks = h('span', { class: 'seg-checks' });
    this.meta = h('div', { class: 'seg-meta', contenteditable: 'false' }, this.status, glosses, this.checks);
    this.contentDOM = h('div', { class: 'seg-text', dir: 'ltr', lang: 'en' });
    this.dom = h('div', { class: 'seg draft-seg', 'data-start': String(span.start), 'data-end': String(span.end) }, this.meta, this.contentDOM);
    this.render();
  }

  private get span(): Span {
    return { start: this.node.attrs.start as number, end: this.node.attrs.end as number };
  }

  private render(): void {
    const status = this.node.attrs.status as SegmentStatus;
    this.status.value = status;
    const text = this.node.textContent;
    this.dom.classList.remove('status-untranslated', 'status-draft', 'status-reviewed');
    this.dom.classList.add(`status-${status}`);
    this.dom.classList.toggle('para-start', this.node.attrs.first === true);
    this.dom.classList.toggle('empty', text === '');
    const key = `${status}\u0000${text}`;
    if (key === this.lastText) return;
    this.lastText = key;
    const found = checkSegment({ source: this.column.sourceOf(this.span), draft: text, status, glossary: this.column.glossary }).filter(
      (c) => !(c.kind === 'untranslated' && text.trim() === ''),
    );
    this.checks.replaceChildren(...found.map((c) => h('span', { class: `draft-check check-${c.kind}`, title: c.message }, '⚠ ', CHECK_LABEL[c.kind](c))));
    this.dom.dataset.checks = found.map((c) => c.kind).join(' ');
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type || node.attrs.start !== this.node.attrs.start || node.attrs.end !== this.node.attrs.end) return false;
    this.node = node;
    this.render();
    return true;
  }

  ignoreMutation(m: MutationRecord | { type: 'selection'; target: Node }): boolean {
    if (m.type === 'selection') return false;
    return (m.type === 'attributes' && m.target === this.dom) || this.meta.contains(m.target);
  }

  stopEvent(event: Event): boolean {
    return this.meta.contains(event.target as Node);
  }
}
