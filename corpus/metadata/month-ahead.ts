// Whether a month name can start after a day's digits, by a small regex V8 compiles to machine
// code: the named-date pattern (dates.ts) is too large for that, and trying it in the
// interpreter at every one- or two-digit number of a paragraph (`5 نفر`, `در 12 استان`) was
// most of findDates' time. This is the pattern's own opening after the day (spaces, `ال`, the
// first letter of some month name as flexPattern writes it), so a place it rejects is one the
// full pattern rejects too: the dates found are the same.
import { MONTH_NAMES } from './date-names';
import { flexPattern } from '../text/letter-variants';

const SP = '[\\s\\u00A0\\u200C]';
const firsts = [...new Set(MONTH_NAMES.flatMap((m) => m.names).map((n) => [...n][0]!))];
// A name opening with a space or a mark would make its first letter optional: then no filter.
const MONTH_AHEAD = firsts.every((c) => /^\p{L}$/u.test(c)) ? new RegExp(`${SP}*(?:ال${SP}*)?(?:${firsts.map(flexPattern).join('|')})`, 'uy') : null;

/** False only where no month name can follow `at` as the named-date pattern allows. */
export function monthCanFollow(text: string, at: number): boolean {
  if (MONTH_AHEAD === null) return true;
  MONTH_AHEAD.lastIndex = at;
  return MONTH_AHEAD.test(text);
}
