// How many words a line has, as the metadata rules count them (runs of non-space).
export function wordCount(text: string): number {
  // Counted in one pass rather than split into an array: the detectors ask it of every line,
  // several times over. isSpace is exactly `\s`, so the count is the split's.
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** The characters `\s` matches (ECMAScript WhiteSpace and LineTerminator), by UTF-16 code unit. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
