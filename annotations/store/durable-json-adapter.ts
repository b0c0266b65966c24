// lowdb adapter for sidecars: validated on read, canonical on write, durable on disk.
// lowdb's own JSONFile neither fsyncs nor validates, and JSONFilePreset silently
// switches to memory under NODE_ENV=test.
import type { Adapter } from 'lowdb';
import { writeFileDurable } from './durable-write';
import { readOrdinaryFile, RefusedFileError } from './safe-read';
import { nestedTooDeep, tooDeepMessage } from './json-depth';

export type SidecarReadErrorKind = 'invalid-json' | 'invalid-schema' | 'newer-format' | 'unreadable' | 'refused';

/**
 * The largest sidecar read: an article has at most 20 MB of text, and its annotations' quotes
 * and its drafts are of the same order. A bigger file is not a sidecar Hashiya wrote.
 */
export const MAX_SIDECAR_BYTES = 64 * 1024 * 1024;

/** A line git writes where a merge left both sides of a conflict in the file. */
const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: |$)/m;

/** True when a file that is not valid JSON still holds git's conflict markers. */
export function hasConflictMarkers(text: string): boolean {
  return CONFLICT_MARKER.test(text);
}

export class SidecarReadError extends Error {
  constructor(
    readonly file: string,
    readonly kind: SidecarReadErrorKind,
    message: string,
    /** For a newer format that still fits this build's schema: the data, to show read-only. */
    readonly readable: unknown = undefined,
  ) {
    super(message);
    this.name = 'SidecarReadError';
  }
}

export interface DurableJsonOptions<T> {
  parse: (data: unknown) => { ok: true; value: T } | { ok: false; message: string };
  /** The file's bytes (UTF-8). */
  serialise: (value: T) => Uint8Array;
  /** Highest `format` this build understands; a newer file is an error of kind newer-format. */
  maxFormat: number;
  /** How the bytes reach the disk; writeFileDurable unless a test simulates a failing disk. */
  writeFile?: (path: string, data: Uint8Array) => Promise<void>;
}

/** Parses the text of a JSON file as T, or throws a SidecarReadError that says what is wrong. */
export function parseJsonText<T>(path: string, text: string, options: DurableJsonOptions<T>): T {
  if (nestedTooDeep(text)) throw new SidecarReadError(path, 'invalid-json', `${tooDeepMessage(path)}; the article is read-only.`);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (hasConflictMarkers(text)) {
      throw new SidecarReadError(
        path,
        'invalid-json',
        `${path} holds git conflict markers (<<<<<<< ======= >>>>>>>) from a merge that stopped half-way; it was left as it is and the article is read-only. ` +
          'To recover: run `git merge --abort` in the corpus folder, then `hashiya git-setup` there (it teaches git to merge sidecars) and merge again; or remove the marked lines by hand, keeping the side you want.',
      );
    }
    throw new SidecarReadError(path, 'invalid-json', `${path} is not valid JSON (${(error as Error).message}). It was left as it is; fix or remove it to annotate this article.`);
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > options.maxFormat) {
    const parsed = options.parse(data);
    throw new SidecarReadError(
      path,
      'newer-format',
      `${path} was written by a newer Hashiya (format ${format}); it is shown read-only and will not be rewritten.`,
      parsed.ok ? parsed.value : undefined,
    );
  }
  const parsed = options.parse(data);
  if (!parsed.ok) {
    throw new SidecarReadError(path, 'invalid-schema', `${path} does not match the sidecar format (${parsed.message}). It was left as it is.`);
  }
  return parsed.value;
}

/**
 * The file's bytes, or null when there is no such file; other failures are SidecarReadErrors.
 * A link, a FIFO, a device or an oversized file is refused unread (see safe-read.ts).
 */
export async function readBytesOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readOrdinaryFile(path, { maxBytes: MAX_SIDECAR_BYTES });
  } catch (error) {
    if (error instanceof RefusedFileError) throw new SidecarReadError(path, 'refused', `${error.message} The article is read-only.`);
    // The fs message repeats the full path; the code says what went wrong.
    const code = (error as NodeJS.ErrnoException).code;
    throw new SidecarReadError(path, 'unreadable', `${path} cannot be read (${code ?? (error as Error).message}); it was left as it is.`);
  }
}

/** True when the two hold the same bytes; null is the absent file. */
export function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

export class DurableJsonFile<T> implements Adapter<T> {
  /**
   * The exact bytes last read or written: lets the store notice a change made by someone
   * else. Bytes, not text, so that the check costs no decoding of a large file.
   */
  lastBytes: Uint8Array | null = null;

  constructor(
    readonly path: string,
    private readonly options: DurableJsonOptions<T>,
  ) {}

  private serialised: { data: T; bytes: Uint8Array } | null = null;

  async read(): Promise<T | null> {
    const bytes = await readBytesOrNull(this.path);
    this.lastBytes = bytes;
    return bytes === null ? null : this.parseBytes(bytes);
  }

  parseBytes(bytes: Uint8Array): T {
    return parseJsonText(this.path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), this.options);
  }

  /**
   * The file's bytes for `data`. The answer for frozen data is kept, so that the store can
   * compare the bytes before it saves and lowdb's write() then costs no second serialising.
   */
  serialise(data: T): Uint8Array {
    if (this.serialised?.data === data) return this.serialised.bytes;
    const bytes = this.options.serialise(data);
    if (Object.isFrozen(data)) this.serialised = { data, bytes };
    return bytes;
  }

  /** lowdb's write: atomic and fsynced; `lastBytes` changes only once the new file is in place. */
  async write(data: T): Promise<void> {
    const bytes = this.serialise(data);
    await (this.options.writeFile ?? writeFileDurable)(this.path, bytes);
    this.lastBytes = bytes;
  }
}
