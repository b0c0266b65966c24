// Overlapping annotations are cut into elementary segments, each covered by a fixed set of
// annotations, so every layer stays visible (ProseMirror merges the classes of overlapping
// decorations but keeps only the last one's other attributes).

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Covering annotations, outermost first (earlier start, then longer). */
  ids: string[];
}

function outerFirst(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Segments of [from, to) covered by at least one span, by a sweep over start/end points
 * (5,000 highlights in one article must build in a few milliseconds).
 */
export function segmentHighlights(spans: Span[], from = -Infinity, to = Infinity): Segment[] {
  const inside = spans.filter((s) => s.end > from && s.start < to && s.end > s.start);
  const events: Array<{ at: number; span: Span; open: boolean }> = [];
  for (const s of inside) {
    events.push({ at: Math.max(s.start, from), span: s, open: true });
    events.push({ at: Math.min(s.end, to), span: s, open: false });
  }
  events.sort((x, y) => x.at - y.at || (x.open === y.open ? 0 : x.open ? 1 : -1));
  const active: Span[] = [];
  const out: Segment[] = [];
  let last = -Infinity;
  for (const e of events) {
    if (e.at > last && active.length > 0) out.push({ start: last, end: e.at, ids: active.map((s) => s.id) });
    last = e.at;
    if (e.open) {
      let lo = 0;
      let hi = active.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (outerFirst(active[mid]!, e.span) < 0) lo = mid + 1;
        else hi = mid;
      }
      active.splice(lo, 0, e.span);
    } else {
      active.splice(active.indexOf(e.span), 1);
    }
  }
  return out;
}
