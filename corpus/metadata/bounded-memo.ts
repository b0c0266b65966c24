// A folding function's answers kept by their input, for the list worker's detectors: news prose
// repeats its lines and words across articles, and folding them again was a large share of the
// work. Bounded (emptied when full), so a book-length file or a long session does not keep
// every string it ever read.

export function boundedMemo(fn: (text: string) => string, max: number): (text: string) => string {
  const kept = new Map<string, string>();
  return (text) => {
    let value = kept.get(text);
    if (value === undefined) {
      if (kept.size >= max) kept.clear();
      value = fn(text);
      kept.set(text, value);
    }
    return value;
  };
}
