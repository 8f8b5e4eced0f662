/**
 * The figure shell every chart shares: the handle the export buttons call, the outer SVG
 * (sized, titled, labelled for screen readers) and the hook that exposes a chart as a handle.
 */
import {
  useImperativeHandle,
  useRef,
  type ReactNode,
  type Ref,
  type RefObject,
  type SVGProps,
} from 'react';
import { figureSvg } from './export';
import { usePlotScale } from './scale';

export interface FigureHandle {
  /** The figure as a standalone SVG document (raster embedded). */
  toSvg: () => string;
}

/** A canvas drawn under the SVG, at (x, y) of the figure; export embeds it as an image. */
export interface RasterSpec {
  canvas: RefObject<HTMLCanvasElement | null>;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Exposes a chart as a FigureHandle; returns the ref to put on its outer SVG. A chart with a
 * raster layer names its canvas, so the exported SVG carries the picture and needs no page.
 */
export function useSvgFigure(
  ref: Ref<FigureHandle> | undefined,
  background: string,
  raster?: RasterSpec,
) {
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = raster?.canvas;
  const { x = 0, y = 0, width = 0, height = 0 } = raster ?? {};
  useImperativeHandle(
    ref,
    () => ({
      toSvg: () => {
        const svg = svgRef.current;
        const canvas = canvasRef?.current;
        if (!svg || (canvasRef && !canvas)) throw new Error('the figure is not drawn yet');
        return figureSvg(svg, canvas ? [{ canvas, x, y, width, height }] : [], background);
      },
    }),
    [background, canvasRef, x, y, width, height],
  );
  return svgRef;
}

type FigureSvgProps = Omit<SVGProps<SVGSVGElement>, 'ref' | 'width' | 'height'> & {
  ref?: Ref<SVGSVGElement>;
  width: number;
  height: number;
  title: string;
  /** The picture's key numbers in words, read after the title (from the readouts' own data). */
  description?: string;
  /** Top-left corner of the plot area: children are drawn in its coordinates. */
  plot: { left: number; top: number };
  /** The title's baseline start; by default over the plot area's left edge. */
  titleX?: number;
  titleY?: number;
  titleColor: string;
  children: ReactNode;
};

/** The outer SVG of every all-SVG chart: sized, titled, labelled for screen readers, exportable. */
export function FigureSvg(props: FigureSvgProps) {
  const { ref, width, height, title, description, plot, titleColor, children, ...rest } = props;
  const { titleX = plot.left, titleY = 16, ...svgProps } = rest;
  const scale = usePlotScale();
  return (
    <svg
      ref={ref}
      width={width * scale}
      height={height * scale}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily="system-ui, sans-serif"
      fontSize={12}
      role="img"
      aria-label={description ? `${title}. ${description}` : title}
      {...svgProps}
    >
      <text x={titleX} y={titleY} fill={titleColor} fontSize={13} fontWeight={600}>
        {title}
      </text>
      <g transform={`translate(${plot.left},${plot.top})`}>{children}</g>
    </svg>
  );
}
