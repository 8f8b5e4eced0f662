/**
 * `mode=batch`: a small classifier trained live (CPU worker), and at its current parameters the
 * per-sample safe radii ρ_a(x) = π/Δ_a(x) along the update direction, the batch bound
 * ρ_a(v) = π/max_x Δ_a(x) (Sao 2026, Def. 4.7, Eq. 15), the step ‖p‖ and r = ‖p‖/ρ_a. The samples
 * that set the bound can be loaded into the complex plane.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  RECIPES,
  type BatchAnalysis,
  type BatchData,
  type BatchDirection,
} from '../../compute/batchEngine';
import { analyzeModel } from '../../compute/batchClient';
import { ADVANCE_CHUNK } from '../../compute/batchProtocol';

const STEP_MAX = GHOSTS_LIMITS.stepMax;
import { ExportBar } from '../../../../app/ExportBar';
import type { ViewExport } from '../../../../app/exportJson';
import { useLiveGate } from '../../../../app/useLiveGate';
import { useTransport } from '../../../../state/transport';
import type { ThemeColors } from '../../../../app/theme';
import type { FigureHandle } from '../../../../plots/figure';
import { RadiusHistogram } from '../../plots/RadiusHistogram';
import { logBins } from '../../../../plots/logBins';
import { Readout } from '../../../../ui/Readout';
import { Select } from '../../../../ui/Select';
import { formatNumber } from '../../../../ui/format';
import { usePlotBox } from '../../../../plots/scale';
import { useAtlas } from '../../../../state/store';
import { GHOSTS_LIMITS, type TrainOnId } from '../../link';
import { TrainBadge, TrainOnSelect } from '../TrainOnSelect';
import { useBatchModel } from './useBatchModel';
import { boundSamples, centerForPlane, type BoundSample } from './samples';

export interface BatchPanelProps {
  seed: number;
  data: BatchData;
  dir: BatchDirection;
  /** Optimiser steps taken from the seeded initialisation. */
  step: number;
  /** Adam's learning rate; unset: 1e-3 for digits, 3e-2 for spirals. */
  lr: number | null;
  onStep: (step: number) => void;
  onData: (data: BatchData) => void;
  onDir: (dir: BatchDirection) => void;
  train: TrainOnId;
  onTrain: (train: TrainOnId) => void;
  /** Loads one sample's logits and slopes into the complex plane (τ = ‖p‖). */
  onLoadSample: (z: number[], a: number[], y: number, tau: number) => void;
  colors: ThemeColors;
}

/** How many of the smallest-radius samples are listed. */
export const BOUND_COUNT = 10;
const TRAIN_OPTIONS = [
  { value: '20', label: '20 steps' },
  { value: '100', label: '100 steps' },
  { value: '500', label: '500 steps' },
] as const;
const HIST_HEIGHT = 300;

export function BatchPanel(props: BatchPanelProps) {
  const embed = useAtlas((s) => s.params.embed);
  const { seed, data, dir, step, lr, train, onStep, onData, onDir, onTrain, onLoadSample, colors } =
    props;
  const boxRef = useRef<HTMLDivElement>(null);
  const figureRef = useRef<FigureHandle>(null);
  const box = usePlotBox(boxRef);
  const live = useLiveGate(boxRef);
  const [playing, setPlaying] = useState(false);
  const [trainBy, setTrainBy] = useState<(typeof TRAIN_OPTIONS)[number]['value']>('100');

  const { result, progress } = useBatchModel<BatchAnalysis>(
    { data, seed, step, lr: lr ?? undefined, train },
    (target, onStep) => analyzeModel(target, dir, onStep),
    [dir],
  );
  const ready = result !== null && !progress.busy;

  // Play: each finished analysis asks for the next chunk of steps; paused off screen.
  // Play and Train stop at the last step a link can hold, so every state reached can be shared.
  const running = playing && live && step < STEP_MAX;
  useEffect(() => {
    if (!running || !ready) return;
    const t = setTimeout(() => onStep(Math.min(STEP_MAX, step + ADVANCE_CHUNK)), 30);
    return () => clearTimeout(t);
  }, [running, ready, step, onStep]);
  useTransport({
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    step: () => {
      setPlaying(false);
      onStep(Math.min(STEP_MAX, step + ADVANCE_CHUNK));
    },
  });

  const bound = useMemo(() => (result ? boundSamples(result, BOUND_COUNT) : []), [result]);
  const boundRadii = useMemo(() => bound.map((b) => b.rhoA), [bound]);

  const load = (b: BoundSample) => {
    if (!result) return;
    const { z, a } = centerForPlane(b.z, b.a);
    onLoadSample(z, a, b.label, result.stepNorm);
  };

  const json = (): ViewExport => ({
    mode: 'batch',
    backend: result ? `${result.backend}: ${result.backendNote}` : null,
    partial: result === null,
    missing: `the model had not reached step ${step} yet`,
    results: {
      onWorker: progress.onWorker,
      step: result?.step ?? null,
      readouts: {
        'batch-rho-a': result?.batchRhoA ?? null,
        'step-norm': result?.stepNorm ?? null,
        'r-ratio': result?.rRatio ?? null,
        'batch-test-accuracy': result?.testAccuracy ?? null,
      },
      histogram: result ? logBins(result.rhoA, 36).bins : [],
      boundSamples: bound.map((b) => ({
        index: b.index,
        label: b.label,
        predicted: b.predicted,
        margin: b.margin,
        deltaA: b.deltaA,
        rhoA: b.rhoA,
        z: b.z,
        a: b.a,
      })),
    },
  });

  const dataLabel =
    data === 'digits' ? '8×8 digits, MLP 64→128→10 (ReLU)' : 'spirals, MLP 2→32→3 (tanh)';
  const lrLabel = formatNumber(lr ?? RECIPES[data].lr);

  return (
    <section
      className="view ghosts batch"
      data-testid="batch-panel"
      data-ready={ready ? 'true' : 'false'}
      aria-label="a live model and its per-sample radii"
    >
      <div className="controls batch-controls">
        <fieldset>
          <legend>Model</legend>
          <Select<BatchData>
            linkKeys="data"
            label="data"
            value={data}
            testId="batch-data"
            options={[
              { value: 'digits', label: '8×8 digits (1,797)' },
              { value: 'spirals', label: 'spirals (600, 3 arms)' },
            ]}
            onChange={onData}
          />
          <Select<BatchDirection>
            linkKeys="dir"
            label="direction v"
            value={dir}
            testId="batch-dir"
            options={[
              { value: 'update', label: "Adam's next update" },
              { value: 'random', label: 'random (seeded)' },
            ]}
            onChange={onDir}
          />
          <p className="hint">
            {dataLabel}; Adam, lr {lrLabel}, batch {RECIPES[data].batchSize}, seed {seed}.{' '}
            <TrainBadge
              backend={result?.backend ?? null}
              note={`${result?.backendNote ?? 'starting'}; ${progress.onWorker ? 'in a worker' : 'on the main thread'}`}
              testId="batch-backend"
            />
          </p>
          <TrainOnSelect value={train} testId="batch-train-on" onChange={onTrain} />
        </fieldset>
        <fieldset>
          <legend>Training</legend>
          <p className="hint">
            step <strong data-testid="batch-step">{step}</strong>
            {progress.busy && progress.step < step ? ` (training… ${progress.step})` : ''}
          </p>
          <div className="export-bar">
            <button
              type="button"
              data-testid="batch-play"
              aria-pressed={playing}
              onClick={() => setPlaying((p) => !p)}
            >
              {playing ? 'Pause' : 'Play'}
            </button>
            <button
              type="button"
              data-testid="batch-train"
              disabled={step >= STEP_MAX}
              onClick={() => onStep(Math.min(STEP_MAX, step + Number(trainBy)))}
            >
              Train
            </button>
            <Select
              label="steps per Train"
              compact
              value={trainBy}
              options={TRAIN_OPTIONS}
              onChange={setTrainBy}
              testId="batch-train-by"
            />
            <button type="button" data-testid="batch-reset" onClick={() => onStep(0)}>
              Reset
            </button>
          </div>
          {playing && !live && <p className="hint">paused while off screen</p>}
        </fieldset>
      </div>
      <div className="figure-column">
        <div className="line-box" ref={boxRef}>
          {progress.error && (
            <p className="figure-error" role="alert">
              The model could not be computed: {progress.error}
            </p>
          )}
          <RadiusHistogram
            ref={figureRef}
            radii={result?.rhoA ?? null}
            batchRhoA={result?.batchRhoA ?? NaN}
            stepNorm={result?.stepNorm ?? null}
            highlighted={boundRadii}
            // In an embed the histogram fills the frame's figure box; on the page it has its own height.
            width={embed ? box.width : Math.max(320, Math.min(box.width, 1000))}
            height={embed ? Math.max(120, box.height) : HIST_HEIGHT}
            colors={colors}
            title={`Per-sample ρ_a along ${dir === 'update' ? "Adam's update" : 'a random direction'}, ${
              result?.n ?? '…'
            } samples, step ${result?.step ?? '…'}`}
          />
        </div>
        <section aria-label="samples that set the bound" className="bound-samples">
          <h2 className="hint">
            The {BOUND_COUNT} samples with the smallest ρ<sub>a</sub> (most sensitive to v); the
            first sets the batch bound. Click one to load its z and a into the complex plane.
          </h2>
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>sample</th>
                <th>label</th>
                <th>predicted</th>
                <th title="z_label − max of the other logits; near 0 = near a decision flip">
                  margin
                </th>
                <th>Δ_a</th>
                <th>ρ_a</th>
              </tr>
            </thead>
            <tbody>
              {bound.map((b, rank) => (
                <tr key={b.index}>
                  <td>
                    <button
                      type="button"
                      data-testid={`bound-sample-${rank}`}
                      data-sample={b.index}
                      data-rho-a={String(b.rhoA)}
                      data-delta-a={String(b.deltaA)}
                      onClick={() => load(b)}
                      // The name starts with the visible rank, so voice control finds the button by it.
                      aria-label={`${rank + 1}: load sample ${b.index} into the complex plane`}
                    >
                      {rank + 1}
                    </button>
                  </td>
                  <td>{b.index}</td>
                  <td>{b.label}</td>
                  <td>{b.predicted === b.label ? b.predicted : <strong>{b.predicted}</strong>}</td>
                  <td>{formatNumber(Number(b.margin.toPrecision(3)))}</td>
                  <td>{formatNumber(Number(b.deltaA.toPrecision(4)))}</td>
                  <td>{formatNumber(Number(b.rhoA.toPrecision(4)))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <aside className="readouts-panel">
        <div className="readouts">
          <dl>
            <Readout
              testId="batch-rho-a"
              label={
                <>
                  batch ρ<sub>a</sub>(v) = π/max Δ<sub>a</sub>
                </>
              }
              value={result?.batchRhoA ?? null}
            />
            <Readout
              testId="step-norm"
              label="step ‖p‖"
              value={result?.stepNorm ?? null}
              hint="norm of Adam's next proposed update"
            />
            <Readout
              testId="r-ratio"
              label={
                <>
                  r = ‖p‖/ρ<sub>a</sub>
                </>
              }
              value={result?.rRatio ?? null}
            />
            <Readout
              testId="batch-test-accuracy"
              label="test accuracy"
              value={result?.testAccuracy ?? null}
            />
          </dl>
        </div>
        <ExportBar
          name={`ghosts-batch-${data}-step${step}`}
          figure={figureRef}
          json={json}
          compact={false}
          testIdPrefix="batch-"
        />
        <p className="explain">
          Each sample x moves its logits as z + t·a along a step t·v, with a = ∇z·v from one
          forward-mode pass. Its loss is safe to expand up to ρ<sub>a</sub>(x) = π/Δ<sub>a</sub>
          (x); the batch is safe up to the smallest of them. The samples that set it are the ones
          most sensitive to v — often those near a decision flip. r = ‖p‖/ρ<sub>a</sub> &gt; 1 means
          the optimiser's next step leaves the certified region (Sao 2026, Eq. 15 and 17).
        </p>
      </aside>
    </section>
  );
}
