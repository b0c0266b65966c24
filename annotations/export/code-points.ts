// W3C Web Annotation selectors count Unicode code points; the app counts UTF-16 code units.
// Articles almost never hold astral characters, so the common case costs one regex test.

/** A converter from UTF-16 offsets to code-point offsets for one text. */
export function codePointCounter(text: string): (utf16: number) => number {
  const astral: number[] = [];
  if (/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
    for (let i = 0; i < text.length - 1; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          astral.push(i);
          i++;
        }
      }
    }
  }
  if (astral.length === 0) return (utf16) => utf16;
  return (utf16) => {
    // Each surrogate pair that ends at or before `utf16` counts one code point, not two.
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid]! + 2 <= utf16) lo = mid + 1;
      else hi = mid;
    }
    return utf16 - lo;
  };
}
