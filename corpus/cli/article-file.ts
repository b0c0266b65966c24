// What the file commands (segment, align) share: one article file read and decoded, and a
// line of it for the terminal. A module of its own so that neither command loads the other.
import { readFile } from 'node:fs/promises';
import { articleText } from '../extract/article-text';
import { CliError, EXIT } from './command';

export interface ArticleFile {
  path: string;
  text: string;
  encoding: string;
  warning?: string;
}

/** Reads and decodes one article file, with the message a person needs when it cannot be. */
export async function readArticleFile(path: string): Promise<ArticleFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(EXIT.usage, `no such file: ${path}`);
    if (code === 'EISDIR') throw new CliError(EXIT.usage, `not a file: ${path}`);
    throw new CliError(EXIT.failed, `cannot read ${path}: ${(error as Error).message}`);
  }
  const decoded = await articleText(path, bytes);
  if (!decoded.ok) throw new CliError(EXIT.failed, `${path}: ${decoded.message}`);
  return { path, text: decoded.text, encoding: decoded.encoding, ...(decoded.warning ? { warning: decoded.warning } : {}) };
}

/** One line of a terminal: the text with its line breaks flattened, cut at `max` characters. */
export function shorten(text: string, max = 72): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}
