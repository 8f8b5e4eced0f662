/**
 * The 1-D interpolation L((1−α)θ_a + αθ_b) for α ∈ [−0.5, 1.5] (Goodfellow et al. 2015, as in
 * Li et al. 2018 §3): θ_a at α = 0 and θ_b at α = 1 — the initial and the current weights, or
 * any two of them and the reader's pins. Each end is named above its dashed line.
 */
import { scaleLinear } from 'd3-scale';
import type { Ref } from 'react';
import { Axis } from '../../../plots/axes';
import { FigureSvg, useSvgFigure, type FigureHandle } from '../../../plots/figure';
import { LineLegend, lineMark, type LegendItem } from '../../../plots/legend';
import { linePath } from '../../../plots/paths';
import { extent } from '../../../plots/scales';

export interface InterpLine {
  key: string;
  label: string;
  color: string;
  alphas: ArrayLike<number>;
  loss: ArrayLike<number>;
}

export interface InterpChartProps {
  lines: InterpLine[];
  /** The formula or pair in the title. */
  title: string;
  /** Names of the ends at α = 0 and α = 1. */
  ends: readonly [string, string];
  width: number;
  height: number;
  colors: { text: string; background: string; muted: string };
  ref?: Ref<FigureHandle>;
}

// The top leaves room for the title and, below it, the names of the two ends.
const MARGIN = { left: 44, right: 10, top: 40, bottom: 62 };

export function InterpChart({ lines, title, ends, width, height, colors, ref }: InterpChartProps) {
  const svgRef = useSvgFigure(ref, colors.background);
  const w = Math.max(60, width - MARGIN.left - MARGIN.right);
  const h = Math.max(40, height - MARGIN.top - MARGIN.bottom);
  let [lo, hi] = [Infinity, -Infinity];
  for (const l of lines) {
    const [a, b] = extent(l.loss);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  if (!(hi > lo)) [lo, hi] = Number.isFinite(lo) ? [lo * 0.9, lo * 1.1] : [0, 1];
  // Linear in the loss: the curve spans well under a decade, and a log axis would crowd it.
  const x = scaleLinear().domain([-0.5, 1.5]).range([0, w]);
  const y = scaleLinear()
    .domain([Math.min(0, lo), hi])
    .range([h, 0])
    .nice();
  const yTicks = y.ticks(h > 160 ? 5 : 3);
  const legend: LegendItem[] = lines.map((l) => ({
    key: l.key,
    label: l.label,
    width: 16 + 7 * l.label.length,
    mark: lineMark(l.color),
  }));
  return (
    <FigureSvg
      ref={svgRef}
      width={width}
      height={height}
      title={title}
      plot={MARGIN}
      titleColor={colors.text}
      data-testid="interp-chart"
      data-chart=""
    >
      {ends.map((name, i) => (
        <g key={i} transform={`translate(${x(i)},0)`}>
          <line y1={0} y2={h} stroke={colors.muted} strokeDasharray="3 3" />
          <text
            y={-4}
            textAnchor="middle"
            fill={colors.text}
            fontSize={11}
            data-testid={i === 0 ? 'interp-end-a' : 'interp-end-b'}
          >
            {name}
          </text>
        </g>
      ))}
      {lines.map((l) => (
        <path
          key={l.key}
          d={linePath(
            Array.from(l.alphas, (a) => x(a)),
            Array.from(l.loss, (v) => y(v)),
          )}
          fill="none"
          stroke={l.color}
          strokeWidth={2}
        />
      ))}
      <Axis
        orient="bottom"
        scale={x}
        ticks={[-0.5, 0, 0.5, 1, 1.5]}
        color={colors.text}
        length={w}
        y={h}
        title="α"
        titleOffset={33}
      />
      <Axis
        orient="left"
        scale={y}
        ticks={yTicks}
        color={colors.text}
        length={h}
        title="loss"
        titleOffset={34}
      />
      <LineLegend y={h + 48} maxWidth={w} color={colors.text} items={legend} />
    </FigureSvg>
  );
}
