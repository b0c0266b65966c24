// An MHTML's `Date:` header (RFC 5322, e.g. `Mon, 6 Dec 2021 10:11:12 +0330`) as ISO 8601 with the
// offset the saving machine wrote: the reader's local clock is the access time a citation gives,
// so it is not shifted to UTC.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// RFC 5322 §4.3 obsolete zone names; "UT"/"GMT" are UTC.
const NAMED_ZONES: Record<string, string> = {
  ut: '+00:00', utc: '+00:00', gmt: '+00:00', z: '+00:00',
  est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00',
  mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
};

const DATE =
  /^\s*(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,3})?\s*(?:\(.*\))?\s*$/i;

const two = (n: number) => String(n).padStart(2, '0');

/** `Mon, 6 Dec 2021 10:11:12 +0330` → `2021-12-06T10:11:12+03:30`; undefined when it is not a date. */
export function mailDateToIso(header: string): string | undefined {
  const m = DATE.exec(header);
  if (!m) return undefined;
  const [, dayText, monthText, yearText, hourText, minuteText, secondText, zoneText] = m;
  const month = MONTHS.indexOf(monthText.toLowerCase());
  if (month < 0) return undefined;
  let year = Number(yearText);
  // RFC 5322 §4.3: two-digit years below 50 are 20xx, three-digit ones add 1900.
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yearText.length === 3) year += 1900;
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  const check = new Date(Date.UTC(year, month, day));
  if (check.getUTCMonth() !== month || check.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const offset = zoneOffset(zoneText);
  if (offset === undefined) return undefined;
  return `${year}-${two(month + 1)}-${two(day)}T${two(hour)}:${two(minute)}:${two(Math.min(second, 59))}${offset}`;
}

function zoneOffset(zone: string | undefined): string | undefined {
  // No zone at all: RFC 5322 calls that UTC-unknown; treat it as UTC rather than drop the date.
  if (zone === undefined) return '+00:00';
  const numeric = /^([+-])(\d{2})(\d{2})$/.exec(zone);
  if (numeric) {
    const [, sign, hours, minutes] = numeric;
    if (Number(minutes) > 59) return undefined;
    // `-0000` (Chrome on a machine set to UTC) means "UTC, local zone unknown"; RFC 3339 spells
    // that `-00:00`, which many ISO parsers reject, so it is written `+00:00`.
    if (hours === '00' && minutes === '00') return '+00:00';
    return `${sign}${hours}:${minutes}`;
  }
  return NAMED_ZONES[zone.toLowerCase()];
}
