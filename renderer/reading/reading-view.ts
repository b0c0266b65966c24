// The article as a read-only ProseMirror document with annotation highlights.
// The view is contenteditable so that the caret and Shift+arrows work as in any text (with
// the browser's own bidi-aware movement), but every edit is refused: the article is data.
import { Schema, type Node as PMNode } from 'prosemirror-model';
import { EditorState, Plugin, PluginKey, TextSelection, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import { OffsetMap } from './offsets';
import { segmentHighlights, type Span } from './highlight-segments';
import { SelectionSettling, type SettledSelection } from './selection-settling';

export const readingSchema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: {
      content: 'text*',
      attrs: { dir: { default: 'rtl' }, lang: { default: 'fa' }, boilerplate: { default: false }, index: { default: 0 } },
      toDOM: (node: PMNode) => [
        'p',
        {
          dir: node.attrs.dir as string,
          lang: node.attrs.lang as string,
          class: node.attrs.boilerplate ? 'para boilerplate' : 'para',
          'data-index': String(node.attrs.index),
        },
        0,
      ],
    },
    text: {},
  },
});

export interface ReadingParagraph {
  start: number;
  end: number;
  text: string;
  dir: 'rtl' | 'ltr';
  lang: string;
  boilerplate: boolean;
  /** Offset where page furniture glued to the line's end begins; drawn dimmed, like a furniture line. */
  furnitureTail?: number;
}

export interface HighlightSpan extends Span {
  /** Class names for the colour of this annotation (tag classes). */
  colour: string;
}

export interface ReadingViewCallbacks {
  /**
   * A selection was finished (the mouse let go, the keys at rest): offsets, or null when it
   * collapsed. `clamped`: it ran past its paragraph and was cut at the paragraph's end.
   */
  onSelect(range: { start: number; end: number; clamped?: boolean } | null): void;
  /** A highlight was clicked: the annotations under the pointer, outermost first. */
  onPick(ids: string[], anchor: DOMRect): void;
  /** A key the view does not use itself (tag shortcuts, Escape). Return true if handled. */
  onKey(event: KeyboardEvent): boolean;
}

type HighlightAction =
  | { type: 'reset'; spans: HighlightSpan[] }
  | { type: 'put'; span: HighlightSpan }
  | { type: 'remove'; id: string }
  | { type: 'flash'; id: string | null }
  | { type: 'mark'; range: { start: number; end: number } | null };

interface HighlightState {
  set: DecorationSet;
  spans: Map<string, HighlightSpan>;
  /** A brief outline on one annotation, as a decoration: ProseMirror's DOM observer undoes class changes made by hand. */
  flash: DecorationSet;
  /** A search hit or other span shown without being an annotation. */
  mark: DecorationSet;
}

const highlightKey = new PluginKey<HighlightState>('highlights');

export class ReadingView {
  readonly view: EditorView;
  private readonly offsets: OffsetMap;
  private readonly settling: SelectionSettling;

  constructor(
    container: HTMLElement,
    paragraphs: ReadingParagraph[],
    private readonly callbacks: ReadingViewCallbacks,
  ) {
    this.offsets = new OffsetMap(paragraphs);
    this.settling = new SelectionSettling(() => this.view, (settled) => this.reportSelection(settled));
    const doc = readingSchema.node(
      'doc',
      null,
      (paragraphs.length ? paragraphs : [{ start: 0, end: 0, text: '', dir: 'ltr', lang: 'en', boilerplate: false } as ReadingParagraph]).map((p, index) =>
        readingSchema.node('paragraph', { dir: p.dir, lang: p.lang, boilerplate: p.boilerplate, index }, p.text ? [readingSchema.text(p.text)] : []),
      ),
    );
    const offsets = this.offsets;
    const highlights = new Plugin<HighlightState>({
      key: highlightKey,
      state: {
        init: () => ({ set: DecorationSet.empty, spans: new Map(), flash: DecorationSet.empty, mark: DecorationSet.empty }),
        apply: (tr, old, _oldState, newState) => {
          const action = tr.getMeta(highlightKey) as HighlightAction | undefined;
          if (!action) return old;
          return applyHighlight(old, action, newState.doc, offsets);
        },
      },
      props: {
        decorations: (state) => highlightKey.getState(state)?.set,
      },
    });
    // A second source of decorations: ProseMirror merges them with the highlights.
    const flash = new Plugin({ props: { decorations: (state) => highlightKey.getState(state)?.flash } });
    const mark = new Plugin({ props: { decorations: (state) => highlightKey.getState(state)?.mark } });
    const tailDecorations = DecorationSet.create(
      doc,
      paragraphs
        .filter((p) => p.furnitureTail !== undefined && p.furnitureTail < p.end)
        .map((p) => Decoration.inline(offsets.posOf(p.furnitureTail!), offsets.posOf(p.end), { class: 'furniture-tail', title: 'Page furniture glued to this line' })),
    );
    const tails = new Plugin({ props: { decorations: () => tailDecorations } });
    const refuseEdits = new Plugin({
      filterTransaction: (tr) => !tr.docChanged,
    });
    const self = this;
    this.view = new EditorView(container, {
      state: EditorState.create({ doc, plugins: [highlights, flash, mark, tails, refuseEdits] }),
      attributes: { class: 'reading-text', spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off', translate: 'no', 'aria-readonly': 'true', role: 'document' },
      dispatchTransaction(tr: Transaction) {
        const view = self.view;
        const before = view.state.selection;
        const next = view.state.apply(tr);
        view.updateState(next);
        if (!before.eq(next.selection)) self.settling.changed();
      },
      handleKeyDown: (_view, event) => {
        // Everything that would type, delete or break lines is refused; moving and selecting is not.
        const navigation = /^(Arrow|Home|End|Page|Tab|Escape|F\d)/.test(event.key) || event.key === 'Shift' || event.key === 'Control' || event.key === 'Alt' || event.key === 'Meta';
        if (!navigation) this.settling.flush();
        if (callbacks.onKey(event)) return true;
        const copy = (event.ctrlKey || event.metaKey) && ['c', 'a', 'f', '=', '+', '-', '0', 'o', 'z', 'y', 'Z', 'C', 'A'].includes(event.key);
        if (navigation || copy) return false;
        return true;
      },
      handleKeyPress: () => true,
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: {
        beforeinput: (_view, event) => {
          event.preventDefault();
          return true;
        },
        cut: (_view, event) => {
          event.preventDefault();
          return true;
        },
      },
      handleClick: (_view, _pos, event) => {
        const el = (event.target as HTMLElement | null)?.closest?.('[data-ann]');
        if (!el || !this.view.state.selection.empty) return false;
        const ids = (el.getAttribute('data-ann') ?? '').split(' ').filter(Boolean);
        if (ids.length) callbacks.onPick(ids, el.getBoundingClientRect());
        return false;
      },
    });
    this.settling.attach(this.view.dom);
  }

  private reportSelection(settled: SettledSelection | null): void {
    if (!settled) this.callbacks.onSelect(null);
    else this.callbacks.onSelect({ start: this.offsets.offsetOf(settled.from), end: this.offsets.offsetOf(settled.to), clamped: settled.clamped });
  }

  private act(action: HighlightAction): void {
    this.view.dispatch(this.view.state.tr.setMeta(highlightKey, action));
  }

  setHighlights(spans: HighlightSpan[]): void {
    this.act({ type: 'reset', spans });
  }

  putHighlight(span: HighlightSpan): void {
    this.act({ type: 'put', span });
  }

  removeHighlight(id: string): void {
    this.act({ type: 'remove', id });
  }

  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  /** Shows a span (a search hit) until it is replaced or cleared with null. */
  mark(range: { start: number; end: number } | null): void {
    this.act({ type: 'mark', range });
  }

  /** Outlines one annotation for a moment, to show where it is. */
  flash(id: string): void {
    this.act({ type: 'flash', id });
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      if (!this.view.isDestroyed) this.act({ type: 'flash', id: null });
    }, 1500);
  }

  clearSelection(): void {
    const sel = this.view.state.selection;
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, sel.head)));
  }

  /** Screen rectangles of the text between two offsets (where a popover goes). */
  rangeRects(start: number, end: number): DOMRect[] {
    const from = this.view.domAtPos(this.offsets.posOf(start));
    const to = this.view.domAtPos(this.offsets.posOf(end));
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return [...range.getClientRects()];
  }

  /** Scrolls an offset into the middle of the view. */
  scrollTo(offset: number): void {
    const { node } = this.view.domAtPos(this.offsets.posOf(offset));
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    el?.scrollIntoView({ block: 'center' });
  }

  highlightElements(id: string): HTMLElement[] {
    return [...this.view.dom.querySelectorAll<HTMLElement>(`[data-ann~="${CSS.escape(id)}"]`)];
  }

  destroy(): void {
    this.settling.detach();
    this.view.destroy();
  }
}

function decorationsFor(spans: Span[], all: Map<string, HighlightSpan>, from: number, to: number, offsets: OffsetMap): Decoration[] {
  return segmentHighlights(spans, from, to).map((seg) => {
    const inner = all.get(seg.ids[seg.ids.length - 1]!)!;
    const outer = all.get(seg.ids[0]!)!;
    const depth = Math.min(seg.ids.length, 3);
    const cls = ['hl', `bg-${inner.colour}`, depth > 1 ? `ul-${outer.colour}` : '', depth > 1 ? `depth-${depth}` : ''].filter(Boolean).join(' ');
    return Decoration.inline(offsets.posOf(seg.start), offsets.posOf(seg.end), { class: cls, 'data-ann': seg.ids.join(' ') }, { start: seg.start, end: seg.end });
  });
}

/**
 * Updates the decoration set for one change without rebuilding it: only the segments in
 * the changed span's region are recomputed.
 */
function applyHighlight(old: HighlightState, action: HighlightAction, doc: PMNode, offsets: OffsetMap): HighlightState {
  if (action.type === 'reset') {
    const spans = new Map(action.spans.map((s) => [s.id, s]));
    return { spans, set: DecorationSet.create(doc, decorationsFor(action.spans, spans, -Infinity, Infinity, offsets)), flash: DecorationSet.empty, mark: old.mark };
  }
  if (action.type === 'mark') {
    const r = action.range;
    const mark = r && r.end > r.start ? DecorationSet.create(doc, [Decoration.inline(offsets.posOf(r.start), offsets.posOf(r.end), { class: 'mark' })]) : DecorationSet.empty;
    return { ...old, mark };
  }
  if (action.type === 'flash') {
    const span = action.id ? old.spans.get(action.id) : undefined;
    const flash = span ? DecorationSet.create(doc, [Decoration.inline(offsets.posOf(span.start), offsets.posOf(span.end), { class: 'flash' })]) : DecorationSet.empty;
    return { ...old, flash };
  }
  const spans = new Map(old.spans);
  const previous = spans.get(action.type === 'put' ? action.span.id : action.id);
  if (action.type === 'put') spans.set(action.span.id, action.span);
  else spans.delete(action.id);
  const touched = [previous, action.type === 'put' ? action.span : undefined].filter((s): s is HighlightSpan => !!s);
  if (touched.length === 0) return old;
  let from = Math.min(...touched.map((s) => s.start));
  let to = Math.max(...touched.map((s) => s.end));
  const stale = old.set.find(offsets.posOf(from), offsets.posOf(to));
  for (const d of stale) {
    const spec = d.spec as { start: number; end: number };
    from = Math.min(from, spec.start);
    to = Math.max(to, spec.end);
  }
  const region = [...spans.values()].filter((s) => s.end > from && s.start < to);
  const set = old.set.remove(stale).add(doc, decorationsFor(region, spans, from, to, offsets));
  return { spans, set, flash: old.flash, mark: old.mark };
}
