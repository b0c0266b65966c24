// Tag colours as CSS classes in a constructed stylesheet: the CSP forbids inline style
// attributes, and ProseMirror keeps only one decoration's attributes where they overlap.
import type { Tag } from '../annotations/model/types';

const sheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

/** The class suffix for a tag: by position, so any tag id (even a strange one) is safe. */
export function tagClass(taxonomy: Tag[], tagId: string | undefined): string {
  const i = tagId === undefined ? -1 : taxonomy.findIndex((t) => t.id === tagId);
  return i < 0 ? 'none' : `t${i}`;
}

function rgba(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export function applyTagStyles(taxonomy: Tag[]): void {
  const rules = taxonomy.flatMap((t, i) => [
    `.hl.bg-t${i} { background-color: ${rgba(t.color, 0.38)}; }`,
    `.hl.ul-t${i} { text-decoration-color: ${t.color}; }`,
    `.chip.t${i} { --chip: ${t.color}; }`,
    `.swatch.t${i} { background-color: ${t.color}; }`,
  ]);
  sheet.replaceSync(rules.join('\n'));
}
