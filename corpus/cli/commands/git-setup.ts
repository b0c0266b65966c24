// `hashiya git-setup [--corpus DIR]`: installs the sidecar merge driver into the git
// repository holding a corpus. The .gitattributes line travels with the repository; the
// driver command is per clone (git never shares config), so every analyst runs this once.
// Running it again changes nothing. A .gitignore or .gitattributes that is not an ordinary
// file (a link a clone brought, pointing anywhere; a FIFO) is refused before anything is
// set: appending through the link wrote outside the clone, and git does not read a linked
// .gitattributes anyway, so the driver would never have run.
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeFileDurable } from '../../../annotations/store/durable-write';
import { readOrdinaryFile, RefusedFileError } from '../../../annotations/store/safe-read';
import { EXIT, UsageError, parseFlags, type CliCommand } from '../command';
import { USAGES } from '../usage';

const run = promisify(execFile);

export const DRIVER_NAME = 'hashiya';
export const ATTRIBUTES_LINE = `*.annotations.json merge=${DRIVER_NAME}`;
/** Leftovers of interrupted saves and the app's caches are nobody's work to share. */
export const IGNORE_LINES = ['.*.tmp', '.hashiya/'];

/** Quotes a word for the POSIX shell through which git runs merge drivers (also on Windows). */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function driverCommand(): string {
  // From the sources this module is corpus/cli/commands/; bundled, a chunk in out/cli/.
  const here = import.meta.url;
  const bin = fileURLToPath(new URL(here.endsWith('.ts') ? '../bin.mjs' : '../../corpus/cli/bin.mjs', here));
  return [process.execPath, bin].map(shellWord).join(' ') + ' merge-driver %O %A %B %P';
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd });
  return stdout.trim();
}

/** Far more than any hand-written ignore or attributes file holds. */
const MAX_SETUP_FILE_BYTES = 4 * 1024 * 1024;

/** A file git-setup adds lines to: its path, what it holds now, and the lines it lacks. */
interface Planned {
  path: string;
  text: string;
  missing: string[];
}

/** Reads `path` (an ordinary file, or none) and works out the lines to add; writes nothing. */
async function plan(path: string, lines: string[]): Promise<Planned> {
  const bytes = await readOrdinaryFile(path, { maxBytes: MAX_SETUP_FILE_BYTES, name: path });
  const text = bytes?.toString('utf8') ?? '';
  const present = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  return { path, text, missing: lines.filter((l) => !present.has(l)) };
}

/** Adds the missing lines, in one atomic write that replaces the file rather than following it. */
async function apply({ path, text, missing }: Planned): Promise<string[]> {
  if (missing.length === 0) return [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sep = text.length > 0 && !text.endsWith('\n') ? eol : '';
  await writeFileDurable(path, text + sep + missing.join(eol) + eol);
  return missing;
}

/** What went wrong with one of the two files, in a sentence (no errno, no stack). */
function problemWith(path: string, error: unknown): string {
  if (error instanceof RefusedFileError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'there is no permission to change it'
      : code === 'EROFS'
        ? 'it is on a read-only disk'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? 'the disk is full'
          : 'it could not be read or written';
  return `${path} was not changed: ${why}.`;
}

export const command: CliCommand = async (args) => {
  const { values, flags, positional } = parseFlags(args, { values: ['corpus'], flags: ['help'] });
  if (flags.has('help')) {
    process.stdout.write(`${USAGES['git-setup']}\n`);
    return 0;
  }
  if (positional.length > 0) throw new UsageError(`unexpected argument ${positional[0]}; usage: hashiya git-setup [--corpus DIR]`);
  const corpus = resolve(values.corpus ?? '.');
  if (!(await stat(corpus).then((s) => s.isDirectory(), () => false))) {
    process.stderr.write(`hashiya git-setup: ${corpus} is not a folder\n`);
    return 1;
  }
  let top: string;
  try {
    top = await git(corpus, ['rev-parse', '--show-toplevel']);
  } catch {
    process.stderr.write(`hashiya git-setup: ${corpus} is not inside a git repository (run \`git init\` there first, or clone the team's repository)\n`);
    return 1;
  }
  // Both files are looked at before anything is set, so a refusal leaves the clone as it was.
  const plans: Planned[] = [];
  for (const [name, lines] of [['.gitattributes', [ATTRIBUTES_LINE]], ['.gitignore', IGNORE_LINES]] as const) {
    const path = join(corpus, name);
    try {
      plans.push(await plan(path, [...lines]));
    } catch (error) {
      process.stderr.write(`hashiya git-setup: ${problemWith(path, error)}\nNothing was set up.\n`);
      return EXIT.failed;
    }
  }
  const command = driverCommand();
  await git(top, ['config', '--local', `merge.${DRIVER_NAME}.name`, 'Hashiya sidecars: merge annotations by id']);
  await git(top, ['config', '--local', `merge.${DRIVER_NAME}.driver`, command]);
  const added: string[][] = [];
  for (const p of plans) {
    try {
      added.push(await apply(p));
    } catch (error) {
      process.stderr.write(`hashiya git-setup: ${problemWith(p.path, error)}\n`);
      return EXIT.failed;
    }
  }
  const [attributes = [], ignored = []] = added;
  const out = process.stdout;
  out.write(`merge driver "${DRIVER_NAME}" set in ${join(top, '.git', 'config')}:\n  ${command}\n`);
  out.write(attributes.length ? `added to ${join(corpus, '.gitattributes')}: ${attributes.join(', ')}\n` : '.gitattributes already routes sidecars to the driver\n');
  if (ignored.length) out.write(`added to ${join(corpus, '.gitignore')}: ${ignored.join(', ')}\n`);
  if (attributes.length || ignored.length) out.write('Commit .gitattributes and .gitignore so the whole team shares them; each analyst runs `hashiya git-setup` once in their own clone.\n');
  return 0;
};
