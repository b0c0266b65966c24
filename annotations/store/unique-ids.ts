// Annotation ids are what every edit, delete, undo and merge names. A sidecar can still come
// with two annotations of one id (a hand edit, a bad merge, a copied line): both are kept and
// shown, and each repeat gets an id of its own. The new id is worked out from the old one and
// its place among the repeats, not drawn at random, so that reading the same file twice (or
// in two processes) gives the same ids and a merge sees one annotation, not two.
import { createHash } from 'node:crypto';
import type { Sidecar } from '../model/types';

function derivedId(id: string, n: number): string {
  const h = createHash('sha256').update(`${id}\0${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The sidecar with every annotation id unique (the first of a repeated id keeps it), and how many were renamed. */
export function withUniqueIds(data: Sidecar): { data: Sidecar; renamed: number } {
  const taken = new Set<string>();
  let repeats = false;
  for (const a of data.annotations) {
    if (taken.has(a.id)) repeats = true;
    taken.add(a.id);
  }
  if (!repeats) return { data, renamed: 0 };
  const seen = new Set<string>();
  let renamed = 0;
  const annotations = data.annotations.map((a) => {
    if (!seen.has(a.id)) {
      seen.add(a.id);
      return a;
    }
    let n = 1;
    let id = derivedId(a.id, n);
    while (taken.has(id)) id = derivedId(a.id, ++n);
    taken.add(id);
    renamed++;
    return { ...a, id };
  });
  return { data: { ...data, annotations }, renamed };
}
