// Validation of the files Hashiya reads back (sidecars, corpus settings).
// zod gives one source for the runtime check and the error messages users see. Objects are
// loose: a field this version does not know (written by a newer Hashiya or a team's own
// tool) is kept and written back, never dropped.
import { z } from 'zod';
import { ANCHOR_STATUSES, PAIRING_KINDS, SEGMENT_STATUSES, type Annotation, type CorpusSettings, type Sidecar } from './types';

const nonNegInt = z.number().int().min(0);
const isoTime = z.string().min(1).max(64);

export const annotationSchema = z.looseObject({
  id: z.string().min(1).max(128),
  analyst: z.string().max(256),
  created: isoTime,
  modified: isoTime,
  target: z.object({
    position: z.object({ start: nonNegInt, end: nonNegInt }).refine((p) => p.end > p.start, {
      message: 'end must be after start',
    }),
    quote: z.object({
      // An article is at most 20 MB; the context around a quote is a few dozen characters.
      exact: z.string().min(1).max(20 * 1024 * 1024),
      prefix: z.string().max(4096),
      suffix: z.string().max(4096),
    }),
  }),
  anchor: z
    .object({
      status: z.enum(ANCHOR_STATUSES),
      score: z.number().min(0).max(1),
    })
    .default({ status: 'exact', score: 1 }),
  tags: z.array(z.string().min(1).max(128)).max(64),
  gloss: z.string().max(100_000).default(''),
  note: z.string().max(100_000).default(''),
});

export const renderingSchema = z.looseObject({
  start: nonNegInt,
  end: nonNegInt,
  source: z.string().optional(),
  orphaned: z.boolean().optional(),
  text: z.string(),
  status: z.enum(SEGMENT_STATUSES),
  analyst: z.string(),
  modified: isoTime,
});

const alignmentSchema = z.object({
  other: z.string().min(1),
  versions: z.object({ self: z.string(), other: z.string() }).optional(),
  links: z.array(
    z.object({
      a: z.tuple([nonNegInt, nonNegInt]),
      b: z.tuple([nonNegInt, nonNegInt]),
      score: z.number().min(0).max(1),
      confirmed: z.boolean(),
    }),
  ),
});

const dateValueSchema = z.object({ iso: z.string().nullable(), original: z.string() });

const metadataSchema = z.looseObject({
  headline: z.string().optional(),
  outlet: z.string().optional(),
  date: dateValueSchema.optional(),
  url: z.string().max(2048).optional(),
  encoding: z.string().optional(),
  boilerplate: z.record(z.string(), z.boolean()).optional(),
  furniture: z.array(z.object({ start: nonNegInt, text: z.string(), on: z.boolean() })).optional(),
  segments: z
    .array(z.object({ start: nonNegInt, end: nonNegInt, skip: z.boolean().optional() }))
    .optional(),
});

const conflictSchema = z.object({
  id: z.string(),
  ours: annotationSchema.nullable(),
  theirs: annotationSchema.nullable(),
  detected: isoTime,
});

export const sidecarSchema = z.looseObject({
  format: z.number().int().min(1),
  article: z.object({ file: z.string(), sha256: z.string(), length: nonNegInt, extractor: z.string().max(200).optional() }),
  metadata: metadataSchema.default({}),
  annotations: z.array(annotationSchema).default([]),
  renderings: z.array(renderingSchema).default([]),
  alignments: z.array(alignmentSchema).default([]),
  conflicts: z.array(conflictSchema).default([]),
});

export const tagSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(128),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  shortcut: z.string().regex(/^[1-9]$/).nullable(),
});

export const corpusSettingsSchema = z.object({
  format: z.number().int().min(1),
  taxonomy: z.array(tagSchema),
  pairings: z
    .array(z.object({ a: z.string(), b: z.string(), kind: z.enum(PAIRING_KINDS) }))
    .default([]),
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** The first few problems, each with where it is; `at` is the path of the value checked. */
export function describe(error: z.ZodError, at: Array<string | number> = []): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${[...at, ...i.path.map(String)].join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

export function parseSidecar(data: unknown): ParseResult<Sidecar> {
  const r = sidecarSchema.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, message: describe(r.error) };
}

export function parseAnnotation(data: unknown): ParseResult<Annotation> {
  const r = annotationSchema.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, message: describe(r.error) };
}

export function parseCorpusSettings(data: unknown): ParseResult<CorpusSettings> {
  const r = corpusSettingsSchema.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, message: describe(r.error) };
}
