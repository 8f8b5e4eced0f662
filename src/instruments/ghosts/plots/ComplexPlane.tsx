/**
 * The complex t-plane: a dense raster (canvas) under an SVG of axes, circles, zero markers,
 * the step, a colour bar and a legend. The raster arrives already computed; this only draws.
 */
import { scaleLinear } from 'd3-scale';
import { format } from 'd3-format';
import { useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import type { Complex } from '../../../science/complex';
import type { PlaneGrid } from '../science';
import {
  colorizeField,
  LOG_MODULUS_FLOOR,
  MODULUS_LUT,
  PHASE_LUT,
  type PlaneColorMode,
} from '../../../plots/colormap';
import { figureSvg } from '../../../plots/export';
import { LineLegend, type LegendItem } from '../../../plots/chartParts';

export interface FigureHandle {
  /** The figure as a standalone SVG document (raster embedded). */
  toSvg: () => string;
}

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

export function ComplexPlane(props: ComplexPlaneProps) {
  const { field, grid, mode, logMax, overlay, side, colors, title, ref } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const m = PLANE_MARGIN;
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

  useImperativeHandle(
    ref,
    () => ({
      toSvg: () => {
        const svg = svgRef.current;
        const canvas = canvasRef.current;
        if (!svg || !canvas) throw new Error('the figure is not drawn yet');
        return figureSvg(
          svg,
          [{ canvas, x: m.left, y: m.top, width: side, height: side }],
          colors.background,
        );
      },
    }),
    [side, colors.background, m.left, m.top],
  );

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
  const halo = 'rgba(0,0,0,0.55)';
  const stepColor = overlay.safe ? '#3ddc84' : '#ff5a5f';

  return (
    <div className="plane-figure" style={{ width, height }}>
      <canvas
        ref={canvasRef}
        data-testid="plane-canvas"
        aria-label={title}
        role="img"
        style={{ position: 'absolute', left: m.left, top: m.top, width: side, height: side }}
      />
      <svg
        ref={svgRef}
        data-testid="plane-svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        style={{ position: 'absolute', left: 0, top: 0 }}
        fontFamily="system-ui, sans-serif"
        fontSize={12}
      >
        <text x={m.left} y={16} fill={colors.text} fontSize={13} fontWeight={600}>
          {title}
        </text>
        <g transform={`translate(${m.left},${m.top})`}>
          <rect width={side} height={side} fill="none" stroke={colors.muted} />
          <clipPath id="plane-clip">
            <rect width={side} height={side} />
          </clipPath>
          <g clipPath="url(#plane-clip)">
            <line x1={x(0)} x2={x(0)} y1={0} y2={side} stroke="white" strokeOpacity={0.35} />
            <line x1={0} x2={side} y1={y(0)} y2={y(0)} stroke="white" strokeOpacity={0.35} />
            {Number.isFinite(overlay.rhoA) && (
              <g fill="none">
                <circle cx={x(0)} cy={y(0)} r={overlay.rhoA * px} stroke={halo} strokeWidth={4} />
                <circle
                  data-testid="circle-rho-a"
                  cx={x(0)}
                  cy={y(0)}
                  r={overlay.rhoA * px}
                  stroke="white"
                  strokeWidth={2}
                  strokeDasharray="7 5"
                />
              </g>
            )}
            {Number.isFinite(overlay.rhoStar) && (
              <g fill="none">
                <circle
                  cx={x(0)}
                  cy={y(0)}
                  r={overlay.rhoStar * px}
                  stroke={halo}
                  strokeWidth={4}
                />
                <circle
                  data-testid="circle-rho-star"
                  cx={x(0)}
                  cy={y(0)}
                  r={overlay.rhoStar * px}
                  stroke="#ffd166"
                  strokeWidth={2}
                />
              </g>
            )}
            <line x1={x(0)} x2={x(overlay.tau)} y1={y(0)} y2={y(0)} stroke={halo} strokeWidth={6} />
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
              stroke={halo}
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
          <g transform={`translate(0,${side})`} fill={colors.text}>
            {x.ticks(7).map((v) => (
              <g key={v} transform={`translate(${x(v)},0)`}>
                <line y2={6} stroke={colors.text} />
                <text y={20} textAnchor="middle">
                  {tickFormat(v)}
                </text>
              </g>
            ))}
            <text x={side / 2} y={38} textAnchor="middle">
              Re t
            </text>
          </g>
          <g fill={colors.text}>
            {y.ticks(7).map((v) => (
              <g key={v} transform={`translate(0,${y(v)})`}>
                <line x2={-6} stroke={colors.text} />
                <text x={-9} dy="0.32em" textAnchor="end">
                  {tickFormat(v)}
                </text>
              </g>
            ))}
            <text transform={`translate(${-44},${side / 2}) rotate(-90)`} textAnchor="middle">
              Im t
            </text>
          </g>
        </g>
        <ColorBar
          x={m.left + side + 18}
          y={m.top}
          height={side}
          mode={mode}
          logMax={logMax}
          color={colors.text}
        />
        <Legend
          x={m.left - 40}
          y={m.top + side + 54}
          maxWidth={side + m.right + 30}
          color={colors.text}
          stepColor={stepColor}
        />
      </svg>
    </div>
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
  const ticks = modulus
    ? scale.ticks(6).map((v) => ({ v, label: tickFormat(v) }))
    : [
        { v: -Math.PI, label: '−π' },
        { v: -Math.PI / 2, label: '−π/2' },
        { v: 0, label: '0' },
        { v: Math.PI / 2, label: 'π/2' },
        { v: Math.PI, label: 'π' },
      ];
  const id = `cbar-${mode}`;
  return (
    <g transform={`translate(${x},${y})`} data-testid="color-bar">
      <defs>
        <linearGradient id={id} x1="0" x2="0" y1="1" y2="0">
          {stops.map((s) => (
            <stop key={s.offset} offset={s.offset} stopColor={s.color} />
          ))}
        </linearGradient>
      </defs>
      <rect width={14} height={height} fill={`url(#${id})`} stroke={color} strokeOpacity={0.4} />
      {ticks.map((t) => (
        <g key={t.v} transform={`translate(14,${scale(t.v)})`} fill={color}>
          <line x2={5} stroke={color} />
          <text x={8} dy="0.32em">
            {t.label}
          </text>
        </g>
      ))}
      <text transform={`translate(62,${height / 2}) rotate(90)`} textAnchor="middle" fill={color}>
        {modulus ? 'log|F| − max term' : mode === 'domain' ? 'arg F (dark: |F| small)' : 'arg F'}
      </text>
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
      mark: <line x1={-10} x2={10} stroke={color} strokeWidth={2} strokeDasharray="5 3" />,
    },
    {
      key: 'rhostar',
      label: 'ρ* = |nearest zero|',
      width: 150,
      mark: <line x1={-10} x2={10} stroke="#ffd166" strokeWidth={2.5} />,
    },
    {
      key: 'tau',
      label: 'step τ',
      width: 64,
      mark: <path d="M0,-7l6,7l-6,7l-6,-7z" fill={stepColor} />,
    },
  ];
  return (
    <LineLegend testId="plane-legend" x={x} y={y} maxWidth={maxWidth} color={color} items={items} />
  );
}
