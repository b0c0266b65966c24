// `hashiya git-setup [--corpus DIR]`: installs the sidecar merge driver into the git
// repository holding a corpus. The .gitattributes line travels with the repository; the
// driver command is per clone (git never shares config), so every analyst runs this once.
// Running it again changes nothing.
import { execFile } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { UsageError, parseFlags, type CliCommand } from '../command';

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
  const bin = fileURLToPath(new URL('../bin.mjs', import.meta.url));
  return [process.execPath, bin].map(shellWord).join(' ') + ' merge-driver %O %A %B %P';
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd });
  return stdout.trim();
}

/** Adds each missing line to a text file (created if absent); returns the lines added. */
async function ensureLines(path: string, lines: string[]): Promise<string[]> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const present = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  const missing = lines.filter((l) => !present.has(l));
  if (missing.length === 0) return [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sep = text.length > 0 && !text.endsWith('\n') ? eol : '';
  await writeFile(path, text + sep + missing.join(eol) + eol, 'utf8');
  return missing;
}

export const command: CliCommand = async (args) => {
  const { values, flags, positional } = parseFlags(args, { values: ['corpus'], flags: ['help'] });
  if (flags.has('help')) {
    process.stdout.write('usage: hashiya git-setup [--corpus DIR]\n  --corpus DIR       the corpus folder inside a git repository (default: the current folder)\n');
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
  const command = driverCommand();
  await git(top, ['config', '--local', `merge.${DRIVER_NAME}.name`, 'Hashiya sidecars: merge annotations by id']);
  await git(top, ['config', '--local', `merge.${DRIVER_NAME}.driver`, command]);
  const attributes = await ensureLines(join(corpus, '.gitattributes'), [ATTRIBUTES_LINE]);
  const ignored = await ensureLines(join(corpus, '.gitignore'), IGNORE_LINES);
  const out = process.stdout;
  out.write(`merge driver "${DRIVER_NAME}" set in ${join(top, '.git', 'config')}:\n  ${command}\n`);
  out.write(attributes.length ? `added to ${join(corpus, '.gitattributes')}: ${attributes.join(', ')}\n` : '.gitattributes already routes sidecars to the driver\n');
  if (ignored.length) out.write(`added to ${join(corpus, '.gitignore')}: ${ignored.join(', ')}\n`);
  if (attributes.length || ignored.length) out.write('Commit .gitattributes and .gitignore so the whole team shares them; each analyst runs `hashiya git-setup` once in their own clone.\n');
  return 0;
};
