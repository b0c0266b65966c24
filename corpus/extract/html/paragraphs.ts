// An article's element tree as paragraphs: every block (p, h2–h6, li, blockquote, pre, a div
// with text of its own, …) is one paragraph, a run of two or more <br> ends one, and the
// spaces inside a paragraph are folded to one. Letters are kept exactly as the page has them:
// no Unicode normalisation, ZWNJ and digits untouched.
import { COMMENT_NODE, ELEMENT_NODE, TEXT_NODE, type HtmlElement, type HtmlNode } from './dom';

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);

/** Never text, wherever they stand. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD']);

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
  const walk = (node: HtmlNode) => {
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      if (t.trim() === '') {
        current += t;
        return;
      }
      if (breaks >= 2) flush();
      breaks = 0;
      current += t;
      return;
    }
    if (node.nodeType === COMMENT_NODE || node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as HtmlElement).tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') {
      breaks++;
      current += ' ';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}
