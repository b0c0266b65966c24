// Shortening a headline, quote or note to fit a list: cut at its logical end, so a Persian or
// Arabic one still shows its first words (never its middle), at a space where one is near,
// and never between a letter and its marks, a ZWNJ compound's halves or a surrogate pair.

const JOINED = /[\p{M}\u200c\u200d\udc00-\udfff]/u;

export function clip(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  let cut = t.lastIndexOf(' ', max - 1);
  if (cut < max * 0.6) {
    cut = max - 1;
    while (cut > 1 && JOINED.test(t[cut]!)) cut--;
    // A ZWNJ left at the end would join the ellipsis to the word.
    while (cut > 1 && /\u200c|\u200d/.test(t[cut - 1]!)) cut--;
  }
  return `${t.slice(0, cut).trimEnd()}…`;
}
