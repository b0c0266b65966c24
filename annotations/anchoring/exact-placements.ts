// Where the quote still occurs exactly, each place with the context that agrees around it.
import { contextAt, type Placement } from './placement';

/** What it counts for that an exact quote sits exactly where its neighbours' shift puts it. */
const POSITION_SUPPORT = 10;
/** Occurrences of one quote beyond which it is too common to be worth weighing each one. */
const MAX_OCCURRENCES = 5000;

/** Every occurrence of the quote (up to a bound), with the context agreeing there; the expected place counts extra. */
export function exactPlacements(text: string, exact: string, prefix: string, suffix: string, expected: number): Placement[] {
  const out: Placement[] = [];
  for (let i = text.indexOf(exact); i !== -1 && out.length < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1)) {
    const context = contextAt(text, i, i + exact.length, prefix, suffix) + (i === expected ? POSITION_SUPPORT : 0);
    out.push({ start: i, end: i + exact.length, quoteSupport: exact.length, contextSupport: context, score: 1, exact: true });
  }
  return out;
}
