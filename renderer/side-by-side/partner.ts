// The text to show beside an article when side by side is opened from it: the last pairing
// saved for it, else its English translation (X.en.txt beside X.txt), else its English draft.
import type { Pairing } from '../../annotations/model/types';
import type { ArticleSummary } from '../../corpus/api/api';
import { DRAFT } from './text-pickers';

/** The partner of `file`: an article's file, or DRAFT for its English draft. */
export function partnerOf(file: string, articles: readonly ArticleSummary[], pairings: readonly Pairing[]): string {
  const offered = new Set(articles.map((a) => a.file));
  // Pairings are kept in the order they were saved: the last one is the person's latest word.
  const paired = [...pairings].reverse().find((p) => (p.a === file && offered.has(p.b)) || (p.b === file && offered.has(p.a)));
  if (paired) return paired.a === file ? paired.b : paired.a;
  const translation = translationOf(file);
  if (translation && offered.has(translation)) return translation;
  const source = sourceOf(file);
  if (source && offered.has(source)) return source;
  return DRAFT;
}

/** `X.en.txt` for `X.txt` (the convention an imported translation follows). */
function translationOf(file: string): string | null {
  const m = /^(.*?)(\.[^./]+)$/.exec(file);
  if (!m || /\.en$/i.test(m[1]!)) return null;
  return `${m[1]}.en${m[2]}`;
}

/** `X.txt` for `X.en.txt`: an English translation opened first shows its source beside it. */
function sourceOf(file: string): string | null {
  const m = /^(.*)\.en(\.[^./]+)$/i.exec(file);
  return m ? `${m[1]}${m[2]}` : null;
}
