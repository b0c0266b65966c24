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
