/**
 * NC metrics against steps on log–log axes (the axes of Papyan et al.'s figures): one line per
 * metric over the recorded steps (step 0 has no place on a log axis and is left out), a cursor
 * at the current step. Built from the plot kit's figure, axes and legend.
 */
import { scaleLog } from 'd3-scale';
import { useMemo, type Ref } from 'react';
import { Axis } from '../../../plots/axes';
import { FigureSvg, useSvgFigure, type FigureHandle } from '../../../plots/figure';
import { LineLegend, legendRows, lineMark } from '../../../plots/legend';
import { linePath } from '../../../plots/paths';
import { useSvgId } from '../../../plots/svgId';
import { isPowerOfTen, logTickLabel } from '../../../plots/ticks';

/** Powers of ten labelled (10⁻⁶ rather than 0.000001), the other ticks minor. */
const decadeLabel = (v: number): string | null => (isPowerOfTen(v) ? logTickLabel(v) : null);
import type { HistoryKey, HistoryRows } from '../compute/collapseEngine';

export interface NcLine {
  key: HistoryKey;
  label: string;
  color: string;
  dash?: string;
}

const M = { left: 52, right: 20, top: 26, bottom: 52 };
/** Values below this are drawn at it: f64 noise at a collapsed state is not information. */
const FLOOR = 1e-12;

/** Minor ticks of a log scale: 1–9 × each decade, labelled at powers of ten. */
function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    for (let m = 1; m < 10; m++) {
      const v = m * 10 ** e;
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
    }
  return out;
}

function thinDecades(ticks: number[]): number[] {
  const decades = ticks.filter((v) => isPowerOfTen(v));
  if (decades.length <= 6) return ticks;
  const stride = Math.ceil(decades.length / 6);
  return decades.filter((_, i) => i % stride === 0);
}

export function NcChart(props: {
  testId: string;
  title: string;
  yLabel: string;
  history: HistoryRows | null;
  lines: NcLine[];
  width: number;
  height: number;
  /** The x-axis runs to at least this step. */
  total: number;
  cursor: number;
  colors: { text: string; background: string; muted: string };
  ref?: Ref<FigureHandle>;
}) {
  const { testId, title, yLabel, history, lines, width, height, total, cursor, colors, ref } =
    props;
  const svgRef = useSvgFigure(ref, colors.background);
  const w = Math.max(80, width - M.left - M.right);
  const legend = lines.map((l) => ({
    key: l.key,
    label: l.label,
    width: 40 + 7 * l.label.length,
    mark: lineMark(l.color, 2.5, l.dash),
  }));
  const extra = Math.max(0, legendRows(legend, w) - 1);
  const h = Math.max(50, height - M.top - M.bottom - 18 * extra);
  const xMax = Math.max(10, total, cursor);
  const x = useMemo(() => scaleLog().domain([1, xMax]).range([0, w]).clamp(true), [xMax, w]);
  const yDomain = useMemo((): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const l of lines) {
      const col = history?.cols[l.key];
      if (!col || !history) continue;
      for (let i = 0; i < col.length; i++) {
        const v = col[i] ?? NaN;
        if (!((history.steps[i] ?? 0) > 0) || !Number.isFinite(v)) continue;
        const c = Math.max(FLOOR, v);
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
      }
    }
    if (!Number.isFinite(lo)) return [1e-3, 1];
    return lo === hi ? [lo / 10, hi * 10] : [lo / 1.5, hi * 1.5];
  }, [history, lines]);
  const y = useMemo(() => scaleLog().domain(yDomain).range([h, 0]).clamp(true), [yDomain, h]);
  const clip = useSvgId(`${testId}-clip`);
  const steps = history?.steps ?? new Float64Array(0);
  const xs = Array.from(steps, (s) => (s > 0 ? x(s) : NaN));

  return (
    <FigureSvg
      ref={svgRef}
      data-testid={testId}
      data-chart="nc-series"
      width={width}
      height={height}
      title={title}
      plot={M}
      titleX={4}
      titleColor={colors.text}
    >
      <clipPath id={clip.id}>
        <rect x={-3} y={-3} width={w + 6} height={h + 6} />
      </clipPath>
      <rect width={w} height={h} fill="none" stroke={colors.muted} />
      <g clipPath={clip.url}>
        {lines.map((l) => (
          <path
            key={l.key}
            data-testid={`${testId}-${l.key}`}
            d={linePath(
              xs,
              Array.from(history?.cols[l.key] ?? [], (v) =>
                Number.isFinite(v) ? y(Math.max(FLOOR, v)) : NaN,
              ),
            )}
            fill="none"
            stroke={l.color}
            strokeWidth={2}
            strokeDasharray={l.dash}
            strokeLinejoin="round"
          />
        ))}
        {cursor > 0 && (
          <line
            x1={x(cursor)}
            x2={x(cursor)}
            y2={h}
            stroke={colors.text}
            strokeOpacity={0.35}
            strokeDasharray="3 3"
          />
        )}
      </g>
      <Axis
        orient="bottom"
        y={h}
        scale={x}
        ticks={logTicks(1, xMax)}
        format={decadeLabel}
        color={colors.text}
        length={w}
        tickSize={5}
        title="gradient step"
        titleOffset={32}
      />
      <Axis
        orient="left"
        scale={y}
        ticks={thinDecades(logTicks(yDomain[0], yDomain[1]))}
        format={decadeLabel}
        color={colors.text}
        length={h}
        tickSize={5}
        title={yLabel}
        titleOffset={42}
      />
      <LineLegend y={h + 42} maxWidth={w} color={colors.text} items={legend} />
    </FigureSvg>
  );
}
