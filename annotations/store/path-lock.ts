// One sidecar's read-compare-write at a time in this process, whichever store asks.
/**
 * Serialises the read-compare-write step for one path across every store in this process
 * (two windows on one article), so two stores never both miss each other's write.
 */
const pathLocks = new Map<string, Promise<void>>();

export async function withPathLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const previous = pathLocks.get(path) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const chained = previous.then(() => mine);
  pathLocks.set(path, chained);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (pathLocks.get(path) === chained) pathLocks.delete(path);
  }
}
