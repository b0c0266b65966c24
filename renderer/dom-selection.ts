// The selection as the browser shows it in a ProseMirror view. ProseMirror reads it on the
// browser's `selectionchange`, which can come after the next key: a click then Ctrl+A at
// once, or the end of a drag, must act on where the person put the caret, not where it was.
import type { EditorView } from 'prosemirror-view';

/** ProseMirror positions of the browser's selection, or null when it is not inside the view. */
export function domSelectionIn(view: EditorView): { anchor: number; head: number } | null {
  const sel = view.dom.ownerDocument.getSelection();
  if (!sel?.anchorNode || !sel.focusNode || !view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null;
  try {
    return { anchor: view.posAtDOM(sel.anchorNode, sel.anchorOffset), head: view.posAtDOM(sel.focusNode, sel.focusOffset) };
  } catch {
    return null;
  }
}
