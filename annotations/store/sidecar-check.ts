// Validation of a sidecar after a change, in time proportional to what changed.
// What this module has checked it deep-freezes, so an annotation or draft that passed the
// schema once cannot have changed since: after a change only new and replaced items, and the
// small rest of the file, are checked again.
import { freeze } from 'immer';
import { z } from 'zod';
import { annotationSchema, describe, parseSidecar, renderingSchema, sidecarSchema, type ParseResult } from '../model/schema';
import type { Annotation, Rendering, Sidecar } from '../model/types';

const checked = new WeakSet<object>();

/** Everything but the two long lists, which are checked item by item. */
const sidecarFrameSchema = sidecarSchema.extend({
  annotations: z.array(z.unknown()).default([]),
  renderings: z.array(z.unknown()).default([]),
});

/** Validates `data` as a whole (as read from disk) and remembers its items as checked. */
export function parseSidecarRemembered(data: unknown): ParseResult<Sidecar> {
  const parsed = parseSidecar(data);
  if (parsed.ok) remember(freeze(parsed.value, true));
  return parsed;
}

/**
 * Validates a sidecar that came from a change: the same verdict and the same values (defaults
 * filled in) as parseSidecar, but items already checked and unchanged are taken as they are.
 */
export function checkChangedSidecar(data: Sidecar): ParseResult<Sidecar> {
  const frame = sidecarFrameSchema.safeParse(data);
  if (!frame.success) return { ok: false, message: describe(frame.error) };
  const annotations = checkItems<Annotation>(frame.data.annotations, annotationSchema, 'annotations');
  if (!annotations.ok) return annotations;
  const renderings = checkItems<Rendering>(frame.data.renderings, renderingSchema, 'renderings');
  if (!renderings.ok) return renderings;
  const value = freeze({ ...(frame.data as Sidecar), annotations: annotations.value, renderings: renderings.value }, true);
  remember(value);
  return { ok: true, value };
}

function checkItems<T>(items: unknown[], schema: z.ZodType<T>, field: string): ParseResult<T[]> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item === 'object' && item !== null && checked.has(item)) {
      out.push(item as T);
      continue;
    }
    const r = schema.safeParse(item);
    if (!r.success) return { ok: false, message: describe(r.error, [field, i]) };
    out.push(r.data);
  }
  return { ok: true, value: out };
}

function remember(s: Sidecar): void {
  for (const a of s.annotations) checked.add(a);
  for (const r of s.renderings) checked.add(r);
}
