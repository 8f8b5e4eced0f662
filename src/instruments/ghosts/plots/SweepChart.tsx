/**
 * One step at a chosen r (Sao 2026, Figure 1): from a trained model, one step of length
 * τ = r·ρ_a(v) along each direction v, and what it does to the test set — accuracy retained
 * (after/before, linear) and loss ratio (after/before, log) — against r on a log axis, with the
 * r = 1 line. Two stacked panels sharing the x-axis, one curve per direction. Pure SVG.
 */
import { FigureSvg, LineLegend, useSvgFigure } from '../../../plots/chartParts';
import { scaleLinear, scaleLog } from 'd3-scale';
import type { Ref } from 'react';
import type { FigureHandle } from './ComplexPlane';
import { tickLabel } from './TaylorLine';

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

/** A path through finite points of (x(r), y(v)); gaps where a value is missing. */
export function seriesPath(
  rs: ArrayLike<number>,
  vs: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i] ?? NaN;
    const v = vs[i] ?? NaN;
    const px = x(r);
    const py = y(v);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px.toFixed(2)},${py.toFixed(2)}`;
    pen = true;
  }
  return d;
}

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
  const majors = x
    .ticks()
    .filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  const lossTicks = yLoss
    .ticks(4)
    .filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
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
          d={seriesPath(rs, pick(s), x, y)}
          fill="none"
          stroke={s.color}
          strokeWidth={2}
          strokeDasharray={s.dash}
        />
      ))}
      <g fill={colors.text}>
        {yTicks.map((v) => (
          <g key={v} transform={`translate(0,${y(v)})`}>
            <line x2={-6} stroke={colors.text} />
            <text x={-9} dy="0.32em" textAnchor="end">
              {tickLabel(v)}
            </text>
          </g>
        ))}
        <text transform={`translate(${-48},${ph / 2}) rotate(-90)`} textAnchor="middle">
          {label}
        </text>
      </g>
    </g>
  );

  return (
    <FigureSvg
      ref={svgRef}
      data-testid="sweep-chart"
      width={width}
      height={height}
      title={title}
      titleX={MARGIN.left}
      titleY={16}
      titleColor={colors.text}
    >
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        {panel(
          'acc',
          0,
          yAcc,
          [0, 0.25, 0.5, 0.75, 1],
          'accuracy retained',
          (s) => s.accRetained,
          1,
        )}
        {panel('loss', ph + GAP, yLossSafe, lossTicks, 'loss ratio', (s) => s.lossRatio, 1)}
        <text x={x(1) + 4} y={12} fill={colors.rhoA} fontWeight={600}>
          r = 1 (τ = ρ_a)
        </text>
        <g transform={`translate(0,${2 * ph + GAP})`} fill={colors.text}>
          {x.ticks().map((v) => (
            <line
              key={v}
              transform={`translate(${x(v)},0)`}
              y2={majors.includes(v) ? 6 : 3}
              stroke={colors.text}
            />
          ))}
          {majors.map((v) => (
            <text key={v} x={x(v)} y={19} textAnchor="middle">
              {tickLabel(v)}
            </text>
          ))}
          <text x={w / 2} y={36} textAnchor="middle">
            r = τ/ρ_a(v) (log scale)
          </text>
          <LineLegend
            testId="sweep-legend"
            y={58}
            maxWidth={w}
            color={colors.text}
            items={series.map((s) => ({
              key: s.key,
              label: s.label,
              width: 34 + 7.5 * s.label.length,
              mark: (
                <line
                  x1={-10}
                  x2={10}
                  stroke={s.color}
                  strokeWidth={2.5}
                  strokeDasharray={s.dash}
                />
              ),
            }))}
          />
        </g>
      </g>
    </FigureSvg>
  );
}
