// Gloss memory in the draft: the English glosses the corpus has for a segment's terms,
// offered (up to nine) for insertion at the caret.
import { findGlossedTerms, type GlossIndex } from '../../annotations/translation/draft-checks';

export interface GlossSuggestion {
  term: string;
  gloss: string;
}

const MOST = 9;

/** The glosses for the terms of a segment's source, each gloss once, in the order found. */
export function glossSuggestions(source: string, glossary: GlossIndex): GlossSuggestion[] {
  const seen = new Set<string>();
  const offers: GlossSuggestion[] = [];
  for (const m of findGlossedTerms(source, glossary)) {
    for (const gloss of m.glosses) {
      if (seen.has(gloss.toLowerCase())) continue;
      seen.add(gloss.toLowerCase());
      offers.push({ term: source.slice(m.start, m.end), gloss });
    }
  }
  return offers.slice(0, MOST);
}

/** The gloss as inserted between `before` and `after`: spaced off from a word it would touch. */
export function insertedGloss(gloss: string, before: string, after: string): string {
  return `${/[\p{L}\p{N}]/u.test(before) ? ' ' : ''}${gloss}${/[\p{L}\p{N}]/u.test(after) ? ' ' : ''}`;
}
