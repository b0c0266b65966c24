// Taking an imported XLIFF's renderings into the article's own, crediting what changed.
import type { Rendering } from '../model/types';

/**
 * Applies the renderings of an imported XLIFF to the article's current ones: a segment whose
 * text or status changed is taken from the import, credited to `who` at `now`; the others
 * keep their history. Renderings the import does not mention are kept.
 */
export function mergeImportedRenderings(
  current: readonly Rendering[],
  imported: readonly Rendering[],
  who: { analyst: string; now: string },
): { renderings: Rendering[]; changed: number } {
  const byKey = new Map(current.map((r) => [`${r.start}:${r.end}`, r]));
  let changed = 0;
  for (const r of imported) {
    const key = `${r.start}:${r.end}`;
    const old = byKey.get(key);
    if (old && old.text === r.text && old.status === r.status) continue;
    // A new segmentation replaces the renderings it overlaps.
    for (const [k, other] of byKey) if (k !== key && other.start < r.end && r.start < other.end) byKey.delete(k);
    byKey.set(key, { start: r.start, end: r.end, text: r.text, status: r.status, analyst: who.analyst, modified: who.now });
    changed++;
  }
  return { renderings: [...byKey.values()].sort((x, y) => x.start - y.start), changed };
}
