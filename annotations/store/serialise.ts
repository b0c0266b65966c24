// Sidecars are kept in git by teams: the same data must always produce the same bytes,
// with keys in one fixed order and unrelated changes on separate lines.
import type { Annotation, CorpusSettings, Sidecar } from '../model/types';

const KEY_ORDER: Record<string, number> = Object.fromEntries(
  [
    // sidecar
    'format', 'article', 'metadata', 'annotations', 'renderings', 'alignments', 'conflicts',
    'taxonomy', 'pairings',
    // article fingerprint
    'file', 'sha256', 'length', 'extractor',
    // annotation
    'id', 'analyst', 'created', 'modified', 'target', 'position', 'quote', 'anchor',
    'tags', 'gloss', 'note',
    'start', 'end', 'exact', 'prefix', 'suffix', 'status', 'score',
    // metadata
    'headline', 'outlet', 'date', 'iso', 'original', 'encoding', 'boilerplate', 'furniture', 'segments', 'skip', 'on',
    // renderings, alignments
    'source', 'orphaned', 'text', 'other', 'versions', 'self', 'links', 'a', 'b', 'confirmed',
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

/** The sidecar with its lists in canonical order: annotations in text order, renderings by start. */
export function sortedSidecar(s: Sidecar): Sidecar {
  return {
    ...s,
    annotations: [...s.annotations].sort(byPosition),
    renderings: [...s.renderings].sort((x, y) => x.start - y.start || x.end - y.end),
    alignments: [...s.alignments].sort((x, y) => (x.other < y.other ? -1 : x.other > y.other ? 1 : 0)),
  };
}

/** Canonical form: lists in canonical order (see sortedSidecar), keys in fixed order. */
export function canonicalSidecar(s: Sidecar): Sidecar {
  return ordered(sortedSidecar(s)) as Sidecar;
}

const utf8 = new TextEncoder();
const ITEM_SEPARATOR = utf8.encode(',\n');

/**
 * Exactly the UTF-8 of `JSON.stringify(canonicalSidecar(s), null, 2) + '\n'`, built from
 * one piece per list item. A frozen item cannot change, so its piece is kept and reused:
 * saving a sidecar of 5,000 annotations after one edit encodes one annotation, not 5,000.
 * Bytes rather than a string, because encoding the whole file again would cost as much.
 */
export function serialiseSidecarBytes(s: Sidecar): Uint8Array {
  const sorted = sortedSidecar(s) as unknown as Record<string, unknown>;
  const keys = Object.keys(sorted)
    .filter((k) => sorted[k] !== undefined)
    .sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
  if (keys.length === 0) return utf8.encode('{}\n');
  const pieces: Uint8Array[] = [];
  keys.forEach((key, i) => {
    const value = sorted[key];
    const head = `${i === 0 ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      pieces.push(utf8.encode(`${head}[\n`));
      value.forEach((item, j) => {
        if (j > 0) pieces.push(ITEM_SEPARATOR);
        pieces.push(itemBytes(item));
      });
      pieces.push(utf8.encode('\n  ]'));
    } else {
      pieces.push(utf8.encode(head + indented(JSON.stringify(ordered(value), null, 2), '  ')));
    }
  });
  pieces.push(utf8.encode('\n}\n'));
  return concatenated(pieces);
}

export function serialiseSidecar(s: Sidecar): string {
  return new TextDecoder().decode(serialiseSidecarBytes(s));
}

const itemPieces = new WeakMap<object, Uint8Array>();

function itemBytes(item: unknown): Uint8Array {
  if (item === null || typeof item !== 'object') return utf8.encode(`    ${JSON.stringify(item ?? null)}`);
  const kept = itemPieces.get(item);
  if (kept !== undefined) return kept;
  const bytes = utf8.encode(`    ${indented(JSON.stringify(ordered(item), null, 2), '    ')}`);
  if (deeplyFrozen(item)) itemPieces.set(item, bytes);
  return bytes;
}

function deeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(deeplyFrozen);
}

// JSON.stringify escapes newlines inside strings, so every newline in its output starts a line.
function indented(json: string, pad: string): string {
  return json.replace(/\n/g, `\n${pad}`);
}

function concatenated(pieces: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of pieces) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function serialiseSettings(s: CorpusSettings): string {
  return JSON.stringify(ordered(s), null, 2) + '\n';
}

export function serialiseJson(value: unknown): string {
  return JSON.stringify(ordered(value), null, 2) + '\n';
}
