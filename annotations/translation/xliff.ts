// XLIFF 2.1 for handing a translation to a CAT tool and taking it back. One <unit> per
// paragraph, one <segment> per sentence (or per rendering, where the user merged or split
// sentences), the text between segments in <ignorable> so that each unit's source is the
// paragraph exactly. Segment ids carry the source offsets (s<start>-<end>), so an XLIFF that
// comes back updates the right drafts. Page furniture goes out as translate="no".
// Analysts' glosses and notes travel as <note>s; who drafted a segment and when, in the
// standard Metadata module. Written and read with fast-xml-parser, never by joining strings.
// The parts: xliff-writer.ts (export), xliff-reader.ts (import), xliff-merge.ts (applying an
// import); this module holds what both directions must agree on.
import type { SegmentStatus } from '../model/types';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const METADATA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
/** Hashiya's own attributes on <note>: the annotation and the span it comes from. */
export const HASHIYA_NS = 'urn:x-hashiya:xliff:1';

/** XLIFF segment states of Hashiya's statuses, and back (`final` reads as reviewed). */
export const STATE_OF: Record<SegmentStatus, string> = { untranslated: 'initial', draft: 'translated', reviewed: 'reviewed' };
export const STATUS_OF: Record<string, SegmentStatus> = { initial: 'untranslated', translated: 'draft', reviewed: 'reviewed', final: 'reviewed' };

/** A segment's id: its source offsets. */
export function segmentId(start: number, end: number): string {
  return `s${start}-${end}`;
}

/** A unit's id: its paragraph's source offsets. */
export function unitId(start: number, end: number): string {
  return `u${start}-${end}`;
}

/** The offsets a segment (`s`) or unit (`u`) id carries; null for an id of another tool. */
export function offsetsOf(id: string | undefined, prefix: string): [number, number] | null {
  const m = id ? new RegExp(`^${prefix}(\\d+)-(\\d+)$`).exec(id) : null;
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end >= start ? [start, end] : null;
}
