// What a file says of itself (a saved page's head: og:title, og:site_name, published time)
// comes before what the detectors guess from its text: the detectors only fill in what the
// file does not say. The person's corrections still win over both (applied by the callers).
import { gregorianToIso } from './calendars';
import type { DateValue } from './date-value';
import { outletByDomain, outletByName, type KnownOutlet } from './outlet-gazetteer';
import type { Language } from '../text/language';

/** The fields of a file's own metadata used here (extract/types.ts ExtractedMeta has this shape). */
export interface DeclaredMetadata {
  title?: string;
  site?: string;
  published?: string;
  url?: string;
}

export interface ArticleDetails {
  headline: string;
  outlet: string | null;
  date: DateValue | null;
  /** The text has no headline of its own (its first sentence stands in). */
  untitled: boolean;
}

/** `detected` with what the file declares put first. */
export function withDeclared(detected: ArticleDetails, declared: DeclaredMetadata | undefined, language: Language): ArticleDetails {
  if (!declared) return detected;
  const headline = declared.title?.trim();
  const outlet = declaredOutlet(declared, language);
  const date = declaredDate(declared.published);
  return {
    headline: headline || detected.headline,
    untitled: headline ? false : detected.untitled,
    outlet: outlet ?? detected.outlet,
    date: date ?? detected.date,
  };
}

/** The site's name as a known outlet's when the gazetteer knows it (or its address), else as the page writes it. */
function declaredOutlet(declared: DeclaredMetadata, language: Language): string | null {
  const site = declared.site?.trim();
  const byName = site ? outletByName(site) : null;
  const known: KnownOutlet | null = (byName && !byName.ambiguous ? byName.outlet : null) ?? (declared.url ? outletOfAddress(declared.url) : null);
  // An English text (a translation) names the outlet in English, as the detectors do.
  if (known) return language === 'en' ? known.english : known.native[0]!;
  return site || null;
}

function outletOfAddress(url: string): KnownOutlet | null {
  try {
    return outletByDomain(new URL(url).hostname);
  } catch {
    return null;
  }
}

/**
 * The publication day as the page writes it: `2021-09-13T08:30:00+04:30` is the 13th, the
 * outlet's own day (its offset kept), not converted to UTC. Not a valid day: null.
 */
function declaredDate(published: string | undefined): DateValue | null {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(published.trim()) : null;
  if (!m) return null;
  const iso = gregorianToIso(Number(m[1]), Number(m[2]), Number(m[3]));
  return iso ? { iso, original: published!.trim() } : null;
}
