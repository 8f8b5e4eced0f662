/**
 * The entropy view (Cui et al. 2025, arXiv:2505.22617): B softmax policies trained with exact PG,
 * natural PG or GRPO, an intervention beside its no-intervention baseline from the same seed;
 * entropy and reward against the step, the law R = −a·e^H + b, the covariance mechanism and
 * pass@k. The runs live in a worker (GPU or CPU); this component only draws what comes back.
 */
import { useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { ExportBar } from '../../../app/ExportBar';
import { useLiveGate } from '../../../app/useLiveGate';
import { useTransport } from '../../../state/transport';
import type { ViewProps } from '../../instrument';
import type { FigureHandle } from '../../../plots/figure';
import { figureSvg } from '../../../plots/export';
import { useAtlas, useSetView } from '../../../state/store';
import { BackendBadge } from '../../../ui/BackendBadge';
import { usePlotBox } from '../../../plots/scale';
import { ReplayProgress } from '../../../ui/ReplayProgress';
import { settingsOf } from '../compute/settings';
import { entropyReadouts } from '../readouts';
import { EntropyCharts } from './EntropyCharts';
import { EntropyControls } from './EntropyControls';
import { EntropyReadoutList } from './EntropyReadoutList';
import { entropyJson } from './entropyJson';
import { useEntropyCompute } from './useEntropyCompute';
import './entropy.css';
import { useShowsControls } from '../../../app/controlsFilter';

/**
 * Updates per tick while playing. On the CPU one update per worker round trip keeps up; on the
 * GPU each round trip pays a submission and a readback per run (tens of ms on SwiftShader), so a
 * tick takes several updates in one submission. Every update's row still reaches the charts.
 */
const playStride = (backend: string | undefined): number => (backend === 'gpu' ? 8 : 1);

export function EntropyView({ embed, colors }: ViewProps) {
  const showsControls = useShowsControls(embed);
  const e = useAtlas((s) => s.params.entropy);
  const set = useSetView('entropy');
  const settings = useMemo(() => settingsOf(e), [e]);
  const target = e.step;
  const { snap, progress, error, done } = useEntropyCompute(settings, target);
  const readouts = useMemo(
    () => (snap ? entropyReadouts(snap, e.lr, e.k) : null),
    [snap, e.lr, e.k],
  );

  const panelRef = useRef<HTMLElement>(null);
  const chartsRef = useRef<HTMLDivElement>(null);
  const figureRef = useRef<FigureHandle>(null);
  const box = usePlotBox(chartsRef);
  const active = useLiveGate(panelRef);
  const [playing, setPlaying] = useState(false);
  const maxStep = 10000;

  const stride = playStride(snap?.backend);
  // The play loop: each finished step asks for the next, written to the store (and the URL).
  useEffect(() => {
    if (!playing || !active || !done) return;
    const timer = setTimeout(() => {
      const { step } = useAtlas.getState().params.entropy;
      if (step >= maxStep) setPlaying(false);
      else set({ step: Math.min(maxStep, step + stride) });
    }, 0);
    return () => clearTimeout(timer);
  }, [playing, active, done, target, set, stride]);
  useTransport({
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    step: () => {
      setPlaying(false);
      set({ step: Math.min(maxStep, target + 1) });
    },
  });

  useImperativeHandle(
    figureRef,
    () => ({
      toSvg: () => {
        const root = chartsRef.current;
        if (!root) throw new Error('the figure is not drawn yet');
        const origin = root.getBoundingClientRect();
        const parts = [...root.querySelectorAll<SVGSVGElement>('svg[data-chart]')].map((svg) => {
          const r = svg.getBoundingClientRect();
          const at = `<svg x="${Math.round(r.left - origin.left)}" y="${Math.round(r.top - origin.top)}"`;
          return figureSvg(svg, [], colors.background).replace('<svg', at);
        });
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

  const replaying = !done && !playing && error === null;
  const progressStep = progress?.step ?? snap?.step ?? 0;
  const provenance = snap
    ? snap.backend === 'gpu'
      ? { kind: 'gpu' as const, adapter: snap.note }
      : { kind: 'cpu' as const, reason: snap.note }
    : null;

  return (
    <section
      ref={panelRef}
      className={embed ? 'view entropy embed' : 'view entropy'}
      data-testid="entropy-view"
      data-state={error ? 'error' : done ? 'done' : 'running'}
      data-backend={snap?.backend ?? ''}
      aria-label="policy entropy under policy-gradient training"
    >
      {showsControls && <EntropyControls params={e} />}
      <div className="figure-column entropy-figures">
        <div className="entropy-transport" role="group" aria-label="playback">
          {playing ? (
            <button type="button" data-testid="pause" onClick={() => setPlaying(false)}>
              ❚❚ Pause
            </button>
          ) : (
            <button type="button" data-testid="play" onClick={() => setPlaying(true)}>
              ▶ Play
            </button>
          )}
          <button
            type="button"
            data-testid="step-once"
            disabled={playing || !done || target >= maxStep}
            onClick={() => set({ step: target + 1 })}
          >
            Step +1
          </button>
          <button
            type="button"
            data-testid="reset"
            onClick={() => {
              setPlaying(false);
              set({ step: 0 });
            }}
          >
            Reset
          </button>
          <span className="entropy-position">
            step {snap?.step ?? 0}
            {snap ? ` · B ${snap.B} × K ${snap.K}` : ''}
          </span>
          <span className="entropy-badge" title={snap?.note}>
            <BackendBadge provenance={provenance} testId="entropy-backend" />
            {snap?.backend === 'cpu' && !embed && <span className="entropy-note">{snap.note}</span>}
          </span>
        </div>
        {replaying && (
          <ReplayProgress
            step={progressStep}
            target={target}
            testId="entropy-progress"
            text={snap === null && progress === null ? 'building the runs…' : undefined}
          />
        )}
        {error && (
          <p className="figure-error" role="alert">
            The runs could not be computed: {error}
          </p>
        )}
        <div className="entropy-charts" ref={chartsRef}>
          <EntropyCharts
            snap={snap}
            params={e}
            width={box.width}
            height={box.height}
            embed={embed}
            colors={colors}
          />
        </div>
      </div>
      <aside className="readouts-panel">
        <EntropyReadoutList readouts={readouts} k={e.k} compact={embed} />
        <ExportBar
          name="entropy"
          figure={figureRef}
          json={() => entropyJson(snap, readouts, target)}
          compact={embed}
        />
        {!embed && (
          <p className="explain">
            Each prompt's policy is a softmax over its actions. Exact policy gradient moves logit a
            by η·π(a)·A(a), so the entropy changes by about −η·Cov(log π, π·A): likely, good actions
            pull it down, rare good ones push it up (Cui et al. 2025). As H collapses R stalls at
            the ceiling b − a of R = −a·eᴴ + b. The baseline (dashed) runs the plain update from the
            same seed.
          </p>
        )}
      </aside>
    </section>
  );
}
