// Three-way merge of two versions of one sidecar, by stable id, used both when the app finds
// the file changed on disk and by the git merge driver. Nobody's work is dropped: additions
// from both sides are kept, deletions honoured, edits to different fields combined, and when
// both sides changed the same field differently both versions are kept for a person to decide.
import { sortedFurnitureMarks } from '../model/furniture-marks';
import { canonicalSidecar, serialiseJson } from './serialise';
import type {
  Alignment,
  AlignmentLink,
  Annotation,
  AnnotationConflict,
  FurnitureMark,
  MetadataOverrides,
  Rendering,
  SegmentStatus,
  Sidecar,
} from '../model/types';

export interface MergeOptions {
  /** Timestamp for newly found conflicts (ISO 8601); the current time by default. */
  now?: () => string;
}

export interface MergeResult {
  merged: Sidecar;
  /** True conflicts kept for a person to decide (annotations in `conflicts`, rendering texts marked in place). */
  conflicts: number;
  /** Article details corrected differently on both sides: ours was kept, theirs is named here. */
  metadataClashes: MetadataClash[];
  /** One line per decision a person may want to know about, for messages and logs. */
  details: string[];
}

export interface MetadataClash {
  key: keyof MetadataOverrides;
  kept: unknown;
  other: unknown;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || serialiseJson(a) === serialiseJson(b);
}

/** A base that may be absent (no common ancestor) is wrapped, so that `undefined` can be a value. */
type Base<T> = { value: T } | null;

function pick<T>(base: Base<T>, ours: T, theirs: T): { value: T; conflict: boolean } {
  if (same(ours, theirs)) return { value: ours, conflict: false };
  if (base && same(base.value, ours)) return { value: theirs, conflict: false };
  if (base && same(base.value, theirs)) return { value: ours, conflict: false };
  return { value: ours, conflict: true };
}

/** Set merge: what either side added stays, what either side removed goes. Ours' order first. */
function mergeSet<T>(base: T[] | null, ours: T[], theirs: T[], key: (x: T) => string = String): T[] {
  const b = new Set((base ?? []).map(key));
  const o = new Set(ours.map(key));
  const t = new Set(theirs.map(key));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const x of [...ours, ...theirs]) {
    const k = key(x);
    if (seen.has(k)) continue;
    const keep = (o.has(k) && t.has(k)) || (o.has(k) && !b.has(k)) || (t.has(k) && !b.has(k));
    if (keep) out.push(x);
    seen.add(k);
  }
  return out;
}

interface Triple<T> {
  key: string;
  base: T | undefined;
  ours: T | undefined;
  theirs: T | undefined;
}

/** Lines up the three versions by key; a key repeated within one list is numbered so nothing is lost. */
function lineUp<T>(base: T[] | null, ours: T[], theirs: T[], key: (x: T) => string): Triple<T>[] {
  const index = (list: T[]) => {
    const map = new Map<string, T>();
    const counts = new Map<string, number>();
    for (const x of list) {
      const k = key(x);
      const n = counts.get(k) ?? 0;
      counts.set(k, n + 1);
      map.set(n === 0 ? k : `${k}#${n}`, x);
    }
    return map;
  };
  const b = index(base ?? []);
  const o = index(ours);
  const t = index(theirs);
  const keys = [...new Set([...o.keys(), ...t.keys(), ...b.keys()])];
  return keys.map((k) => ({ key: k, base: b.get(k), ours: o.get(k), theirs: t.get(k) }));
}

type Outcome<T> =
  | { kind: 'keep'; value: T }
  | { kind: 'drop' }
  | { kind: 'deleted-vs-edited'; kept: T; deletedBy: 'ours' | 'theirs' }
  | { kind: 'both-changed'; base: T | null; ours: T; theirs: T };

/** The record-level decision shared by annotations, renderings, alignments and links. */
function decide<T>(tr: Triple<T>): Outcome<T> {
  const { base, ours, theirs } = tr;
  if (ours === undefined && theirs === undefined) return { kind: 'drop' };
  if (ours !== undefined && theirs === undefined) {
    if (base === undefined) return { kind: 'keep', value: ours };
    return same(base, ours) ? { kind: 'drop' } : { kind: 'deleted-vs-edited', kept: ours, deletedBy: 'theirs' };
  }
  if (ours === undefined && theirs !== undefined) {
    if (base === undefined) return { kind: 'keep', value: theirs };
    return same(base, theirs) ? { kind: 'drop' } : { kind: 'deleted-vs-edited', kept: theirs, deletedBy: 'ours' };
  }
  const o = ours as T;
  const t = theirs as T;
  if (same(o, t)) return { kind: 'keep', value: o };
  if (base !== undefined && same(base, o)) return { kind: 'keep', value: t };
  if (base !== undefined && same(base, t)) return { kind: 'keep', value: o };
  return { kind: 'both-changed', base: base ?? null, ours: o, theirs: t };
}

function later(a: string, b: string): string {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a >= b ? a : b;
  return ta >= tb ? a : b;
}

function wrap<T>(base: T | null, get: (x: T) => unknown): Base<unknown> {
  return base === null ? null : { value: get(base) };
}

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

class Merger {
  conflicts = 0;
  readonly details: string[] = [];
  readonly metadataClashes: MetadataClash[] = [];
  readonly newConflicts: AnnotationConflict[] = [];

  constructor(private readonly now: () => string) {}

  annotations(base: Annotation[] | null, ours: Annotation[], theirs: Annotation[]): Annotation[] {
    const out: Annotation[] = [];
    for (const tr of lineUp(base, ours, theirs, (a) => a.id)) {
      const d = decide(tr);
      if (d.kind === 'keep') out.push(d.value);
      else if (d.kind === 'deleted-vs-edited') {
        // Keeping the edited version loses nothing; the person who deleted it sees the conflict.
        out.push(d.kept);
        this.conflict(
          d.kept.id,
          d.deletedBy === 'ours' ? null : d.kept,
          d.deletedBy === 'ours' ? d.kept : null,
          `annotation ${shortId(d.kept.id)}: deleted on one side, edited on the other; kept, both versions in conflicts`,
        );
      } else if (d.kind === 'both-changed') out.push(this.annotation(d.base, d.ours, d.theirs));
    }
    return out;
  }

  private annotation(base: Annotation | null, ours: Annotation, theirs: Annotation): Annotation {
    const clashes: string[] = [];
    const field = <K extends keyof Annotation>(name: K): Annotation[K] => {
      const r = pick(wrap(base, (a) => a[name]) as Base<Annotation[K]>, ours[name], theirs[name]);
      if (r.conflict) clashes.push(name);
      return r.value;
    };
    // Where a span sits and how well it is anchored go together.
    const place = (a: Annotation) => ({ target: a.target, anchor: a.anchor });
    const placed = pick(wrap(base, place) as Base<ReturnType<typeof place>>, place(ours), place(theirs));
    if (placed.conflict) clashes.push('span');
    const merged: Annotation = {
      id: ours.id,
      analyst: field('analyst'),
      created: field('created'),
      modified: later(ours.modified, theirs.modified),
      target: placed.value.target,
      anchor: placed.value.anchor,
      tags: mergeSet(base?.tags ?? null, ours.tags, theirs.tags),
      gloss: field('gloss'),
      note: field('note'),
    };
    if (clashes.length > 0) {
      this.conflict(ours.id, ours, theirs, `annotation ${shortId(ours.id)}: ${clashes.join(', ')} changed differently on both sides; both versions kept in conflicts`);
    } else {
      this.details.push(`annotation ${shortId(ours.id)}: edits from both sides combined`);
    }
    return merged;
  }

  private conflict(id: string, ours: Annotation | null, theirs: Annotation | null, detail: string): void {
    this.conflicts++;
    this.details.push(detail);
    this.newConflicts.push({ id, ours, theirs, detected: this.now() });
  }

  conflictList(base: AnnotationConflict[] | null, ours: AnnotationConflict[], theirs: AnnotationConflict[]): AnnotationConflict[] {
    // A conflict a person settled on either side stays settled; one raised on either side stays.
    const kept = mergeSet(base, ours, theirs, serialiseJson);
    for (const c of this.newConflicts) {
      const known = kept.some((k) => k.id === c.id && same(k.ours, c.ours) && same(k.theirs, c.theirs));
      if (!known) kept.push(c);
    }
    return kept;
  }

  renderings(base: Rendering[] | null, ours: Rendering[], theirs: Rendering[]): Rendering[] {
    const out: Rendering[] = [];
    for (const tr of lineUp(base, ours, theirs, (r) => `${r.start}:${r.end}`)) {
      const d = decide(tr);
      if (d.kind === 'keep') out.push(d.value);
      else if (d.kind === 'deleted-vs-edited') {
        out.push(d.kept);
        this.details.push(`rendering ${tr.key}: deleted on one side, edited on the other; the edited draft was kept`);
      } else if (d.kind === 'both-changed') out.push(this.rendering(tr.key, d.base, d.ours, d.theirs));
    }
    return out;
  }

  private rendering(key: string, base: Rendering | null, ours: Rendering, theirs: Rendering): Rendering {
    const text = pick(wrap(base, (r) => r.text) as Base<string>, ours.text, theirs.text);
    const status = pick(wrap(base, (r) => r.status) as Base<SegmentStatus>, ours.status, theirs.status);
    const textFrom = text.conflict || same(text.value, ours.text) ? ours : theirs;
    const merged: Rendering = {
      start: ours.start,
      end: ours.end,
      text: text.value,
      status: status.conflict ? lowerStatus(ours.status, theirs.status) : status.value,
      analyst: textFrom.analyst,
      modified: later(ours.modified, theirs.modified),
    };
    if (text.conflict) {
      // Renderings have no conflicts list: both drafts stay in the text, marked, to be edited down.
      this.conflicts++;
      merged.text = `${ours.text}\n\n[merge conflict: another version by ${theirs.analyst || 'unknown'}, ${theirs.modified}]\n${theirs.text}`;
      merged.status = 'draft';
      this.details.push(`rendering ${key}: both sides rewrote it; both drafts kept in its text, marked "[merge conflict: …]"`);
    } else if (status.conflict) {
      this.details.push(`rendering ${key}: status set differently on both sides; kept "${merged.status}"`);
    }
    return merged;
  }

  alignments(base: Alignment[] | null, ours: Alignment[], theirs: Alignment[]): Alignment[] {
    const out: Alignment[] = [];
    for (const tr of lineUp(base, ours, theirs, (a) => a.other)) {
      const d = decide(tr);
      if (d.kind === 'keep') out.push(d.value);
      else if (d.kind === 'deleted-vs-edited') {
        out.push(d.kept);
        this.details.push(`alignment with ${tr.key}: removed on one side, edited on the other; kept`);
      } else if (d.kind === 'both-changed') {
        // Both sides' links were made against the texts ours names; if theirs were made against
        // other versions, the side-by-side view finds the mismatch and aligns again.
        const versions = d.ours.versions ?? d.theirs.versions;
        out.push({ other: d.ours.other, ...(versions ? { versions } : {}), links: this.links(d.base?.links ?? null, d.ours.links, d.theirs.links) });
      }
    }
    return out;
  }

  private links(base: AlignmentLink[] | null, ours: AlignmentLink[], theirs: AlignmentLink[]): AlignmentLink[] {
    const out: AlignmentLink[] = [];
    for (const tr of lineUp(base, ours, theirs, (l) => `${l.a.join(':')}|${l.b.join(':')}`)) {
      const d = decide(tr);
      if (d.kind === 'keep') out.push(d.value);
      else if (d.kind === 'deleted-vs-edited') out.push(d.kept);
      else if (d.kind === 'both-changed') {
        const confirmed = pick(wrap(d.base, (l) => l.confirmed) as Base<boolean>, d.ours.confirmed, d.theirs.confirmed);
        const score = pick(wrap(d.base, (l) => l.score) as Base<number>, d.ours.score, d.theirs.score);
        // A link someone confirmed stays confirmed; a recomputed score is not worth a conflict.
        out.push({ ...d.ours, confirmed: confirmed.conflict ? d.ours.confirmed || d.theirs.confirmed : confirmed.value, score: score.value });
      }
    }
    return out;
  }

  metadata(base: MetadataOverrides | null, ours: MetadataOverrides, theirs: MetadataOverrides): MetadataOverrides {
    const out: MetadataOverrides = {};
    const keys = new Set([...Object.keys(base ?? {}), ...Object.keys(ours), ...Object.keys(theirs)]) as Set<keyof MetadataOverrides>;
    for (const key of keys) {
      if (key === 'boilerplate') {
        const lines = this.boilerplate(base ? { value: base.boilerplate } : null, ours.boilerplate, theirs.boilerplate);
        if (lines) out.boilerplate = lines;
        continue;
      }
      if (key === 'furniture') {
        const marks = this.furniture(base ? { value: base.furniture } : null, ours.furniture, theirs.furniture);
        if (marks) out.furniture = marks;
        continue;
      }
      const r = pick(base ? { value: base[key] } : null, ours[key], theirs[key]);
      if (r.conflict) {
        this.metadataClashes.push({ key, kept: ours[key], other: theirs[key] });
        this.details.push(`metadata ${key}: corrected differently on both sides; kept ${JSON.stringify(ours[key])}, the other was ${JSON.stringify(theirs[key])}`);
      }
      if (r.value !== undefined) (out as Record<string, unknown>)[key] = r.value;
    }
    return out;
  }

  private boilerplate(
    base: Base<Record<string, boolean> | undefined>,
    ours: Record<string, boolean> | undefined,
    theirs: Record<string, boolean> | undefined,
  ): Record<string, boolean> | undefined {
    if (ours === undefined && theirs === undefined) return undefined;
    const b = base ? (base.value ?? {}) : null;
    const o = ours ?? {};
    const t = theirs ?? {};
    const out: Record<string, boolean> = {};
    for (const line of new Set([...Object.keys(b ?? {}), ...Object.keys(o), ...Object.keys(t)])) {
      const r = pick(b ? { value: b[line] } : null, o[line], t[line]);
      if (r.value !== undefined) out[line] = r.value;
    }
    return out;
  }

  /** Position marks line by line (by start): each side's change to a line stands, ours wins a clash. */
  private furniture(base: Base<FurnitureMark[] | undefined>, ours: FurnitureMark[] | undefined, theirs: FurnitureMark[] | undefined): FurnitureMark[] | undefined {
    if (ours === undefined && theirs === undefined) return undefined;
    const byStart = (marks: FurnitureMark[] | undefined) => new Map((marks ?? []).map((m) => [m.start, m]));
    const b = base ? byStart(base.value) : null;
    const o = byStart(ours);
    const t = byStart(theirs);
    const out: FurnitureMark[] = [];
    for (const start of new Set([...(b?.keys() ?? []), ...o.keys(), ...t.keys()])) {
      const r = pick(b ? { value: b.get(start) } : null, o.get(start), t.get(start));
      if (r.value !== undefined) out.push(r.value);
    }
    return sortedFurnitureMarks(out);
  }
}

const STATUS_RANK: Record<SegmentStatus, number> = { untranslated: 0, draft: 1, reviewed: 2 };

function lowerStatus(a: SegmentStatus, b: SegmentStatus): SegmentStatus {
  return STATUS_RANK[a] <= STATUS_RANK[b] ? a : b;
}

/**
 * Merges two versions of a sidecar that both descend from `base` (null when there is no
 * common ancestor). Where both sides changed the same thing differently, `ours` is kept in
 * place and the conflict is recorded (annotations in `conflicts`, rendering drafts side by
 * side in the text, metadata in `details`).
 */
export function mergeSidecars(base: Sidecar | null, ours: Sidecar, theirs: Sidecar, options: MergeOptions = {}): MergeResult {
  const m = new Merger(options.now ?? (() => new Date().toISOString()));
  const annotations = m.annotations(base?.annotations ?? null, ours.annotations, theirs.annotations);
  const renderings = m.renderings(base?.renderings ?? null, ours.renderings, theirs.renderings);
  const alignments = m.alignments(base?.alignments ?? null, ours.alignments, theirs.alignments);
  const metadata = m.metadata(base?.metadata ?? null, ours.metadata, theirs.metadata);
  const conflicts = m.conflictList(base?.conflicts ?? null, ours.conflicts, theirs.conflicts);
  let article = ours.article;
  if (!same(ours.article, theirs.article)) {
    // The two sides annotated different versions of the text. An empty fingerprint never
    // matches, so the app places every annotation again from its quote when it next opens it.
    article = { file: ours.article.file, sha256: '', length: ours.article.length };
    m.details.push('the article text differs between the two sides; annotations will be re-anchored when it is next opened');
  }
  const merged: Sidecar = {
    format: Math.max(ours.format, theirs.format),
    article,
    metadata,
    annotations,
    renderings,
    alignments,
    conflicts,
  };
  return { merged: canonicalSidecar(merged), conflicts: m.conflicts, metadataClashes: m.metadataClashes, details: m.details };
}

/**
 * Settles the conflicts recorded for annotation `id`: `choice` becomes the annotation (one of
 * the two versions, or a person's blend of them), or null deletes it. For use inside
 * SidecarStore.update.
 */
export function resolveConflict(data: Sidecar, id: string, choice: Annotation | null): void {
  data.conflicts = data.conflicts.filter((c) => c.id !== id);
  const i = data.annotations.findIndex((a) => a.id === id);
  if (choice === null) {
    if (i >= 0) data.annotations.splice(i, 1);
  } else if (i >= 0) data.annotations[i] = choice;
  else data.annotations.push(choice);
}
