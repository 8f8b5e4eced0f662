/**
 * Serial queues by lane: jobs of one lane run one after another (they share a staging buffer,
 * which cannot be mapped twice), jobs of different lanes overlap.
 */
export function laneQueue(): <T>(lane: number, job: () => Promise<T>) => Promise<T> {
  const tails = new Map<number, Promise<unknown>>();
  return (lane, job) => {
    const run = (tails.get(lane) ?? Promise.resolve()).then(job);
    tails.set(
      lane,
      run.catch(() => undefined),
    );
    return run;
  };
}
