// The citation line a reader can check (`Author, ` first when the file names one): `ISNA (ایسنا), "Headline", 13 Sep 2021 (22 Shahrivar 1400), para. 4.
// https://www.isna.ir/news/… (accessed 7 Dec 2026)` (the address only when the article has one).
// Parts that are unknown are left out. RTL parts are bidi-isolated so that the commas, the
// quotation marks and the digits stay where an English reader expects them.
import { findDates } from '../../corpus/metadata/dates';
import { formatIsoDate } from '../../corpus/text/english-date';
import { englishWithNative, outletByName } from '../../corpus/metadata/outlet-gazetteer';
import type { Language } from '../../corpus/text/language';
import type { DateValue } from '../model/types';
import { bdiHtml, isolate } from '../export/bidi';
import { formatPages, type PageSpan } from './pdf-pages';

// Written the same way in the reading view's header: kept here under its old name for the exports.
export { formatIsoDate };

export interface CitationSource {
  /** The author the file itself names (a Word file's or a saved page's metadata), never guessed. */
  author?: string | null;
  outlet: string | null;
  headline: string;
  date: DateValue | null;
  /** 1-based paragraph number as a reader counts (boilerplate left out), or null. */
  paragraph: number | null;
  /** A PDF's pages the quote runs over: cited instead of the paragraph, as a reader finds a PDF by its pages. */
  pages?: PageSpan | null;
  /** Article language: decides whether a bare numeric 14xx year is Solar or Lunar Hijri. */
  language?: Language;
  /** The article's web address (a saved page's canonical address), when it has one. */
  url?: string | null;
  /** When the page was saved (ISO date or timestamp): a web citation's access date. */
  accessed?: string | null;
  /** The text was read from a scan by OCR: a reader is told, as the words may differ from the page's. */
  ocr?: boolean;
}

export interface CitationParts {
  /** The author as the file names them, or null. */
  author: string | null;
  /** The outlet as written in the article or by the person. */
  outlet: string | null;
  /** Its English name when Hashiya knows the outlet: an English report cites that, the native name beside it. */
  outletEnglish: string | null;
  headline: string | null;
  /** The Gregorian date in English, e.g. `13 Sep 2021`. */
  date: string | null;
  /** The original Solar or Lunar Hijri date in Latin letters, e.g. `22 Shahrivar 1400`. */
  originalDate: string | null;
  paragraph: number | null;
  /** `p. 3` / `pp. 3–4` for a PDF quotation, which is cited by page rather than paragraph. */
  pages: PageSpan | null;
  /** The address as printed (citationUrl()), or null. */
  url: string | null;
  /** The access date in English, e.g. `7 Dec 2026`; only cited with an address. */
  accessed: string | null;
  /** The quote was read from a scan by OCR. */
  ocr: boolean;
}

const SOLAR_MONTHS = ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'];
const LUNAR_MONTHS = [
  'Muharram',
  'Safar',
  "Rabi' al-Awwal",
  "Rabi' al-Thani",
  'Jumada al-Ula',
  'Jumada al-Akhirah',
  'Rajab',
  "Sha'ban",
  'Ramadan',
  'Shawwal',
  "Dhu al-Qa'dah",
  'Dhu al-Hijjah',
];

/**
 * `22 Shahrivar 1400`, `5 Rabi' al-Awwal 1443 AH`; null when the original is Gregorian or
 * not a date the metadata reader understands. The original is read with the same date
 * reader that found it, so the citation never disagrees with the detection.
 */
export function transliterateDate(date: DateValue | null, language?: Language): string | null {
  if (!date?.original) return null;
  const found = findDates(date.original, language ? { language } : {})[0];
  if (!found || found.calendar === 'gregorian') return null;
  if (found.calendar === 'solar-hijri') return `${found.day} ${SOLAR_MONTHS[found.month - 1]} ${found.year}`;
  return `${found.day} ${LUNAR_MONTHS[found.month - 1]} ${found.year} AH`;
}

/**
 * The address as a citation prints it: an http(s) address in its canonical form (the host in
 * ASCII, the path percent-encoded, as a browser copies it), so no Persian slug can turn an
 * English line around and no space or control character can hide in it. Anything else is kept
 * as text with the same characters encoded. Null when there is nothing to print.
 */
export function citationUrl(raw: string | null | undefined): string | null {
  const trimmed = raw?.trim() ?? '';
  if (trimmed === '') return null;
  if (/^https?:/i.test(trimmed)) {
    try {
      return new URL(trimmed).href;
    } catch {
      // Not a valid address: printed as text below.
    }
  }
  return encodeOddCharacters(trimmed);
}

/** Every character outside printable ASCII percent-encoded (a lone surrogate as U+FFFD). */
function encodeOddCharacters(text: string): string {
  return text.replace(/[^\x21-\x7E]/gu, (c) => encodeURIComponent(c.length === 1 && c >= '\uD800' && c <= '\uDFFF' ? '\uFFFD' : c));
}

/** Whether a printed address may become a link: http and https only, never `javascript:` or `file:`. */
export function isLinkableUrl(url: string): boolean {
  return /^https?:\/\/[^\s]/i.test(url);
}

/** `2026-12-07` or `2026-12-07T04:17:45Z` → `7 Dec 2026`; anything else → null. */
export function formatAccessDate(iso: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(iso?.trim() ?? '');
  return m ? formatIsoDate(m[1]) : null;
}

export function citationParts(source: CitationSource): CitationParts {
  const headline = source.headline.trim();
  const outlet = source.outlet?.trim() || null;
  const known = outlet ? outletByName(outlet)?.outlet : undefined;
  return {
    author: source.author?.trim() || null,
    outlet: known?.native[0] ?? outlet,
    outletEnglish: known?.english ?? null,
    headline: headline || null,
    date: formatIsoDate(source.date?.iso),
    originalDate: transliterateDate(source.date, source.language),
    paragraph: source.paragraph,
    pages: source.pages ?? null,
    url: citationUrl(source.url),
    accessed: formatAccessDate(source.accessed),
    ocr: source.ocr === true,
  };
}

function joinCitation(parts: CitationParts, text: (s: string) => string): string {
  const out: string[] = [];
  // The author first, as Chicago cites an article: `Author, "Headline", Outlet, date`; the
  // outlet keeps its place before the headline so that a citation without an author reads as before.
  if (parts.author) out.push(text(parts.author));
  // An English report names the outlet in English, its own name kept: `Fars News Agency (خبرگزاری فارس)`.
  if (parts.outlet && parts.outletEnglish) out.push(englishWithNative(text(parts.outletEnglish), text(parts.outlet)));
  else if (parts.outlet) out.push(text(parts.outlet));
  if (parts.headline) out.push(`"${text(parts.headline)}"`);
  if (parts.date && parts.originalDate) out.push(`${parts.date} (${parts.originalDate})`);
  else if (parts.date) out.push(parts.date);
  else if (parts.originalDate) out.push(parts.originalDate);
  // A PDF is found by its pages (its paragraphs are the extractor's, which no reader counts).
  if (parts.pages) out.push(formatPages(parts.pages));
  else if (parts.paragraph !== null) out.push(`para. ${parts.paragraph}`);
  // Words read from a scan may differ from the page's: the reader is told where to check.
  if (parts.ocr) out.push('scan read by OCR');
  const body = out.join(', ');
  // Through `text` as every other part: escaped in the HTML form (an address that is not http(s) keeps its `<`).
  const address = text(citationAddress(parts));
  if (address === '') return body;
  return body === '' ? address : `${body}. ${address}`;
}

/**
 * The web part of a citation, as Chicago has it: the address, then `(accessed 7 Dec 2026)`.
 * Empty without an address (an access date alone tells a reader nothing).
 */
export function citationAddress(parts: Pick<CitationParts, 'url' | 'accessed'>): string {
  if (!parts.url) return '';
  return parts.accessed ? `${parts.url} (accessed ${parts.accessed})` : parts.url;
}

/** Plain text, RTL parts isolated with FSI/RLI…PDI. */
export function formatCitation(source: CitationSource): string {
  return joinCitation(citationParts(source), isolate);
}

/** The same from parts worked out once per article (reading the date is the costly step). */
export function formatCitationParts(parts: CitationParts): string {
  return joinCitation(parts, isolate);
}

/** HTML, escaped, RTL parts in <bdi>. */
export function formatCitationHtml(source: CitationSource): string {
  return joinCitation(citationParts(source), bdiHtml);
}


export interface CitationPieces {
  /** The citation up to its address (all of it when there is none). */
  body: string;
  /** The address and the access date as printed, when the citation carries them. */
  address: { url: string; accessed: string | null } | null;
}

/**
 * A quotation's citation cut where its address begins, for formats that make the address a
 * link (HTML, DOCX, Markdown). The citation text itself is left as it was composed.
 */
export function citationPieces(q: { citation: string; url?: string | undefined; accessed?: string | undefined }): CitationPieces {
  if (!q.url) return { body: q.citation, address: null };
  const accessed = formatAccessDate(q.accessed);
  const address = citationAddress({ url: q.url, accessed });
  if (q.citation === address) return { body: '', address: { url: q.url, accessed } };
  if (!q.citation.endsWith(`. ${address}`)) return { body: q.citation, address: null };
  return { body: q.citation.slice(0, -address.length - 2), address: { url: q.url, accessed } };
}
