// Which lines of an article the person marked as page furniture (or unmarked): marks by the
// line's position, re-anchored by its text when the article changes, over the older marks
// keyed by text alone, which still apply to every copy of their line.
import type { FurnitureMark } from './types';

/** A line as the marks see it: where it starts in the article text, and its text. */
export interface MarkedLine {
  start: number;
  text: string;
}

/**
 * The person's word on each line, by line index (absent: detection decides). A position mark
 * whose line still starts where it did with the same text applies there; otherwise it moves
 * to the nearest line with its text not yet claimed, and with none it applies nowhere (it is
 * kept in the sidecar, as an orphaned annotation is). Text-keyed marks fill in the rest.
 */
export function resolveFurnitureMarks(
  lines: readonly MarkedLine[],
  marks: readonly FurnitureMark[] | undefined,
  byText: Readonly<Record<string, boolean>> | undefined,
): Map<number, boolean> {
  const out = new Map<number, boolean>();
  const keyOf = lines.map((l) => l.text.trim());
  const pending: FurnitureMark[] = [];
  for (const mark of marks ?? []) {
    const at = lines.findIndex((l, i) => l.start === mark.start && keyOf[i] === mark.text);
    if (at >= 0 && !out.has(at)) out.set(at, mark.on);
    else pending.push(mark);
  }
  for (const mark of pending) {
    let best = -1;
    keyOf.forEach((key, i) => {
      if (key !== mark.text || out.has(i)) return;
      if (best < 0 || Math.abs(lines[i].start - mark.start) < Math.abs(lines[best].start - mark.start)) best = i;
    });
    if (best >= 0) out.set(best, mark.on);
  }
  if (byText) keyOf.forEach((key, i) => {
    if (!out.has(i) && Object.hasOwn(byText, key)) out.set(i, byText[key]);
  });
  return out;
}

/** Marks in their stored order (by position), one per start. */
export function sortedFurnitureMarks(marks: Iterable<FurnitureMark>): FurnitureMark[] {
  const byStart = new Map<number, FurnitureMark>();
  for (const m of marks) byStart.set(m.start, m);
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}
