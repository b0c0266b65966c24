// The `hashiya` command's start-up (issue 25, item 3): whole processes, as a person or a
// script meets it, against node's own start-up on the same machine in the same minute.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, ms, type BenchRow } from './measure';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'corpus', 'cli', 'bin.mjs');
const TARGET_RATIO = 1.5;

function run(args: string[], env: Record<string, string> = {}): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, HASHIYA_CLI: '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr.toString()}`);
  return elapsed;
}

/**
 * Medians of `runs` rounds; each round runs every case once, so that a busy moment of the
 * machine falls on all of them alike. One round first, untimed, fills the disk cache.
 */
function medians(cases: Record<string, () => number>, runs: number): Record<string, number> {
  for (const c of Object.values(cases)) c();
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) for (const [k, c] of Object.entries(cases)) times[k]!.push(c());
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

export function cliRows({ runs }: { runs: number }): BenchRow[] {
  // The bundle as `npm install` leaves it, so that the figure is never that of the tsx fallback.
  const built = spawnSync(process.execPath, [join(ROOT, 'build', 'scripts', 'bundle.mjs'), 'cli'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`bundling the cli failed: ${built.stderr}`);
  const m = medians(
    {
      node: () => run(['-e', '0']),
      help: () => run([BIN, '--help']),
      info: () => run([BIN, 'info', '--help']),
      tsx: () => run([BIN, '--help'], { HASHIYA_CLI: 'tsx' }),
    },
    Math.max(9, runs * 5),
  );
  const ratio = (v: number) => `${(v / m.node!).toFixed(2)}×`;
  const help = m.help! / m.node!;
  return [
    {
      measure: '`hashiya --help`, whole process (prebuilt bundle)',
      target: `≤ ${TARGET_RATIO}× node -e 0`,
      result: `${ms(m.help!)} (${ratio(m.help!)})`,
      baseline: `node -e 0: ${ms(m.node!)}; from the sources (tsx): ${ms(m.tsx!)} (${ratio(m.tsx!)})`,
      met: help <= TARGET_RATIO,
    },
    // A command's help is printed from corpus/cli/usage.ts, without loading the command.
    { measure: '`hashiya info --help`, whole process (the help text only, not the info command)', target: `≤ ${TARGET_RATIO}× node -e 0`, result: `${ms(m.info!)} (${ratio(m.info!)})`, baseline: `node -e 0: ${ms(m.node!)}`, met: m.info! <= TARGET_RATIO * m.node! },
  ];
}
