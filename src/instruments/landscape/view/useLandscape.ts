/**
 * The engine's state for the current link: each change (a step, a setting, play) is one request
 * to the landscape worker; the newest wins. The interpolation's pair (and the pinned θ's it
 * names) travels with each request. While a request runs the previous picture stays on
 * screen, and a coarse slice arrives before the refined one.
 */
import { useEffect, useMemo, useState } from 'react';
import { digitsUrl } from '../../../worker/loadDigits';
import { landscapeRunTo, type Shown } from '../compute/client';
import { trainKey, type SliceSettings, type TrainSettings } from '../compute/protocol';
import type { LandscapeParams } from '../link';
import type { Samples } from '../science/shape';
import { pairKey, pairRequest, type PairIds, type Pin } from './pins';

export interface OwnData {
  key: string;
  name: string;
  samples: Samples;
}

export interface LandscapeCompute {
  state: Shown | null;
  progress: { step: number; target: number } | null;
  error: string | null;
  /** The state shown is the final answer for the current request. */
  done: boolean;
}

/** The settings that decide θ, with the key that names the run (pins belong to one run). */
export function useTrainSettings(
  p: LandscapeParams,
  own: OwnData | null,
): { train: TrainSettings; key: string } {
  const hidden = p.hidden.join(',');
  return useMemo(() => {
    const train: TrainSettings = {
      data: p.data,
      n: p.n,
      noise: p.noise,
      hidden: hidden.split(',').map(Number),
      act: p.act,
      opt: p.opt,
      lr: p.lr,
      wd: p.wd,
      batch: p.batch,
      seed: p.seed,
      train: p.train,
      own: own ? { key: own.key, samples: own.samples } : null,
    };
    return { train, key: trainKey(train) };
  }, [p.data, p.n, p.noise, hidden, p.act, p.opt, p.lr, p.wd, p.batch, p.seed, p.train, own]);
}

export function useLandscape(
  p: LandscapeParams,
  train: TrainSettings,
  pair: { ids: PairIds; pins: readonly Pin[] },
  refine: boolean,
): LandscapeCompute {
  const [state, setState] = useState<Shown | null>(null);
  const [progress, setProgress] = useState<{ step: number; target: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [doneFor, setDoneFor] = useState<string | null>(null);
  const slice: SliceSettings = useMemo(
    () => ({ norm: p.norm, bias: p.bias, span: p.span, grid: p.grid, dirs: p.dirs }),
    [p.norm, p.bias, p.span, p.grid, p.dirs],
  );
  // A pin's θ never changes within a run, so its id stands for it in the key.
  const requestKey = JSON.stringify([
    train.own?.key ?? '',
    { ...train, own: null },
    slice,
    pairKey(pair.ids),
    p.step,
    refine,
  ]);

  useEffect(() => {
    let live = true;
    landscapeRunTo(
      {
        kind: 'runTo',
        train,
        slice,
        pair: pairRequest(pair.ids, pair.pins),
        step: p.step,
        refine,
        dataUrl: digitsUrl(document.baseURI),
      },
      (ev) => {
        if (!live) return;
        if (ev.kind === 'progress') setProgress({ step: ev.step, target: ev.target });
        else setState(ev.state);
      },
    ).then(
      (res) => {
        if (!live || res === null) return;
        setState(res);
        setProgress(null);
        setError(null);
        setDoneFor(requestKey);
      },
      (err: unknown) => {
        if (live) setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
    // requestKey covers every input of the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);

  return { state, progress, error, done: doneFor === requestKey };
}
