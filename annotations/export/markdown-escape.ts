// Backslash escapes that make user text show in Markdown as it was typed: CommonMark, GitHub
// tables and strikethrough, and GitHub math. `#` is escaped anywhere, not only at a line start,
// because in a heading a trailing ` #` is read as a closing sequence and dropped.
const INLINE_MARKUP = /[\\`*_[\]<>#|~&$]/g;

// What still makes a line a block with the characters above escaped: a bullet (`- `, `+ `),
// a thematic break or setext underline (`---`, `===`), an ordered item (`1. `, `1) `).
const BULLET_OR_RULE = /^([ \t]*)([-+](?=[ \t]|$)|[-=](?=[-= \t]*$))/gm;
const ORDERED_ITEM = /^([ \t]*\d+)([.)])(?=[ \t]|$)/gm;

function escapeInlineMarkup(text: string): string {
  return text.replace(INLINE_MARKUP, (c) => `\\${c}`);
}

/**
 * A value written inside a line (after a label, in a heading or list item): markup escaped,
 * and line breaks as <br>, because a newline would end the item or heading.
 */
export function escapeMarkdownInline(text: string): string {
  return escapeInlineMarkup(text).replace(/\r\n|\r|\n/g, '<br>');
}

/** A whole paragraph: markup escaped, and no line of it read as a list item, heading or rule. */
export function escapeMarkdownParagraph(text: string): string {
  return escapeInlineMarkup(text).replace(BULLET_OR_RULE, '$1\\$2').replace(ORDERED_ITEM, '$1\\$2');
}
