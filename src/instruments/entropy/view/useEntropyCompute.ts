/**
 * The two runs for the current settings, moved to `target` updates on the entropy worker. While a
 * replay runs, the rows so far stay on screen and `progress` says how far it is.
 */
import { useEffect, useMemo, useState } from 'react';
import { entropyRunTo, type EntropyProgress } from '../compute/client';
import type { EntropySnapshot } from '../compute/rows';
import { settingsKey, type EntropySettings } from '../compute/settings';

export interface EntropyCompute {
  snap: EntropySnapshot | null;
  progress: EntropyProgress | null;
  error: string | null;
  /** The rows shown are for these settings and this target. */
  done: boolean;
}

export function useEntropyCompute(settings: EntropySettings, target: number): EntropyCompute {
  const [snap, setSnap] = useState<EntropySnapshot | null>(null);
  const [progress, setProgress] = useState<EntropyProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = settingsKey(settings);
  // The settings object is rebuilt on every render; the key says when it really changed.
  const stable = useMemo(() => JSON.parse(key) as EntropySettings, [key]);

  useEffect(() => {
    let live = true;
    entropyRunTo(stable, target, (p) => {
      if (!live) return;
      setProgress({ step: p.step, target: p.target });
      if (p.snapshot) setSnap(p.snapshot);
    }).then(
      (result) => {
        if (!live || result === null) return;
        setSnap(result);
        setProgress(null);
        setError(null);
      },
      (err: unknown) => {
        if (live) setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [stable, target]);

  const done = snap !== null && snap.key === key && snap.step === target;
  return { snap, progress, error, done };
}
