/** Picture 1 (issue 9): H and R against the step, the method over its no-intervention baseline. */
import type { EntropySnapshot } from '../compute/rows';
import { SeriesChart } from '../../../plots/SeriesChart';
import { BASE_COLOR, METHOD_COLOR, methodLegend } from './style';

export interface ChartBox {
  width: number;
  height: number;
  colors: { text: string; background: string; muted: string };
}

const EMPTY = new Float64Array(0);

export function EntropyVsStep(
  props: ChartBox & { snap: EntropySnapshot | null; method: string; total: number },
) {
  const { snap, method, total } = props;
  return (
    <SeriesChart
      testId="chart-entropy"
      title="Policy entropy H (nats)"
      yLabel="H (nats)"
      width={props.width}
      height={props.height}
      total={total}
      log={false}
      cursor={snap?.step ?? 0}
      lines={[
        { key: 'base', color: BASE_COLOR, values: snap?.baseline.H ?? EMPTY, dash: '5 3' },
        { key: 'method', color: METHOD_COLOR, values: snap?.method.H ?? EMPTY },
      ]}
      legend={methodLegend(method)}
      colors={props.colors}
    />
  );
}

export function RewardVsStep(
  props: ChartBox & { snap: EntropySnapshot | null; method: string; total: number },
) {
  const { snap, method, total } = props;
  return (
    <SeriesChart
      testId="chart-reward"
      title="Expected reward R = Σ π·r"
      yLabel="R"
      width={props.width}
      height={props.height}
      total={total}
      log={false}
      cursor={snap?.step ?? 0}
      lines={[
        { key: 'base', color: BASE_COLOR, values: snap?.baseline.R ?? EMPTY, dash: '5 3' },
        { key: 'method', color: METHOD_COLOR, values: snap?.method.R ?? EMPTY },
      ]}
      legend={methodLegend(method)}
      colors={props.colors}
    />
  );
}
