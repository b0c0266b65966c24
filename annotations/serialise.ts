// Sidecars are kept in git by teams: the same data must always produce the same bytes,
// with keys in one fixed order and unrelated changes on separate lines.
import type { Annotation, CorpusSettings, Sidecar } from './types';

const KEY_ORDER: Record<string, number> = Object.fromEntries(
  [
    // sidecar
    'format', 'article', 'metadata', 'annotations', 'renderings', 'alignments', 'conflicts',
    'taxonomy', 'pairings',
    // article fingerprint
    'file', 'sha256', 'length',
    // annotation
    'id', 'analyst', 'created', 'modified', 'target', 'position', 'quote', 'anchor',
    'tags', 'gloss', 'note',
    'start', 'end', 'exact', 'prefix', 'suffix', 'status', 'score',
    // metadata
    'headline', 'outlet', 'date', 'iso', 'original', 'encoding', 'boilerplate', 'segments', 'skip',
    // renderings, alignments
    'source', 'orphaned', 'text', 'other', 'links', 'a', 'b', 'confirmed',
    // conflicts
    'ours', 'theirs', 'detected',
    // tags
    'name', 'color', 'shortcut', 'kind',
  ].map((k, i) => [k, i]),
);

function rank(key: string): number {
  return KEY_ORDER[key] ?? Number.MAX_SAFE_INTEGER;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, ordered(v)]));
  }
  return value;
}

function byPosition(a: Annotation, b: Annotation): number {
  return (
    a.target.position.start - b.target.position.start ||
    a.target.position.end - b.target.position.end ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Canonical form: annotations in text order, renderings by start, keys in fixed order. */
export function canonicalSidecar(s: Sidecar): Sidecar {
  return ordered({
    ...s,
    annotations: [...s.annotations].sort(byPosition),
    renderings: [...s.renderings].sort((x, y) => x.start - y.start || x.end - y.end),
    alignments: [...s.alignments].sort((x, y) => (x.other < y.other ? -1 : x.other > y.other ? 1 : 0)),
  }) as Sidecar;
}

export function serialiseSidecar(s: Sidecar): string {
  return JSON.stringify(canonicalSidecar(s), null, 2) + '\n';
}

export function serialiseSettings(s: CorpusSettings): string {
  return JSON.stringify(ordered(s), null, 2) + '\n';
}

export function serialiseJson(value: unknown): string {
  return JSON.stringify(ordered(value), null, 2) + '\n';
}
