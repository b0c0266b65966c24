// Argument checks for every API method, shared by the IPC handler and the harness server.
// Anything that does not match is refused before it reaches the workspace.
import { z } from 'zod';
import { EXPORT_FORMATS, GROUP_BY } from '../../annotations/export/index';
import { annotationSchema, tagSchema } from '../../annotations/model/schema';
import { PAIRING_KINDS, SEGMENT_STATUSES } from '../../annotations/model/types';
import { TAG_MODES } from '../../annotations/quotations/quotation-filter';
import { QUOTATION_COLUMNS, SORT_DIRECTIONS } from '../../annotations/quotations/quotation-sort';
import { TRANSLATION_FORMATS } from '../../annotations/translation/formats';
import { MAX_CLIPBOARD_CHARS } from '../extract/clipboard-text';
import { LANGUAGES } from '../text/language';
import { canonicalEncoding, SUPPORTED_ENCODINGS } from '../text/encodings';
import { ApiError, type ApiMethod, type ApiResponse, type HashiyaApi, type WindowMessages } from './api';
import { capMessage, errorForLog, unexpectedFailureMessage } from './failure-message';

const MAX_TEXT = 1_000_000;

/** A corpus-relative file name: no NUL, no absolute path; containment is checked again on disk. */
const fileArg = z
  .string()
  .min(1)
  .max(1024)
  .refine((s) => !s.includes('\0'), 'file name contains NUL');
const offset = z.number().int().min(0).max(0x7fffffff);
const shortText = z.string().max(MAX_TEXT);

const version = z.string().max(128).optional();
const draft = z.object({
  start: offset,
  end: offset,
  version,
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
  // '' takes the correction back.
  url: z.string().max(2048).refine((s) => s === '' || /^https?:\/\/\S+$/i.test(s), { message: 'an address must start with http:// or https://' }).optional(),
  // '' takes the correction back; anything else must be an encoding this build decodes.
  encoding: z
    .string()
    .max(64)
    .refine((s) => s === '' || canonicalEncoding(s) !== null, { message: `unknown encoding; choose one of ${SUPPORTED_ENCODINGS.join(', ')}` })
    .optional(),
  boilerplate: z.record(z.string().max(10_000), z.boolean()).optional(),
  furniture: z.array(z.object({ start: offset, text: z.string().max(10_000), on: z.boolean() }).strict()).max(1_000_000).optional(),
  segments: z.array(z.object({ start: offset, end: offset, skip: z.boolean().optional() })).max(1_000_000).optional(),
}).strict();

const rendering = z.object({
  start: offset,
  end: offset,
  version,
  text: shortText,
  status: z.enum(SEGMENT_STATUSES),
}).strict();

const pairing = z.object({ a: fileArg, b: fileArg, kind: z.enum(PAIRING_KINDS) }).strict();
const link = z.object({
  a: z.tuple([offset, offset]),
  b: z.tuple([offset, offset]),
  score: z.number().min(0).max(1),
  confirmed: z.boolean(),
}).strict();
const segmentCut = z.object({ start: offset, end: offset, skip: z.boolean().optional() }).strict();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const names = z.array(z.string().max(1024)).max(10_000);
const quotationFilter = z.object({
  tags: names.optional(),
  tagMode: z.enum(TAG_MODES).optional(),
  analysts: names.optional(),
  files: names.optional(),
  outlets: names.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  text: z.string().max(1000).optional(),
}).strict();
const quotationColumn = z.enum(QUOTATION_COLUMNS);
const quotationSort = z.object({ column: quotationColumn, direction: z.enum(SORT_DIRECTIONS).optional() }).strict();
const searchFilters = z.object({
  language: z.array(z.enum(LANGUAGES)).max(4).optional(),
  outlet: z.string().max(200).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  tag: z.string().max(128).optional(),
}).strict();

/**
 * One check per method, whose parsed value is a valid call of it: the table does not compile
 * when a check lets through what the method's parameters do not allow.
 */
export type ApiArgumentSchemas = { [M in ApiMethod]: z.ZodType<Parameters<HashiyaApi[M]>> };

/**
 * The methods whose check refuses a call the contract allows (an enum value missing, an
 * optional argument made required); `never` when every check takes every valid call.
 */
export type RefusedCalls<T extends ApiArgumentSchemas> = {
  [M in ApiMethod]: Writable<Parameters<HashiyaApi[M]>> extends z.input<T[M]> ? never : M;
}[ApiMethod];

/** Arguments arrive as parsed JSON: whether the contract marks an array readonly is not the check's concern. */
type Writable<T> = T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;

/** Compiles only when T is never; used to fail the build with the offending method's name. */
export type NoneOf<T extends never> = T;

const ARGUMENTS = {
  getAppState: z.tuple([]),
  setAnalyst: z.tuple([z.string().trim().min(1).max(200)]),
  setFontSize: z.tuple([z.number().int().min(10).max(40)]),
  openFolder: z.tuple([]),
  listArticles: z.tuple([]),
  listUnreadDocuments: z.tuple([]),
  openArticle: z.tuple([fileArg]),
  createAnnotation: z.tuple([fileArg, draft]),
  updateAnnotation: z.tuple([fileArg, z.string().min(1).max(128), patch]),
  restoreAnnotation: z.tuple([fileArg, z.strictObject(annotationSchema.shape)]),
  deleteAnnotation: z.tuple([fileArg, z.string().min(1).max(128)]),
  resolveConflict: z.tuple([fileArg, z.string().min(1).max(128), z.strictObject(annotationSchema.shape).nullable()]),
  getTaxonomy: z.tuple([]),
  setTaxonomy: z.tuple([z.array(tagSchema).max(200)]),
  setMetadata: z.tuple([fileArg, metadata]),
  parseDate: z.tuple([z.string().max(1000), z.enum(LANGUAGES)]),
  saveRendering: z.tuple([fileArg, rendering]),
  setSegments: z.tuple([fileArg, z.array(segmentCut).max(1_000_000).nullable()]),
  listPairings: z.tuple([]),
  setPairing: z.tuple([pairing]),
  removePairing: z.tuple([fileArg, fileArg]),
  getAlignment: z.tuple([fileArg, fileArg]),
  alignAgain: z.tuple([fileArg, fileArg]),
  saveAlignment: z.tuple([fileArg, fileArg, z.array(link).max(1_000_000)]),
  getGlossary: z.tuple([]),
  getProgress: z.tuple([]),
  exportTranslation: z.tuple([fileArg, z.enum(TRANSLATION_FORMATS), fileArg.optional()]),
  importXliff: z.tuple([fileArg, z.string().max(64 * 1024 * 1024)]),
  importTranslation: z.tuple([fileArg, z.string().min(1).max(255), z.string().max(40 * 1024 * 1024)]),
  previewNewArticle: z.tuple([
    z.object({ text: z.string().max(MAX_CLIPBOARD_CHARS), html: z.string().max(MAX_CLIPBOARD_CHARS).nullable().optional() }).strict(),
  ]),
  createArticleFromText: z.tuple([
    z.object({ name: z.string().min(1).max(1024), text: z.string().min(1).max(MAX_CLIPBOARD_CHARS), url: z.string().max(2048).optional() }).strict(),
  ]),
  queryQuotations: z.tuple([
    z.object({
      filter: quotationFilter,
      sort: quotationSort.optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(100_000).optional(),
    }).strict(),
  ]),
  exportQuotations: z.tuple([
    z.object({
      format: z.enum(EXPORT_FORMATS),
      ids: z.array(z.string().max(128)).max(1_000_000).optional(),
      filter: quotationFilter.optional(),
      sort: quotationSort.optional(),
      groupBy: z.enum(GROUP_BY).optional(),
      includeSentence: z.boolean().optional(),
    }).strict(),
  ]),
  openOriginal: z.tuple([fileArg, z.number().int().min(1).max(100_000).nullable()]),
  ocrAvailability: z.tuple([]),
  readWithOcr: z.tuple([fileArg, z.array(z.enum(['fas', 'ara', 'eng'])).min(1).max(3)]),
  stopOcr: z.tuple([fileArg]),
  search: z.tuple([
    z.object({
      query: z.string().max(1000),
      lenient: z.boolean().optional(),
      wholeWord: z.boolean().optional(),
      filters: searchFilters.optional(),
      limit: z.number().int().min(1).max(5000).optional(),
    }).strict(),
  ]),
} satisfies ApiArgumentSchemas;

// Both ways: a check neither wider nor narrower than its method (see test/architecture/api-contract-types.ts).
export type EveryCallAccepted = NoneOf<RefusedCalls<typeof ARGUMENTS>>;

export const API_ARGUMENTS: ApiArgumentSchemas = ARGUMENTS;

export const API_METHODS = Object.keys(API_ARGUMENTS) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API_ARGUMENTS, name);
}

export interface DispatchOptions {
  /** Where the full error of an unexpected failure goes; standard error by default. */
  log?: (line: string) => void;
}

const logToStderr = (line: string) => console.error(`hashiya: ${line}`);

/**
 * Validates a raw request and runs it. Never throws: a malformed request, a refused path or
 * a failure inside comes back as { ok: false } with a message the UI can show. An unexpected
 * failure is logged in full and reaches the window as one plain sentence.
 */
export async function dispatch(api: HashiyaApi & Partial<WindowMessages>, method: unknown, args: unknown, options: DispatchOptions = {}): Promise<ApiResponse<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'bad-request', message: `unknown method ${String(method).slice(0, 64)}` } };
  }
  // An optional argument left out arrives as a trailing undefined over IPC.
  const trimmed = Array.isArray(args) ? args.slice(0, args.findLastIndex((a) => a !== undefined) + 1) : args;
  const parsed = API_ARGUMENTS[method].safeParse(trimmed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'bad-request', message: `${method}: invalid argument ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.slice(0, 500) } };
  }
  try {
    const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(api, parsed.data as unknown[]);
    return { ok: true, value: value ?? null };
  } catch (error) {
    const forWindow = (message: string) => capMessage(api.messageForWindow?.(message) ?? message);
    if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: forWindow(error.message) } };
    (options.log ?? logToStderr)(`${method} failed: ${errorForLog(error)}`);
    return { ok: false, error: { code: 'internal', message: unexpectedFailureMessage(method) } };
  }
}
