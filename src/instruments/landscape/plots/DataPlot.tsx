/** 2-D data points over the model's decision regions (argmax class on a grid), as it trains. */
import { useEffect, useRef } from 'react';
import { RasterFigure } from '../../../plots/RasterFigure';
import type { Samples } from '../science/shape';

export const CLASS_COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

function rgbOf(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

export interface DataPlotProps {
  samples: Samples;
  regions: Uint8Array;
  bounds: [number, number, number, number];
  grid: number;
  size: number;
  colors: { text: string; background: string };
}

export function DataPlot({ samples, regions, bounds, grid, size, colors }: DataPlotProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const pad = { left: 8, top: 24, width: size - 16, height: size - 32 };
  useEffect(() => {
    const c = canvasRef.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    c.width = grid;
    c.height = grid;
    const img = ctx.createImageData(grid, grid);
    for (let j = 0; j < grid; j++) {
      for (let i = 0; i < grid; i++) {
        const [r, g, b] = rgbOf(CLASS_COLORS[regions[j * grid + i] ?? 0] ?? '#888888');
        const p = 4 * ((grid - 1 - j) * grid + i);
        // Pale: the regions sit under the points.
        img.data.set(
          [255 - 0.35 * (255 - r), 255 - 0.35 * (255 - g), 255 - 0.35 * (255 - b), 255],
          p,
        );
      }
    }
    ctx.putImageData(img, 0, 0);
  }, [regions, grid]);
  const [x0, x1, y0, y1] = bounds;
  const px = (v: number) => ((v - x0) / (x1 - x0)) * pad.width;
  const py = (v: number) => pad.height - ((v - y0) / (y1 - y0)) * pad.height;
  const pts: React.ReactNode[] = [];
  for (let i = 0; i < samples.n; i++) {
    pts.push(
      <circle
        key={i}
        cx={px(samples.x[2 * i] ?? 0)}
        cy={py(samples.x[2 * i + 1] ?? 0)}
        r={2.6}
        fill={CLASS_COLORS[samples.y[i] ?? 0] ?? '#888'}
        stroke="#fff"
        strokeWidth={0.6}
      />,
    );
  }
  return (
    <RasterFigure
      className="landscape-data"
      width={size}
      height={size}
      plot={pad}
      canvasRef={canvasRef}
      svgRef={svgRef}
      canvasTestId="regions-canvas"
      svgTestId="data-svg"
      title="data, decision regions"
      titleColor={colors.text}
    >
      {pts}
    </RasterFigure>
  );
}
