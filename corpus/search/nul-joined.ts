// A column of strings kept in the index header as one string joined by NUL (which no file name,
// hash or ISO date holds): one string to parse instead of 20,000.

/** The column's items, or null when there are not `count` of them (an empty string is no items only when none are expected). */
export function splitNulJoined(joined: unknown, count: number): string[] | null {
  if (typeof joined !== 'string') return null;
  const out = count === 0 && joined === '' ? [] : joined.split('\0');
  return out.length === count ? out : null;
}
