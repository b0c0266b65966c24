import { realpath, stat } from 'node:fs/promises';

/**
 * Exit codes of every command: 0 done; 1 failed; 2 bad arguments, no such file or folder;
 * 3 done, but some sidecars could not be read (named on stderr; a script must notice that
 * annotations are missing).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

/** A failure to report as one line on stderr with its exit code. */
export class CliError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The real path of `--corpus DIR`, or a usage error that says what is wrong with it. */
export async function corpusFolder(dir: string | undefined): Promise<string> {
  if (!dir) throw new CliError(EXIT.usage, '--corpus DIR is required');
  let info;
  try {
    info = await stat(dir);
  } catch {
    throw new CliError(EXIT.usage, `no such folder: ${dir}`);
  }
  if (!info.isDirectory()) throw new CliError(EXIT.usage, `not a folder: ${dir}`);
  return realpath(dir);
}

/** A CLI command: takes its arguments, writes to stdout/stderr, returns the exit code. */
export type CliCommand = (args: string[]) => Promise<number>;

export class UsageError extends Error {}

/** Minimal flag parsing shared by the commands: --name value, --flag, repeated --name. */
export function parseFlags(args: string[], spec: { values?: string[]; repeated?: string[]; flags?: string[] }) {
  const values: Record<string, string> = {};
  const repeated: Record<string, string[]> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (spec.flags?.includes(name)) flags.add(name);
      else if (spec.values?.includes(name) || spec.repeated?.includes(name)) {
        const v = args[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        if (spec.repeated?.includes(name)) (repeated[name] ??= []).push(v);
        else values[name] = v;
      } else throw new UsageError(`unknown option --${name}`);
    } else positional.push(a);
  }
  return { values, repeated, flags, positional };
}
