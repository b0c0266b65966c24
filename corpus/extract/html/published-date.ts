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

/**
 * The day an article's address gives (`/2013/middle_east/8/3/…`, `/story/2024/5/20/…`,
 * `/2020/04/08/…`), for a page whose head gives no date: news sites file articles by day. A
 * year, then month and day as the next numeric path segments, at most one other segment
 * between year and month; an impossible date gives nothing.
 */
export function dateFromAddress(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path: string[];
  try {
    path = new URL(url).pathname.split('/').filter(Boolean);
  } catch {
    return undefined;
  }
  for (let i = 0; i < path.length; i++) {
    if (!/^(19|20)\d{2}$/.test(path[i]!)) continue;
    for (const m of [i + 1, i + 2]) {
      const month = path[m];
      const day = path[m + 1];
      if (!month || !day || !/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) continue;
      const iso = `${path[i]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
      const d = new Date(`${iso}T00:00:00Z`);
      if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso)) return iso;
    }
  }
  return undefined;
}
