// Reading an article file from disk: its bytes decoded (with the encoding the person chose,
// if any), its language and its version.
import { createHash } from 'node:crypto';
import { parseSidecar } from '../../annotations/model/schema';
import { MAX_SIDECAR_BYTES } from '../../annotations/store/durable-json-adapter';
import { readOrdinaryFile, RefusedFileError } from '../../annotations/store/safe-read';
import { ApiError } from '../api/api';
import { sidecarPathFor } from '../folder/corpus-folder';
import { articleText, maxArticleFileBytes, type ExtractedTextCache, type ExtractElsewhere } from '../extract/article-text';
import type { ExtractedFormat, ExtractedMeta } from '../extract/types';
import { detectLanguage, type Language } from '../text/language';

export interface LoadedArticle {
  file: string;
  text: string;
  encoding: string;
  language: Language;
  sha256: string;
  /** A saved page's own metadata (its head), which comes before what is detected in the text. */
  pageMeta?: ExtractedMeta;
  /** How its text was extracted (`html`, `mhtml`…); absent for plain text, which is decoded. */
  extractedFrom?: ExtractedFormat;
  /** The extractor (`name/version`) that gave a saved page's text; absent for plain text. */
  extractor?: string;
  /** What the person should hear about how it was read (an encoding ignored), if anything. */
  notices?: string[];
}

/**
 * The bytes of the article at `path` (already resolved and checked: a link to it was followed
 * then), within its format's size limit; a refusal or a read error as an ApiError.
 */
export async function readArticleBytes(file: string, path: string): Promise<Buffer> {
  let bytes: Buffer | null;
  try {
    bytes = await readOrdinaryFile(path, { maxBytes: maxArticleFileBytes(file), name: file });
  } catch (error) {
    if (error instanceof RefusedFileError) throw new ApiError('bad-request', `${error.message}`);
    throw new ApiError('not-found', `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (bytes === null) throw new ApiError('not-found', `no such article: ${file}`);
  return bytes;
}

/** Decodes the article at `path` (already resolved and checked); `size` is its size on disk. */
export async function readArticle(
  file: string,
  path: string,
  size: number,
  encoding: string | undefined,
  cache?: ExtractedTextCache,
  background?: ExtractElsewhere,
): Promise<LoadedArticle> {
  const maxBytes = maxArticleFileBytes(file);
  if (size > maxBytes) throw new ApiError('bad-request', `${file} cannot be opened: larger than ${maxBytes / 1024 / 1024} MB, not an article`);
  const bytes = await readArticleBytes(file, path);
  const decoded = await articleText(file, bytes, encoding, cache, background);
  if (!decoded.ok) throw new ApiError('bad-request', `${file} cannot be opened: ${decoded.message}`);
  return {
    file,
    text: decoded.text,
    encoding: decoded.encoding,
    language: detectLanguage(decoded.text),
    sha256: createHash('sha256').update(decoded.text).digest('hex'),
    ...(decoded.format !== 'txt' ? { pageMeta: decoded.meta, extractor: decoded.extractor, extractedFrom: decoded.format } : {}),
    // A file read best-effort (bytes shown as �) says so, and how to read it properly.
    ...(decoded.warning ? { notices: [`${file}: ${decoded.warning}`] } : {}),
  };
}

/** The encoding the person chose for the article at `path`, from its sidecar on disk. */
export async function encodingOnDisk(path: string): Promise<string | undefined> {
  try {
    const bytes = await readOrdinaryFile(sidecarPathFor(path), { maxBytes: MAX_SIDECAR_BYTES });
    if (bytes === null) return undefined;
    const data: unknown = JSON.parse(bytes.toString('utf8'));
    // Most sidecars name no encoding: the answer is then the same whatever the schema says of
    // the rest, and checking thousands of annotations for it would double the cost of opening.
    if (!namesEncoding(data)) return undefined;
    const parsed = parseSidecar(data);
    return parsed.ok ? parsed.value.metadata.encoding : undefined;
  } catch {
    return undefined;
  }
}

function namesEncoding(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || !('metadata' in data)) return false;
  const { metadata } = data;
  return typeof metadata === 'object' && metadata !== null && 'encoding' in metadata && metadata.encoding !== undefined;
}
