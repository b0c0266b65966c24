// The two small settings files: the app's (analyst, last corpus, font size; per user) and
// the corpus's (taxonomy, pairings; at the corpus root, shared by a team).
import { lstat, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../../annotations/store/durable-write';
import { describeSize, readOrdinaryFile, RefusedFileError } from '../../annotations/store/safe-read';
import { parseCorpusSettings } from '../../annotations/model/schema';
import { serialiseJson, serialiseSettings } from '../../annotations/store/serialise';
import { DEFAULT_TAXONOMY } from '../../annotations/model/taxonomy';
import { SETTINGS_FORMAT, type CorpusSettings } from '../../annotations/model/types';
import { CORPUS_SETTINGS_FILE } from './corpus-folder';
import { ApiError } from './errors';
import { nestedTooDeep, tooDeepMessage } from '../../annotations/store/json-depth';

export interface AppSettings {
  format: number;
  analyst: string | null;
  lastCorpus: string | null;
  fontSize: number;
}

const appSettingsSchema = z.object({
  format: z.number().int(),
  analyst: z.string().nullable().default(null),
  lastCorpus: z.string().nullable().default(null),
  fontSize: z.number().int().min(10).max(40).default(19),
});

export const DEFAULT_FONT_SIZE = 19;

/** The app's settings are a few names and numbers. */
export const MAX_APP_SETTINGS_BYTES = 1024 * 1024;
/** The corpus settings: a taxonomy and pairings of articles, a few KB for most teams. */
export const MAX_CORPUS_SETTINGS_BYTES = 16 * 1024 * 1024;

export async function readAppSettings(dir: string): Promise<AppSettings> {
  const fallback: AppSettings = { format: SETTINGS_FORMAT, analyst: null, lastCorpus: null, fontSize: DEFAULT_FONT_SIZE };
  try {
    const bytes = await readOrdinaryFile(join(dir, 'settings.json'), { maxBytes: MAX_APP_SETTINGS_BYTES, name: 'settings.json' });
    if (bytes === null) return fallback;
    const parsed = appSettingsSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export async function writeAppSettings(dir: string, settings: AppSettings): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileDurable(join(dir, 'settings.json'), serialiseJson(settings));
}

export type CorpusSettingsState = { settings: CorpusSettings; readOnly: string | null };

export function defaultCorpusSettings(): CorpusSettings {
  return { format: SETTINGS_FORMAT, taxonomy: DEFAULT_TAXONOMY.map((t) => ({ ...t })), pairings: [] };
}

const READ_ONLY_BY_MODE = `${CORPUS_SETTINGS_FILE} is marked read-only on disk; Hashiya will not change it, and nothing in it was lost. Make it writable to change tags or pairings.`;

/**
 * The user took every write bit off the file: their wish is honoured from the mode itself,
 * not from a failed write (root, and some shared drives, would write it regardless).
 */
async function madeReadOnly(path: string): Promise<boolean> {
  if (process.platform === 'win32') return false;
  const info = await lstat(path).catch(() => null);
  return info !== null && info.isFile() && (info.mode & 0o222) === 0;
}

/** A missing file gives the defaults; a broken one gives the defaults read-only, file untouched. */
export async function readCorpusSettings(root: string): Promise<CorpusSettingsState> {
  const path = join(root, CORPUS_SETTINGS_FILE);
  let text: string;
  try {
    const bytes = await readOrdinaryFile(path, { maxBytes: MAX_CORPUS_SETTINGS_BYTES, name: CORPUS_SETTINGS_FILE });
    if (bytes === null) return { settings: defaultCorpusSettings(), readOnly: null };
    text = bytes.toString('utf8');
  } catch (error) {
    // A link, FIFO or oversized file is kept as it is: the defaults are used, never saved over it.
    if (error instanceof RefusedFileError) return { settings: defaultCorpusSettings(), readOnly: error.message };
    return { settings: defaultCorpusSettings(), readOnly: `${CORPUS_SETTINGS_FILE} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); it was left as it is.` };
  }
  if (nestedTooDeep(text)) return { settings: defaultCorpusSettings(), readOnly: `${tooDeepMessage(CORPUS_SETTINGS_FILE)}; the default tags are used, read-only.` };
  try {
    const parsed = parseCorpusSettings(JSON.parse(text));
    if (!parsed.ok) return { settings: defaultCorpusSettings(), readOnly: `${CORPUS_SETTINGS_FILE} does not match the expected format (${parsed.message}); it was left as it is.` };
    if (parsed.value.format > SETTINGS_FORMAT) return { settings: parsed.value, readOnly: `${CORPUS_SETTINGS_FILE} was written by a newer Hashiya; it is used read-only.` };
    if (await madeReadOnly(path)) return { settings: parsed.value, readOnly: READ_ONLY_BY_MODE };
    return { settings: parsed.value, readOnly: null };
  } catch (error) {
    return { settings: defaultCorpusSettings(), readOnly: `${CORPUS_SETTINGS_FILE} is not valid JSON (${(error as Error).message}); it was left as it is.` };
  }
}

/** Never writes a file it would refuse to read back: the change is refused, the file untouched. */
export async function writeCorpusSettings(root: string, settings: CorpusSettings): Promise<void> {
  const text = serialiseSettings(settings);
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_CORPUS_SETTINGS_BYTES) {
    throw new ApiError('bad-request', `This change was not saved: ${CORPUS_SETTINGS_FILE} would grow to ${describeSize(size)}, past the ${describeSize(MAX_CORPUS_SETTINGS_BYTES)} it may have; the file is as it was. Remove some pairings or tags first.`);
  }
  await writeFileDurable(join(root, CORPUS_SETTINGS_FILE), text);
}
