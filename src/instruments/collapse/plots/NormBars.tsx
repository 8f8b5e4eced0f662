/**
 * Per-class norms ‖μ_k‖ (features) and ‖w_k‖ (classifier) as bars, each with its closed-form
 * value beside it as a black tick where a closed form applies, and the minority-collapse
 * threshold √n_k ≤ N√(λ_Wλ_H) marked on a strip of √n_k under the bars.
 */
import { scaleLinear } from 'd3-scale';
import type { Ref } from 'react';
import { Axis } from '../../../plots/axes';
import { FigureSvg, useSvgFigure, type FigureHandle } from '../../../plots/figure';
import type { ClassReadout } from '../readouts';
import { classColor } from './projection';

const M = { left: 44, right: 10, top: 26, bottom: 70 };

export function NormBars(props: {
  classes: readonly ClassReadout[];
  /** N√(λ_Wλ_H) on the √n_k scale, where minority collapse applies; else null. */
  threshold: number | null;
  width: number;
  height: number;
  colors: { text: string; background: string; muted: string };
  ref?: Ref<FigureHandle>;
}) {
  const { classes, threshold, width, height, colors, ref } = props;
  const svgRef = useSvgFigure(ref, colors.background);
  const w = Math.max(80, width - M.left - M.right);
  const h = Math.max(50, height - M.top - M.bottom);
  const K = classes.length;
  let top = 0;
  for (const c of classes) top = Math.max(top, c.normH, c.normW, c.theoryH ?? 0, c.theoryW ?? 0);
  const y = scaleLinear()
    .domain([0, top > 0 && Number.isFinite(top) ? top * 1.1 : 1])
    .range([h, 0]);
  const group = w / Math.max(1, K);
  const bar = Math.min(18, group / 3);
  const tick = (x: number, v: number | null, testId: string) =>
    v === null || !Number.isFinite(v) ? null : (
      <line
        data-testid={testId}
        x1={x - 3}
        x2={x + bar + 3}
        y1={y(v)}
        y2={y(v)}
        stroke={colors.text}
        strokeWidth={2.5}
      />
    );
  const sqrtN = classes.map((c) => Math.sqrt(c.n));
  const sMax = Math.max(...sqrtN, threshold ?? 0) * 1.1;
  const sx = scaleLinear().domain([0, sMax]).range([0, w]);
  return (
    <FigureSvg
      ref={svgRef}
      data-testid="collapse-norms"
      data-chart="norms"
      width={width}
      height={height}
      title="norms: ‖μ_k‖ ▮ ‖w_k‖ ▯ theory —"
      plot={M}
      titleX={4}
      titleColor={colors.text}
    >
      {classes.map((c, k) => {
        const x0 = k * group + group / 2 - bar;
        const color = classColor(k);
        return (
          <g key={k}>
            <rect x={x0} y={y(c.normH)} width={bar} height={h - y(c.normH)} fill={color} />
            <rect
              x={x0 + bar}
              y={y(c.normW)}
              width={bar}
              height={h - y(c.normW)}
              fill={color}
              fillOpacity={0.45}
              stroke={color}
            />
            {tick(x0, c.theoryH, `norm-h-theory-mark-${k}`)}
            {tick(x0 + bar, c.theoryW, `norm-w-theory-mark-${k}`)}
            <text x={x0 + bar} y={h + 14} textAnchor="middle" fill={colors.text} fontSize={11}>
              {k}
            </text>
          </g>
        );
      })}
      <Axis
        orient="left"
        scale={y}
        ticks={y.ticks(4)}
        color={colors.text}
        length={h}
        tickSize={4}
        title="norm"
        titleOffset={34}
      />
      <line x2={w} y1={h} y2={h} stroke={colors.muted} />
      <g transform={`translate(0,${h + 30})`} data-testid="collapse-threshold-strip">
        <line x2={w} stroke={colors.muted} />
        {sqrtN.map((s, k) => (
          <circle key={k} cx={sx(s)} r={4} fill={classColor(k)} />
        ))}
        {threshold !== null && (
          <g data-testid="collapse-threshold">
            <rect
              x={0}
              y={-7}
              width={sx(threshold)}
              height={14}
              fill={colors.muted}
              opacity={0.25}
            />
            <line x1={sx(threshold)} x2={sx(threshold)} y1={-9} y2={9} stroke={colors.text} />
          </g>
        )}
        <text x={0} y={22} fontSize={10} fill={colors.text}>
          {threshold === null
            ? '√n_k per class'
            : `√n_k per class; shaded: √n_k ≤ N√(λ_Wλ_H) = ${threshold.toPrecision(3)} collapses`}
        </text>
      </g>
    </FigureSvg>
  );
}
