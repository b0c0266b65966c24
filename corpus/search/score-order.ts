// The order of many scores, highest first, equal ones in their given order: what a stable
// sort by `(x, y) => y.score - x.score` gives. A word in nearly every article leaves some
// 20,000 first-look scores to order; a sort with a comparator took about 7 ms of a query's
// time for them. Positive doubles order as their bits do, so the bits are sorted a byte at a
// time, least significant first (a stable radix sort keeps equal scores in order).

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const counts = new Int32Array(256);

/** Indices 0..n-1 of `scores`, highest score first, equal scores by index. */
export function byScoreDescending(scores: Float64Array, n: number): Uint32Array {
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  for (let i = 0; i < n; i++) {
    // Zero, negative and not-a-number scores do not order as their bits: the comparator's way.
    const s = scores[i]!;
    if (!(s > 0 && s < Infinity)) return order.sort((x, y) => scores[y]! - scores[x]! || x - y);
  }
  const bytes = new Uint8Array(scores.buffer, scores.byteOffset, n * 8);
  let other = new Uint32Array(n);
  for (let b = 0; b < 8; b++) {
    const at = LITTLE_ENDIAN ? b : 7 - b;
    counts.fill(0);
    // Highest first: the complement's bytes, ascending.
    for (let i = 0; i < n; i++) counts[255 - bytes[8 * i + at]!]!++;
    if (counts[255 - bytes[at]!] === n) continue; // one byte for all: the order stands
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      other[counts[255 - bytes[8 * i + at]!]!++] = i;
    }
    const t = order;
    order = other;
    other = t;
  }
  return order;
}
