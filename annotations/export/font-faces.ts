// A web font to embed in an HTML export. Kept apart from the loader (which reads files with
// Node) so that the HTML writer itself runs anywhere.
export interface FontFaceSource {
  family: string;
  weight: 400 | 700;
  /** CSS unicode-range of this subset, e.g. `U+0600-06FF,U+200C-200E`. */
  unicodeRange: string;
  woff2: Uint8Array;
}
