// A candidate place for a quote, the evidence it has, and how the one place is chosen among
// many: enough agreeing characters, and clearly better (or clearly nearer) than the next.

/** Lowest share of the folded quote that must survive for a fuzzy placement. */
export const MIN_FUZZY_SCORE = 0.75;
/** Quote characters plus context characters that must agree for a placement away from the old position. */
const MIN_SUPPORT = 20;
/** Context characters that must agree, unless the quote is long enough to speak for itself. */
const MIN_CONTEXT = 6;
const LONG_QUOTE = 40;
/** A place must beat every other by this many agreeing characters to win on evidence alone. */
const CLEAR_MARGIN = 6;

export interface Placement {
  start: number;
  end: number;
  /** Quote characters that agree (folded for fuzzy ones). */
  quoteSupport: number;
  /** Context characters that agree. */
  contextSupport: number;
  /** 1 for an exact quote; else the fuzzy score. */
  score: number;
  exact: boolean;
}

/**
 * Enough agreeing characters for a placement away from the old position, and either some
 * agreeing context or a quote long enough to speak for itself.
 */
export function enoughSupport(quoteSupport: number, contextSupport: number): boolean {
  return quoteSupport + contextSupport >= MIN_SUPPORT && (contextSupport >= MIN_CONTEXT || quoteSupport >= LONG_QUOTE);
}

function support(p: Placement): number {
  return p.quoteSupport + p.contextSupport + (p.exact ? 0.5 : 0);
}

/** Enough evidence to put an annotation somewhere (and, if fuzzy, a good enough score). */
function acceptable(p: Placement): boolean {
  if (!p.exact && p.score < MIN_FUZZY_SCORE) return false;
  return enoughSupport(p.quoteSupport, p.contextSupport);
}

/**
 * The best acceptable placement, if it is clearly better than every other place; among
 * equals the one nearest to where the neighbours say it should be, if clearly nearer.
 * Null when nothing is acceptable; 'ambiguous' when two places are equally good.
 */
export function choose(options: Placement[], expected: number): Placement | 'ambiguous' | null {
  const good = options.filter(acceptable);
  if (good.length === 0) return null;
  good.sort((x, y) => support(y) - support(x));
  const top = good[0]!;
  const rivals = good.filter((p) => p !== top && !overlaps(p, top) && support(top) - support(p) < CLEAR_MARGIN);
  if (rivals.length === 0) return top;
  const tied = [top, ...rivals].map((p) => ({ p, d: Math.abs(p.start - expected) })).sort((x, y) => x.d - y.d);
  const [first, second] = tied;
  if (first!.d * 2 < second!.d && second!.d - first!.d >= 10) return first!.p;
  return 'ambiguous';
}

function overlaps(a: Placement, b: Placement): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Characters of prefix (from its end) and suffix (from its start) that agree around [start, end). */
export function contextAt(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let p = 0;
  while (p < prefix.length && start - 1 - p >= 0 && text.charCodeAt(start - 1 - p) === prefix.charCodeAt(prefix.length - 1 - p)) p++;
  let s = 0;
  while (s < suffix.length && end + s < text.length && text.charCodeAt(end + s) === suffix.charCodeAt(s)) s++;
  return p + s;
}
