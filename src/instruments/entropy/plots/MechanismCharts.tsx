/**
 * Picture 3 (issue 9), the mechanism. Left: per update, the actual ΔH against the first-order
 * prediction −η·C (C = Cov(log π, π·A) for pg, Cov(log π, A) for npg, that of the step taken
 * for grpo) — on the diagonal for small η. Right: one prompt's actions at (log π_a, A_a); an
 * action with A_a·(log π_a + H) > 0 (likely and good, or rare and bad) adds to the covariance
 * and pulls H down, one with < 0 (rare and good) pushes it up.
 */
import type { EntropySnapshot } from '../compute/rows';
import { XYChart } from './XYChart';
import type { ChartBox } from './TrajectoryCharts';
import { DOWN_COLOR, METHOD_COLOR, UP_COLOR, dotMark } from './style';
import { lineMark } from '../../../plots/legend';

export function DeltaHChart(props: ChartBox & { snap: EntropySnapshot | null; lr: number }) {
  const { snap, lr } = props;
  const n = snap ? snap.step : 0;
  const pred = new Float64Array(n);
  const actual = new Float64Array(n);
  for (let t = 0; t < n && snap; t++) {
    pred[t] = -lr * (snap.method.C[t] ?? NaN);
    actual[t] = (snap.method.H[t + 1] ?? NaN) - (snap.method.H[t] ?? NaN);
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...pred, ...actual])
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  if (!Number.isFinite(lo)) [lo, hi] = [-1e-3, 1e-3];
  const pad = Math.max(1e-9, 0.08 * (hi - lo));
  const d: [number, number] = [lo - pad, hi + pad];
  return (
    <XYChart
      testId="chart-dh"
      title="ΔH: actual against −η·Cov"
      xLabel="predicted −η·C"
      yLabel="actual ΔH"
      width={props.width}
      height={props.height}
      xDomain={d}
      yDomain={d}
      extra={(x, y) => (
        <line
          x1={x(d[0])}
          y1={y(d[0])}
          x2={x(d[1])}
          y2={y(d[1])}
          stroke={props.colors.muted}
          strokeDasharray="4 3"
        />
      )}
      points={[
        {
          key: 'steps',
          xs: pred,
          ys: actual,
          color: (i) => (i === n - 1 ? DOWN_COLOR : METHOD_COLOR),
          r: 2.6,
          outline: true,
        },
      ]}
      legend={[
        { key: 'steps', label: 'updates', width: 80, mark: dotMark(METHOD_COLOR) },
        { key: 'last', label: 'last', width: 50, mark: dotMark(DOWN_COLOR) },
        {
          key: 'diag',
          label: 'ΔH = −η·C',
          width: 96,
          mark: lineMark(props.colors.muted, 1.5, '4 3'),
        },
      ]}
      colors={props.colors}
    />
  );
}

export function ActionsChart(props: ChartBox & { snap: EntropySnapshot | null; seq: boolean }) {
  const { snap } = props;
  const logPi = snap?.points.logPi ?? new Float64Array(0);
  const adv = snap?.points.adv ?? new Float64Array(0);
  let H = 0;
  for (const l of logPi) H -= Math.exp(l) * l;
  const sign = (i: number) => (adv[i] ?? 0) * ((logPi[i] ?? 0) + H);
  const finite = [...logPi].filter(Number.isFinite);
  const xlo = finite.length ? Math.min(...finite, -H) : -1;
  const xhi = finite.length ? Math.max(...finite, -H) : 0;
  const xpad = Math.max(0.05, 0.06 * (xhi - xlo));
  return (
    <XYChart
      testId="chart-actions"
      title={props.seq ? 'Prompt 0, first token: its actions' : 'Prompt 0: its actions'}
      xLabel="log π(a)"
      yLabel="advantage A = r − J"
      width={props.width}
      height={props.height}
      xDomain={[xlo - xpad, xhi + xpad]}
      extra={(x, y, { w, h }) => (
        <g stroke={props.colors.muted} strokeDasharray="3 3">
          <line x1={0} x2={w} y1={y(0)} y2={y(0)} />
          <line x1={x(-H)} x2={x(-H)} y1={0} y2={h} />
        </g>
      )}
      points={[
        {
          key: 'actions',
          xs: logPi,
          ys: adv,
          color: (i) => (sign(i) > 0 ? DOWN_COLOR : sign(i) < 0 ? UP_COLOR : props.colors.muted),
          r: 4,
          outline: true,
        },
      ]}
      legend={[
        { key: 'down', label: 'pulls H down', width: 112, mark: dotMark(DOWN_COLOR) },
        { key: 'up', label: 'pushes H up', width: 104, mark: dotMark(UP_COLOR) },
      ]}
      colors={props.colors}
    />
  );
}
