/**
 * The collapse instrument (SPEC §5): the unconstrained-features model trained with weight decay,
 * its class means and classifier rows converging to a simplex ETF in a rotatable 3-D view, the
 * NC metrics on log axes, the cosine heat map and the per-class norms against the closed forms.
 */
import { useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { ExportBar } from '../../../app/ExportBar';
import type { ThemeColors } from '../../../app/theme';
import { useLiveGate } from '../../../app/useLiveGate';
import { useTransport } from '../../../state/transport';
import { composeCharts } from '../../../plots/compose';
import type { FigureHandle } from '../../../plots/figure';
import { useAtlas, useSetView } from '../../../state/store';
import { BackendBadge } from '../../../ui/BackendBadge';
import { usePlotBox } from '../../../plots/scale';
import { ReplayProgress } from '../../../ui/ReplayProgress';
import { digitsUrl } from '../../../worker/loadDigits';
import type { CollapseSettings } from '../compute/collapseEngine';
import { classCountsOf, type CollapseParams } from '../link';
import { collapseReadouts, collapseThreshold } from '../readouts';
import { CollapseControls } from './CollapseControls';
import { ClassNormList, CollapseReadoutList } from './CollapseReadouts';
import { CollapseFigures } from './CollapseFigures';
import { collapseJson } from './exportData';
import { useCollapseCompute } from './useCollapseCompute';
import './collapse.css';
import { useShowsControls } from '../../../app/controlsFilter';

/** Steps one play tick advances: one at first, then about 1% of the step (log-time playback). */
export const playStride = (step: number): number => Math.max(1, Math.floor(step / 100));

export function settingsOf(p: CollapseParams): CollapseSettings {
  return {
    loss: p.loss,
    bias: p.bias,
    lamW: p['lam-w'],
    lamH: p['lam-h'],
    alpha: p.lr,
    seed: p.seed,
    depth: p.depth,
    counts: classCountsOf(p),
    d: p.d,
    train: p.train,
    model: p.model,
    // Only the MLP reads data; the UFM's settings (and so its run) do not depend on the page URL.
    dataUrl: p.model === 'mlp' ? digitsUrl(document.baseURI) : null,
  };
}

export function CollapseView({ embed, colors }: { embed: boolean; colors: ThemeColors }) {
  const showsControls = useShowsControls(embed);
  const p = useAtlas((s) => s.params.collapse);
  const set = useSetView('collapse');
  const settings = useMemo(() => settingsOf(p), [p]);
  const target = p.step;
  const { result, history, progress, error, done } = useCollapseCompute(settings, target);

  const panelRef = useRef<HTMLElement>(null);
  const chartsRef = useRef<HTMLDivElement>(null);
  const figureRef = useRef<FigureHandle>(null);
  const box = usePlotBox(chartsRef);
  const active = useLiveGate(panelRef);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing || !active || !done) return;
    const timer = setTimeout(() => {
      const { step } = useAtlas.getState().params.collapse;
      set({ step: step + playStride(step) });
    }, 0);
    return () => clearTimeout(timer);
  }, [playing, active, done, target, set]);
  useTransport({
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    step: () => {
      setPlaying(false);
      set({ step: target + 1 });
    },
  });

  useImperativeHandle(
    figureRef,
    () => ({
      toSvg: () => {
        const root = chartsRef.current;
        if (!root) throw new Error('the figure is not drawn yet');
        return composeCharts(root, colors.background);
      },
    }),
    [colors.background],
  );

  const frame = result?.frame ?? null;
  const values = frame ? collapseReadouts(frame) : null;
  const replaying = !done && !playing;
  const progressStep = progress?.step ?? 0;
  const deepCe = p.loss === 'ce' && p.depth >= 2;

  return (
    <section
      ref={panelRef}
      className={embed ? 'view collapse embed' : 'view collapse'}
      data-testid="collapse-view"
      data-state={error ? 'error' : done ? 'done' : 'running'}
      aria-label="neural collapse: class means and classifiers converging to a simplex ETF"
    >
      {showsControls && <CollapseControls params={p} />}
      <div className="figure-column collapse-figures">
        <div className="collapse-transport" role="group" aria-label="playback">
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
            disabled={playing || !done}
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
          <span className="collapse-position">step {frame?.step ?? 0}</span>
          <BackendBadge provenance={result?.provenance ?? null} testId="collapse-backend" />
        </div>
        {replaying && (
          <ReplayProgress step={progressStep} target={target} testId="collapse-progress" />
        )}
        {error && (
          <p className="figure-error" role="alert">
            The run could not be computed: {error}
          </p>
        )}
        {p.model === 'mlp' && !embed && (
          <p className="collapse-note" data-testid="collapse-mlp-note">
            model=mlp: the 128 hidden ReLU features of the digits MLP (64→128→10, all 1,797 digits,
            full-batch Adam, lr 1e-3·α, weight decay λ_W, cross-entropy); the class, size, loss and
            depth settings apply to the free-features model only.
          </p>
        )}
        {deepCe && !embed && (
          <p className="collapse-note">
            Deep CE (depth ≥ 2): gradient descent can settle at a lower objective than any
            ETF-shaped point (e.g. two antipodal pairs for K = 4), so no theory values are drawn.
          </p>
        )}
        <div className="collapse-charts" ref={chartsRef}>
          <CollapseFigures
            frame={frame}
            history={history}
            classes={values?.classes ?? []}
            threshold={frame ? collapseThreshold(frame) : null}
            width={box.width}
            height={box.height}
            target={target}
            embed={embed}
            colors={colors}
          />
        </div>
        {!embed && <ClassNormList values={values} />}
      </div>
      <aside className="readouts-panel">
        <CollapseReadoutList values={values} compact={embed} />
        <ExportBar
          name="collapse"
          figure={figureRef}
          json={() => collapseJson(result, history, target)}
          compact={embed}
        />
        {!embed && (
          <p className="explain">
            Each sample has a free feature h<sub>i</sub> (the unconstrained-features model), trained
            with the classifier W by gradient descent with weight decay. The class means (solid,
            with their faint samples) and the classifier rows (dashed) turn into a simplex
            equiangular tight frame: equal norms, pairwise cosine −1/(K−1), W aligned with the means
            (Papyan, Han, Donoho 2020). With imbalanced classes and MSE the norms follow a closed
            form, and a class whose √n<sub>k</sub> ≤ N√(λ<sub>W</sub>λ<sub>H</sub>) collapses to
            zero (Dang et al. 2023; SPEC §5).
          </p>
        )}
      </aside>
    </section>
  );
}
