// Waiting on work that may never end (a save on a hung network disk) for a bounded time only.

/** Resolves true when `work` settled within `ms`, false when the time ran out first; never rejects. */
export async function withinTime(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    // The timer alone must not keep a quitting process alive.
    timer.unref();
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      limit,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
