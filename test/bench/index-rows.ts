// The bench rows for a corpus whose search index is on disk (issue 25): a one-off
// `hashiya search` answered from that index, as a whole process, against `rg -F -o` over the
// same files for the same words; the index's size against the articles' text; and reopening
// (the search worker until a query can be answered) against reading every file once.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_FOLDER } from '../../corpus/folder/corpus-folder';
import { SEARCH_INDEX } from '../../corpus/search/index-store';
import { mb, median, ms, type BenchRow } from './measure';

const BIN = fileURLToPath(new URL('../../corpus/cli/bin.mjs', import.meta.url));
const SEARCH_TARGET = 2;
const SIZE_TARGET = 0.6;
const REOPEN_TARGET = 2;
/** Three words in order, a phrase of the synthetic corpus's Persian articles. */
const QUERY = 'به گزارش خبرگزاری';

interface Run {
  ms: number;
  ok: boolean;
  missing: boolean;
  stdout: string;
}

function wholeProcess(command: string, args: string[], env?: Record<string, string>): Run {
  const t = performance.now();
  const r = spawnSync(command, args, { maxBuffer: 1 << 30, env: env ? { ...process.env, ...env } : undefined });
  const elapsed = performance.now() - t;
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  // rg exits 1 when nothing matched: still a finished search.
  return { ms: elapsed, ok: !r.error && (r.status === 0 || (command === 'rg' && r.status === 1)), missing, stdout: r.stdout?.toString('utf8') ?? '' };
}

/**
 * `hashiya search --corpus DIR QUERY --json` (every hit: no --limit) with the corpus's index on
 * disk, and `rg -F -o` for the same words: rounds of one of each, so that a busy moment of the
 * machine falls on both alike, after one untimed round that fills the disk cache. The bundle is
 * forced (cli-rows.ts builds it first), so the figure is never the tsx fallback's.
 */
function searchRow(dir: string, runs: number): BenchRow {
  process.stderr.write(`[bench] hashiya search with the index on disk vs rg -F -o\n`);
  const measure = `\`hashiya search\` with the index on disk ("${QUERY}", 3 words, every hit as JSON), whole process`;
  const target = `≤ ${SEARCH_TARGET}× rg -F -o`;
  const ours = () => wholeProcess(process.execPath, [BIN, 'search', '--corpus', dir, QUERY, '--json'], { HASHIYA_CLI: 'bundle' });
  const rg = () => wholeProcess('rg', ['-F', '-o', '--', QUERY, dir]);
  const first = ours();
  if (!first.ok) return { measure, target, result: 'hashiya search failed', baseline: '', met: false };
  const hits = (JSON.parse(first.stdout) as { hits: unknown[] }).hits.length;
  const rgFirst = rg();
  const ourTimes: number[] = [];
  const rgTimes: number[] = [];
  for (let r = 0; r < Math.max(3, runs); r++) {
    ourTimes.push(ours().ms);
    if (!rgFirst.missing) rgTimes.push(rg().ms);
  }
  const ourMs = median(ourTimes);
  if (rgFirst.missing) return { measure, target, result: `${ms(ourMs)}, ${hits} hits`, baseline: 'rg not found: install ripgrep (Debian: ripgrep)', met: null };
  const rgMs = median(rgTimes);
  const rgMatches = rgFirst.stdout.split('\n').filter(Boolean).length;
  const ratio = ourMs / rgMs;
  return { measure, target, result: `${ms(ourMs)} (${ratio.toFixed(1)}×), ${hits} hits`, baseline: `rg -F -o: ${ms(rgMs)}, ${rgMatches} matches (no folding)`, met: ratio <= SEARCH_TARGET };
}

/** The index file as saved against the articles' text (the bytes of every article file). */
function sizeRow(dir: string, textBytes: number): BenchRow {
  const measure = 'search index on disk, size';
  const target = `≤ ${SIZE_TARGET}× the articles' text`;
  const size = statSync(join(dir, APP_FOLDER, SEARCH_INDEX), { throwIfNoEntry: false })?.size;
  if (size === undefined) return { measure, target, result: 'no index on disk', baseline: '', met: false };
  const ratio = size / textBytes;
  return { measure, target, result: `${mb(size)} (${ratio.toFixed(2)}×)`, baseline: `articles' text: ${mb(textBytes)} (${textBytes.toLocaleString('en')} bytes)`, met: ratio <= SIZE_TARGET };
}

/** Call after the reopen runs, with the index saved beside the corpus. */
export function indexRows(dir: string, runs: number, textBytes: number): BenchRow[] {
  return [searchRow(dir, runs), sizeRow(dir, textBytes)];
}

/**
 * Reopening with the on-disk index until searchable, against reading every file once: each
 * reading measured right before a reopening, with the page cache warm for both (the files and
 * the index were written or read moments before).
 */
export function reopenRow(reopenMs: number[], readOnceMs: number[], firstQueryMs: number): BenchRow {
  const reopen = median(reopenMs);
  const read = median(readOnceMs);
  const ratio = reopen / read;
  return {
    measure: 'reopen with the on-disk index: searchable (page cache warm)',
    target: `≤ ${REOPEN_TARGET}× reading every file once`,
    result: `${ms(reopen)} (${ratio.toFixed(1)}×)`,
    baseline: `read all files once, warm, same runs: ${ms(read)}; first query ${ms(firstQueryMs)}`,
    met: ratio <= REOPEN_TARGET,
  };
}
