/**
 * A per-step line chart (SVG, d3 scales): lines and coloured points against the training step,
 * on a linear or log y-axis, with a shaded window and a cursor at the current step. Exports
 * through the same FigureHandle as the other figures. Built from the kit's figure, axes and legend.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { useMemo, type Ref } from 'react';
import { Axis } from './axes';
import { FigureSvg, useSvgFigure, type FigureHandle } from './figure';
import { LineLegend, legendRows, type LegendItem } from './legend';
import { linePath } from './paths';
import { extent } from './scales';
import { useSvgId } from './svgId';
import { isPowerOfTen, logTickLabel, tickLabel } from './ticks';

export interface SeriesLine {
  key: string;
  color: string;
  /** values[i] is drawn at step x0 + i. */
  values: ArrayLike<number>;
  x0?: number;
  dash?: string;
  strokeWidth?: number;
}

export interface SeriesPoints {
  key: string;
  values: ArrayLike<number>;
  x0?: number;
  color: (i: number) => string;
}

export interface SeriesChartProps {
  testId: string;
  title: string;
  yLabel: string;
  width: number;
  height: number;
  /** The x-axis runs over steps [0, total]. */
  total: number;
  log: boolean;
  /** Fixed y range; else the data's own (log: positive values only). */
  yDomain?: [number, number];
  lines: SeriesLine[];
  points?: SeriesPoints[];
  /** A shaded step window [from, to] (the spike) and its label. */
  band?: { from: number; to: number; label: string };
  /** The current step. */
  cursor?: number;
  legend: LegendItem[];
  colors: { text: string; background: string; muted: string };
  ref?: Ref<FigureHandle>;
}

export const SERIES_MARGIN = { left: 54, right: 14, top: 30, bottom: 62 };

function dataRange(all: ArrayLike<number>[], log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of all) {
    const v = log ? Array.from(values, (x) => (x > 0 ? x : NaN)) : values;
    const [a, b] = extent(v);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return log ? [0.1, 10] : [0, 1];
  if (log) return lo === hi ? [lo / 10, hi * 10] : [lo / 1.5, hi * 1.5];
  const pad = lo === hi ? 1 : 0.05 * (hi - lo);
  return [lo - pad, hi + pad];
}

export function SeriesChart(props: SeriesChartProps) {
  const { testId, title, yLabel, width, height, total, log, lines, points = [], band } = props;
  const { cursor, legend, colors, ref } = props;
  const svgRef = useSvgFigure(ref, colors.background);
  const m = SERIES_MARGIN;
  const w = Math.max(100, width - m.left - m.right);
  // A legend that wraps takes its extra rows from the plot, not from below the figure.
  const extraRows = Math.max(0, legendRows(legend, w) - 1);
  const h = Math.max(60, height - m.top - m.bottom - 18 * extraRows);

  const x = useMemo(
    () =>
      scaleLinear()
        .domain([0, Math.max(1, total)])
        .range([0, w]),
    [total, w],
  );
  const domain = useMemo(
    () =>
      props.yDomain ??
      dataRange([...lines.map((l) => l.values), ...points.map((p) => p.values)], log),
    [props.yDomain, lines, points, log],
  );
  const y = useMemo(
    () =>
      log
        ? scaleLog().domain(domain).range([h, 0]).clamp(true)
        : scaleLinear().domain(domain).range([h, 0]).clamp(true),
    [log, domain, h],
  );
  const py = (v: number) => (log && !(v > 0) ? NaN : y(v));
  const yTicks = useMemo(() => {
    const t = y.ticks(log ? 6 : 5);
    if (!log) return t;
    const decades = t.filter(isPowerOfTen);
    const pick = decades.length >= 2 ? decades : t;
    const stride = Math.ceil(pick.length / 7);
    return pick.filter((_, i) => i % stride === 0);
  }, [y, log]);
  const xs = (n: number, x0: number) => Array.from({ length: n }, (_, i) => x(x0 + i));
  const clip = useSvgId(`${testId}-clip`);

  return (
    <FigureSvg
      ref={svgRef}
      data-testid={testId}
      data-chart="series"
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
      {band && band.to > band.from && (
        <g>
          <rect
            x={x(band.from)}
            width={Math.max(0, x(Math.min(band.to, total)) - x(band.from))}
            height={h}
            fill={colors.muted}
            fillOpacity={0.16}
          />
        </g>
      )}
      <rect width={w} height={h} fill="none" stroke={colors.muted} />
      <g clipPath={clip.url}>
        {lines.map((l) => (
          <path
            key={l.key}
            data-testid={`${testId}-${l.key}`}
            d={linePath(xs(l.values.length, l.x0 ?? 0), Array.from(l.values, py))}
            fill="none"
            stroke={l.color}
            strokeWidth={l.strokeWidth ?? 2}
            strokeDasharray={l.dash}
            strokeLinejoin="round"
          />
        ))}
        {points.map((p) => (
          <g key={p.key} data-testid={`${testId}-${p.key}`}>
            {Array.from(p.values, (v, i) => {
              const cy = py(v);
              if (!Number.isFinite(cy)) return null;
              return <circle key={i} cx={x((p.x0 ?? 0) + i)} cy={cy} r={2.4} fill={p.color(i)} />;
            })}
          </g>
        ))}
        {cursor !== undefined && cursor > 0 && (
          <line
            x1={x(cursor)}
            x2={x(cursor)}
            y1={0}
            y2={h}
            stroke={colors.text}
            strokeOpacity={0.35}
            strokeDasharray="3 3"
          />
        )}
      </g>
      {band && band.to > band.from && (
        <text
          x={x(band.from) + 4}
          y={12}
          fill={colors.muted}
          stroke={colors.background}
          strokeWidth={3}
          paintOrder="stroke"
          fontSize={11}
        >
          {band.label}
        </text>
      )}
      <Axis
        orient="bottom"
        y={h}
        scale={x}
        ticks={x.ticks(6)}
        tickSize={5}
        textOffset={18}
        color={colors.text}
        length={w}
        title="training step"
        titleOffset={33}
      />
      <Axis
        orient="left"
        scale={y}
        ticks={yTicks}
        format={log ? logTickLabel : tickLabel}
        tickSize={5}
        color={colors.text}
        length={h}
        title={yLabel}
        titleOffset={42}
      />
      <LineLegend
        testId={`${testId}-legend`}
        y={h + 50}
        maxWidth={w}
        color={colors.text}
        items={legend}
      />
    </FigureSvg>
  );
}
