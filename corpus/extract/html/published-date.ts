// Which of the dates a page's head gives is its publication date. Pages often give several
// (Open Graph's `article:published_time`, JSON-LD `datePublished`, microdata, Dublin Core,
// `<time datetime>`), and they do not always agree: a CMS may stamp `article:published_time`
// when a translation or a migrated copy went online, months after the article. The day most of
// them name wins; on a tie, the first in the order below. The value is kept as the page writes
// it (its own offset), never shifted.

/** Candidates in order of trust when they tie; absent ones are undefined. */
export function publishedDate(candidates: Array<string | undefined>): string | undefined {
  const given = candidates.filter((c): c is string => c !== undefined);
  if (given.length === 0) return undefined;
  const votes = new Map<string, number>();
  for (const c of given) {
    const day = dayOf(c);
    if (day) votes.set(day, (votes.get(day) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const c of given) {
    const day = dayOf(c);
    if (day && (best === null || votes.get(day)! > votes.get(best)!)) best = day;
  }
  return best === null ? given[0] : given.find((c) => dayOf(c) === best);
}

function dayOf(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
