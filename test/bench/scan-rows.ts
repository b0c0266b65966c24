// The bench row for a one-off `hashiya search` on a corpus with no index yet (issue 25,
// item 2): the whole command as a user runs it (through bin.mjs), the index moved aside before
// each run, against `rg -F -c` over the raw files for the same word. Target: at most 8× rg.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_FOLDER } from '../../corpus/folder/corpus-folder';
import { median, ms, type BenchRow } from './measure';

const BIN = fileURLToPath(new URL('../../corpus/cli/bin.mjs', import.meta.url));
const TARGET = 8;

function wholeProcess(command: string, args: string[]): { ms: number; ok: boolean; missing: boolean; stdout: string } {
  const t = performance.now();
  const r = spawnSync(command, args, { maxBuffer: 1 << 30 });
  const elapsed = performance.now() - t;
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  // rg exits 1 when nothing matched: still a finished search.
  return { ms: elapsed, ok: !r.error && (r.status === 0 || (command === 'rg' && r.status === 1)), missing, stdout: r.stdout?.toString('utf8') ?? '' };
}

/** Times `hashiya search --corpus DIR QUERY --json` with no index (median of `runs`) and `rg -F -c`; the corpus's own index is put back after. */
export function scanRows(dir: string, runs: number, query = 'نخست وزیر'): BenchRow[] {
  process.stderr.write(`[bench] hashiya search with no index vs rg -F -c\n`);
  const app = join(dir, APP_FOLDER);
  const aside = join(dir, `${APP_FOLDER}-bench-aside`);
  const had = existsSync(app);
  if (had) renameSync(app, aside);
  const ours: number[] = [];
  let hits = 0;
  let failed = '';
  try {
    for (let r = 0; r < runs; r++) {
      // Whatever a run leaves (extracted pages) goes, so that each starts with no index.
      rmSync(app, { recursive: true, force: true });
      const run = wholeProcess(process.execPath, [BIN, 'search', '--corpus', dir, query, '--json']);
      if (!run.ok) failed = 'hashiya search failed';
      else hits = (JSON.parse(run.stdout) as { hits: unknown[] }).hits.length;
      ours.push(run.ms);
    }
  } finally {
    rmSync(app, { recursive: true, force: true });
    if (had) renameSync(aside, app);
  }
  const ourMs = median(ours);
  const measure = `one-off hashiya search with no index yet ("${query}", whole process, --json)`;
  const target = `≤ ${TARGET}× rg -F -c`;
  if (failed) return [{ measure, target, result: failed, baseline: '', met: false }];
  const rgRuns: number[] = [];
  let rgLines = 0;
  for (let r = 0; r < runs; r++) {
    const rg = wholeProcess('rg', ['-F', '-c', '--', query, dir]);
    if (rg.missing) return [{ measure, target, result: ms(ourMs), baseline: 'rg not found: install ripgrep (Debian: ripgrep)', met: null }];
    rgRuns.push(rg.ms);
    rgLines = rg.stdout.split('\n').filter(Boolean).reduce((s, l) => s + Number(l.slice(l.lastIndexOf(':') + 1)), 0);
  }
  const rgMs = median(rgRuns);
  const ratio = ourMs / rgMs;
  return [{ measure, target, result: `${ms(ourMs)} (${ratio.toFixed(1)}×), ${hits} hits`, baseline: `rg -F -c: ${ms(rgMs)}, ${rgLines} matching lines (no folding)`, met: ratio <= TARGET }];
}
