// When an article changed on disk, find each annotation again from its quote.
// Nothing anchors silently to the wrong text: what cannot be placed is orphaned, and kept.
import type { Annotation } from './types';

export function reanchorAnnotations(text: string, annotations: Annotation[]): Annotation[] {
  return annotations.map((a) => reanchorOne(text, a));
}

function reanchorOne(text: string, a: Annotation): Annotation {
  const { position, quote } = a.target;
  if (text.slice(position.start, position.end) === quote.exact) {
    return { ...a, anchor: { status: a.anchor.status === 'orphaned' ? 'moved' : a.anchor.status, score: a.anchor.score || 1 } };
  }
  let best = -1;
  let bestScore = -1;
  for (let i = text.indexOf(quote.exact); i !== -1; i = text.indexOf(quote.exact, i + 1)) {
    const prefixOk = text.slice(Math.max(0, i - quote.prefix.length), i) === quote.prefix ? 2 : 0;
    const suffixOk = text.slice(i + quote.exact.length, i + quote.exact.length + quote.suffix.length) === quote.suffix ? 2 : 0;
    const score = prefixOk + suffixOk - Math.abs(i - position.start) / (text.length + 1);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  if (best === -1) return { ...a, anchor: { status: 'orphaned', score: 0 } };
  return {
    ...a,
    target: { ...a.target, position: { start: best, end: best + quote.exact.length } },
    anchor: { status: 'moved', score: 1 },
  };
}
