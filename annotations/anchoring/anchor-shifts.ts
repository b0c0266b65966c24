// Where the neighbours went: how far the text moved around each old position, estimated
// from the annotations that are found again with all their context.
import { contextAt, enoughSupport } from './placement';
import type { Annotation } from '../model/types';

/** How far from the running shift an annotation is looked for with all its context. */
const SHIFT_WINDOW = 2000;

export interface Shifts {
  expected(oldStart: number): number;
}

/**
 * How far the text moved around each old position, from the annotations found with all
 * their context: in the order of their old positions, each is looked for where the previous
 * one's shift puts it, then nearby, then (once its quote occurs just once) anywhere.
 */
export function estimateShifts(text: string, annotations: Annotation[]): Shifts {
  const pairs: Array<[number, number]> = [];
  const order = annotations.filter((a) => a.target.quote.exact.length > 0).sort((x, y) => x.target.position.start - y.target.position.start);
  let delta = 0;
  for (const a of order) {
    const { exact, prefix, suffix } = a.target.quote;
    const old = a.target.position.start;
    const full = prefix.length + suffix.length;
    const fits = (i: number) => contextAt(text, i, i + exact.length, prefix, suffix) === full;
    let found = -1;
    if (text.startsWith(exact, old + delta) && fits(old + delta)) found = old + delta;
    else {
      const from = Math.max(0, old + delta - SHIFT_WINDOW);
      for (let i = text.indexOf(exact, from); i !== -1 && i <= old + delta + SHIFT_WINDOW; i = text.indexOf(exact, i + 1)) {
        if (fits(i)) {
          found = found === -1 ? i : -2; // two fitting places nearby: no evidence
          if (found === -2) break;
        }
      }
      if (found === -1) {
        // Moved far: only a quote that occurs once, with context, says where.
        const i = text.indexOf(exact);
        if (i !== -1 && text.indexOf(exact, i + 1) === -1) {
          const context = contextAt(text, i, i + exact.length, prefix, suffix);
          if (enoughSupport(exact.length, context)) found = i;
        }
      }
    }
    if (found < 0) continue;
    delta = found - old;
    pairs.push([old, delta]);
  }
  return {
    expected(oldStart: number): number {
      if (pairs.length === 0) return oldStart;
      let lo = 0;
      let hi = pairs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (pairs[mid]![0] < oldStart) lo = mid + 1;
        else hi = mid;
      }
      let best = pairs[lo]!;
      if (lo > 0 && Math.abs(pairs[lo - 1]![0] - oldStart) < Math.abs(best[0] - oldStart)) best = pairs[lo - 1]!;
      return oldStart + best[1];
    },
  };
}
