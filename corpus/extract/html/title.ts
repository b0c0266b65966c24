// A page title usually ends with the site's name (`… - اليوم السابع`, `… | BBC News فارسی`):
// that tail is the outlet, not the headline, and is cut when it is one of the site's names.
const SEPARATORS = [' - ', ' | ', ' – ', ' — '];

export function cutSiteSuffix(title: string, siteNames: ReadonlyArray<string | undefined>): string {
  const names = new Set(siteNames.filter((n): n is string => !!n).map(key));
  if (names.size === 0) return title;
  let best = title;
  for (const sep of SEPARATORS) {
    const at = title.lastIndexOf(sep);
    if (at <= 0) continue;
    const tail = title.slice(at + sep.length);
    const head = title.slice(0, at).trim();
    if (head && names.has(key(tail)) && head.length < best.length) best = head;
  }
  return best;
}

function key(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The site's name as the `<title>` gives it after the headline (`headline - Sputnik Arabic`),
 * when the page names its site nowhere else: only when the part before the separator is the
 * headline itself, so a title that merely contains a dash gives nothing.
 */
export function siteFromTitle(title: string | undefined, headline: string | undefined): string | undefined {
  if (!title || !headline) return undefined;
  for (const sep of SEPARATORS) {
    const at = title.lastIndexOf(sep);
    if (at <= 0) continue;
    const tail = title.slice(at + sep.length).trim();
    if (tail && key(title.slice(0, at)) === key(headline) && tail.length <= 80) return tail;
  }
  return undefined;
}
