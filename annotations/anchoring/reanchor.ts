// When an article changed on disk, each annotation is found again from its quote:
//   exact    the quote is still at its position (and its context agrees);
//   moved    the same quote elsewhere, told apart from other occurrences by its context
//            (prefix and suffix) and by how far the neighbouring annotations moved;
//   fuzzy    the quote was edited: found after folding (letter variants, ZWNJ, digits...)
//            with a bounded edit distance, and a score;
//   orphaned nothing good enough, or two places equally good. Kept, never dropped.
// Nothing anchors silently to the wrong text: a placement needs enough matching characters
// (quote and context together) and must be clearly better than the next best place.
// Runs in Node and in the browser.
// This module decides; placement.ts weighs the evidence, exact-placements.ts and
// fuzzy-placements.ts find the candidates, anchor-shifts.ts says where they should be.
import { makeQuote } from './quote';
import type { Annotation } from '../model/types';
import { estimateShifts, type Shifts } from './anchor-shifts';
import { exactPlacements } from './exact-placements';
import { Context, fuzzyPlacements } from './fuzzy-placements';
import { choose, contextAt, type Placement } from './placement';

export { MIN_FUZZY_SCORE } from './placement';

/** Key characters around the expected place searched first for an edited quote. */
const NEAR = 3000;

/**
 * Every annotation placed on `text` again, or only those `pick` chooses (the others are kept
 * as they are, and still tell where the text moved).
 */
export function reanchorAnnotations(text: string, annotations: Annotation[], pick?: (a: Annotation, index: number) => boolean): Annotation[] {
  const ctx = new Context(text);
  const shifts = estimateShifts(text, annotations);
  return annotations.map((a, i) => (!pick || pick(a, i) ? reanchorOne(ctx, a, shifts) : a));
}

function reanchorOne(ctx: Context, a: Annotation, shifts: Shifts): Annotation {
  const { text } = ctx;
  const { position, quote } = a.target;
  const len = quote.exact.length;
  if (len === 0) return orphan(a);
  const expected = shifts.expected(position.start);
  const full = quote.prefix.length + quote.suffix.length;

  // Still where it was, or exactly where its neighbours moved, with all its context: the
  // common cases, no search needed.
  for (const at of expected === position.start ? [position.start] : [position.start, expected]) {
    if (text.startsWith(quote.exact, at) && contextAt(text, at, at + len, quote.prefix, quote.suffix) === full) {
      return placed(a, text, at, at + len, { status: at === position.start && at + len === position.end ? 'exact' : 'moved', score: 1 });
    }
  }

  const exact = exactPlacements(text, quote.exact, quote.prefix, quote.suffix, expected);
  const choice = choose(exact, expected);
  if (choice && choice !== 'ambiguous') return placed(a, text, choice.start, choice.end, { status: statusOf(choice, a), score: 1 });

  // Edited, or the quote is common and its context must decide: weigh the exact places
  // together with approximate ones.
  // Edits are local: look near where the annotation should be first, then everywhere.
  let best = choose([...exact, ...fuzzyPlacements(ctx, a, expected, NEAR)], expected);
  if (!best) best = choose([...exact, ...fuzzyPlacements(ctx, a, expected, Infinity)], expected);
  if (!best || best === 'ambiguous') return orphan(a);
  if (best.exact) return placed(a, text, best.start, best.end, { status: statusOf(best, a), score: 1 });
  let score = Math.round(best.score * 1000) / 1000;
  if (score >= 1 && text.slice(best.start, best.end) !== quote.exact) score = 0.99;
  return placed(a, text, best.start, best.end, { status: 'fuzzy', score });
}

function statusOf(p: Placement, a: Annotation): 'exact' | 'moved' {
  return p.start === a.target.position.start && p.end === a.target.position.end ? 'exact' : 'moved';
}

function placed(a: Annotation, text: string, start: number, end: number, anchor: Annotation['anchor']): Annotation {
  const samePlace = start === a.target.position.start && end === a.target.position.end && text.slice(start, end) === a.target.quote.exact;
  // A fuzzy placement waits for a person to look at it: unrelated edits elsewhere do not clear it.
  const keep = samePlace && a.anchor.status === 'fuzzy' && anchor.status === 'exact';
  return {
    ...a,
    target: { position: { start, end }, quote: makeQuote(text, start, end) },
    anchor: keep ? a.anchor : anchor,
  };
}

function orphan(a: Annotation): Annotation {
  return { ...a, anchor: { status: 'orphaned', score: 0 } };
}
