// The draft editor's rules and keys: blocks stay the source's segments, typing moves a
// segment's status on, and keys step between segments, mark one reviewed, or insert a gloss.
import { Plugin, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { domSelectionIn } from '../dom-selection';
import type { Span } from './alignment-set';
import { segmentKey } from './column';
import { blockSpan, sameBlocks } from './draft-document';
import { insertedGloss, type GlossSuggestion } from './gloss-suggestions';

type Dispatch = ((tr: Transaction) => void) | undefined;

export interface DraftEditingHooks {
  /** The draft of this segment (by key) changed. */
  touched(key: string): void;
  /** The caret moved, maybe into another segment (null: outside the segments). */
  caretMoved(span: Span | null): void;
  /** The n-th gloss offered for a segment. */
  suggestion(span: Span, n: number): GlossSuggestion | undefined;
}

export function draftPlugins(hooks: DraftEditingHooks): Plugin[] {
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
            if (node !== prev.doc.child(i) && node.type.name === 'segment') hooks.touched(segmentKey(blockSpan(node)));
          });
        }
        const was = prev.selection.$from.parent;
        const now = view.state.selection.$from.parent;
        if (was !== now || !prev.selection.eq(view.state.selection)) hooks.caretMoved(now.type.name === 'segment' ? blockSpan(now) : null);
      },
    }),
  });
  const suggest =
    (n: number): Command =>
    (state, dispatch) =>
      insertSuggestion(state, dispatch, hooks, n);
  const keys: Record<string, Command> = {
    'Mod-z': undo,
    'Shift-Mod-z': redo,
    'Mod-y': redo,
    Enter: (state, dispatch) => moveSegment(state, dispatch, 1),
    'Alt-ArrowDown': (state, dispatch) => moveSegment(state, dispatch, 1),
    'Alt-ArrowUp': (state, dispatch) => moveSegment(state, dispatch, -1),
    'Mod-Enter': (state, dispatch, view) => {
      const $from = state.selection.$from;
      if ($from.parent.type.name !== 'segment') return false;
      if (!dispatch) return true;
      dispatch(state.tr.setNodeMarkup($from.before(), null, { ...$from.parent.attrs, status: 'reviewed' }));
      if (view) moveSegment(view.state, (t) => view.dispatch(t), 1);
      return true;
    },
    'Mod-g': suggest(0),
    // Select all means the segment's draft: the blocks themselves cannot be replaced.
    'Mod-a': (state, dispatch) => {
      const $from = state.selection.$from;
      if ($from.parent.type.name !== 'segment') return false;
      dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, $from.start(), $from.end())));
      return true;
    },
  };
  for (let n = 1; n <= 9; n++) keys[`Alt-${n}`] = suggest(n - 1);
  return [caretFromBrowser, history(), keymap(keys), keymap(baseKeymap), structure];
}

/**
 * Before any key's command runs, the selection is the one the browser shows: ProseMirror reads
 * a click's caret on `selectionchange`, which can come after the next key (a click then Ctrl+A,
 * Enter or Alt+1 at once), and the command would act on the segment the caret was in before.
 */
const caretFromBrowser = new Plugin({
  props: {
    handleKeyDown: (view) => {
      const shown = domSelectionIn(view);
      const { anchor, head } = view.state.selection;
      if (shown && (shown.anchor !== anchor || shown.head !== head)) {
        const doc = view.state.doc;
        view.dispatch(view.state.tr.setSelection(TextSelection.between(doc.resolve(shown.anchor), doc.resolve(shown.head))));
      }
      return false;
    },
  },
});

/** Puts the caret at the end of the next (or previous) segment to translate. */
export function moveSegment(state: EditorState, dispatch: Dispatch, step: 1 | -1): boolean {
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

/** Inserts the n-th gloss offered for the caret's segment, in place of the selection. */
export function insertSuggestion(state: EditorState, dispatch: Dispatch, hooks: Pick<DraftEditingHooks, 'suggestion'>, n: number): boolean {
  const { $from, from, to } = state.selection;
  const parent = $from.parent;
  if (parent.type.name !== 'segment') return false;
  const offer = hooks.suggestion(blockSpan(parent), n);
  if (!offer) return true;
  const before = from > $from.start() ? state.doc.textBetween(from - 1, from) : '';
  const after = to < $from.end() ? state.doc.textBetween(to, to + 1) : '';
  dispatch?.(state.tr.insertText(insertedGloss(offer.gloss, before, after), from, to).scrollIntoView());
  return true;
}
