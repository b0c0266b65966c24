// The sentences a sidecar store tells the person after a merge: which article details were
// corrected differently elsewhere, and what was kept.
import type { MetadataClash } from './merge';

const DETAIL_NAMES: Record<string, string> = { headline: 'headline', outlet: 'outlet', date: 'date', encoding: 'text encoding', segments: 'segment cuts' };

/**
 * Article details corrected differently here and elsewhere: this copy's correction was kept,
 * and the other one is named, since it is kept nowhere else for the user to find.
 */
export function clashSentences(clashes: MetadataClash[]): string {
  return clashes
    .map((c) => {
      const name = DETAIL_NAMES[c.key] ?? c.key;
      return ` The ${name} was corrected differently elsewhere (${detailValue(c.other)}); this copy's (${detailValue(c.kept)}) was kept: change it under "Edit details…" if the other is right.`;
    })
    .join('');
}

function detailValue(value: unknown): string {
  if (value === undefined || value === null) return 'none: as detected';
  if (typeof value === 'string') return `“${value}”`;
  if (Array.isArray(value)) return plural(value.length, 'cut');
  if (typeof value === 'object' && 'original' in value) {
    const date = value as { original: string; iso: string | null };
    return `“${date.original || date.iso || ''}”`;
  }
  return JSON.stringify(value);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
