/**
 * A panel's view of the batch worker: whenever the target (data, seed, lr, step) or `deps`
 * change, brings the model there (re-initialised and replayed from the seed if it must go back)
 * and runs `job` on it. The previous result stays on screen until the new one arrives; `busy`
 * says whether the one shown is current.
 */
import { useEffect, useRef, useState } from 'react';
import { batchOnWorker, type ModelTarget } from '../../compute/batchClient';

/** A job on the model at `target`: resolves to null when a newer request superseded it. */
export type ModelJob<R> = (
  target: ModelTarget,
  onStep: (step: number) => void,
  alive: () => boolean,
) => Promise<R | null>;

export interface ModelProgress {
  /** The step the model has reached (while training, below the target). */
  step: number;
  busy: boolean;
  error: string | null;
  /** Whether the work runs on a worker (false: on the main thread, where no worker starts). */
  onWorker: boolean;
}

export function useBatchModel<R>(
  target: ModelTarget,
  job: ModelJob<R>,
  deps: readonly unknown[],
): { result: R | null; progress: ModelProgress } {
  const generation = useRef(0);
  const jobRef = useRef(job);
  const [result, setResult] = useState<{ value: R; key: string } | null>(null);
  const [status, setStatus] = useState<{
    step: number;
    error: { key: string; text: string } | null;
    onWorker: boolean;
  }>({ step: 0, error: null, onWorker: true });

  useEffect(() => {
    jobRef.current = job;
  });

  const { data, seed, step, lr, train } = target;
  const key = JSON.stringify([data, seed, step, lr ?? null, train, ...deps]);
  useEffect(() => {
    const gen = ++generation.current;
    let mounted = true;
    const alive = () => mounted && generation.current === gen;
    jobRef
      .current(
        { data, seed, step, lr, train },
        (at) => {
          if (alive()) setStatus({ step: at, error: null, onWorker: batchOnWorker() });
        },
        alive,
      )
      .then(
        (value) => {
          if (value === null || !alive()) return;
          setResult({ value, key });
          setStatus({ step, error: null, onWorker: batchOnWorker() });
        },
        (err: unknown) => {
          if (!alive()) return;
          const text = err instanceof Error ? err.message : String(err);
          setStatus((s) => ({ ...s, error: { key, text } }));
        },
      );
    return () => {
      mounted = false;
    };
  }, [key, data, seed, step, lr, train]);

  const error = status.error?.key === key ? status.error.text : null;
  return {
    result: result?.value ?? null,
    progress: {
      step: status.step,
      busy: result?.key !== key && error === null,
      error,
      onWorker: status.onWorker,
    },
  };
}
