// Dynamic programming over two sequences of segments: the best chain of beads (Viterbi), and
// for each of its beads the posterior probability that it belongs to the alignment, summed
// over all alignments (forward–backward). The posterior is the link's confidence: a bead that
// wins narrowly over a neighbouring reading gets a low one and goes to the review queue.
import type { BeadCategory } from './align-model';

export interface Bead {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  /** Posterior probability of this bead, 0..1. */
  posterior: number;
}

/** Log score of a bead taking A[i0, i0+da) and B[j0, j0+db), prior included. */
export type BeadScore = (i0: number, j0: number, da: number, db: number) => number;

/**
 * Above this many lattice cells only a band around the diagonal is searched: a translation
 * does not wander far from it, and a long article would otherwise cost seconds.
 */
const FULL_LATTICE_CELLS = 40_000;

class Lattice {
  readonly width: number;
  private readonly los: Int32Array;
  private readonly his: Int32Array;

  constructor(
    readonly n: number,
    readonly m: number,
    band: number,
  ) {
    const full = band >= m;
    this.width = full ? m + 1 : 2 * band + 1;
    this.los = new Int32Array(n + 1);
    this.his = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) {
      const center = full || n === 0 ? 0 : Math.round((i * m) / n);
      this.los[i] = full ? 0 : Math.max(0, center - band);
      this.his[i] = full ? m : Math.min(m, center + band);
    }
  }

  lo(i: number): number {
    return this.los[i]!;
  }

  hi(i: number): number {
    return this.his[i]!;
  }

  /** Index of cell (i, j), or -1 outside the band. */
  at(i: number, j: number): number {
    if (i < 0 || i > this.n) return -1;
    const lo = this.los[i]!;
    if (j < lo || j > this.his[i]!) return -1;
    return i * this.width + (j - lo);
  }

  get size(): number {
    return (this.n + 1) * this.width;
  }
}

function logAdd(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  const d = x - y;
  return d > 0 ? (d > 40 ? x : x + Math.log1p(Math.exp(-d))) : d < -40 ? y : y + Math.log1p(Math.exp(d));
}

/**
 * Cells whose forward score falls this far (in nats) below the best of their row are dropped:
 * no alignment through them carries any weight, and on a long article most cells are such.
 */
const BEAM = 30;

function bandFor(n: number, m: number, categories: readonly BeadCategory[]): number {
  if ((n + 1) * (m + 1) <= FULL_LATTICE_CELLS) return m;
  const step = Math.max(...categories.map((c) => Math.max(c.a, c.b)));
  // Wide enough for the drift that unmatched furniture and uneven splitting cause.
  return Math.max(20 * step, Math.ceil(Math.abs(n - m) + 0.06 * Math.max(n, m)));
}

/** The best alignment of A[0, n) with B[0, m), as beads in order, with posteriors. */
export function alignSequences(n: number, m: number, categories: readonly BeadCategory[], score: BeadScore): Bead[] {
  if (n === 0 && m === 0) return [];
  const lattice = new Lattice(n, m, bandFor(n, m, categories));
  const size = lattice.size;
  const forward = new Float64Array(size).fill(-Infinity);
  const best = new Float64Array(size).fill(-Infinity);
  const back = new Int8Array(size).fill(-1);
  const k = categories.length;
  // Each bead's score is needed by both passes; keep it when that fits in memory.
  const cache = size * k <= 8_000_000 ? new Float64Array(size * k).fill(NaN) : null;
  const beadScore = (cell: number, c: number, i0: number, j0: number): number => {
    if (!cache) return score(i0, j0, categories[c]!.a, categories[c]!.b);
    const slot = cell * k + c;
    let v = cache[slot]!;
    if (Number.isNaN(v)) {
      v = score(i0, j0, categories[c]!.a, categories[c]!.b);
      cache[slot] = v;
    }
    return v;
  };

  forward[lattice.at(0, 0)] = 0;
  best[lattice.at(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lattice.lo(i); j <= lattice.hi(i); j++) {
      if (i === 0 && j === 0) continue;
      const cell = lattice.at(i, j);
      let f = -Infinity;
      let top = -Infinity;
      let arg = -1;
      for (let c = 0; c < k; c++) {
        const { a, b } = categories[c]!;
        const from = lattice.at(i - a, j - b);
        if (from < 0 || forward[from] === -Infinity) continue;
        const s = beadScore(from, c, i - a, j - b);
        if (s === -Infinity) continue;
        f = logAdd(f, forward[from]! + s);
        if (best[from]! + s > top) {
          top = best[from]! + s;
          arg = c;
        }
      }
      forward[cell] = f;
      best[cell] = top;
      back[cell] = arg;
    }
    let rowBest = -Infinity;
    for (let j = lattice.lo(i); j <= lattice.hi(i); j++) rowBest = Math.max(rowBest, forward[lattice.at(i, j)]!);
    for (let j = lattice.lo(i); j <= lattice.hi(i); j++) {
      const cell = lattice.at(i, j);
      if (forward[cell]! < rowBest - BEAM && !(i === n && j === m)) {
        forward[cell] = -Infinity;
        best[cell] = -Infinity;
      }
    }
  }
  const end = lattice.at(n, m);
  if (end < 0 || best[end] === -Infinity) return [];

  const backward = new Float64Array(size).fill(-Infinity);
  backward[end] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = lattice.hi(i); j >= lattice.lo(i); j--) {
      const cell = lattice.at(i, j);
      if (cell === end || forward[cell] === -Infinity) continue;
      let v = -Infinity;
      for (let c = 0; c < k; c++) {
        const { a, b } = categories[c]!;
        const to = lattice.at(i + a, j + b);
        if (to < 0 || backward[to] === -Infinity) continue;
        const s = beadScore(cell, c, i, j);
        if (s === -Infinity) continue;
        v = logAdd(v, s + backward[to]!);
      }
      backward[cell] = v;
    }
  }

  const total = forward[end]!;
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const cell = lattice.at(i, j);
    const c = back[cell]!;
    if (c < 0) break;
    const { a, b } = categories[c]!;
    const from = lattice.at(i - a, j - b);
    const s = beadScore(from, c, i - a, j - b);
    const posterior = Math.min(1, Math.exp(forward[from]! + s + backward[cell]! - total));
    beads.push({ a0: i - a, a1: i, b0: j - b, b1: j, posterior });
    i -= a;
    j -= b;
  }
  return beads.reverse();
}
