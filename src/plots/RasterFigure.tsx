/**
 * A figure whose picture is a dense raster: a canvas under the plot area and an SVG over the
 * whole figure for title, axes and marks. The canvas carries the accessible name (it is the
 * picture); export embeds it in the SVG through useSvgFigure's raster.
 */
import type { ReactNode, Ref } from 'react';
import { usePlotScale } from './scale';

export interface RasterFigureProps {
  className: string;
  width: number;
  height: number;
  /** The plot area, where the canvas lies; children are drawn in its coordinates. */
  plot: { left: number; top: number; width: number; height: number };
  canvasRef: Ref<HTMLCanvasElement>;
  svgRef: Ref<SVGSVGElement>;
  canvasTestId: string;
  svgTestId: string;
  title: string;
  /** The picture's key numbers in words, read after the title (from the readouts' own data). */
  description?: string;
  titleColor: string;
  children: ReactNode;
}

export function RasterFigure(props: RasterFigureProps) {
  const { className, width, height, plot, canvasRef, svgRef, title, description, titleColor } =
    props;
  const s = usePlotScale();
  return (
    <div className={className} style={{ width: width * s, height: height * s }}>
      <canvas
        ref={canvasRef}
        data-testid={props.canvasTestId}
        aria-label={description ? `${title}. ${description}` : title}
        role="img"
        style={{
          position: 'absolute',
          left: plot.left * s,
          top: plot.top * s,
          width: plot.width * s,
          height: plot.height * s,
        }}
      />
      <svg
        ref={svgRef}
        data-testid={props.svgTestId}
        width={width * s}
        height={height * s}
        viewBox={`0 0 ${width} ${height}`}
        style={{ position: 'absolute', left: 0, top: 0 }}
        // The canvas is the picture and carries its text alternative; the marks over it repeat it.
        aria-hidden="true"
        fontFamily="system-ui, sans-serif"
        fontSize={12}
      >
        <text x={plot.left} y={16} fill={titleColor} fontSize={13} fontWeight={600}>
          {title}
        </text>
        <g transform={`translate(${plot.left},${plot.top})`}>{props.children}</g>
      </svg>
    </div>
  );
}
