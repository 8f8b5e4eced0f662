/**
 * `mode=sweep` (Sao 2026, Figure 1): from a trained model, one step of length τ = r·ρ_a(v) along
 * a direction v, for r on a log grid 10⁻²…10², and the test accuracy retained and loss ratio it
 * leaves — for Adam's update, the gradient and three seeded random directions.
 */
import { useMemo, useRef, useState } from 'react';
import type { BatchData, SweepCurve, SweepDirection } from '../../compute/batchEngine';
import { logGrid } from '../../compute/batchEngine';
import { ExportBar } from '../../../../app/ExportBar';
import type { ViewExport } from '../../../../app/exportJson';
import type { ThemeColors } from '../../../../app/theme';
import type { FigureHandle } from '../../../../plots/figure';
import { SweepChart, type SweepSeries } from '../../plots/SweepChart';
import { Readout } from '../../../../ui/Readout';
import { usePlotBox } from '../../../../plots/scale';
import { useAtlas } from '../../../../state/store';
import type { TrainOnId } from '../../link';
import { TrainOnSelect } from '../TrainOnSelect';
import { useBatchModel } from '../batch/useBatchModel';
import { sweepModel } from '../../compute/batchClient';
import { valueAtR } from './sweepData';

export interface SweepPanelProps {
  seed: number;
  data: BatchData;
  /** Steps of training before the sweep (the mode tab moves a link at step 0 to DEFAULT_SWEEP_STEP). */
  step: number;
  /** Adam's learning rate; null: the recipe's (1e-3 for digits, 3e-2 for spirals). */
  lr: number | null;
  /** Where the model trains: the GPU when there is one, or the f64 oracle. */
  train: TrainOnId;
  onTrain: (train: TrainOnId) => void;
  colors: ThemeColors;
}

/** Where a model is trained enough for the sweep to mean something (digits ≈ 0.9 test accuracy). */
export const DEFAULT_SWEEP_STEP: Record<BatchData, number> = { digits: 200, spirals: 1000 };
export const SWEEP_DIRECTIONS: readonly {
  key: SweepDirection;
  label: string;
  color: string;
  dash?: string;
}[] = [
  { key: 'update', label: "Adam's update", color: '#2f6fdf' },
  { key: 'gradient', label: 'gradient −∇L', color: '#c2185b' },
  { key: 'random-0', label: 'random 1', color: '#8a93a6', dash: '5 3' },
  { key: 'random-1', label: 'random 2', color: '#b07800', dash: '5 3' },
  { key: 'random-2', label: 'random 3', color: '#17a34a', dash: '5 3' },
];
const CHART_HEIGHT = 420;
/** Figure and readouts side by side (.view's grid has three columns; this panel has two). */
const PANEL_GRID = { gridTemplateColumns: 'minmax(0, 1fr) minmax(210px, 260px)' } as const;

interface SweepResult {
  step: number;
  curves: SweepCurve[];
}

export function SweepPanel({ seed, data, step, lr, train, onTrain, colors }: SweepPanelProps) {
  const embed = useAtlas((s) => s.params.embed);
  const boxRef = useRef<HTMLDivElement>(null);
  const figureRef = useRef<FigureHandle>(null);
  const box = usePlotBox(boxRef);
  const rs = useMemo(() => logGrid(-2, 2, 25), []);
  const target = step;
  const [done, setDone] = useState<SweepCurve[]>([]);

  const { result, progress } = useBatchModel<SweepResult>(
    { data, seed, step: target, lr: lr ?? undefined, train },
    async (model, onStep, alive) => {
      const curves: SweepCurve[] = [];
      setDone([]);
      // One request per direction (a few hundred ms each), so progress shows and a change stops it.
      for (const d of SWEEP_DIRECTIONS) {
        if (!alive()) return null;
        const curve = await sweepModel(model, d.key, rs, onStep);
        if (curve === null) return null;
        curves.push(curve);
        if (alive()) setDone(curves.slice());
      }
      return { step: target, curves };
    },
    [],
  );
  const ready = result !== null && !progress.busy;
  const curves = ready ? result.curves : done;

  const series: SweepSeries[] = SWEEP_DIRECTIONS.flatMap((d) => {
    const c = curves.find((x) => x.direction === d.key);
    return c
      ? [
          {
            key: d.key,
            label: d.label,
            color: d.color,
            accRetained: c.accRetained,
            lossRatio: c.lossRatio,
            ...(d.dash ? { dash: d.dash } : {}),
          },
        ]
      : [];
  });
  const update = curves.find((c) => c.direction === 'update');
  const accAt1 = update ? valueAtR(rs, update.accRetained, 1) : null;
  const accAt10 = update ? valueAtR(rs, update.accRetained, 10) : null;
  const lossAt1 = update ? valueAtR(rs, update.lossRatio, 1) : null;

  const json = (): ViewExport => ({
    mode: 'sweep',
    backend: curves[0] ? `${curves[0].backend}: ${curves[0].backendNote}` : null,
    partial: curves.length < SWEEP_DIRECTIONS.length,
    missing: `curves ${curves.length} of ${SWEEP_DIRECTIONS.length}; not yet swept: ${SWEEP_DIRECTIONS.filter(
      (d) => !curves.some((c) => c.direction === d.key),
    )
      .map((d) => d.label)
      .join(', ')}`,
    results: {
      onWorker: progress.onWorker,
      // The curves shown, finished or not, are all taken at the target step.
      step: target,
      r: Array.from(rs),
      readouts: {
        'sweep-acc-at-r1': accAt1,
        'sweep-acc-at-r10': accAt10,
        'sweep-loss-at-r1': lossAt1,
      },
      curves: curves.map((c) => ({
        direction: c.direction,
        rhoA: c.rhoA,
        accRetained: Array.from(c.accRetained),
        lossRatio: Array.from(c.lossRatio),
      })),
    },
  });

  return (
    <section
      className="view ghosts sweep"
      style={PANEL_GRID}
      data-testid="sweep-panel"
      data-ready={ready ? 'true' : 'false'}
      aria-label="one step at a chosen r"
    >
      <div className="figure-column">
        <div className="line-box" ref={boxRef}>
          {progress.error && (
            <p className="figure-error" role="alert">
              The sweep could not be computed: {progress.error}
            </p>
          )}
          <SweepChart
            ref={figureRef}
            rs={rs}
            series={series}
            // In an embed the chart fills the frame's figure box; on the page it has its own height.
            width={embed ? box.width : Math.max(360, Math.min(box.width, 1000))}
            height={embed ? Math.max(200, box.height) : CHART_HEIGHT}
            colors={colors}
            title={`One step of length τ = r·ρ_a(v) from the model at step ${target} (${
              data === 'digits' ? '8×8 digits' : 'spirals'
            }), test set`}
          />
        </div>
        <p className="hint" data-testid="sweep-status">
          {progress.busy
            ? progress.step < target
              ? `training… step ${progress.step} of ${target}`
              : `sweeping… ${done.length} of ${SWEEP_DIRECTIONS.length} directions`
            : `${SWEEP_DIRECTIONS.length} directions × ${rs.length} values of r; ${
                result?.curves[0]?.backendNote ?? ''
              }`}
        </p>
      </div>
      <aside className="readouts-panel">
        <div className="readouts">
          <dl>
            <Readout
              testId="sweep-acc-at-r1"
              label="accuracy retained at r = 1 (update)"
              value={accAt1}
            />
            <Readout
              testId="sweep-acc-at-r10"
              label="accuracy retained at r = 10 (update)"
              value={accAt10}
            />
            <Readout
              testId="sweep-loss-at-r1"
              label="loss ratio at r = 1 (update)"
              value={lossAt1}
            />
            <Readout
              testId="sweep-rho-a"
              label={
                <>
                  ρ<sub>a</sub>(v), update
                </>
              }
              value={update?.rhoA ?? null}
            />
          </dl>
        </div>
        <TrainOnSelect value={train} testId="sweep-train-on" onChange={onTrain} />
        <ExportBar
          name={`ghosts-sweep-${data}-step${target}`}
          figure={figureRef}
          json={json}
          compact={false}
          testIdPrefix="sweep-"
        />
        <p className="explain">
          Each curve takes one step θ + τ·v with τ = r·ρ<sub>a</sub>(v), where ρ<sub>a</sub>(v) =
          π/max<sub>x</sub> Δ<sub>a</sub>(x) is the batch bound along that direction. Below r = 1
          the step stays inside every sample's certified radius and the model barely changes; past
          it, accuracy falls and the loss climbs, whichever way v points (Sao 2026, Figure 1).
        </p>
      </aside>
    </section>
  );
}
