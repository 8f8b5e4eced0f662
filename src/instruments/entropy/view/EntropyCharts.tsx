/**
 * The four pictures of issue 9 in a grid: H and R against the step, the law R = −a·e^H + b,
 * the mechanism (ΔH against −η·Cov, and one prompt's actions) and pass@k. Embedded in a slide
 * the grid is 2×2 (H, the law, ΔH, pass@k) and fills the frame.
 */
import type { ThemeColors } from '../../../app/theme';
import type { EntropySnapshot } from '../compute/rows';
import type { EntropyParams } from '../link';
import { LawChart } from '../plots/LawChart';
import { ActionsChart, DeltaHChart } from '../plots/MechanismCharts';
import { PassAtKChart } from '../plots/PassAtKChart';
import { EntropyVsStep, RewardVsStep } from '../plots/TrajectoryCharts';

const GAP = 10;

export function EntropyCharts(props: {
  snap: EntropySnapshot | null;
  params: EntropyParams;
  width: number;
  height: number;
  embed: boolean;
  colors: ThemeColors;
}) {
  const { snap, params: e, width, height, embed, colors } = props;
  // An embed always shows its four charts 2 × 2, as small as the frame asks: nothing spills.
  const cols = embed || width >= 560 ? 2 : 1;
  const w = Math.max(embed ? 100 : 200, Math.floor((width - (cols - 1) * GAP) / cols));
  // Three rows fit a laptop screen under the transport row; a taller window gets taller charts.
  const fit = Math.floor((window.innerHeight - 190) / 3);
  const h = embed
    ? Math.max(80, Math.floor((height - GAP) / 2))
    : Math.max(200, Math.min(300, Math.round(w * 0.72), fit));
  const box = { width: w, height: h, colors };
  const total = Math.max(10, e.step, snap?.step ?? 0);
  const method = e.method === 'div' ? `div ${e.div}` : e.method;
  const seq = e.task === 'seq' && e.rewards === null;
  if (embed)
    return (
      <div className="entropy-grid" style={{ gridTemplateColumns: `repeat(${cols}, ${w}px)` }}>
        <EntropyVsStep {...box} snap={snap} method={method} total={total} />
        <LawChart {...box} snap={snap} />
        <DeltaHChart {...box} snap={snap} lr={e.lr} />
        <PassAtKChart {...box} snap={snap} method={method} k={e.k} />
      </div>
    );
  return (
    <div className="entropy-grid" style={{ gridTemplateColumns: `repeat(${cols}, ${w}px)` }}>
      <EntropyVsStep {...box} snap={snap} method={method} total={total} />
      <RewardVsStep {...box} snap={snap} method={method} total={total} />
      <LawChart {...box} snap={snap} />
      <DeltaHChart {...box} snap={snap} lr={e.lr} />
      <ActionsChart {...box} snap={snap} seq={seq} />
      <PassAtKChart {...box} snap={snap} method={method} k={e.k} />
    </div>
  );
}
