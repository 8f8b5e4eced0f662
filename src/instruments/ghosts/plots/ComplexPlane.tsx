/**
 * The complex t-plane: a dense raster (canvas) under an SVG of axes, circles, zero markers,
 * the step, a colour bar and a legend. The raster arrives already computed; this only draws.
 */
import { scaleLinear } from 'd3-scale';
import { format } from 'd3-format';
import { useEffect, useMemo, useRef, type Ref } from 'react';
import type { Complex } from '../../../science/complex';
import type { PlaneGrid } from '../science';
import {
  colorizeField,
  LOG_MODULUS_FLOOR,
  MODULUS_LUT,
  PHASE_LUT,
  type PlaneColorMode,
} from '../../../plots/colormap';
import { Axis } from '../../../plots/axes';
import { useSvgFigure, type FigureHandle } from '../../../plots/figure';
import { diamondMark, LineLegend, lineMark, type LegendItem } from '../../../plots/legend';
import { RasterFigure } from '../../../plots/RasterFigure';
import { useSvgId } from '../../../plots/svgId';
import { formatNumber } from '../../../ui/format';

export interface PlaneOverlay {
  zeros: readonly Complex[];
  nearest: Complex | null;
  rhoA: number;
  rhoStar: number;
  tau: number;
  safe: boolean;
}

export interface ComplexPlaneProps {
  field: Float32Array | null;
  grid: PlaneGrid | null;
  mode: PlaneColorMode;
  /** log K: the largest possible log|F e^{-s}|, top of the modulus colour bar. */
  logMax: number;
  overlay: PlaneOverlay;
  /** Side of the square plot area in CSS pixels. */
  side: number;
  colors: { text: string; background: string; muted: string };
  title: string;
  ref?: Ref<FigureHandle>;
}

export const PLANE_MARGIN = { left: 58, right: 92, top: 26, bottom: 86 };

const tickFormat = format('~g');
/** Dark outline under the white and yellow marks, legible over every colour of the raster. */
const HALO = 'rgba(0,0,0,0.55)';

/** The plane's key numbers in words, from the same overlay the marks are drawn from. */
export function planeDescription(o: PlaneOverlay): string {
  if (!Number.isFinite(o.rhoA)) return 'not computed yet';
  const zero = o.nearest
    ? `, nearest zero at ${formatNumber(o.nearest.re)} ${o.nearest.im < 0 ? '−' : '+'} ${formatNumber(Math.abs(o.nearest.im))}i`
    : '';
  const star = Number.isFinite(o.rhoStar) ? `, ρ* = ${formatNumber(o.rhoStar)}` : '';
  const verdict = o.safe
    ? 'safe, inside ρa'
    : o.tau < o.rhoStar
      ? 'past ρa, still inside ρ*'
      : 'past the nearest zero';
  return `ρa = ${formatNumber(o.rhoA)}${star}${zero}; step τ = ${formatNumber(o.tau)}, r = τ/ρa = ${formatNumber(o.tau / o.rhoA)}: ${verdict}`;
}

export function ComplexPlane(props: ComplexPlaneProps) {
  const { field, grid, mode, logMax, overlay, side, colors, title, ref } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const m = PLANE_MARGIN;
  const plot = { left: m.left, top: m.top, width: side, height: side };
  const svgRef = useSvgFigure(ref, colors.background, {
    canvas: canvasRef,
    x: m.left,
    y: m.top,
    width: side,
    height: side,
  });
  const clip = useSvgId('plane-clip');
  const width = m.left + side + m.right;
  const height = m.top + side + m.bottom;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !field || !grid) return;
    canvas.width = grid.width;
    canvas.height = grid.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(grid.width, grid.height);
    colorizeField(field, mode, logMax, image.data);
    ctx.putImageData(image, 0, 0);
  }, [field, grid, mode, logMax]);

  const x = useMemo(
    () =>
      scaleLinear()
        .domain([grid?.reMin ?? -1, grid?.reMax ?? 1])
        .range([0, side]),
    [grid, side],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([grid?.imMin ?? -1, grid?.imMax ?? 1])
        .range([side, 0]),
    [grid, side],
  );
  const px = x(1) - x(0);
  const inView = (t: Complex) =>
    grid !== null &&
    t.re >= grid.reMin &&
    t.re <= grid.reMax &&
    t.im >= grid.imMin &&
    t.im <= grid.imMax;
  const stepColor = overlay.safe ? '#3ddc84' : '#ff5a5f';

  return (
    <RasterFigure
      className="plane-figure"
      width={width}
      height={height}
      plot={plot}
      canvasRef={canvasRef}
      svgRef={svgRef}
      canvasTestId="plane-canvas"
      svgTestId="plane-svg"
      title={title}
      description={planeDescription(overlay)}
      titleColor={colors.text}
    >
      <rect width={side} height={side} fill="none" stroke={colors.muted} />
      <clipPath id={clip.id}>
        <rect width={side} height={side} />
      </clipPath>
      <g clipPath={clip.url}>
        <line x1={x(0)} x2={x(0)} y1={0} y2={side} stroke="white" strokeOpacity={0.35} />
        <line x1={0} x2={side} y1={y(0)} y2={y(0)} stroke="white" strokeOpacity={0.35} />
        {Number.isFinite(overlay.rhoA) && (
          <HaloCircle
            testId="circle-rho-a"
            cx={x(0)}
            cy={y(0)}
            r={overlay.rhoA * px}
            stroke="white"
            strokeWidth={2}
            dash="7 5"
          />
        )}
        {Number.isFinite(overlay.rhoStar) && (
          <HaloCircle
            testId="circle-rho-star"
            cx={x(0)}
            cy={y(0)}
            r={overlay.rhoStar * px}
            stroke="#ffd166"
            strokeWidth={2}
          />
        )}
        <line x1={x(0)} x2={x(overlay.tau)} y1={y(0)} y2={y(0)} stroke={HALO} strokeWidth={6} />
        <line
          x1={x(0)}
          x2={x(overlay.tau)}
          y1={y(0)}
          y2={y(0)}
          stroke={stepColor}
          strokeWidth={3}
        />
        <path
          data-testid="marker-tau"
          d={`M${x(overlay.tau)},${y(0) - 8}l7,8l-7,8l-7,-8z`}
          fill={stepColor}
          stroke={HALO}
          strokeWidth={1.5}
        />
        {overlay.zeros.filter(inView).map((t, i) => (
          <g key={i} transform={`translate(${x(t.re)},${y(t.im)})`} data-testid="zero-marker">
            <circle r={5.5} fill="white" stroke="black" strokeWidth={2} />
          </g>
        ))}
        {overlay.nearest && inView(overlay.nearest) && (
          <circle
            cx={x(overlay.nearest.re)}
            cy={y(overlay.nearest.im)}
            r={10}
            fill="none"
            stroke="#ffd166"
            strokeWidth={2.5}
          />
        )}
      </g>
      <Axis
        orient="bottom"
        y={side}
        scale={x}
        ticks={x.ticks(7)}
        format={tickFormat}
        color={colors.text}
        length={side}
        title="Re t"
        titleOffset={38}
      />
      <Axis
        orient="left"
        scale={y}
        ticks={y.ticks(7)}
        format={tickFormat}
        color={colors.text}
        length={side}
        title="Im t"
        titleOffset={44}
      />
      <ColorBar x={side + 18} y={0} height={side} mode={mode} logMax={logMax} color={colors.text} />
      <Legend
        x={-40}
        y={side + 54}
        maxWidth={side + m.right + 30}
        color={colors.text}
        stepColor={stepColor}
      />
    </RasterFigure>
  );
}

/** A circle with a dark halo under it, so it stays legible over every colour of the raster. */
function HaloCircle(props: {
  testId: string;
  cx: number;
  cy: number;
  r: number;
  stroke: string;
  strokeWidth: number;
  dash?: string;
}) {
  const { testId, cx, cy, r, stroke, strokeWidth, dash } = props;
  return (
    <g fill="none">
      <circle cx={cx} cy={cy} r={r} stroke={HALO} strokeWidth={4} />
      <circle
        data-testid={testId}
        cx={cx}
        cy={cy}
        r={r}
        stroke={stroke}
        strokeWidth={strokeWidth}
        strokeDasharray={dash}
      />
    </g>
  );
}

function ColorBar(props: {
  x: number;
  y: number;
  height: number;
  mode: PlaneColorMode;
  logMax: number;
  color: string;
}) {
  const { x, y, height, mode, logMax, color } = props;
  const modulus = mode === 'modulus';
  const lut = modulus ? MODULUS_LUT : PHASE_LUT;
  const domain: [number, number] = modulus ? [LOG_MODULUS_FLOOR, logMax] : [-Math.PI, Math.PI];
  const scale = scaleLinear().domain(domain).range([height, 0]);
  const stops = Array.from({ length: 17 }, (_, i) => {
    const j = 3 * Math.round((255 * i) / 16);
    return { offset: i / 16, color: `rgb(${lut[j] ?? 0},${lut[j + 1] ?? 0},${lut[j + 2] ?? 0})` };
  });
  const phaseLabels = new Map([
    [-Math.PI, '−π'],
    [-Math.PI / 2, '−π/2'],
    [0, '0'],
    [Math.PI / 2, 'π/2'],
    [Math.PI, 'π'],
  ]);
  const gradient = useSvgId(`cbar-${mode}`);
  return (
    <g transform={`translate(${x},${y})`} data-testid="color-bar">
      <defs>
        <linearGradient id={gradient.id} x1="0" x2="0" y1="1" y2="0">
          {stops.map((s) => (
            <stop key={s.offset} offset={s.offset} stopColor={s.color} />
          ))}
        </linearGradient>
      </defs>
      <rect width={14} height={height} fill={gradient.url} stroke={color} strokeOpacity={0.4} />
      <Axis
        orient="right"
        x={14}
        scale={scale}
        ticks={modulus ? scale.ticks(6) : [...phaseLabels.keys()]}
        format={(v) => (modulus ? tickFormat(v) : (phaseLabels.get(v) ?? ''))}
        tickSize={5}
        textOffset={8}
        color={color}
        length={height}
        title={
          modulus ? 'log|F| − max term' : mode === 'domain' ? 'arg F (dark: |F| small)' : 'arg F'
        }
        titleOffset={48}
      />
    </g>
  );
}

function Legend(props: {
  x: number;
  y: number;
  maxWidth: number;
  color: string;
  stepColor: string;
}) {
  const { x, y, maxWidth, color, stepColor } = props;
  // Widths fit each label, so the legend fits under a plot as small as an embed's.
  const items: LegendItem[] = [
    {
      key: 'zero',
      label: 'ghost (zero of F)',
      width: 134,
      mark: <circle r={5} fill="white" stroke="black" strokeWidth={2} />,
    },
    {
      key: 'rhoa',
      label: 'ρ_a = π/Δ_a',
      width: 112,
      mark: lineMark(color, 2, '5 3'),
    },
    {
      key: 'rhostar',
      label: 'ρ* = |nearest zero|',
      width: 150,
      mark: lineMark('#ffd166'),
    },
    {
      key: 'tau',
      label: 'step τ',
      width: 64,
      mark: diamondMark(stepColor),
    },
  ];
  return (
    <LineLegend testId="plane-legend" x={x} y={y} maxWidth={maxWidth} color={color} items={items} />
  );
}
