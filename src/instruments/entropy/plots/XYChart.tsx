/**
 * A chart of y against x (not against the step): lines through (x, y) points, scatters, and any
 * extra marks drawn in the plot's scales (a diagonal, a fitted curve, a labelled point). Linear
 * or log axes. Built from the plot kit's figure, axes and legend, so it looks like SeriesChart.
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { useMemo, type ReactNode, type Ref } from 'react';
import { Axis } from '../../../plots/axes';
import { FigureSvg, useSvgFigure, type FigureHandle } from '../../../plots/figure';
import { LineLegend, legendRows, type LegendItem } from '../../../plots/legend';
import { linePath } from '../../../plots/paths';
import { extent } from '../../../plots/scales';
import { useSvgId } from '../../../plots/svgId';
import { logTickLabel, tickLabel } from '../../../plots/ticks';

export interface XYLine {
  key: string;
  color: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  dash?: string;
  strokeWidth?: number;
}

export interface XYPoints {
  key: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  color: (i: number) => string;
  r?: number;
  /** Drawn with a light outline, so overlapping points stay countable. */
  outline?: boolean;
}

export type Scale = ScaleContinuousNumeric<number, number>;

export interface XYChartProps {
  testId: string;
  title: string;
  xLabel: string;
  yLabel: string;
  width: number;
  height: number;
  xLog?: boolean;
  xDomain?: [number, number];
  /** Where the x ticks go (else d3's choice). */
  xTicks?: number[];
  yDomain?: [number, number];
  lines?: XYLine[];
  points?: XYPoints[];
  /** Extra marks in the plot's coordinates (behind the data's clip, in front of the frame). */
  extra?: (x: Scale, y: Scale, size: { w: number; h: number }) => ReactNode;
  /** Marks drawn over the data (labels that must stay readable). */
  overlay?: (x: Scale, y: Scale) => ReactNode;
  legend: LegendItem[];
  colors: { text: string; background: string; muted: string };
  ref?: Ref<FigureHandle>;
}

export const XY_MARGIN = { left: 56, right: 14, top: 28, bottom: 58 };

function range(all: ArrayLike<number>[], log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of all) {
    const [a, b] = extent(log ? Array.from(v, (x) => (x > 0 ? x : NaN)) : v);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  if (!Number.isFinite(lo)) return log ? [1, 10] : [0, 1];
  if (log) return lo === hi ? [lo / 2, hi * 2] : [lo, hi];
  const pad = lo === hi ? Math.max(1e-9, Math.abs(lo) * 0.1) : 0.06 * (hi - lo);
  return [lo - pad, hi + pad];
}

export function XYChart(props: XYChartProps) {
  const { testId, title, xLabel, yLabel, width, height, xLog = false } = props;
  const { lines = [], points = [], extra, overlay, legend, colors, ref } = props;
  const svgRef = useSvgFigure(ref, colors.background);
  const m = XY_MARGIN;
  const w = Math.max(80, width - m.left - m.right);
  const extraRows = Math.max(0, legendRows(legend, w) - 1);
  const h = Math.max(50, height - m.top - m.bottom - 18 * extraRows);
  const xd = useMemo(
    () => props.xDomain ?? range([...lines.map((l) => l.xs), ...points.map((p) => p.xs)], xLog),
    [props.xDomain, lines, points, xLog],
  );
  const yd = useMemo(
    () => props.yDomain ?? range([...lines.map((l) => l.ys), ...points.map((p) => p.ys)], false),
    [props.yDomain, lines, points],
  );
  const x: Scale = useMemo(
    () => (xLog ? scaleLog().domain(xd) : scaleLinear().domain(xd)).range([0, w]),
    [xLog, xd, w],
  );
  const y: Scale = useMemo(() => scaleLinear().domain(yd).range([h, 0]), [yd, h]);
  const clip = useSvgId(`${testId}-clip`);
  const px = (v: number) => (xLog && !(v > 0) ? NaN : x(v));

  return (
    <FigureSvg
      ref={svgRef}
      data-testid={testId}
      data-chart="xy"
      width={width}
      height={height}
      title={title}
      plot={m}
      titleX={4}
      titleColor={colors.text}
    >
      <clipPath id={clip.id}>
        <rect x={-4} y={-4} width={w + 8} height={h + 8} />
      </clipPath>
      <rect width={w} height={h} fill="none" stroke={colors.muted} />
      <g clipPath={clip.url}>
        {extra?.(x, y, { w, h })}
        {lines.map((l) => (
          <path
            key={l.key}
            data-testid={`${testId}-${l.key}`}
            d={linePath(
              Array.from(l.xs, px),
              Array.from(l.ys, (v) => y(v)),
            )}
            fill="none"
            stroke={l.color}
            strokeWidth={l.strokeWidth ?? 2}
            strokeDasharray={l.dash}
            strokeLinejoin="round"
          />
        ))}
        {points.map((p) => (
          <g key={p.key} data-testid={`${testId}-${p.key}`}>
            {Array.from(p.xs, (xv, i) => {
              const cx = px(xv);
              const cy = y(p.ys[i] ?? NaN);
              if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
              return (
                <circle
                  key={i}
                  cx={cx}
                  cy={cy}
                  r={p.r ?? 2.6}
                  fill={p.color(i)}
                  stroke={p.outline ? colors.background : 'none'}
                  strokeWidth={p.outline ? 0.8 : 0}
                />
              );
            })}
          </g>
        ))}
        {overlay?.(x, y)}
      </g>
      <Axis
        orient="bottom"
        y={h}
        scale={x}
        ticks={props.xTicks ?? x.ticks(xLog ? 9 : 5)}
        format={xLog && !props.xTicks ? logTickLabel : tickLabel}
        tickSize={5}
        textOffset={18}
        color={colors.text}
        length={w}
        title={xLabel}
        titleOffset={34}
      />
      <Axis
        orient="left"
        scale={y}
        ticks={y.ticks(5)}
        tickSize={5}
        color={colors.text}
        length={h}
        title={yLabel}
        titleOffset={44}
      />
      <LineLegend
        testId={`${testId}-legend`}
        y={h + 48}
        maxWidth={w}
        color={colors.text}
        items={legend}
      />
    </FigureSvg>
  );
}
