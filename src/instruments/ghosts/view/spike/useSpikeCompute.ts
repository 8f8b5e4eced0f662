/**
 * The spike runs for the current settings, moved to `target` steps on the spike worker. While a
 * replay runs, the previous series stays on screen and `progress` says how far the replay is.
 */
import { useEffect, useState } from 'react';
import { digitsUrl } from '../../../../worker/loadDigits';
import { sameSettings, type SpikeSeries, type SpikeSettings } from '../../compute/spikeEngine';
import { spikeRunTo, type SpikeProgress } from '../../compute/spikeWorker';

export interface SpikeCompute {
  series: SpikeSeries | null;
  progress: SpikeProgress | null;
  error: string | null;
  /** The series shown is for these settings and this target. */
  done: boolean;
}

export function useSpikeCompute(settings: SpikeSettings, target: number): SpikeCompute {
  const [series, setSeries] = useState<SpikeSeries | null>(null);
  const [progress, setProgress] = useState<SpikeProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { seed, lr, at, spike, hold, train } = settings;

  useEffect(() => {
    let live = true;
    const s: SpikeSettings = { seed, lr, at, spike, hold, train };
    // A step on from the runs' current step trains one step; only a rewind or a new setting
    // replays (from the nearest snapshot, or from the seed).
    spikeRunTo(s, digitsUrl(document.baseURI), target, (p) => {
      if (!live) return;
      setProgress({ step: p.step, target: p.target });
      if (p.series) setSeries(p.series);
    }).then(
      (result) => {
        if (!live || result === null) return;
        setSeries(result);
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
  }, [seed, lr, at, spike, hold, train, target]);

  const done =
    series !== null &&
    sameSettings(series.settings, settings) &&
    series.step === Math.min(target, series.total);
  return { series, progress, error, done };
}
