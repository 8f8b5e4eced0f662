/**
 * Per-sample safe radii ρ_a(x) = π/Δ_a(x) of a batch along one direction, as a histogram on a log
 * axis, with the batch bound ρ_a(v) = π/max Δ_a (the smallest of them), the step ‖p‖, and a rug
 * of the samples that set the bound. Pure SVG; exports through FigureHandle like the plane.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { useMemo, type Ref } from 'react';
import { Axis } from '../../../plots/axes';
import { FigureSvg, useSvgFigure, type FigureHandle } from '../../../plots/figure';
import { logBins } from '../../../plots/logBins';
import { decadeTickLabel, tickLabel } from '../../../plots/ticks';

export interface RadiusHistogramProps {
  /** Per-sample ρ_a; ∞ entries (Δ_a = 0) are left out and counted in the caption. */
  radii: Float64Array | null;
  batchRhoA: number;
  /** The step length ‖p‖, drawn as a second marker (r = ‖p‖/ρ_a). */
  stepNorm: number | null;
  /** ρ_a of the highlighted (bound-setting) samples, drawn as a rug. */
  highlighted: readonly number[];
  width: number;
  height: number;
  colors: {
    text: string;
    background: string;
    muted: string;
    rhoA: string;
    loss: string;
    step: string;
  };
  title: string;
  ref?: Ref<FigureHandle>;
}

const MARGIN = { left: 56, right: 20, top: 40, bottom: 52 };
const BINS = 36;

export function RadiusHistogram(props: RadiusHistogramProps) {
  const { radii, batchRhoA, stepNorm, highlighted, width, height, colors, title, ref } = props;
  const svgRef = useSvgFigure(ref, colors.background);
  const w = Math.max(120, width - MARGIN.left - MARGIN.right);
  const h = Math.max(80, height - MARGIN.top - MARGIN.bottom);

  const hist = useMemo(() => (radii ? logBins(radii, BINS) : null), [radii]);
  const x = useMemo(() => {
    const lo = hist && Number.isFinite(hist.lo) ? hist.lo : 0.1;
    const hi = hist && Number.isFinite(hist.hi) ? hist.hi : 10;
    let dLo = Math.min(lo, batchRhoA > 0 && Number.isFinite(batchRhoA) ? batchRhoA : lo);
    let dHi = hi;
    if (stepNorm !== null && stepNorm > 0) {
      dLo = Math.min(dLo, stepNorm);
      dHi = Math.max(dHi, stepNorm);
    }
    return scaleLog()
      .domain([dLo / 1.3, dHi * 1.3])
      .range([0, w]);
  }, [hist, batchRhoA, stepNorm, w]);
  const maxCount = hist ? Math.max(1, ...hist.bins.map((b) => b.count)) : 1;
  const y = scaleLinear().domain([0, maxCount]).nice().range([h, 0]);
  const rugColor = '#e5484d';
  const stepColor = colors.step;

  return (
    <FigureSvg
      ref={svgRef}
      data-testid="radius-histogram"
      width={width}
      height={height}
      title={title}
      plot={MARGIN}
      titleColor={colors.text}
    >
      <rect width={w} height={h} fill="none" stroke={colors.muted} />
      {hist?.bins.map((b, i) => (
        <rect
          key={i}
          data-testid="histogram-bar"
          x={x(b.x0)}
          y={y(b.count)}
          width={Math.max(0, x(b.x1) - x(b.x0) - 1)}
          height={h - y(b.count)}
          fill={colors.loss}
          fillOpacity={0.75}
        >
          <title>{`ρ_a ∈ [${tickLabel(Number(b.x0.toPrecision(3)))}, ${tickLabel(
            Number(b.x1.toPrecision(3)),
          )}): ${b.count} samples`}</title>
        </rect>
      ))}
      {highlighted.map((r, i) => (
        <line key={i} x1={x(r)} x2={x(r)} y1={h - 10} y2={h} stroke={rugColor} strokeWidth={1.5} />
      ))}
      {Number.isFinite(batchRhoA) && batchRhoA > 0 && (
        <g data-testid="histogram-bound" transform={`translate(${x(batchRhoA)},0)`}>
          <line y1={0} y2={h} stroke={colors.rhoA} strokeWidth={2} strokeDasharray="6 4" />
          <text y={-6} textAnchor="middle" fill={colors.rhoA} fontWeight={600}>
            ρ_a(v)
          </text>
        </g>
      )}
      {stepNorm !== null && stepNorm > 0 && (
        <g transform={`translate(${x(stepNorm)},0)`}>
          <line y1={0} y2={h} stroke={stepColor} strokeWidth={1.5} />
          <text y={-6} textAnchor="start" dx={4} fill={stepColor}>
            ‖p‖
          </text>
        </g>
      )}
      <Axis
        orient="bottom"
        y={h}
        scale={x}
        ticks={x.ticks(6)}
        format={decadeTickLabel}
        textOffset={19}
        color={colors.text}
        length={w}
        title={`per-sample ρ_a = π/Δ_a (log scale)${
          hist && hist.skipped > 0 ? ` — ${hist.skipped} with Δ_a = 0 not shown` : ''
        }`}
        titleOffset={38}
      />
      <Axis
        orient="left"
        scale={y}
        ticks={y.ticks(5)}
        format={String}
        color={colors.text}
        length={h}
        title="samples"
        titleOffset={42}
      />
    </FigureSvg>
  );
}
