// When a selection in the reading view is finished: a mouse selection when the button is let
// go (its ends then snapped to whole words unless Alt is held), a keyboard one once the keys
// stop for a moment. Only then is it reported, clamped to one paragraph.
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { domSelectionIn } from '../dom-selection';
import { snapToWords } from './word-snap';

/** How long the keys must rest before a keyboard selection counts as finished. */
const KEYS_REST_MS = 250;

export interface SettledSelection {
  /** ProseMirror positions, from < to. */
  from: number;
  to: number;
  /** The selection ran past its first paragraph and was cut at that paragraph's end. */
  clamped: boolean;
}

export class SelectionSettling {
  private pointerDown = false;
  private altHeld = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private settingOwn = false;
  private readonly onMouseUp = (e: MouseEvent) => {
    if (!this.pointerDown) return;
    this.pointerDown = false;
    this.altHeld ||= e.altKey;
    // The browser finishes its own selection after mouseup's handlers: read it a moment later.
    setTimeout(() => this.settle(!this.altHeld), 0);
  };

  constructor(
    private readonly view: () => EditorView,
    private readonly report: (selection: SettledSelection | null) => void,
  ) {}

  /** Listens on the view's element (and the window, where the button may be let go). */
  attach(dom: HTMLElement): void {
    dom.addEventListener('mousedown', (e) => {
      if (e.button !== 0) return;
      this.pointerDown = true;
      this.altHeld = e.altKey;
      clearTimeout(this.timer);
    });
    window.addEventListener('mouseup', this.onMouseUp, true);
  }

  detach(): void {
    clearTimeout(this.timer);
    window.removeEventListener('mouseup', this.onMouseUp, true);
  }

  /** The view's selection changed. */
  changed(): void {
    if (this.settingOwn) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.view().state.selection.empty) {
      this.report(null);
      return;
    }
    if (this.pointerDown) return;
    this.timer = setTimeout(() => this.settle(false), KEYS_REST_MS);
  }

  /** A key that acts on the selection: a keyboard selection still resting counts as finished now. */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.settle(false);
  }

  private settle(snap: boolean): void {
    this.timer = undefined;
    const view = this.view();
    if (view.isDestroyed) return;
    const { anchor, head } = domSelectionIn(view) ?? view.state.selection;
    if (anchor === head) {
      this.report(null);
      return;
    }
    const doc = view.state.doc;
    let from = Math.min(anchor, head);
    let to = Math.max(anchor, head);
    const $from = doc.resolve(from);
    const paragraphEnd = $from.end();
    const clamped = to > paragraphEnd;
    if (clamped) to = paragraphEnd;
    if (snap) {
      const start = $from.start();
      const lang = ($from.parent.attrs.lang as string | undefined) ?? '';
      const words = snapToWords($from.parent.textContent, from - start, to - start, lang);
      from = start + words.from;
      to = start + words.to;
    }
    if (to <= from) {
      this.report(null);
      return;
    }
    const backwards = head < anchor;
    const wanted = backwards ? TextSelection.create(doc, to, from) : TextSelection.create(doc, from, to);
    if (!wanted.eq(view.state.selection)) {
      this.settingOwn = true;
      try {
        view.dispatch(view.state.tr.setSelection(wanted));
      } finally {
        this.settingOwn = false;
      }
    }
    this.report({ from, to, clamped });
  }
}
