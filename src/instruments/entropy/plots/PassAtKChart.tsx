/**
 * Picture 4 (issue 9): pass@k against k (1–256) of the current policies, the baseline's and the
 * initial ones: under collapse pass@1 rises while pass@k at large k falls below the start.
 */
import type { EntropySnapshot } from '../compute/rows';
import { lineMark } from '../../../plots/legend';
import { PASS_KS, passAtKCurve } from '../science';
import { XYChart } from './XYChart';
import type { ChartBox } from './TrajectoryCharts';
import { BASE_COLOR, INITIAL_COLOR, METHOD_COLOR } from './style';

export function PassAtKChart(
  props: ChartBox & { snap: EntropySnapshot | null; method: string; k: number },
) {
  const { snap, method, k } = props;
  const ks = Float64Array.from(PASS_KS);
  const curve = (p: Float64Array | undefined) => Float64Array.from(p ? passAtKCurve(p) : []);
  const m = curve(snap?.pass.method);
  const b = curve(snap?.pass.baseline);
  const i = curve(snap?.pass.initial);
  return (
    <XYChart
      testId="chart-pass"
      title="pass@k"
      xLabel="k (samples)"
      yLabel="pass@k"
      width={props.width}
      height={props.height}
      xLog
      xDomain={[1, 256]}
      xTicks={[...PASS_KS]}
      yDomain={[0, 1]}
      extra={(x, _y, { h }) => (
        <line x1={x(k)} x2={x(k)} y1={0} y2={h} stroke={props.colors.muted} strokeDasharray="3 3" />
      )}
      lines={[
        { key: 'initial', color: INITIAL_COLOR, xs: ks, ys: i, dash: '2 3' },
        { key: 'base', color: BASE_COLOR, xs: ks, ys: b, dash: '5 3' },
        { key: 'method', color: METHOD_COLOR, xs: ks, ys: m },
      ]}
      legend={[
        {
          key: 'method',
          label: method,
          width: 40 + 7 * method.length,
          mark: lineMark(METHOD_COLOR),
        },
        { key: 'base', label: 'baseline', width: 84, mark: lineMark(BASE_COLOR, 2, '5 3') },
        { key: 'initial', label: 'initial', width: 70, mark: lineMark(INITIAL_COLOR, 2, '2 3') },
      ]}
      colors={props.colors}
    />
  );
}
