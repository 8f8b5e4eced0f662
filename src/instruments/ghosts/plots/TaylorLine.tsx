/**
 * The real line: the loss L(t) and its Taylor polynomial T_n(t) around t = 0, with ±ρ_a, ±ρ*
 * and the step τ. The y-axis is linear over the loss's own range and log-compressed beyond it
 * (a symlog about that band), so a polynomial that blows up past ρ* stays on the chart and the
 * loss itself stays readable (bandScale.ts). Pure SVG; it exports through the kit's FigureHandle.
 */
import { scaleLinear } from 'd3-scale';
import { useMemo, type ReactNode, type Ref } from 'react';
import type { RealLine } from '../science';
import { Axis } from '../../../plots/axes';
import { FigureSvg, useSvgFigure, type FigureHandle } from '../../../plots/figure';
import { usePlotScale } from '../../../plots/scale';
import { diamondMark, LineLegend, lineMark } from '../../../plots/legend';
import { linePath } from '../../../plots/paths';
import { extent } from '../../../plots/scales';
import { useSvgId } from '../../../plots/svgId';
import { tickLabel } from '../../../plots/ticks';
import { bandScale } from './bandScale';

export interface TaylorLineProps {
  curves: RealLine | null;
  /** Half-width of the x window. */
  span: number;
  order: number;
  rhoA: number;
  rhoStar: number | null;
  tau: number;
  safe: boolean;
  /** Outer size of the figure in CSS pixels. */
  width: number;
  height: number;
  colors: {
    text: string;
    background: string;
    muted: string;
    rhoA: string;
    rhoStar: string;
    loss: string;
    taylor: string;
  };
  title: string;
  ref?: Ref<FigureHandle>;
}

export const LINE_MARGIN = { left: 64, right: 18, top: 48, bottom: 66 };

export function TaylorLine(props: TaylorLineProps) {
  const { curves, span, order, rhoA, rhoStar, tau, safe, width, height, colors, title, ref } =
    props;
  const svgRef = useSvgFigure(ref, colors.background);
  const clip = useSvgId('taylor-clip');
  const m = LINE_MARGIN;
  const w = Math.max(120, width - m.left - m.right);
  const h = Math.max(80, height - m.top - m.bottom);

  const x = useMemo(() => scaleLinear().domain([-span, span]).range([0, w]), [span, w]);
  const y = useMemo(() => {
    if (!curves) return bandScale(0, 1, 0, 1, h);
    const [lMin, lMax] = extent(curves.loss);
    const [tMin, tMax] = extent(curves.taylor);
    return bandScale(lMin, lMax, Math.min(lMin, tMin), Math.max(lMax, tMax), h);
  }, [curves, h]);
  const paths = useMemo(() => {
    if (!curves) return { loss: '', taylor: '' };
    const xs = Array.from(curves.t, (t) => x(t));
    return {
      loss: linePath(xs, Array.from(curves.loss, y)),
      taylor: linePath(xs, Array.from(curves.taylor, y)),
    };
  }, [curves, x, y]);

  const stepColor = safe ? '#17a34a' : '#e5484d';
  const tauInView = tau <= span;
  const markers: { key: string; t: number; label: string; color: string; dash?: string }[] = [];
  if (Number.isFinite(rhoA) && rhoA <= span) {
    for (const sgn of [-1, 1]) {
      markers.push({
        key: `rho-a-${sgn}`,
        t: sgn * rhoA,
        label: sgn < 0 ? '−ρ_a' : 'ρ_a',
        color: colors.rhoA,
        dash: '6 4',
      });
    }
  }
  if (rhoStar !== null && Number.isFinite(rhoStar) && rhoStar <= span) {
    for (const sgn of [-1, 1]) {
      markers.push({
        key: `rho-star-${sgn}`,
        t: sgn * rhoStar,
        label: sgn < 0 ? '−ρ*' : 'ρ*',
        color: colors.rhoStar,
      });
    }
  }
  // ρ_a and ρ* can coincide (binary problems with equal logits): lift the second label.
  const labelRow = (i: number) =>
    markers.slice(0, i).some((o) => Math.abs(x(o.t) - x(markers[i]?.t ?? 0)) < 30) ? -20 : -5;

  // The figure is drawn at the plot scale (FigureSvg); its box must be as large.
  const scale = usePlotScale();
  return (
    <div className="line-figure" style={{ width: width * scale, height: height * scale }}>
      <FigureSvg
        ref={svgRef}
        data-testid="taylor-svg"
        width={width}
        height={height}
        title={title}
        plot={m}
        titleY={15}
        titleColor={colors.text}
      >
        <clipPath id={clip.id}>
          <rect width={w} height={h} />
        </clipPath>
        {y.up && <rect width={w} height={y(y.hi)} fill={colors.muted} fillOpacity={0.1} />}
        {y.down && (
          <rect y={y(y.lo)} width={w} height={h - y(y.lo)} fill={colors.muted} fillOpacity={0.1} />
        )}
        <rect width={w} height={h} fill="none" stroke={colors.muted} />
        <g clipPath={clip.url}>
          <line x1={x(0)} x2={x(0)} y1={0} y2={h} stroke={colors.muted} strokeOpacity={0.6} />
          {y.lo < 0 && y.hi > 0 && (
            <line x1={0} x2={w} y1={y(0)} y2={y(0)} stroke={colors.muted} strokeOpacity={0.6} />
          )}
          {markers.map((mk) => (
            <line
              key={mk.key}
              data-testid={`line-${mk.key}`}
              x1={x(mk.t)}
              x2={x(mk.t)}
              y1={0}
              y2={h}
              stroke={mk.color}
              strokeWidth={2}
              strokeDasharray={mk.dash}
            />
          ))}
          {tauInView && (
            <line
              x1={x(tau)}
              x2={x(tau)}
              y1={0}
              y2={h}
              stroke={stepColor}
              strokeWidth={1.5}
              strokeOpacity={0.8}
            />
          )}
          <path
            data-testid="curve-loss"
            d={paths.loss}
            fill="none"
            stroke={colors.loss}
            strokeWidth={2.5}
          />
          <path
            data-testid="curve-taylor"
            d={paths.taylor}
            fill="none"
            stroke={colors.taylor}
            strokeWidth={2}
            strokeDasharray="7 4"
          />
        </g>
        {y.up && (
          <RegionLabel x={6} y={y(y.hi) - 6} colors={colors}>
            log scale above
          </RegionLabel>
        )}
        {y.down && (
          <RegionLabel x={6} y={y(y.lo) + 14} colors={colors}>
            log scale below
          </RegionLabel>
        )}
        {markers.map((mk, i) => (
          <text
            key={mk.key}
            x={x(mk.t)}
            y={labelRow(i)}
            textAnchor="middle"
            fill={mk.color}
            fontWeight={600}
          >
            {mk.label}
          </text>
        ))}
        {tauInView ? (
          <path
            data-testid="line-marker-tau"
            d={`M${x(tau)},${h - 8}l7,8l-7,8l-7,-8z`}
            fill={stepColor}
          />
        ) : (
          <text
            data-testid="line-marker-tau"
            x={w - 4}
            y={h - 8}
            textAnchor="end"
            fill={stepColor}
            fontWeight={600}
          >
            τ = {tickLabel(Number(tau.toPrecision(3)))} →
          </text>
        )}
        <Axis
          orient="bottom"
          y={h}
          scale={x}
          ticks={x.ticks(9)}
          color={colors.text}
          length={w}
          title="t (real step along v)"
          titleOffset={36}
        />
        <Axis
          orient="left"
          scale={y}
          ticks={y.ticks}
          color={colors.text}
          length={h}
          title="loss"
          titleOffset={50}
        />
        <LineLegend
          testId="taylor-legend"
          y={h + 54}
          maxWidth={w}
          color={colors.text}
          items={[
            { key: 'loss', label: 'L(t), true loss', width: 124, mark: lineMark(colors.loss) },
            {
              key: 'taylor',
              label: `T_${order}(t), Taylor`,
              width: 124,
              mark: lineMark(colors.taylor, 2, '5 3'),
            },
            { key: 'rhoa', label: '±ρ_a', width: 64, mark: lineMark(colors.rhoA, 2, '5 3') },
            { key: 'rhostar', label: '±ρ*', width: 60, mark: lineMark(colors.rhoStar) },
            { key: 'tau', label: 'step τ', width: 64, mark: diamondMark(stepColor) },
          ]}
        />
      </FigureSvg>
    </div>
  );
}

/** Small muted text with a halo of the background, legible over curves and markers. */
function RegionLabel(props: {
  x: number;
  y: number;
  colors: { muted: string; background: string };
  children: ReactNode;
}) {
  const { x, y, colors, children } = props;
  return (
    <text
      x={x}
      y={y}
      fill={colors.muted}
      stroke={colors.background}
      strokeWidth={3}
      paintOrder="stroke"
      fontSize={11}
    >
      {children}
    </text>
  );
}
