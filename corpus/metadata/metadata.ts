// Headline, outlet and publication date as a reader of the article would give them, found in
// the text as it comes from the web (see boilerplate.ts, outlets.ts, publication-date.ts for
// the rules). The user's corrections live in the sidecar and win over all of this.
import type { DateValue } from './date-value';
import { classifyBoilerplate, type BoilerplateKind } from './boilerplate';
import { languageDirection, type Language } from '../text/language';
import { readOutlet, type OutletCandidate, type OutletFinding } from './outlets';
import { splitParagraphsLazily, type Paragraph } from '../text/paragraphs';
import { findHeadline } from './headline';
import { detectPublicationDate, type PublicationDate } from './publication-date';
import { nearEdges } from './edge-window';

export interface DetectedMetadata {
  headline: string;
  outlet: string | null;
  date: DateValue | null;
  /** Paragraph index of the headline, or null when the text has none (`headline` is then its first sentence). */
  headlineParagraph: number | null;
  /** The kicker line above the headline, if the page has one. */
  kicker: string | null;
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

function paragraphsOf(text: string, language: Language, paragraphs?: readonly Paragraph[]): readonly Paragraph[] {
  return nearEdges(paragraphs ?? splitParagraphsLazily(text, languageDirection(language)), text.length);
}

export function detectMetadata(text: string, language: Language, paragraphs?: readonly Paragraph[]): DetectedMetadata {
  const paras = paragraphsOf(text, language, paragraphs);
  const furniture = classifyBoilerplate(paras, language);
  const found = findHeadline(paras, furniture);
  const headlineIndex = found.paragraph ?? -1;
  const headline = found.text;
  const outlet = readOutlet(paras, { headline: headlineIndex, boilerplate: new Set(furniture.keys()) });
  const published = detectPublicationDate(text, paras, { language, headline: headlineIndex, boilerplate: furniture });
  return {
    headline,
    // An English text (a translation) names the outlet in English.
    outlet: outlet.best ? (language === 'en' && outlet.best.known ? outlet.best.known.english : outlet.best.name) : null,
    date: published.date,
    headlineParagraph: found.paragraph,
    kicker: found.kicker,
    outletFound: outlet.best,
    outletCandidates: outlet.candidates,
    outletUncertain: outlet.uncertain,
    dateFound: published.found,
    dateNote: published.note,
  };
}

/** Indexes (into the paragraph list) of lines that look like page furniture, not article text. */
export function detectBoilerplate(paragraphs: readonly Paragraph[], language: Language): Set<number> {
  return new Set(classifyBoilerplate(paragraphs, language).keys());
}
