// The plain-text articles of a scan with no index, shared out between the calling thread and
// the worker a few at a time, each taking the next ones when it is done with its own: both
// cores stay busy to the end whatever the articles' sizes and whenever the worker starts, where
// halves fixed in advance left one core idle for up to a second. Shared memory, so that taking
// costs no message; each chunk notes who took it, so that a worker that fails is made up for.

/** Articles taken at a time: few enough that the two finish together, enough that taking costs nothing. */
const CHUNK = 8;

export const CALLER = 1;
export const WORKER = 2;

/** What both threads share: the next chunk to take, and who took each. */
export interface ScanQueue {
  next: SharedArrayBuffer;
  takenBy: SharedArrayBuffer;
  total: number;
}

export function newQueue(total: number): ScanQueue {
  return { next: new SharedArrayBuffer(4), takenBy: new SharedArrayBuffer(Math.max(1, Math.ceil(total / CHUNK))), total };
}

/** The indices of the articles this thread takes, chunk by chunk, until none are left. */
export function* take(queue: ScanQueue, who: number): Generator<number> {
  const next = new Int32Array(queue.next);
  const takenBy = new Uint8Array(queue.takenBy);
  for (;;) {
    const chunk = Atomics.add(next, 0, 1);
    const from = chunk * CHUNK;
    if (from >= queue.total) return;
    Atomics.store(takenBy, chunk, who);
    for (let i = from; i < Math.min(from + CHUNK, queue.total); i++) yield i;
  }
}

/** The indices of the articles in chunks the caller did not take (all taken once the caller's `take` is done). */
export function notTakenByCaller(queue: ScanQueue): number[] {
  const takenBy = new Uint8Array(queue.takenBy);
  const out: number[] = [];
  for (let c = 0; c * CHUNK < queue.total; c++) {
    if (Atomics.load(takenBy, c) === CALLER) continue;
    for (let i = c * CHUNK; i < Math.min((c + 1) * CHUNK, queue.total); i++) out.push(i);
  }
  return out;
}
