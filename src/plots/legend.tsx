/** The legend every chart shares: items flow left to right and wrap under a narrow plot. */
import type { ReactNode } from 'react';

export interface LegendItem {
  key: string;
  label: string;
  /** Room the item takes (mark and label), in pixels; the wrapping rule adds these up. */
  width: number;
  mark: ReactNode;
}

const ROW = 18;
const INDENT = 12;

/** Where each legend item goes: left to right, wrapping to a new row past maxWidth. */
function legendLayout(
  items: readonly { width: number }[],
  maxWidth: number,
): { positions: { x: number; y: number }[]; rows: number } {
  let cx = INDENT;
  let cy = 0;
  const positions: { x: number; y: number }[] = [];
  for (const item of items) {
    if (cx > INDENT && cx + item.width > maxWidth) {
      cx = INDENT;
      cy += ROW;
    }
    positions.push({ x: cx, y: cy });
    cx += item.width;
  }
  return { positions, rows: items.length > 0 ? cy / ROW + 1 : 0 };
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
  items: readonly LegendItem[];
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

/** A legend mark for a line: a short stroke in its colour, width and dash. */
export function lineMark(color: string, strokeWidth = 2.5, dash?: string): ReactNode {
  return <line x1={-10} x2={10} stroke={color} strokeWidth={strokeWidth} strokeDasharray={dash} />;
}

/** A legend mark for the step τ: the diamond the charts draw at the step. */
export function diamondMark(color: string): ReactNode {
  return <path d="M0,-7l6,7l-6,7l-6,-7z" fill={color} />;
}
