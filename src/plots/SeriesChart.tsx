/**
 * A per-step line chart (SVG, d3 scales): lines and coloured points against the training step,
 * on a linear or log y-axis, with a shaded window and a cursor at the current step. Exports
 * through the same FigureHandle as the other figures.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { useMemo, type Ref } from 'react';
import type { FigureHandle } from '../instruments/ghosts/plots/ComplexPlane';
import {
  LineLegend,
  extent,
  legendRows,
  linePath,
  tickLabel,
  type LegendItem,
  FigureSvg,
  useSvgFigure,
} from './chartParts';

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
    const decades = t.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
    const pick = decades.length >= 2 ? decades : t;
    const stride = Math.ceil(pick.length / 7);
    return pick.filter((_, i) => i % stride === 0);
  }, [y, log]);
  const xs = (n: number, x0: number) => Array.from({ length: n }, (_, i) => x(x0 + i));
  const clipId = `${testId}-clip`;

  return (
    <FigureSvg
      ref={svgRef}
      data-testid={testId}
      data-chart="series"
      width={width}
      height={height}
      title={title}
      titleX={4}
      titleY={16}
      titleColor={colors.text}
    >
      <g transform={`translate(${m.left},${m.top})`}>
        <clipPath id={clipId}>
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
        <g clipPath={`url(#${clipId})`}>
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
        <g transform={`translate(0,${h})`} fill={colors.text}>
          {x.ticks(6).map((v) => (
            <g key={v} transform={`translate(${x(v)},0)`}>
              <line y2={5} stroke={colors.text} />
              <text y={18} textAnchor="middle">
                {tickLabel(v)}
              </text>
            </g>
          ))}
          <text x={w / 2} y={33} textAnchor="middle">
            training step
          </text>
        </g>
        <g fill={colors.text}>
          {yTicks.map((v) => (
            <g key={v} transform={`translate(0,${y(v)})`}>
              <line x2={-5} stroke={colors.text} />
              <text x={-8} dy="0.32em" textAnchor="end">
                {log ? logTick(v) : tickLabel(v)}
              </text>
            </g>
          ))}
          <text transform={`translate(${-42},${h / 2}) rotate(-90)`} textAnchor="middle">
            {yLabel}
          </text>
        </g>
        <LineLegend
          testId={`${testId}-legend`}
          y={h + 50}
          maxWidth={w}
          color={colors.text}
          items={legend}
        />
      </g>
    </FigureSvg>
  );
}

/** Log-axis ticks: powers of ten as 10ⁿ (small ones too), else plain. */
function logTick(v: number): string {
  const k = Math.round(Math.log10(v));
  if (Math.abs(v - Math.pow(10, k)) > 1e-9 * v) return tickLabel(Number(v.toPrecision(2)));
  if (k >= 0 && k <= 3) return tickLabel(v);
  return `10${String(k)
    .split('')
    .map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)] ?? (c === '-' ? '⁻' : c))
    .join('')}`;
}
