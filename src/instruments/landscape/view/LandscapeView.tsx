/**
 * The landscape view, mode=param: a small MLP trains in front of the reader and the loss along
 * two directions around its current weights (Li et al. 2018) is redrawn as it moves — heat map
 * with contours or a 3-D surface, the data with decision regions, and the 1-D interpolation
 * between the initial and the current weights or any two checkpoints the reader pins.
 */
import { useEffect, useRef, useState } from 'react';
import { ExportBar } from '../../../app/ExportBar';
import { useLiveGate } from '../../../app/useLiveGate';
import { useTransport } from '../../../state/transport';
import type { ViewProps } from '../../instrument';
import type { FigureHandle } from '../../../plots/figure';
import { useAtlas, useSetView } from '../../../state/store';
import { BackendBadge } from '../../../ui/BackendBadge';
import { usePlotBox } from '../../../plots/scale';
import { LANDSCAPE_LIMITS } from '../link';
import { landscapeReadouts } from '../readouts';
import { CsvDrop } from './CsvInput';
import { LandscapeControls } from './LandscapeControls';
import { LandscapeFigures } from './LandscapeFigures';
import { LandscapeReadouts } from './LandscapeReadouts';
import { landscapeJson } from './exportData';
import { PinBar } from './PinBar';
import {
  DEFAULT_PAIR,
  NO_PINS,
  addPin,
  effectivePair,
  livePins,
  removePin,
  type PairIds,
  type PinSet,
} from './pins';
import { useLandscape, useTrainSettings, type OwnData } from './useLandscape';
import './landscape.css';
import { useShowsControls } from '../../../app/controlsFilter';

const SPEEDS = [1, 5, 20] as const;
const PLAY_DELAY_MS = 30;

export function LandscapeView({ embed, colors }: ViewProps) {
  const showsControls = useShowsControls(embed);
  const p = useAtlas((s) => s.params.landscape);
  const set = useSetView('landscape');
  const [own, setOwn] = useState<OwnData | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(5);
  const [surface, setSurface] = useState(false);
  const { train, key } = useTrainSettings(p, own);
  const [pinSet, setPinSet] = useState<PinSet>(NO_PINS);
  const [pairIds, setPairIds] = useState<PairIds>(DEFAULT_PAIR);
  const pins = livePins(pinSet, key);
  const pair = effectivePair(pairIds, pins);
  const { state, progress, error, done } = useLandscape(p, train, { ids: pair, pins }, !playing);
  // The θ on screen belongs to this run once the run's first state is back.
  const shown = state && state.key === key ? state : null;
  const panelRef = useRef<HTMLElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const figureRef = useRef<FigureHandle>(null);
  const box = usePlotBox(boxRef);
  const active = useLiveGate(panelRef);

  // The play loop: the next request goes out once the last one is answered, so the slice
  // follows θ at the rate the GPU keeps up with and the controls never wait.
  useEffect(() => {
    if (!playing || !active || !done) return;
    const timer = setTimeout(() => {
      const { step } = useAtlas.getState().params.landscape;
      if (step >= LANDSCAPE_LIMITS.stepMax) setPlaying(false);
      else set({ step: Math.min(LANDSCAPE_LIMITS.stepMax, step + speed) });
    }, PLAY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [playing, active, done, speed, set, p.step]);
  useTransport({
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    step: () => {
      setPlaying(false);
      set({ step: Math.min(LANDSCAPE_LIMITS.stepMax, p.step + 1) });
    },
  });

  const values = landscapeReadouts(state);
  const backend = state?.slice?.provenance ?? state?.trainProvenance ?? null;
  const dataState = error ? 'error' : done ? 'done' : 'running';
  return (
    <section
      ref={panelRef}
      className={embed ? 'view landscape embed' : 'view landscape'}
      data-testid="landscape-view"
      data-state={dataState}
      aria-label="loss landscape of a training network"
    >
      {showsControls && <LandscapeControls p={p} ownName={own?.name ?? null} />}
      <div className="figure-column landscape-main">
        <div className="landscape-transport" role="group" aria-label="training">
          {playing ? (
            <button type="button" data-testid="pause" onClick={() => setPlaying(false)}>
              ❚❚ Pause
            </button>
          ) : (
            <button type="button" data-testid="play" onClick={() => setPlaying(true)}>
              ▶ Train
            </button>
          )}
          <button
            type="button"
            data-testid="step-once"
            disabled={playing}
            onClick={() => set({ step: p.step + 1 })}
          >
            +1 step
          </button>
          <button
            type="button"
            data-testid="reset"
            onClick={() => {
              setPlaying(false);
              set({ step: 0 });
            }}
          >
            ⟲ Reset
          </button>
          <label className="landscape-speed">
            speed{' '}
            <select
              data-testid="speed"
              value={speed}
              onChange={(e) => setSpeed(Number(e.currentTarget.value) as (typeof SPEEDS)[number])}
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s} step{s > 1 ? 's' : ''}/frame
                </option>
              ))}
            </select>
          </label>
          <label className="landscape-toggle">
            <input
              type="checkbox"
              data-testid="surface-toggle"
              checked={surface}
              onChange={(e) => setSurface(e.currentTarget.checked)}
            />{' '}
            3-D surface
          </label>
          <BackendBadge provenance={backend} />
          <span className="landscape-status" data-testid="landscape-status" aria-live="polite">
            {error
              ? `error: ${error}`
              : progress
                ? `replaying step ${progress.step} of ${progress.target}…`
                : state?.coarse
                  ? 'refining…'
                  : state?.slice?.reducedFrom
                    ? `CPU: grid ${state.slice.alphas.length} (asked ${state.slice.reducedFrom})`
                    : (state?.dirsNote ?? '')}
          </span>
        </div>
        {!embed && (
          <PinBar
            pins={pins}
            pair={pair}
            shownStep={shown?.step ?? null}
            onPin={() => {
              if (shown) setPinSet((set) => addPin(set, key, shown.step, shown.theta));
            }}
            onUnpin={(step) => setPinSet((set) => removePin(set, step))}
            onPair={setPairIds}
          />
        )}
        <CsvDrop
          own={own}
          onData={(o) => {
            setOwn(o);
            set({ step: 0 });
          }}
          onClear={() => {
            setOwn(null);
            set({ step: 0 });
          }}
          embed={embed}
        >
          <div ref={boxRef} className="landscape-figures">
            {state && (
              <LandscapeFigures
                state={state}
                span={p.span}
                surface={surface}
                embed={embed}
                width={box.width}
                height={box.height}
                colors={colors}
                ref={figureRef}
              />
            )}
          </div>
        </CsvDrop>
      </div>
      <aside className="readouts-panel" aria-label="readouts">
        <LandscapeReadouts values={values} interp={state?.interp ?? null} compact={embed} />
        <ExportBar
          name="landscape"
          figure={figureRef}
          json={() => landscapeJson(state, p, done, pins)}
          compact={embed}
        />
      </aside>
    </section>
  );
}
