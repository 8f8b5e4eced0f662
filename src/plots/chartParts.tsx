/** Pieces shared by the SVG line charts (the real line, the spike series). */
import { format } from 'd3-format';
import { useImperativeHandle, useRef, type ReactNode, type Ref, type SVGProps } from 'react';
import type { FigureHandle } from '../instruments/ghosts/plots/ComplexPlane';
import { figureSvg } from './export';

const plainFormat = format('~g');
const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};

/** "10⁶" for large powers of ten, plain otherwise; a real minus sign throughout. */
export function tickLabel(v: number): string {
  const abs = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  const k = Math.round(Math.log10(abs));
  if (abs >= 1e4 && Math.abs(abs - Math.pow(10, k)) <= 1e-9 * abs) {
    const exp = [...String(k)].map((c) => SUPERSCRIPT[c] ?? c).join('');
    return `${sign}10${exp}`;
  }
  return plainFormat(v).replace('-', '−');
}

/** An SVG path through (x, y) points; NaN or infinite values break the line. */
export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number>): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] ?? NaN;
    const y = ys[i] ?? NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x.toFixed(2)},${y.toFixed(2)}`;
    pen = true;
  }
  return d;
}

export function extent(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return [min, max];
}

export interface LegendItem {
  key: string;
  label: string;
  width: number;
  mark: ReactNode;
}

/** Where each legend item goes: left to right, wrapping to a new row past maxWidth. */
function legendLayout(
  items: readonly { width: number }[],
  maxWidth: number,
): { positions: { x: number; y: number }[]; rows: number } {
  let cx = 12;
  let cy = 0;
  const positions: { x: number; y: number }[] = [];
  for (const item of items) {
    if (cx > 12 && cx + item.width > maxWidth) {
      cx = 12;
      cy += 18;
    }
    positions.push({ x: cx, y: cy });
    cx += item.width;
  }
  return { positions, rows: items.length > 0 ? cy / 18 + 1 : 0 };
}

/** Rows a LineLegend of these items takes within maxWidth (the same wrapping rule). */
export function legendRows(items: readonly { width: number }[], maxWidth: number): number {
  return legendLayout(items, maxWidth).rows;
}

/** A legend whose items flow left to right and wrap to a new row under a narrow plot. */
export function LineLegend(props: {
  testId?: string;
  x?: number;
  y: number;
  maxWidth: number;
  color: string;
  items: LegendItem[];
}) {
  const { testId, x = 0, y, maxWidth, color, items } = props;
  const { positions } = legendLayout(items, maxWidth);
  return (
    <g transform={`translate(${x},${y})`} data-testid={testId} fill={color}>
      {items.map((item, i) => (
        <g key={item.key} transform={`translate(${positions[i]?.x ?? 0},${positions[i]?.y ?? 0})`}>
          {item.mark}
          <text x={16} dy="0.32em">
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

type FigureSvgProps = Omit<SVGProps<SVGSVGElement>, 'ref' | 'width' | 'height'> & {
  ref?: Ref<SVGSVGElement>;
  width: number;
  height: number;
  title: string;
  titleX: number;
  titleY?: number;
  titleColor: string;
  children: ReactNode;
};

/** The outer SVG of every chart: sized, titled, labelled for screen readers, exportable as is. */
export function FigureSvg(props: FigureSvgProps) {
  const { ref, width, height, title, titleX, titleY = 16, titleColor, children, ...rest } = props;
  return (
    <svg
      ref={ref}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily="system-ui, sans-serif"
      fontSize={12}
      role="img"
      aria-label={title}
      {...rest}
    >
      <text x={titleX} y={titleY} fill={titleColor} fontSize={13} fontWeight={600}>
        {title}
      </text>
      {children}
    </svg>
  );
}

/** Exposes an all-SVG chart as a FigureHandle; returns the ref to put on its FigureSvg. */
export function useSvgFigure(ref: Ref<FigureHandle> | undefined, background: string) {
  const svgRef = useRef<SVGSVGElement>(null);
  useImperativeHandle(
    ref,
    () => ({
      toSvg: () => {
        const svg = svgRef.current;
        if (!svg) throw new Error('the figure is not drawn yet');
        return figureSvg(svg, [], background);
      },
    }),
    [background],
  );
  return svgRef;
}
