/**
 * The slice f(α, β) as a heat map on a log colour scale with d3-contour lines, the current θ at
 * the centre, the grid minimum marked and, for dirs=pca, the trajectory projected on the plane.
 */
import { useEffect, useMemo, useRef, type Ref } from 'react';
import { Axis } from '../../../plots/axes';
import { MODULUS_LUT } from '../../../plots/colormap';
import { useSvgFigure, type FigureHandle } from '../../../plots/figure';
import { RasterFigure } from '../../../plots/RasterFigure';
import { useSvgId } from '../../../plots/svgId';
import type { SliceResult } from '../compute/protocol';
import { contourPaths, gridScale, logRange, paintSlice } from './sliceScale';

export interface SliceHeatmapProps {
  slice: SliceResult;
  span: number;
  /** PCA path (α, β interleaved), or null. */
  path: Float64Array | null;
  axisNames: [string, string];
  width: number;
  height: number;
  colors: { text: string; background: string; muted: string };
  ref?: Ref<FigureHandle> | undefined;
}

const MARGIN = { left: 48, right: 62, top: 26, bottom: 44 };
const LEVELS = 12;

export function SliceHeatmap({
  slice,
  span,
  path,
  axisNames,
  colors,
  width: boxWidth,
  height: boxHeight,
  ref,
}: SliceHeatmapProps) {
  const g = slice.alphas.length;
  const side = Math.max(
    80,
    Math.min(boxWidth - MARGIN.left - MARGIN.right, boxHeight - MARGIN.top - MARGIN.bottom),
  );
  const plot = { left: MARGIN.left, top: MARGIN.top, width: side, height: side };
  const width = side + MARGIN.left + MARGIN.right;
  const height = side + MARGIN.top + MARGIN.bottom;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useSvgFigure(ref, colors.background, {
    canvas: canvasRef,
    ...plot,
    x: plot.left,
    y: plot.top,
  });
  const clip = useSvgId('slice-clip');
  const range = useMemo(() => logRange(slice.loss), [slice.loss]);
  const lines = useMemo(
    () => contourPaths(slice.loss, g, range, LEVELS, side, side),
    [slice.loss, g, range, side],
  );

  useEffect(() => {
    const c = canvasRef.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    c.width = g;
    c.height = g;
    const img = ctx.createImageData(g, g);
    paintSlice(slice.loss, g, range, MODULUS_LUT, img.data);
    ctx.putImageData(img, 0, 0);
  }, [slice.loss, g, range]);

  const x = gridScale(span, g, side);
  const y = (v: number) => side - gridScale(span, g, side)(v);
  const ticks = [-span, -span / 2, 0, span / 2, span];
  const pathD = path
    ? Array.from(
        { length: path.length / 2 },
        (_, i) =>
          `${i === 0 ? 'M' : 'L'}${x(path[2 * i] ?? 0).toFixed(1)},${y(path[2 * i + 1] ?? 0).toFixed(1)}`,
      ).join('')
    : null;
  const barH = side;
  const legendTicks = [range[0], (range[0] + range[1]) / 2, range[1]];
  return (
    <RasterFigure
      className="landscape-heatmap"
      width={width}
      height={height}
      plot={plot}
      canvasRef={canvasRef}
      svgRef={svgRef}
      canvasTestId="slice-canvas"
      svgTestId="slice-svg"
      title={`f(α, β) = L(θ + αδ + βη), log colour, ${g}×${g}`}
      titleColor={colors.text}
    >
      <defs>
        <clipPath id={clip.id}>
          <rect width={side} height={side} />
        </clipPath>
        <linearGradient id={`${clip.id}-bar`} x1="0" x2="0" y1="1" y2="0">
          {Array.from({ length: 9 }, (_, k) => {
            const i = 3 * Math.round((255 * k) / 8);
            return (
              <stop
                key={k}
                offset={k / 8}
                stopColor={`rgb(${MODULUS_LUT[i] ?? 0},${MODULUS_LUT[i + 1] ?? 0},${MODULUS_LUT[i + 2] ?? 0})`}
              />
            );
          })}
        </linearGradient>
      </defs>
      <g clipPath={clip.url} data-testid="slice-contours">
        {lines.map((d, k) => (
          <path key={k} d={d} fill="none" stroke="rgba(255,255,255,0.55)" strokeWidth={0.8} />
        ))}
        {pathD && (
          <path
            d={pathD}
            data-testid="pca-path"
            fill="none"
            stroke="#ff7043"
            strokeWidth={2}
            strokeLinejoin="round"
          />
        )}
      </g>
      <circle
        cx={x(0)}
        cy={y(0)}
        r={5}
        fill="none"
        stroke="#fff"
        strokeWidth={2}
        data-testid="slice-center"
      >
        <title>current θ (α = β = 0)</title>
      </circle>
      <path
        data-testid="slice-min"
        transform={`translate(${x(slice.min.alpha)},${y(slice.min.beta)})`}
        d="M-6,-6L6,6M-6,6L6,-6"
        stroke="#ff5252"
        strokeWidth={2.5}
      >
        <title>grid minimum</title>
      </path>
      <Axis
        orient="bottom"
        scale={x}
        ticks={ticks}
        color={colors.text}
        length={side}
        y={side}
        title={axisNames[0]}
        titleOffset={32}
      />
      <Axis
        orient="left"
        scale={y}
        ticks={ticks}
        color={colors.text}
        length={side}
        title={axisNames[1]}
        titleOffset={36}
      />
      <g transform={`translate(${side + 14},0)`}>
        <rect width={12} height={barH} fill={`url(#${clip.id}-bar)`} />
        {legendTicks.map((t) => {
          const py = barH - ((t - range[0]) / (range[1] - range[0] || 1)) * barH;
          return (
            <text key={t} x={16} y={py + 4} fill={colors.text} fontSize={11}>
              {Number((10 ** t).toPrecision(3))}
            </text>
          );
        })}
      </g>
    </RasterFigure>
  );
}
