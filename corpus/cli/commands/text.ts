// `hashiya text --corpus DIR FILE`: the article's text exactly as offsets index it, so that a
// script can take an export's start/end (UTF-16) and find the quote in it. Read as opening
// the article reads it: the same containment checks, the encoding the person chose in the
// sidecar, the same extraction (articleText, through readArticle) and the corpus's page cache.
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ApiError } from '../../api/api';
import { resolveArticlePath } from '../../folder/corpus-folder';
import { extractedTextCache } from '../../search/extracted-text-cache';
import { encodingOnDisk, readArticle, type LoadedArticle } from '../../services/article-file';
import { canonicalEncoding } from '../../text/decode';
import { CliError, corpusFolder, EXIT, parseFlags, UsageError, type CliCommand } from '../command';
import { USAGES } from '../usage';

const USAGE = USAGES.text;

/**
 * The corpus-relative name of FILE. A path that leads from here into the corpus (a shell's
 * completion: `--corpus news news/a.txt`) names that file; anything else is taken as given,
 * relative to the corpus, and the containment checks decide.
 */
export function corpusRelativeName(given: string, corpusArg: string, root: string): string {
  const here = resolve(given);
  for (const base of [resolve(corpusArg), root]) {
    const rel = relative(base, here);
    if (rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return given;
}

/** Resolves FILE inside the corpus; a refusal or a missing file is a bad argument (exit 2). */
async function articlePath(root: string, file: string): Promise<string> {
  try {
    return await resolveArticlePath(root, file);
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(EXIT.usage, error.message);
    throw new CliError(EXIT.failed, `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** The article as opening it in the app reads it; a file that cannot be read is a failure (exit 1). */
async function loadArticle(root: string, file: string, path: string): Promise<LoadedArticle & { ignoredEncoding?: string }> {
  const chosen = await encodingOnDisk(path);
  // As the app does: an encoding name this build does not know is ignored, and said.
  const known = chosen === undefined || canonicalEncoding(chosen) !== null;
  try {
    const info = await stat(path);
    const article = await readArticle(file, path, info.size, known ? chosen : undefined, extractedTextCache(root));
    return known ? article : { ...article, ignoredEncoding: chosen };
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(EXIT.failed, error.message);
    throw new CliError(EXIT.failed, `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export const command: CliCommand = async (args) => {
  try {
    const { values, flags, positional } = parseFlags(args, { values: ['corpus'], flags: ['help'] });
    if (flags.has('help')) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (positional.length === 0) throw new UsageError('FILE is required');
    if (positional.length > 1) throw new UsageError(`unexpected argument '${positional[1]}'`);
    const root = await corpusFolder(values.corpus);
    const file = corpusRelativeName(positional[0]!, values.corpus!, root);
    const path = await articlePath(root, file);
    const article = await loadArticle(root, file, path);
    for (const notice of article.notices ?? []) process.stderr.write(`hashiya text: ${notice}\n`);
    if (article.ignoredEncoding !== undefined) {
      process.stderr.write(`hashiya text: ${file}: the encoding ${JSON.stringify(article.ignoredEncoding.slice(0, 64))} named in its annotations is unknown to this version of Hashiya; the encoding was detected\n`);
    }
    // `hashiya text … | head` closes the pipe early: that is not an error.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(EXIT.ok);
      throw error;
    });
    process.stdout.write(article.text);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`hashiya text: ${error.message}\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`hashiya text: ${oneLine(error.message)}\n`);
      return error.code;
    }
    throw error;
  }
};

/** A message is one line on stderr, whatever a file name in it holds. */
function oneLine(message: string): string {
  return message.replace(/[\r\n]+/g, ' ');
}
