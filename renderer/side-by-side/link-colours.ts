// How links look: each linked segment takes its link's colour (the same on both sides and in
// the gutter line between), doubtful and confirmed links are marked, and so is what both
// texts say.
import { REVIEW_BELOW, type AlignmentSet } from './alignment-set';
import { spanOfEl, type Column } from './column';
import type { GutterLink } from './link-gutter';
import type { ShownTexts } from './shown-texts';

const COLOURS = 6;

/** Colours segments by link, marks doubtful and confirmed ones, and what both texts share. */
export function paintLinks(columns: readonly Column[], sets: readonly AlignmentSet[]): void {
  const primary = sets[0] ?? null;
  for (const column of columns) {
    const els = column.segmentEls();
    const segments = [...column.doc.segments].sort((x, y) => x.start - y.start);
    const index = new Map(segments.map((s, i) => [`${s.start}:${s.end}`, i]));
    const side = primary?.sideOf(column.file) ?? null;
    const linked = sets.filter((s) => s.sideOf(column.file));
    for (const el of els) {
      const span = spanOfEl(el);
      el.classList.remove(...[...el.classList].filter((c) => /^lc-\d$/.test(c)), 'linked', 'doubtful', 'confirmed-link', 'in-both');
      if (primary && side) {
        const at = primary.linksAt(side, span);
        const first = at[0];
        if (first !== undefined) {
          const l = primary.links[first]!;
          el.classList.add(`lc-${first % COLOURS}`, 'linked');
          if (l.confirmed) el.classList.add('confirmed-link');
          else if (l.score < REVIEW_BELOW) el.classList.add('doubtful');
        }
      } else if (!primary) {
        const i = index.get(`${span.start}:${span.end}`);
        if (i !== undefined && !el.classList.contains('skip')) el.classList.add(`lc-${i % COLOURS}`);
      }
      const inBoth =
        el.querySelector('mark.shared') !== null ||
        linked.some((s) => s.linksAt(s.sideOf(column.file)!, span).some((k) => s.links[k]!.confirmed || s.links[k]!.score >= 0.5));
      if (inBoth) el.classList.add('in-both');
    }
  }
}

/** The lines of the gutter between two columns (an article and its own draft: segment to segment). */
export function gutterLinks(texts: Pick<ShownTexts, 'setFor'>, left: Column, right: Column): GutterLink[] {
  if (left.file === right.file) {
    return [...left.doc.segments]
      .sort((x, y) => x.start - y.start)
      .filter((s) => !s.skip)
      .map((s, i) => ({ a: s, b: s, cls: `lc-${i % COLOURS} confirmed` }));
  }
  const set = texts.setFor(left.file, right.file);
  if (!set) return [];
  return set.from(left.file).map((l, i) => ({
    a: { start: l.a[0], end: l.a[1] },
    b: { start: l.b[0], end: l.b[1] },
    cls: `lc-${i % COLOURS} ${linkState(l)}`,
  }));
}

function linkState(l: { confirmed: boolean; score: number }): string {
  return l.confirmed ? 'confirmed' : l.score < REVIEW_BELOW ? 'doubtful' : 'sure';
}
