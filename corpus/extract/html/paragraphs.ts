// An article's element tree as paragraphs: every block (p, h2–h6, li, blockquote, pre, a div
// with text of its own, …) is one paragraph, a run of two or more <br> ends one, and the
// spaces inside a paragraph are folded to one. Letters are kept exactly as the page has them:
// no Unicode normalisation, ZWNJ and digits untouched.
import { ELEMENT_NODE, TEXT_NODE, type HtmlElement, type HtmlNode } from './dom';

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);

/** Never text, wherever they stand. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD']);

/** A step of the walk: a node to enter, or the end of a block to close. */
type Step = HtmlNode | 'end-of-block';

export function paragraphsOf(root: HtmlNode): string[] {
  const out: string[] = [];
  let current = '';
  let breaks = 0;
  const flush = () => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) out.push(p);
    current = '';
    breaks = 0;
  };
  // An explicit stack, not recursion: a hostile page nests elements deeper than the call stack.
  const stack: Step[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end-of-block') {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      if (t.trim() !== '') {
        if (breaks >= 2) flush();
        breaks = 0;
      }
      current += t;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = (node as HtmlElement).tagName.toUpperCase();
    if (SKIPPED.has(tag)) continue;
    if (tag === 'BR') {
      breaks++;
      current += ' ';
      continue;
    }
    const block = BLOCKS.has(tag);
    if (block) {
      flush();
      stack.push('end-of-block');
    }
    const children: HtmlNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return out;
}

/** How deep the element tree goes below `root` (without recursion). */
export function treeDepth(root: HtmlNode): number {
  let deepest = 0;
  const stack: Array<[HtmlNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
  }
  return deepest;
}
