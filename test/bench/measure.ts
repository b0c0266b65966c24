// Small measuring tools for the bench: medians and percentiles, a probe for stalls of the
// main thread's event loop, a resident-memory sampler, and the table.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await work();
  return { ms: performance.now() - t, value };
}

/**
 * Watches the main thread while something runs: a timer that should fire every `tickMs`
 * notes how late it is (a stall is the lateness), and Node's own event-loop delay histogram
 * confirms the worst.
 */
export class StallProbe {
  private timer: NodeJS.Timeout | null = null;
  private last = 0;
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });
  worst = 0;
  over50 = 0;

  constructor(private readonly tickMs = 10) {}

  start(): void {
    this.histogram.enable();
    this.last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      const late = now - this.last - this.tickMs;
      this.last = now;
      if (late > this.worst) this.worst = late;
      if (late > 50) this.over50++;
    }, this.tickMs);
  }

  stop(): { worstMs: number; over50: number; histogramMaxMs: number } {
    if (this.timer) clearInterval(this.timer);
    this.histogram.disable();
    return { worstMs: Math.max(0, this.worst), over50: this.over50, histogramMaxMs: this.histogram.max / 1e6 };
  }
}

/** The process's resident memory (workers included: they are threads of it), sampled. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peak = 0;

  start(everyMs = 50): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

export interface BenchRow {
  measure: string;
  target: string;
  result: string;
  baseline: string;
  /** null: informational, not a target. */
  met: boolean | null;
}

export function formatTable(rows: BenchRow[]): string {
  const head: BenchRow = { measure: 'measure', target: 'target', result: 'result', baseline: 'baseline (same run)', met: null };
  const cells = [head, ...rows].map((r) => [r.measure, r.target, r.result, r.baseline, r === head ? 'met' : r.met === null ? '' : r.met ? 'yes' : 'NO']);
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => '| ' + c.map((v, i) => v + ' '.repeat(widths[i]! - v.length)).join(' | ') + ' |';
  const rule = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|';
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

export function ms(v: number): string {
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
