// Long work written once as steps (a generator that yields where it may pause): run through at
// once where nothing else waits (tests, small indexes), or with the event loop given turns
// between steps in the search worker, where a query must not wait for a whole save of the index
// (learning and coding the keys cost ~850 ms of CPU at 20,000 articles, in one block).
export type Steps<T> = Generator<void, T, void>;

/** The steps' result, run through at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The steps' result, the event loop given a turn whenever they have held the thread `sliceMs`. */
export async function runStepsYielding<T>(steps: Steps<T>, sliceMs = 20): Promise<T> {
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - start > sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      start = performance.now();
    }
  }
}
