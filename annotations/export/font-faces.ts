// Web fonts embedded in the HTML exports (the quotation report and the bilingual page), so that
// a saved page shows Persian and Arabic with no network and no installed font. Kept apart from
// the loader (which reads files with Node) so that the HTML writers themselves run anywhere.
export interface FontFaceSource {
  family: string;
  weight: 400 | 700;
  /** CSS unicode-range of this subset, e.g. `U+0600-06FF,U+200C-200E`; '' for the whole font. */
  unicodeRange: string;
  woff2: Uint8Array;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  // Spread in chunks: one call with a whole font's bytes as arguments overflows the stack.
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** One @font-face rule per font, the woff2 inside as a data: URL (the pages' CSP allows no other font source). */
export function fontFaceCss(fonts: readonly FontFaceSource[]): string {
  return fonts
    .map(
      (f) =>
        `@font-face { font-family: ${JSON.stringify(f.family)}; font-style: normal; font-weight: ${f.weight}; font-display: block; ` +
        `src: url('data:font/woff2;base64,${base64(f.woff2)}') format('woff2');${f.unicodeRange ? ` unicode-range: ${f.unicodeRange};` : ''} }`,
    )
    .join('\n');
}
