// The corpus settings file is shared by a team (git, a shared drive): when it changed on
// disk since the app read it, the app's change is merged with it (taxonomy by tag id,
// pairings as a set), never written over it.
import type { CorpusSettings, Pairing, Tag } from '../../annotations/model/types';

const pairKey = (p: Pairing) => [p.a, p.b].sort().join('\0');
const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

export function mergeCorpusSettings(base: CorpusSettings, ours: CorpusSettings, theirs: CorpusSettings): CorpusSettings {
  const baseTags = new Map(base.taxonomy.map((t) => [t.id, t]));
  const theirTags = new Map(theirs.taxonomy.map((t) => [t.id, t]));
  const ourIds = new Set(ours.taxonomy.map((t) => t.id));
  const taxonomy: Tag[] = [];
  for (const mine of ours.taxonomy) {
    const was = baseTags.get(mine.id);
    const other = theirTags.get(mine.id);
    if (!was) taxonomy.push(mine); // we added it
    else if (!other) {
      if (!same(mine, was)) taxonomy.push(mine); // they deleted it, we changed it: keep ours
    } else {
      // Field by field: our change wins where we made one, theirs elsewhere.
      const merged = { ...other } as Tag;
      for (const key of Object.keys(mine) as Array<keyof Tag>) if (!same(mine[key], was[key])) (merged as unknown as Record<string, unknown>)[key] = mine[key];
      taxonomy.push(merged);
    }
  }
  for (const other of theirs.taxonomy) {
    if (ourIds.has(other.id)) continue;
    const was = baseTags.get(other.id);
    if (!was || !same(other, was)) taxonomy.push(other); // they added it, or changed one we deleted
  }
  // One key, one tag: a shortcut both sides gave away goes to the tag listed first.
  const keys = new Set<string>();
  for (const t of taxonomy) {
    if (t.shortcut && keys.has(t.shortcut)) t.shortcut = null;
    if (t.shortcut) keys.add(t.shortcut);
  }

  const basePairs = new Set(base.pairings.map(pairKey));
  const ourPairs = new Set(ours.pairings.map(pairKey));
  const theirPairs = new Set(theirs.pairings.map(pairKey));
  const pairings = [
    ...ours.pairings.filter((p) => theirPairs.has(pairKey(p)) || !basePairs.has(pairKey(p))),
    ...theirs.pairings.filter((p) => !ourPairs.has(pairKey(p)) && !basePairs.has(pairKey(p))),
  ];
  return { ...theirs, ...ours, taxonomy, pairings };
}
