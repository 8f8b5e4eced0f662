/**
 * Runs an async job so that at most one is in flight and only the newest waiting request
 * runs next: dragging a slider queues nothing, it just replaces the pending request.
 */
export function latestOnly<A, R>(
  job: (args: A) => Promise<R>,
  onResult: (result: R, args: A) => void,
  onError: (error: unknown, args: A) => void,
): (args: A) => void {
  let busy = false;
  let pending: { args: A } | null = null;

  const run = (args: A): void => {
    busy = true;
    job(args)
      .then((r) => onResult(r, args))
      .catch((e: unknown) => onError(e, args))
      .finally(() => {
        busy = false;
        const next = pending;
        pending = null;
        if (next) run(next.args);
      });
  };

  return (args: A) => {
    if (busy) pending = { args };
    else run(args);
  };
}
