// One line of the article list, worked out from the article's bytes and its sidecar: what
// detection finds in the text, with the user's corrections from the sidecar on top.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseSidecar } from '../../annotations/model/schema';
import type { DateValue, MetadataOverrides } from '../../annotations/model/types';
import type { ArticleSummary } from '../api/api';
import { decodeArticle } from '../text/decode';
import { detectLanguage, type Language } from '../text/language';
import { detectMetadata } from '../metadata/metadata';

/** What the article's own bytes say (decoded with the sidecar's encoding, if it names one). */
export interface ArticleFacts {
  openable: boolean;
  language: Language | null;
  encoding: string | null;
  headline: string;
  outlet: string | null;
  date: DateValue | null;
  /** Why the file is not opened as an article, or null. */
  problem: string | null;
  /** The encoding override the bytes were decoded with. */
  decodedWith: string | null;
}

/** What the sidecar adds: corrections, annotation count, tags, or why it cannot be used. */
export interface SidecarFacts {
  annotations: number;
  overrides: Pick<MetadataOverrides, 'headline' | 'outlet' | 'date' | 'encoding'>;
  /** Tag ids used by the article's annotations. */
  tags: string[];
  problem: string | null;
}

export const NO_SIDECAR: SidecarFacts = { annotations: 0, overrides: {}, tags: [], problem: null };

export function sidecarFacts(text: string | null, name: string): SidecarFacts {
  if (text === null) return NO_SIDECAR;
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
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
  return { annotations: s.annotations.length, overrides, tags: [...tags].sort(), problem: null };
}

export async function readSidecarFacts(path: string): Promise<SidecarFacts> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return NO_SIDECAR;
  }
  return sidecarFacts(text, basename(path));
}

/** Decodes and detects; `text` is handed back so a caller can fold it without decoding twice. */
export function articleFacts(bytes: Uint8Array, encoding: string | undefined, options: { metadata?: boolean } = {}): ArticleFacts & { text: string | null } {
  const decoded = decodeArticle(bytes, encoding);
  if (!decoded.ok) {
    return { openable: false, language: null, encoding: null, headline: '', outlet: null, date: null, problem: decoded.message, decodedWith: encoding ?? null, text: null };
  }
  const language = detectLanguage(decoded.text);
  const meta = options.metadata === false ? { headline: '', outlet: null, date: null } : detectMetadata(decoded.text, language);
  return {
    openable: true,
    language,
    encoding: decoded.encoding,
    headline: meta.headline,
    outlet: meta.outlet,
    date: meta.date,
    problem: null,
    decodedWith: encoding ?? null,
    text: decoded.text,
  };
}

export function summaryOf(file: string, facts: ArticleFacts, sidecar: SidecarFacts): ArticleSummary {
  if (!facts.openable) {
    return { file, language: null, headline: file, outlet: null, date: null, annotations: 0, encoding: null, note: facts.problem, openable: false };
  }
  const o = sidecar.overrides;
  return {
    file,
    language: facts.language,
    headline: o.headline ?? (facts.headline || file),
    outlet: o.outlet ?? facts.outlet,
    date: o.date ?? facts.date,
    annotations: sidecar.annotations,
    encoding: facts.encoding,
    note: sidecar.problem,
    openable: true,
  };
}

/** Listed before the background work reached it: the file name stands in for the headline. */
export function pendingSummary(file: string): ArticleSummary & { pending: true } {
  return { file, language: null, headline: file, outlet: null, date: null, annotations: 0, encoding: null, note: null, openable: true, pending: true };
}
