// Where a mouse selection's ends land when they fall inside a word: on the word's edges, so
// that a drag never saves half a word. Intl.Segmenter keeps ZWNJ compounds (می‌خواهم) whole.

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang || undefined, { granularity: 'word' });
    segmenters.set(lang, s);
  }
  return s;
}

/**
 * The span [from, to) of `text` widened to whole words at either end that cuts a word, and
 * narrowed past the spaces at its edges (the gap a drag picks up beyond the last letter).
 */
export function snapToWords(text: string, from: number, to: number, lang: string): { from: number; to: number } {
  const words = [...segmenter(lang).segment(text)].filter((s) => s.isWordLike);
  for (const w of words) {
    const end = w.index + w.segment.length;
    if (w.index < from && from < end) from = w.index;
    if (w.index < to && to < end) to = end;
  }
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return { from, to };
}
