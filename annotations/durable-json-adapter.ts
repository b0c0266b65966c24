// lowdb adapter for sidecars: validated on read, canonical on write, durable on disk.
// lowdb's own JSONFile neither fsyncs nor validates, and JSONFilePreset silently
// switches to memory under NODE_ENV=test.
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileDurable } from './durable-write';

export class SidecarReadError extends Error {
  constructor(
    readonly file: string,
    readonly kind: 'invalid-json' | 'invalid-schema' | 'newer-format' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'SidecarReadError';
  }
}

export interface DurableJsonOptions<T> {
  parse: (data: unknown) => { ok: true; value: T } | { ok: false; message: string };
  serialise: (value: T) => string;
  /** Highest `format` this build understands; a newer file is an error of kind newer-format. */
  maxFormat: number;
}

export class DurableJsonFile<T> implements Adapter<T> {
  /** The exact text last read or written: lets the store notice a change made by someone else. */
  lastText: string | null = null;

  constructor(
    readonly path: string,
    private readonly options: DurableJsonOptions<T>,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.lastText = null;
        return null;
      }
      throw new SidecarReadError(this.path, 'unreadable', `${this.path} cannot be read: ${(error as Error).message}`);
    }
    this.lastText = text;
    return this.parseText(text);
  }

  parseText(text: string): T {
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new SidecarReadError(this.path, 'invalid-json', `${this.path} is not valid JSON (${(error as Error).message}). It was left as it is; fix or remove it to annotate this article.`);
    }
    const format = (data as { format?: unknown } | null)?.format;
    if (typeof format === 'number' && format > this.options.maxFormat) {
      throw new SidecarReadError(this.path, 'newer-format', `${this.path} was written by a newer Hashiya (format ${format}); it is shown read-only and will not be rewritten.`);
    }
    const parsed = this.options.parse(data);
    if (!parsed.ok) {
      throw new SidecarReadError(this.path, 'invalid-schema', `${this.path} does not match the sidecar format (${parsed.message}). It was left as it is.`);
    }
    return parsed.value;
  }

  async write(data: T): Promise<void> {
    const text = this.options.serialise(data);
    await writeFileDurable(this.path, text);
    this.lastText = text;
  }
}
