/**
 * The real line: the loss L(t) and its Taylor polynomial T_n(t) around t = 0, with ±ρ_a, ±ρ*
 * and the step τ. The y-axis is linear over the loss's own range and log-compressed beyond it
 * (a symlog about that band), so a polynomial that blows up past ρ* stays on the chart and the
 * loss itself stays readable. Pure SVG; it exports through the same FigureHandle as the plane.
 */
import { scaleLinear } from 'd3-scale';
import { useMemo, type ReactNode, type Ref } from 'react';
import type { RealLine } from '../science';
import type { FigureHandle } from './ComplexPlane';
import {
  LineLegend,
  extent,
  linePath,
  tickLabel,
  FigureSvg,
  useSvgFigure,
} from '../../../plots/chartParts';

export { tickLabel };

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

/** Share of the plot height given to each log-compressed region (above and below the band). */
const COMPRESSED_SHARE = 0.24;
/** Magnitudes beyond band ± width·1e15 are drawn at the edge. */
const MAX_DECADES = 15;

export interface BandScale {
  (v: number): number;
  /** The linear band, in data units. */
  lo: number;
  hi: number;
  /** Whether a log-compressed region is drawn above / below the band. */
  up: boolean;
  down: boolean;
  ticks: number[];
}

/**
 * Linear over [lo, hi] (the loss, padded), and log10(1 + d/s) beyond it (d the distance past the
 * band, s its width) up to the data's extreme, so each extra decade of blow-up costs a fixed
 * number of pixels. `height` is the plot height; 0 is the top.
 */
export function bandScale(
  lossMin: number,
  lossMax: number,
  dataMin: number,
  dataMax: number,
  height: number,
): BandScale {
  const range = Math.max(lossMax - lossMin, 0.1 * Math.abs(lossMax), 1e-6);
  const lo = lossMin - 0.12 * range;
  const hi = lossMax + 0.12 * range;
  const s = hi - lo;
  const g = (d: number) => Math.log10(1 + d / s);
  const gMax = MAX_DECADES;
  // A little overshoot is drawn in the band's own scale; only real blow-up gets a log region.
  const up = dataMax > hi + 0.5 * s;
  const down = dataMin < lo - 0.5 * s;
  const gUp = up ? Math.min(g(dataMax - hi), gMax) : 1;
  const gDown = down ? Math.min(g(lo - dataMin), gMax) : 1;
  const top = up ? COMPRESSED_SHARE * height : 0;
  const bottom = down ? height * (1 - COMPRESSED_SHARE) : height;
  const linear = scaleLinear().domain([lo, hi]).range([bottom, top]);

  const f = (v: number): number => {
    if (Number.isNaN(v)) return NaN;
    if (v > hi) {
      if (!up) return Math.max(-4, linear(v));
      return top - top * Math.min(1, g(v - hi) / gUp);
    }
    if (v < lo) {
      if (!down) return Math.min(height + 4, linear(v));
      return bottom + (height - bottom) * Math.min(1, g(lo - v) / gDown);
    }
    return linear(v);
  };

  // Band ticks first, then ±10^k in the compressed regions, thinned to stay legible.
  const candidates = linear.ticks(4);
  const outside: number[] = [];
  for (let k = -2; k <= 300; k++) {
    const p = Math.pow(10, k);
    if (up && p > hi + 0.5 * s && g(p - hi) <= gUp) outside.push(p);
    if (down && -p < lo - 0.5 * s && g(lo + p) <= gDown) outside.push(-p);
  }
  // A region with no power of ten in it still gets one tick: its extreme, to two digits.
  const twoDigits = (v: number) => Number(v.toPrecision(2));
  if (up && !outside.some((v) => v > 0)) {
    const top2 = twoDigits(dataMax);
    candidates.push(top2 <= dataMax ? top2 : twoDigits(dataMax * 0.95));
  }
  if (down && !outside.some((v) => v < 0)) {
    const bottom2 = twoDigits(dataMin);
    candidates.push(bottom2 >= dataMin ? bottom2 : twoDigits(dataMin * 0.95));
  }
  candidates.push(...outside);
  const ticks: number[] = [];
  for (const v of candidates) {
    const y = f(v);
    if (y >= -1 && y <= height + 1 && ticks.every((w) => Math.abs(f(w) - y) >= 15)) ticks.push(v);
  }
  return Object.assign(f, { lo, hi, up, down, ticks });
}

export function TaylorLine(props: TaylorLineProps) {
  const { curves, span, order, rhoA, rhoStar, tau, safe, width, height, colors, title, ref } =
    props;
  const svgRef = useSvgFigure(ref, colors.background);
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

  return (
    <div className="line-figure" style={{ width, height }}>
      <FigureSvg
        ref={svgRef}
        data-testid="taylor-svg"
        width={width}
        height={height}
        title={title}
        titleX={m.left}
        titleY={15}
        titleColor={colors.text}
      >
        <g transform={`translate(${m.left},${m.top})`}>
          <clipPath id="taylor-clip">
            <rect width={w} height={h} />
          </clipPath>
          {y.up && <rect width={w} height={y(y.hi)} fill={colors.muted} fillOpacity={0.1} />}
          {y.down && (
            <rect
              y={y(y.lo)}
              width={w}
              height={h - y(y.lo)}
              fill={colors.muted}
              fillOpacity={0.1}
            />
          )}
          <rect width={w} height={h} fill="none" stroke={colors.muted} />
          <g clipPath="url(#taylor-clip)">
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
          <g transform={`translate(0,${h})`} fill={colors.text}>
            {x.ticks(9).map((v) => (
              <g key={v} transform={`translate(${x(v)},0)`}>
                <line y2={6} stroke={colors.text} />
                <text y={20} textAnchor="middle">
                  {tickLabel(v)}
                </text>
              </g>
            ))}
            <text x={w / 2} y={36} textAnchor="middle">
              t (real step along v)
            </text>
          </g>
          <g fill={colors.text}>
            {y.ticks.map((v) => (
              <g key={v} transform={`translate(0,${y(v)})`}>
                <line x2={-6} stroke={colors.text} />
                <text x={-9} dy="0.32em" textAnchor="end">
                  {tickLabel(v)}
                </text>
              </g>
            ))}
            <text transform={`translate(${-50},${h / 2}) rotate(-90)`} textAnchor="middle">
              loss
            </text>
          </g>
          <LineLegend
            testId="taylor-legend"
            y={h + 54}
            maxWidth={w}
            color={colors.text}
            items={[
              {
                key: 'loss',
                label: 'L(t), true loss',
                width: 124,
                mark: <line x1={-10} x2={10} stroke={colors.loss} strokeWidth={2.5} />,
              },
              {
                key: 'taylor',
                label: `T_${order}(t), Taylor`,
                width: 124,
                mark: (
                  <line
                    x1={-10}
                    x2={10}
                    stroke={colors.taylor}
                    strokeWidth={2}
                    strokeDasharray="5 3"
                  />
                ),
              },
              {
                key: 'rhoa',
                label: '±ρ_a',
                width: 64,
                mark: (
                  <line
                    x1={-10}
                    x2={10}
                    stroke={colors.rhoA}
                    strokeWidth={2}
                    strokeDasharray="5 3"
                  />
                ),
              },
              {
                key: 'rhostar',
                label: '±ρ*',
                width: 60,
                mark: <line x1={-10} x2={10} stroke={colors.rhoStar} strokeWidth={2.5} />,
              },
              {
                key: 'tau',
                label: 'step τ',
                width: 64,
                mark: <path d="M0,-7l6,7l-6,7l-6,-7z" fill={stepColor} />,
              },
            ]}
          />
        </g>
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
