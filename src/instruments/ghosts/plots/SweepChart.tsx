/**
 * One step at a chosen r (Sao 2026, Figure 1): from a trained model, one step of length
 * τ = r·ρ_a(v) along each direction v, and what it does to the test set — accuracy retained
 * (after/before, linear) and loss ratio (after/before, log) — against r on a log axis, with the
 * r = 1 line. Two stacked panels sharing the x-axis, one curve per direction. Pure SVG.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import type { Ref } from 'react';
import { Axis } from '../../../plots/axes';
import { FigureSvg, useSvgFigure, type FigureHandle } from '../../../plots/figure';
import { LineLegend, lineMark } from '../../../plots/legend';
import { linePath } from '../../../plots/paths';
import { decadeTickLabel, isPowerOfTen } from '../../../plots/ticks';

export interface SweepSeries {
  key: string;
  label: string;
  color: string;
  dash?: string;
  accRetained: ArrayLike<number>;
  lossRatio: ArrayLike<number>;
}

export interface SweepChartProps {
  rs: ArrayLike<number>;
  series: readonly SweepSeries[];
  width: number;
  height: number;
  colors: { text: string; background: string; muted: string; rhoA: string };
  title: string;
  ref?: Ref<FigureHandle>;
}

const MARGIN = { left: 64, right: 20, top: 40, bottom: 74 };
const GAP = 26;

export function SweepChart(props: SweepChartProps) {
  const { rs, series, width, height, colors, title, ref } = props;
  const svgRef = useSvgFigure(ref, colors.background);
  const w = Math.max(160, width - MARGIN.left - MARGIN.right);
  const ph = Math.max(70, (height - MARGIN.top - MARGIN.bottom - GAP) / 2);

  const rLo = rs.length > 0 ? (rs[0] ?? 0.01) : 0.01;
  const rHi = rs.length > 0 ? (rs[rs.length - 1] ?? 100) : 100;
  const x = scaleLog().domain([rLo, rHi]).range([0, w]);
  const yAcc = scaleLinear().domain([0, 1.05]).range([ph, 0]);
  let lMin = 1;
  let lMax = 1;
  for (const s of series) {
    for (let i = 0; i < s.lossRatio.length; i++) {
      const v = s.lossRatio[i] ?? NaN;
      if (Number.isFinite(v) && v > 0) {
        lMin = Math.min(lMin, v);
        lMax = Math.max(lMax, v);
      }
    }
  }
  const yLoss = scaleLog()
    .domain([lMin / 1.2, lMax * 1.2])
    .range([ph, 0])
    .clamp(true);
  const yLossSafe = (v: number) => (v > 0 ? yLoss(v) : NaN);
  const xs = Array.from(rs, x);
  const lossTicks = yLoss.ticks(4).filter(isPowerOfTen);
  if (lossTicks.length < 2) lossTicks.splice(0, lossTicks.length, ...yLoss.ticks(3));

  const panel = (
    key: string,
    top: number,
    y: (v: number) => number,
    yTicks: number[],
    label: string,
    pick: (s: SweepSeries) => ArrayLike<number>,
    reference: number,
  ) => (
    <g transform={`translate(0,${top})`} data-testid={`sweep-panel-${key}`}>
      <rect width={w} height={ph} fill="none" stroke={colors.muted} />
      <line
        x1={0}
        x2={w}
        y1={y(reference)}
        y2={y(reference)}
        stroke={colors.muted}
        strokeDasharray="2 3"
      />
      <line
        data-testid={`sweep-r1-${key}`}
        x1={x(1)}
        x2={x(1)}
        y1={0}
        y2={ph}
        stroke={colors.rhoA}
        strokeWidth={2}
        strokeDasharray="6 4"
      />
      {series.map((s) => (
        <path
          key={s.key}
          data-testid={`sweep-curve-${key}-${s.key}`}
          d={linePath(xs, Array.from(pick(s), y))}
          fill="none"
          stroke={s.color}
          strokeWidth={2}
          strokeDasharray={s.dash}
        />
      ))}
      <Axis
        orient="left"
        scale={y}
        ticks={yTicks}
        color={colors.text}
        length={ph}
        title={label}
        titleOffset={48}
      />
    </g>
  );

  return (
    <FigureSvg
      ref={svgRef}
      data-testid="sweep-chart"
      width={width}
      height={height}
      title={title}
      plot={MARGIN}
      titleColor={colors.text}
    >
      {panel('acc', 0, yAcc, [0, 0.25, 0.5, 0.75, 1], 'accuracy retained', (s) => s.accRetained, 1)}
      {panel('loss', ph + GAP, yLossSafe, lossTicks, 'loss ratio', (s) => s.lossRatio, 1)}
      <text x={x(1) + 4} y={12} fill={colors.rhoA} fontWeight={600}>
        r = 1 (τ = ρ_a)
      </text>
      <Axis
        orient="bottom"
        y={2 * ph + GAP}
        scale={x}
        ticks={x.ticks()}
        format={decadeTickLabel}
        textOffset={19}
        color={colors.text}
        length={w}
        title="r = τ/ρ_a(v) (log scale)"
        titleOffset={36}
      />
      <LineLegend
        testId="sweep-legend"
        y={2 * ph + GAP + 58}
        maxWidth={w}
        color={colors.text}
        items={series.map((s) => ({
          key: s.key,
          label: s.label,
          width: 34 + 7.5 * s.label.length,
          mark: lineMark(s.color, 2.5, s.dash),
        }))}
      />
    </FigureSvg>
  );
}
