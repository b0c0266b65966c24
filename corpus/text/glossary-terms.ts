// What counts as a glossary term: a word or a short phrase. A gloss of a whole paragraph (a
// user pasting an article into the gloss box) is a note the user keeps, not a term to look for
// in another text: matching it would build one pattern per word of it, and a pattern of
// thousands of words overflows the regular-expression engine, failing every alignment.
import { wordCount } from './words';

/** Longer than this (in characters) a term or gloss is not looked for in other texts. */
export const MAX_GLOSSARY_TERM_CHARS = 200;
/** Nor with more words than this. */
export const MAX_GLOSSARY_TERM_WORDS = 16;

/** Whether a term or its gloss is short enough to be matched as a glossary entry. */
export function isGlossaryPhrase(text: string): boolean {
  return text.length <= MAX_GLOSSARY_TERM_CHARS && wordCount(text) <= MAX_GLOSSARY_TERM_WORDS;
}
