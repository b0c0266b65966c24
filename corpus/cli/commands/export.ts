// `hashiya export --corpus DIR --format FORMAT [--tag T]… [--out FILE]`: the same export the
// app's quotation browser makes, from the same code.
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EXPORT_FORMATS, FORMAT_INFO, exportQuotations, isExportFormat, isGroupBy } from '../../../annotations/export/index';
import { QuotationIndex } from '../../../annotations/quotations/quotation-filter';
import { loadQuotations } from '../../services/quotation-loader';
import type { Tag } from '../../../annotations/model/types';
import { parseFlags, UsageError, type CliCommand } from '../command';
import { USAGES } from '../usage';
import { CliError, EXIT, openCorpusForCli } from '../open-corpus';

const USAGE = USAGES.export;

const SHORT_USAGE = `${USAGE.split('\n')[0]}\n(hashiya export --help for the options and exit codes)`;

/** A tag given on the command line, by id or (case-insensitively) by name. */
export function resolveTag(taxonomy: readonly Tag[], given: string): string {
  const byId = taxonomy.find((t) => t.id === given);
  if (byId) return byId.id;
  const lower = given.toLocaleLowerCase();
  const byName = taxonomy.filter((t) => t.name.toLocaleLowerCase() === lower);
  if (byName.length === 1) return byName[0]!.id;
  const known = taxonomy.map((t) => `${t.id} (${t.name})`).join(', ');
  throw new UsageError(`unknown tag '${given}'; this corpus has: ${known || 'no tags'}`);
}

/** The reason in words: the system's message names the temporary file, which the user never asked for. */
function whyNotWritten(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'its folder does not exist, or no file can be made there';
  if (error.code === 'ENOTDIR') return 'part of the path is a file, not a folder';
  if (error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS') return 'no permission to write there';
  if (error.code === 'ENOSPC') return 'the disk is full';
  if (error.code === 'EISDIR') return 'it is a folder';
  return 'the system refused it';
}

/** Writes beside the target and renames, so that a failed export never leaves half a file. */
async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new CliError(EXIT.failed, `cannot write ${path}: ${whyNotWritten(error as NodeJS.ErrnoException)}.`);
  }
}

function writeStdout(data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(data, (error) => (error ? reject(error) : resolve())));
}

export const command: CliCommand = async (args) => {
  try {
    const { values, repeated, flags, positional } = parseFlags(args, {
      values: ['corpus', 'format', 'out', 'group-by', 'title'],
      repeated: ['tag'],
      flags: ['all-tags', 'no-sentence', 'help'],
    });
    if (flags.has('help')) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const format = values.format;
    if (!format) throw new UsageError('--format is required');
    if (!isExportFormat(format)) throw new UsageError(`unknown format '${format}'; use one of ${EXPORT_FORMATS.join(', ')}`);
    const groupBy = values['group-by'] ?? 'article';
    if (!isGroupBy(groupBy)) throw new UsageError(`--group-by must be article, tag or none, not '${groupBy}'`);
    const out = values.out;
    if (!out && FORMAT_INFO[format].binary && process.stdout.isTTY) {
      throw new UsageError(`${format} is a binary format: give --out FILE (or redirect stdout to a file)`);
    }

    const ws = await openCorpusForCli(values.corpus);
    const taxonomy = await ws.getTaxonomy();
    const tags = (repeated.tag ?? []).map((t) => resolveTag(taxonomy, t));
    const { quotations, problems } = await loadQuotations(ws);
    const selected = new QuotationIndex(quotations).filter({ tags, tagMode: flags.has('all-tags') ? 'all' : 'any' });
    const result = await exportQuotations(selected, format, {
      groupBy,
      includeSentence: !flags.has('no-sentence'),
      ...(values.title ? { title: values.title } : {}),
    });

    if (out) await writeAtomically(out, result.data);
    else await writeStdout(result.data);

    for (const p of problems) process.stderr.write(`hashiya export: ${p.file}: ${p.message}\n`);
    const missing = problems.filter((p) => p.missing);
    if (out) process.stderr.write(`hashiya export: ${selected.length} of ${quotations.length} quotations written to ${out}\n`);
    if (missing.length > 0) {
      process.stderr.write(`hashiya export: the annotations of ${missing.length} article(s) could not be read and are not in the export: ${missing.map((p) => p.file).join(', ')}\n`);
      return EXIT.partial;
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`hashiya export: ${error.message}\n${SHORT_USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`hashiya export: ${error.message}\n${error.code === EXIT.usage ? SHORT_USAGE + '\n' : ''}`);
      return error.code;
    }
    throw error;
  }
};
