// Headline, outlet and publication date as a reader of the article would give them, found in
// the text as it comes from the web (see boilerplate.ts, outlets.ts, publication-date.ts for
// the rules). The user's corrections live in the sidecar and win over all of this.
import type { DateValue } from './date-value';
import { classifyBoilerplate, type BoilerplateKind } from './boilerplate';
import { languageDirection, type Language } from '../text/language';
import { looseKey } from '../text/letter-variants';
import { readOutlet, type OutletCandidate, type OutletFinding } from './outlets';
import { firstLine, splitParagraphs, type Paragraph } from '../text/paragraphs';
import { detectPublicationDate, type PublicationDate } from './publication-date';

export interface DetectedMetadata {
  headline: string;
  outlet: string | null;
  date: DateValue | null;
  /** Paragraph index of the headline, or null when the text has no line to call one. */
  headlineParagraph: number | null;
  /** Where the outlet was read, or null. */
  outletFound: OutletFinding | null;
  /** Every outlet the text names, likeliest publisher first, for the person to pick from. */
  outletCandidates: OutletCandidate[];
  /** True when more than one outlet has a publisher's evidence. */
  outletUncertain: boolean;
  /** Where the date was read, or null. */
  dateFound: PublicationDate['found'];
  /** Why a date at the top of the page was not taken as the publication date, or null. */
  dateNote: string | null;
}

const HEADLINE_MAX_WORDS = 40;
const HEADLINE_SEARCH_LINES = 15;
const TRUNCATED = /(?:\.\.\.|…)\s*$/u;

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

function couldBeHeadline(text: string): boolean {
  const t = text.trim();
  const n = wordCount(t);
  if (n < 2 || n > HEADLINE_MAX_WORDS) return false;
  if (/[:：]$/u.test(t)) return false; // a label introducing what follows
  if (/^به\s*گزارش/u.test(t)) return false; // the body's attribution sentence
  // `زاكروس عربية – أربيل`: a dateline line of two short names.
  const parts = t.split(/(?<=\s)[-–—](?=\s)/);
  if (parts.length === 2 && n <= 5) return false;
  return true;
}

/** The first line a reader takes for the headline, skipping furniture, labels and datelines. */
function findHeadline(paragraphs: readonly Paragraph[], furniture: ReadonlyMap<number, BoilerplateKind>): number {
  const limit = Math.min(paragraphs.length, HEADLINE_SEARCH_LINES);
  for (let i = 0; i < limit; i++) {
    if (furniture.has(i) || !couldBeHeadline(paragraphs[i].text)) continue;
    // A shortened copy of the headline (`... و...`) above the full one: take the full one.
    const text = paragraphs[i].text.trim();
    if (TRUNCATED.test(text)) {
      const stem = looseKey(text.replace(TRUNCATED, ''));
      const full = paragraphs.findIndex((p, j) => j > i && j < limit && looseKey(p.text).startsWith(stem));
      if (full >= 0) return full;
    }
    return i;
  }
  return paragraphs.findIndex((_, i) => !furniture.has(i));
}

function paragraphsOf(text: string, language: Language, paragraphs?: Paragraph[]): Paragraph[] {
  return paragraphs ?? splitParagraphs(text, languageDirection(language));
}

export function detectMetadata(text: string, language: Language, paragraphs?: Paragraph[]): DetectedMetadata {
  const paras = paragraphsOf(text, language, paragraphs);
  const furniture = classifyBoilerplate(paras, language);
  const headlineIndex = findHeadline(paras, furniture);
  const headline = headlineIndex >= 0 ? paras[headlineIndex].text.trim() : firstLine(text);
  const outlet = readOutlet(paras, { headline: headlineIndex, boilerplate: new Set(furniture.keys()) });
  const published = detectPublicationDate(text, paras, { language, headline: headlineIndex, boilerplate: furniture });
  return {
    headline,
    outlet: outlet.best?.name ?? null,
    date: published.date,
    headlineParagraph: headlineIndex >= 0 ? headlineIndex : null,
    outletFound: outlet.best,
    outletCandidates: outlet.candidates,
    outletUncertain: outlet.uncertain,
    dateFound: published.found,
    dateNote: published.note,
  };
}

/** Indexes (into the paragraph list) of lines that look like page furniture, not article text. */
export function detectBoilerplate(paragraphs: Paragraph[], language: Language): Set<number> {
  return new Set(classifyBoilerplate(paragraphs, language).keys());
}
