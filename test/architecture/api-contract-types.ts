// Type-level proof that the argument table is tied to HashiyaApi: `tsc -p .` (run by `npm test`)
// fails if any entry marked @ts-expect-error below stops being an error.
import { z } from 'zod';
import { API_ARGUMENTS, type ApiArgumentSchemas, type NoneOf, type RefusedCalls } from '../../corpus/api/api-schema';

// A check that lets through a string where the method takes a number does not compile.
export const tooWide = {
  ...API_ARGUMENTS,
  // @ts-expect-error setFontSize takes a number
  setFontSize: z.tuple([z.string()]),
} satisfies ApiArgumentSchemas;

// Neither does one that drops an argument the method needs.
export const missingArgument = {
  ...API_ARGUMENTS,
  // @ts-expect-error createAnnotation takes a file and a draft
  createAnnotation: z.tuple([z.string()]),
} satisfies ApiArgumentSchemas;

// A check that refuses a valid call (the optional third argument made required, a format
// left out) is named by RefusedCalls.
const tooNarrow = {
  ...API_ARGUMENTS,
  exportTranslation: z.tuple([z.string(), z.enum(['xliff', 'tmx']), z.string()]),
} satisfies ApiArgumentSchemas;
// @ts-expect-error exportTranslation refuses calls the contract allows
export type TooNarrowIsCaught = NoneOf<RefusedCalls<typeof tooNarrow>>;
