/**
 * The collapse run for the current settings, moved to `target` steps on the worker. While a
 * replay runs the previous frame stays on screen, the history grows, and `progress` says how far.
 */
import { useEffect, useState } from 'react';
import { settingsKey, type CollapseSettings, type HistoryRows } from '../compute/collapseEngine';
import {
  collapseRunTo,
  type CollapseOutcome,
  type CollapseProgress,
} from '../compute/collapseClient';

export interface CollapseCompute {
  result: CollapseOutcome | null;
  history: HistoryRows | null;
  progress: CollapseProgress | null;
  error: string | null;
  /** The frame shown is for these settings and this target. */
  done: boolean;
}

export function useCollapseCompute(settings: CollapseSettings, target: number): CollapseCompute {
  const [result, setResult] = useState<CollapseOutcome | null>(null);
  const [history, setHistory] = useState<HistoryRows | null>(null);
  const [progress, setProgress] = useState<CollapseProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = settingsKey(settings);

  useEffect(() => {
    let live = true;
    const s = JSON.parse(key) as CollapseSettings;
    collapseRunTo(s, target, (p) => {
      if (!live) return;
      setProgress({ step: p.step, target: p.target });
      if (p.history) setHistory(p.history);
    }).then(
      (res) => {
        if (!live || res === null) return;
        setResult(res);
        setHistory(res.history);
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
  }, [key, target]);

  const done = result !== null && result.frame.key === key && result.frame.step === target;
  return { result, history, progress, error, done };
}
