// What a sidecar adds to an article's row in the list, read without opening a store: the
// corrections, how many annotations, which tags, or why the sidecar cannot be used.
import { parseSidecar } from '../model/schema';
import { hasConflictMarkers } from './durable-json-adapter';
import { nestedTooDeep, tooDeepMessage } from './json-depth';
import type { MetadataOverrides } from '../model/types';

/** What the sidecar adds: corrections, annotation count, tags, or why it cannot be used. */
export interface SidecarFacts {
  annotations: number;
  overrides: Pick<MetadataOverrides, 'headline' | 'outlet' | 'date' | 'encoding' | 'url'>;
  /** Tag ids used by the article's annotations. */
  tags: string[];
  problem: string | null;
}

export const NO_SIDECAR: SidecarFacts = { annotations: 0, overrides: {}, tags: [], problem: null };

export function sidecarFacts(text: string | null, name: string): SidecarFacts {
  if (text === null) return NO_SIDECAR;
  if (nestedTooDeep(text)) return { ...NO_SIDECAR, problem: `${tooDeepMessage(name)}; the article opens read-only` };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    if (hasConflictMarkers(text)) return { ...NO_SIDECAR, problem: `${name} holds git conflict markers from an unfinished merge; the article opens read-only (see it for how to recover)` };
    return { ...NO_SIDECAR, problem: `${name} is not valid JSON; the article opens read-only` };
  }
  const parsed = parseSidecar(data);
  if (!parsed.ok) return { ...NO_SIDECAR, problem: `${name} does not match the sidecar format; the article opens read-only` };
  const s = parsed.value;
  const tags = new Set<string>();
  for (const a of s.annotations) for (const t of a.tags) tags.add(t);
  const m = s.metadata;
  const overrides: SidecarFacts['overrides'] = {};
  if (m.headline !== undefined) overrides.headline = m.headline;
  if (m.outlet !== undefined) overrides.outlet = m.outlet;
  if (m.date !== undefined) overrides.date = m.date;
  if (m.encoding !== undefined) overrides.encoding = m.encoding;
  if (m.url !== undefined) overrides.url = m.url;
  return { annotations: s.annotations.length, overrides, tags: [...tags].sort(), problem: null };
}
