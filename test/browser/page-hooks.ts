// Runs inside the test page only (injected by test-hooks.ts, never bundled into the app): reads
// and sets the reading view through its DOM, mapping article offsets to the rendered paragraphs.

/** Where each paragraph of the article text starts and ends (the ArticleDoc's paragraphs). */
export type ParagraphOffsets = Array<{ start: number; end: number }>;
export type Rect = { left: number; right: number; top: number; bottom: number };

export interface PageHooks {
  /** Selects article text between two offsets, as a user would (the reading view reads the DOM selection). */
  select(paragraphs: ParagraphOffsets, start: number, end: number): Promise<void>;
  /** The DOM selection as article offsets, or null when it is not in the text. */
  selection(paragraphs: ParagraphOffsets): { from: number; to: number } | null;
  /** Screen rectangles of the text between two offsets. */
  rangeRects(paragraphs: ParagraphOffsets, start: number, end: number): Rect[];
  /** The text under an annotation's highlight, and its screen rectangles. */
  highlightText(id: string): string;
  highlightRects(id: string): Rect[];
  /** One of the annotation's highlight segments, the one all `layers` annotations overlap in (or the first). */
  highlightSegment(id: string, layers?: number): HTMLElement | null;
}

declare global {
  interface Window {
    hashiyaTest: PageHooks;
  }
}

function textRoot(): HTMLElement {
  const root = document.querySelector<HTMLElement>('.reading-text');
  if (!root) throw new Error('no article is shown');
  return root;
}

/** The paragraph holding an offset; offsets between paragraphs snap to the next one (as the view does). */
function paragraphAt(paragraphs: ParagraphOffsets, offset: number): number {
  const i = paragraphs.findIndex((p) => p.end >= offset);
  return i < 0 ? paragraphs.length - 1 : i;
}

/**
 * The DOM point of an offset. At the seam of two text nodes (highlight segments) a range's
 * start takes the next node and its end the previous one, so its rectangles stay on the text.
 */
function pointOf(paragraphs: ParagraphOffsets, offset: number, side: 'start' | 'end'): { node: Node; offset: number } {
  const i = paragraphAt(paragraphs, offset);
  const p = paragraphs[i]!;
  const para = textRoot().querySelector(`p.para[data-index="${i}"]`);
  if (!para) throw new Error(`paragraph ${i} is not shown`);
  let rest = Math.min(Math.max(offset, p.start), p.end) - p.start;
  const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (rest < length || (rest === length && side === 'end')) return { node, offset: rest };
    rest -= length;
    last = node;
  }
  return last ? { node: last, offset: last.data.length } : { node: para, offset: 0 };
}

function rangeOf(paragraphs: ParagraphOffsets, start: number, end: number): Range {
  const from = pointOf(paragraphs, start, start === end ? 'end' : 'start');
  const to = pointOf(paragraphs, end, 'end');
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

function offsetOfPoint(paragraphs: ParagraphOffsets, node: Node, offset: number): number | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const para = element?.closest<HTMLElement>('.reading-text p.para');
  if (!para) return null;
  const p = paragraphs[Number(para.dataset.index)];
  if (!p) return null;
  const before = document.createRange();
  before.setStart(para, 0);
  before.setEnd(node, offset);
  return p.start + before.toString().length;
}

function rects(list: Iterable<DOMRect>): Rect[] {
  return [...list].map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }));
}

function highlightElements(id: string): HTMLElement[] {
  return [...textRoot().querySelectorAll<HTMLElement>(`[data-ann~="${CSS.escape(id)}"]`)];
}

window.hashiyaTest = {
  async select(paragraphs, start, end) {
    const root = textRoot();
    if (document.activeElement !== root) {
      root.focus();
      // The view puts its own selection back a moment after gaining focus; set ours after that.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const range = rangeOf(paragraphs, start, end);
    document.getSelection()!.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  },
  selection(paragraphs) {
    const sel = document.getSelection();
    if (!sel || !sel.anchorNode || !sel.focusNode) return null;
    const a = offsetOfPoint(paragraphs, sel.anchorNode, sel.anchorOffset);
    const b = offsetOfPoint(paragraphs, sel.focusNode, sel.focusOffset);
    return a === null || b === null ? null : { from: Math.min(a, b), to: Math.max(a, b) };
  },
  rangeRects: (paragraphs, start, end) => rects(rangeOf(paragraphs, start, end).getClientRects()),
  highlightText: (id) => highlightElements(id).map((e) => e.textContent).join(''),
  highlightRects: (id) => highlightElements(id).flatMap((el) => rects(el.getClientRects())),
  highlightSegment: (id, layers) => {
    const all = highlightElements(id);
    return (layers ? all.find((e) => e.getAttribute('data-ann')!.split(' ').length === layers) : all[0]) ?? null;
  },
};
