// Argument checks for every API method, shared by the IPC handler and the harness server.
// Anything that does not match is refused before it reaches the workspace.
import { z } from 'zod';
import { annotationSchema, tagSchema } from '../annotations/schema';
import { ApiError, type ApiMethod, type ApiResponse, type HashiyaApi } from './api';

const MAX_TEXT = 1_000_000;

/** A corpus-relative file name: no NUL, no absolute path; containment is checked again on disk. */
const fileArg = z
  .string()
  .min(1)
  .max(1024)
  .refine((s) => !s.includes('\0'), 'file name contains NUL');
const offset = z.number().int().min(0).max(0x7fffffff);
const shortText = z.string().max(MAX_TEXT);

const draft = z.object({
  start: offset,
  end: offset,
  tags: z.array(z.string().min(1).max(128)).max(64),
  gloss: shortText,
  note: shortText,
}).strict();

const patch = z.object({
  tags: z.array(z.string().min(1).max(128)).max(64).optional(),
  gloss: shortText.optional(),
  note: shortText.optional(),
}).strict();

const metadata = z.object({
  headline: z.string().max(10_000).optional(),
  outlet: z.string().max(10_000).optional(),
  date: z.object({ iso: z.string().max(32).nullable(), original: z.string().max(1000) }).optional(),
  encoding: z.string().max(64).optional(),
  boilerplate: z.record(z.string().max(10_000), z.boolean()).optional(),
  segments: z.array(z.object({ start: offset, end: offset, skip: z.boolean().optional() })).max(1_000_000).optional(),
}).strict();

const rendering = z.object({
  start: offset,
  end: offset,
  text: shortText,
  status: z.enum(['untranslated', 'draft', 'reviewed']),
}).strict();

export const API_ARGUMENTS: { [M in ApiMethod]: z.ZodType<Parameters<HashiyaApi[M]>> } = {
  getAppState: z.tuple([]),
  setAnalyst: z.tuple([z.string().trim().min(1).max(200)]),
  setFontSize: z.tuple([z.number().int().min(10).max(40)]),
  openFolder: z.tuple([]),
  listArticles: z.tuple([]),
  openArticle: z.tuple([fileArg]),
  createAnnotation: z.tuple([fileArg, draft]),
  updateAnnotation: z.tuple([fileArg, z.string().min(1).max(128), patch]),
  restoreAnnotation: z.tuple([fileArg, annotationSchema]),
  deleteAnnotation: z.tuple([fileArg, z.string().min(1).max(128)]),
  getTaxonomy: z.tuple([]),
  setTaxonomy: z.tuple([z.array(tagSchema).max(200)]),
  setMetadata: z.tuple([fileArg, metadata]),
  saveRendering: z.tuple([fileArg, rendering]),
} as never;

export const API_METHODS = Object.keys(API_ARGUMENTS) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API_ARGUMENTS, name);
}

/**
 * Validates a raw request and runs it. Never throws: a malformed request, a refused path or
 * a failure inside comes back as { ok: false } with a message the UI can show.
 */
export async function dispatch(api: HashiyaApi, method: unknown, args: unknown): Promise<ApiResponse<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'bad-request', message: `unknown method ${String(method).slice(0, 64)}` } };
  }
  const parsed = API_ARGUMENTS[method].safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'bad-request', message: `${method}: invalid argument ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.slice(0, 500) } };
  }
  try {
    const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(api, parsed.data as unknown[]);
    return { ok: true, value: value ?? null };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'internal', message: `${method} failed: ${(error as Error)?.message ?? String(error)}` } };
  }
}
