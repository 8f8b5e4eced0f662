/**
 * The collapse view's charts, laid out for the space they get: the 3-D view beside the cosine
 * heat map and the norm bars, and (outside embed mode) the NC metrics on log axes below.
 */
import type { ThemeColors } from '../../../app/theme';
import type { CollapseFrame, HistoryRows } from '../compute/collapseEngine';
import { CosineHeatmap } from '../plots/CosineHeatmap';
import { NcChart, type NcLine } from '../plots/NcChart';
import { NormBars } from '../plots/NormBars';
import { Simplex3d } from '../plots/Simplex3d';
import type { ClassReadout } from '../readouts';

const GAP = 10;

const NC_LINES: NcLine[] = [
  { key: 'nc1', label: 'NC1', color: '#4e79a7' },
  { key: 'nc3', label: 'NC3 self-duality', color: '#e15759' },
  { key: 'nc4', label: 'NC4 NCC mismatch', color: '#59a14f', dash: '4 3' },
];
const NC2_LINES: NcLine[] = [
  { key: 'equinormM', label: 'equinorm μ', color: '#f28e2b' },
  { key: 'equinormW', label: 'equinorm w', color: '#b07aa1', dash: '5 3' },
  { key: 'equiangleM', label: 'equiangle', color: '#76b7b2' },
  { key: 'etfDistW', label: 'ETF dist W', color: '#9c755f' },
];

export function CollapseFigures(props: {
  frame: CollapseFrame | null;
  history: HistoryRows | null;
  classes: readonly ClassReadout[];
  threshold: number | null;
  width: number;
  height: number;
  target: number;
  embed: boolean;
  colors: ThemeColors;
}) {
  const { frame, history, classes, threshold, width, height, target, embed, colors } = props;
  if (width <= 0) return null;
  const K = frame?.counts.length ?? 0;
  const s3 = Math.floor(
    embed ? Math.min(height, width - 230) : Math.min(440, Math.max(260, width * 0.55)),
  );
  const rw = Math.max(160, width - s3 - GAP);
  const heat = Math.floor(embed ? Math.min(rw, height * 0.5) : Math.min(rw, 250));
  const normsH = Math.max(150, s3 - heat - GAP);
  const seriesW = Math.floor((width - GAP) / 2);
  const total = Math.max(target, history?.steps[history.steps.length - 1] ?? 0);
  const data = frame && {
    K,
    means: frame.means,
    classifiers: frame.classifiers,
    etf: frame.etf,
    points: frame.points,
    pointLabels: frame.pointLabels,
  };
  return (
    <>
      <div className="collapse-row">
        <Simplex3d
          data={data}
          size={s3}
          colors={colors}
          title={`means ●, classifiers ◆, ETF${frame?.method === 'pca' ? ' (top-3 PCA)' : ''}`}
        />
        <div className="collapse-side">
          <CosineHeatmap cos={frame?.metrics.cosM ?? null} K={K} size={heat} colors={colors} />
          <NormBars
            classes={classes}
            threshold={threshold}
            width={rw}
            height={normsH}
            colors={colors}
          />
        </div>
      </div>
      {!embed && (
        <div className="collapse-row">
          <NcChart
            testId="collapse-nc"
            title="NC1, NC3, NC4 against steps"
            yLabel="value (log)"
            history={history}
            lines={NC_LINES}
            width={seriesW}
            height={260}
            total={total}
            cursor={frame?.step ?? 0}
            colors={colors}
          />
          <NcChart
            testId="collapse-nc2"
            title="NC2: equinorm, equiangle, ETF distance"
            yLabel="value (log)"
            history={history}
            lines={NC2_LINES}
            width={seriesW}
            height={260}
            total={total}
            cursor={frame?.step ?? 0}
            colors={colors}
          />
        </div>
      )}
    </>
  );
}
