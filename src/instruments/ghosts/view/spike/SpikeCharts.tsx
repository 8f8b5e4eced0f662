import type { ThemeColors } from '../../../../app/theme';
import { SPIKE_MODES, type SpikeSeries } from '../../compute/spikeEngine';
import type { LegendItem } from '../../../../plots/legend';
import { SeriesChart } from '../../../../plots/SeriesChart';
import type { SpikeMode } from '../../science/spike';

/** Full names (titles), short names (legends, so three fit under a narrow chart), colours. */
export const RUN_STYLE: Record<
  SpikeMode,
  { label: string; short: string; width: number; color: string }
> = {
  plain: { label: 'plain Adam', short: 'plain', width: 64, color: '#e0812b' },
  clip: { label: 'clip ‖g‖ ≤ 1', short: 'clip', width: 56, color: '#8b5cf6' },
  controller: { label: 'ρ_a controller', short: 'controller', width: 92, color: '#2f8fdf' },
};
const SAFE = '#17a34a';
const UNSAFE = '#e5484d';
const EMPTY = new Float64Array(0);

/**
 * r = τ/ρ_a ≤ 1, up to rounding: the controller sets τ = ρ_a exactly when it scales a step, and
 * that step is on the radius, not past it.
 */
const inside = (tau = NaN, rhoA = NaN): boolean => tau <= rhoA * (1 + 1e-9);

const lineMark = (color: string) => <line x1={-10} x2={10} stroke={color} strokeWidth={2.5} />;
const dotMark = (color: string) => <circle r={4} fill={color} />;

const runLegend: LegendItem[] = SPIKE_MODES.map((m) => ({
  key: m,
  label: RUN_STYLE[m].short,
  width: RUN_STYLE[m].width,
  mark: lineMark(RUN_STYLE[m].color),
}));

export function SpikeCharts(props: {
  series: SpikeSeries | null;
  at: number;
  hold: number;
  spike: number;
  total: number;
  width: number;
  /** The box's height: an embed's two charts fill it. */
  height: number;
  /** Embedded in a slide: loss and accuracy only, side by side and short. */
  compact: boolean;
  colors: ThemeColors;
}) {
  const { series, at, hold, spike, total, width, height, compact, colors } = props;
  const gap = 12;
  const two = compact || width >= 540;
  const wide = Math.max(compact ? 120 : 280, two ? Math.floor((width - gap) / 2) : width);
  const narrow = Math.max(190, width >= 600 ? Math.floor((width - 2 * gap) / 3) : width);
  const tall = compact ? Math.max(100, height) : 320;
  const band = { from: at, to: at + hold, label: `lr × ${spike}` };
  const cursor = series?.step ?? 0;
  const runs = SPIKE_MODES.map((mode, i) => ({ mode, run: series?.runs[i] }));

  return (
    <>
      <div className="spike-row">
        <SeriesChart
          testId="spike-loss"
          title="Training loss (batch)"
          yLabel="loss"
          width={wide}
          height={tall}
          total={total}
          log
          band={band}
          cursor={cursor}
          lines={runs.map(({ mode, run }) => ({
            key: mode,
            color: RUN_STYLE[mode].color,
            values: run?.loss ?? EMPTY,
          }))}
          legend={runLegend}
          colors={colors}
        />
        <SeriesChart
          testId="spike-acc"
          title="Test accuracy"
          yLabel="accuracy"
          width={wide}
          height={tall}
          total={total}
          log={false}
          yDomain={[0, 1]}
          band={band}
          cursor={cursor}
          lines={runs.map(({ mode, run }) => ({
            key: mode,
            color: RUN_STYLE[mode].color,
            // Index 0 is the initial weights; index t + 1 is after step t.
            values: run ? Float64Array.of(run.initialAcc, ...run.testAcc) : EMPTY,
          }))}
          legend={runLegend}
          colors={colors}
        />
      </div>
      {!compact && (
        <div className="spike-row">
          {runs.map(({ mode, run }) => (
            <SeriesChart
              key={mode}
              testId={`spike-radius-${mode}`}
              title={`${RUN_STYLE[mode].label}: τ, ρ_a`}
              yLabel="step length τ, radius ρ_a"
              width={narrow}
              height={290}
              total={total}
              log
              band={band}
              cursor={cursor}
              lines={[
                {
                  key: 'rho-a',
                  color: RUN_STYLE[mode].color,
                  values: run?.rhoA ?? EMPTY,
                  strokeWidth: 2,
                },
              ]}
              points={[
                {
                  key: 'tau',
                  values: run?.tau ?? EMPTY,
                  color: (t) => (inside(run?.tau[t], run?.rhoA[t]) ? SAFE : UNSAFE),
                },
              ]}
              legend={[
                { key: 'rho', label: 'ρ_a', width: 58, mark: lineMark(RUN_STYLE[mode].color) },
                { key: 'safe', label: 'τ ≤ ρ_a', width: 82, mark: dotMark(SAFE) },
                { key: 'unsafe', label: 'τ > ρ_a', width: 78, mark: dotMark(UNSAFE) },
              ]}
              colors={colors}
            />
          ))}
        </div>
      )}
    </>
  );
}
