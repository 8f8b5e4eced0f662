/**
 * The learning-rate-spike experiment (Sao 2026, Figs. 6 and 10, Table 1): the digits MLP trained
 * with Adam, the learning rate multiplied by `spike` at step `at` for `hold` steps, under three
 * rules from one seed — plain Adam, clipped gradients, the ρ_a controller of Eq. 19.
 */
import { useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { ExportBar } from '../../../../app/ExportBar';
import type { ThemeColors } from '../../../../app/theme';
import { useLiveGate } from '../../../../app/useLiveGate';
import { useTransport } from '../../../../state/transport';
import {
  SPIKE_LR,
  spikeTotal,
  type SpikeSeries,
  type SpikeSettings,
} from '../../compute/spikeEngine';
import type { FigureHandle } from '../../../../plots/figure';
import { figureSvg } from '../../../../plots/export';
import { useAtlas, useSetView } from '../../../../state/store';
import { Readout } from '../../../../ui/Readout';
import { usePlotBox } from '../../../../plots/scale';
import { ReplayProgress } from '../../../../ui/ReplayProgress';
import { TrainBadge } from '../TrainOnSelect';
import { SpikeCharts } from './SpikeCharts';
import { SpikeControls } from './SpikeControls';
import { spikeJson } from './spikeJson';
import { useSpikeCompute } from './useSpikeCompute';
import { useShowsControls } from '../../../../app/controlsFilter';

/** Pause between steps while playing, so the charts are seen to grow. */
const PLAY_DELAY_MS = 15;

function finalAccuracy(series: SpikeSeries | null, run: number): number | null {
  const r = series?.runs[run];
  if (!r) return null;
  return r.testAcc.length > 0 ? (r.testAcc[r.testAcc.length - 1] ?? null) : r.initialAcc;
}

export function SpikePanel({ embed, colors }: { embed: boolean; colors: ThemeColors }) {
  const showsControls = useShowsControls(embed);
  const g = useAtlas((s) => s.params.ghosts);
  const setGhosts = useSetView('ghosts');
  const settings: SpikeSettings = useMemo(
    () => ({
      seed: g.seed,
      lr: g.lr ?? SPIKE_LR,
      at: g.at,
      spike: g.spike,
      hold: g.hold,
      train: g.train,
    }),
    [g.seed, g.lr, g.at, g.spike, g.hold, g.train],
  );
  const total = spikeTotal(settings);
  const target = Math.min(g.step, total);
  const { series, progress, error, done } = useSpikeCompute(settings, target);

  const panelRef = useRef<HTMLElement>(null);
  const chartsRef = useRef<HTMLDivElement>(null);
  const figureRef = useRef<FigureHandle>(null);
  const box = usePlotBox(chartsRef);
  const active = useLiveGate(panelRef);
  const [playing, setPlaying] = useState(false);

  // The play loop: one step at a time, each written to the store (and so to the URL).
  useEffect(() => {
    if (!playing || !active || !done) return;
    const timer = setTimeout(() => {
      const { step } = useAtlas.getState().params.ghosts;
      if (step >= total) setPlaying(false);
      else setGhosts({ step: step + 1 });
    }, PLAY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [playing, active, done, target, total, setGhosts]);

  useImperativeHandle(
    figureRef,
    () => ({
      toSvg: () => {
        const root = chartsRef.current;
        if (!root) throw new Error('the figure is not drawn yet');
        const origin = root.getBoundingClientRect();
        const parts: string[] = [];
        for (const svg of root.querySelectorAll<SVGSVGElement>('svg[data-chart]')) {
          const r = svg.getBoundingClientRect();
          const x = Math.round(r.left - origin.left);
          const y = Math.round(r.top - origin.top);
          parts.push(
            figureSvg(svg, [], colors.background).replace('<svg', `<svg x="${x}" y="${y}"`),
          );
        }
        const w = Math.ceil(root.scrollWidth);
        const h = Math.ceil(root.scrollHeight);
        return (
          `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
          `<rect width="${w}" height="${h}" fill="${colors.background}"/>${parts.join('')}</svg>`
        );
      },
    }),
    [colors.background],
  );

  const shownStep = series?.step ?? null;
  const atEnd = target >= total;
  const replaying = !done && !playing;
  const progressStep = progress?.step ?? 0;

  const play = () => {
    if (atEnd) setGhosts({ step: 0 });
    setPlaying(true);
  };
  useTransport({
    play,
    pause: () => setPlaying(false),
    step: () => {
      setPlaying(false);
      setGhosts({ step: Math.min(total, target + 1) });
    },
  });

  return (
    <section
      ref={panelRef}
      className={embed ? 'view ghosts spike embed' : 'view ghosts spike'}
      data-testid="spike-view"
      data-state={error ? 'error' : done ? 'done' : 'running'}
      aria-label="learning-rate spike: plain Adam, gradient clipping and the ρ_a controller"
    >
      {showsControls && <SpikeControls params={g} />}
      <div className="figure-column spike-figures">
        <div className="spike-transport" role="group" aria-label="playback">
          {playing ? (
            <button type="button" data-testid="pause" onClick={() => setPlaying(false)}>
              ❚❚ Pause
            </button>
          ) : (
            <button type="button" data-testid="play" onClick={play}>
              ▶ {atEnd ? 'Replay' : 'Play'}
            </button>
          )}
          <button
            type="button"
            data-testid="step-once"
            disabled={atEnd || playing || !done}
            onClick={() => setGhosts({ step: target + 1 })}
          >
            Step +1
          </button>
          <button
            type="button"
            data-testid="reset"
            onClick={() => {
              setPlaying(false);
              setGhosts({ step: 0 });
            }}
          >
            Reset
          </button>
          <span className="spike-position">
            step {shownStep ?? 0} of {total}
          </span>
          <TrainBadge
            backend={series?.backend ?? null}
            note={series?.backendNote ?? 'starting the three runs'}
            testId="spike-backend"
          />
        </div>
        {replaying && (
          <ReplayProgress
            step={progressStep}
            target={target}
            testId="spike-progress"
            text={
              series === null && progress === null
                ? 'loading the digits and building the three runs…'
                : undefined
            }
          />
        )}
        {error && (
          <p className="figure-error" role="alert">
            The spike runs could not be computed: {error}
          </p>
        )}
        <div className="spike-charts" ref={chartsRef}>
          <SpikeCharts
            series={series}
            at={g.at}
            hold={g.hold}
            spike={g.spike}
            total={total}
            width={box.width}
            height={box.height}
            compact={embed}
            colors={colors}
          />
        </div>
      </div>
      <aside className="readouts-panel">
        <section className="readouts" aria-label="test accuracy">
          <h2 className="readouts-title">Test accuracy at this step</h2>
          <dl>
            <Readout testId="acc-plain" label="plain Adam" value={finalAccuracy(series, 0)} />
            <Readout testId="acc-clip" label="clip ‖g‖ ≤ 1" value={finalAccuracy(series, 1)} />
            <Readout
              testId="acc-controller"
              label="ρ_a controller"
              value={finalAccuracy(series, 2)}
            />
            <Readout testId="spike-step" label="step" value={shownStep} />
          </dl>
        </section>
        <ExportBar
          name="ghosts-lr-spike"
          figure={figureRef}
          json={() => spikeJson(series, target)}
          compact={embed}
        />
        {!embed && (
          <p className="explain">
            At step {g.at} the learning rate jumps {g.spike}× for {g.hold} steps. Plain Adam takes
            the huge steps and its accuracy collapses; clipping bounds the gradient but not the
            step. The controller measures ρ<sub>a</sub> = π/Δ<sub>a</sub> along the proposed update
            p with one JVP and scales it to τ = min(‖p‖, ρ<sub>a</sub>), so every step stays inside
            the radius where the loss is analytic (Sao 2026, Eq. 19). Points are green where τ ≤ ρ
            <sub>a</sub>, red where the step leaves it.
          </p>
        )}
      </aside>
    </section>
  );
}
