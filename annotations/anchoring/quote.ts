// The quote selector that lets an annotation be found again when the article changes.
import type { TextQuote } from '../model/types';

export const QUOTE_CONTEXT = 32;

export function makeQuote(text: string, start: number, end: number): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}
