/**
 * Picture 2 (issue 9): R against H for every step so far, the least-squares fit of
 * R = −a·e^H + b (on x = e^H) drawn as a curve down to H = 0, and the predicted ceiling
 * R(H=0) = b − a marked where the curve meets the R axis.
 */
import type { EntropySnapshot } from '../compute/rows';
import { lineMark } from '../../../plots/legend';
import { rowsFit } from '../readouts';
import { XYChart } from './XYChart';
import type { ChartBox } from './TrajectoryCharts';
import { FIT_COLOR, METHOD_COLOR, dotMark } from './style';

const CURVE_POINTS = 60;

export function LawChart(props: ChartBox & { snap: EntropySnapshot | null }) {
  const { snap } = props;
  const n = snap ? snap.step + 1 : 0;
  const H = snap?.method.H.subarray(0, n) ?? new Float64Array(0);
  const R = snap?.method.R.subarray(0, n) ?? new Float64Array(0);
  const fit = snap ? rowsFit(snap.method, snap.step) : null;
  const hMax = H.length > 0 ? Math.max(...H) : 1;
  const fitted = fit && Number.isFinite(fit.a);
  const hs = Float64Array.from(
    { length: CURVE_POINTS },
    (_, i) => (hMax * 1.04 * i) / (CURVE_POINTS - 1),
  );
  const rs = fitted ? hs.map((h) => -fit.a * Math.exp(h) + fit.b) : new Float64Array(0);
  const ys = [...R, ...(fitted ? [fit.ceiling] : [])].filter(Number.isFinite);
  const lo = ys.length ? Math.min(...ys) : 0;
  const hi = ys.length ? Math.max(...ys) : 1;
  const pad = Math.max(1e-6, 0.08 * (hi - lo));
  return (
    <XYChart
      testId="chart-law"
      title="R = −a·eᴴ + b"
      xLabel="H (nats)"
      yLabel="R"
      width={props.width}
      height={props.height}
      xDomain={[0, hMax * 1.04 || 1]}
      yDomain={[lo - pad, hi + pad]}
      lines={fitted ? [{ key: 'fit', color: FIT_COLOR, xs: hs, ys: rs, dash: '6 3' }] : []}
      points={[{ key: 'steps', xs: H, ys: R, color: () => METHOD_COLOR, r: 2.4 }]}
      overlay={(x, y) =>
        fitted && Number.isFinite(fit.ceiling) ? (
          <g data-testid="chart-law-ceiling">
            <circle cx={x(0)} cy={y(fit.ceiling)} r={5} fill={FIT_COLOR} />
            <text
              x={x(0) + 10}
              y={y(fit.ceiling) + (fit.ceiling > (lo + hi) / 2 ? 22 : -10)}
              fill={props.colors.text}
              stroke={props.colors.background}
              strokeWidth={3}
              paintOrder="stroke"
              fontSize={11}
            >
              ceiling b − a = {fit.ceiling.toFixed(3)}
            </text>
          </g>
        ) : null
      }
      legend={[
        { key: 'steps', label: 'steps 0…t', width: 100, mark: dotMark(METHOD_COLOR) },
        { key: 'fit', label: 'fit', width: 44, mark: lineMark(FIT_COLOR, 2, '6 3') },
      ]}
      colors={props.colors}
    />
  );
}
