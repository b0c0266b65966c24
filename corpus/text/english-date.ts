// A Gregorian day written as an English reader reads it (`13 Sep 2021`), for citations and for
// the reading view's header, so that the two always write a day the same way. Here, below the
// metadata layer, because the window may use it (it runs no detector, and this detects nothing).

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2021-09-13` → `13 Sep 2021`; `2021-09` → `Sep 2021`; `2021` → `2021`; anything else → null. */
export function formatIsoDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = mo ? EN_MONTHS[Number(mo) - 1] : undefined;
  if (mo && !month) return null;
  if (!month) return y!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A machine timestamp as a page's head gives it (`2024-05-20T07:00:00Z`), not words a person wrote. */
const MACHINE_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * How a date is shown beside a headline: the words the article wrote it in, then the ISO day
 * (`۲۲ شهریور ۱۴۰۰ (2021-09-13)`). A page's declared timestamp (`2024-05-20T07:00:00Z`) is no
 * one's words, nor is a day given only as ISO: its day is written out as citations write it
 * (`20 May 2024`), and a timestamp is kept for a tooltip.
 */
export function dateAsShown(date: { iso: string | null; original: string }): { written: string | null; day: string | null; timestamp: string | null } {
  const original = date.original.trim();
  const timestamp = MACHINE_TIMESTAMP.test(original) ? original : null;
  if (original && !timestamp) return { written: original, day: date.iso, timestamp: null };
  const day = formatIsoDate(date.iso) ?? (timestamp ? formatIsoDate(timestamp.slice(0, 10)) : null);
  return { written: null, day: day ?? (timestamp || date.iso), timestamp };
}
