/**
 * One axis, drawn by React from ticks d3 computed: tick marks, their labels and the axis title.
 * Every chart's axes are this component, so they look alike and change together.
 */
import type { ReactNode } from 'react';
import { tickLabel } from './ticks';

export type AxisOrient = 'bottom' | 'left' | 'right';

export interface AxisProps {
  orient: AxisOrient;
  /** Data value → pixel along the axis. */
  scale: (v: number) => number;
  ticks: readonly number[];
  /** A tick's text; null draws it as a minor tick (half length, no text). */
  format?: (v: number) => string | null;
  color: string;
  /** Length of the axis (the plot's width or height): the title is centred on it. */
  length: number;
  title?: ReactNode;
  /** Distance from the axis line to the title's baseline (bottom) or centre (left, right). */
  titleOffset: number;
  tickSize?: number;
  /** Distance from the axis line to a tick's text; by default just past the tick. */
  textOffset?: number;
  /** Where the axis line sits in the plot's coordinates. */
  x?: number;
  y?: number;
  testId?: string;
}

/** Text placement per side: anchor, and the offset's sign (left goes towards negative x). */
const SIDE: Record<AxisOrient, { sign: number; anchor: 'middle' | 'end' | 'start' }> = {
  bottom: { sign: 1, anchor: 'middle' },
  left: { sign: -1, anchor: 'end' },
  right: { sign: 1, anchor: 'start' },
};

export function Axis(props: AxisProps) {
  const { orient, scale, ticks, format = tickLabel, color, length, title, titleOffset } = props;
  const { tickSize = 6, x = 0, y = 0, testId } = props;
  const { sign, anchor } = SIDE[orient];
  const horizontal = orient === 'bottom';
  // Labels under a bottom axis sit below the tick by a line's height; beside a vertical axis,
  // just past the tick.
  const textOffset = props.textOffset ?? tickSize + (horizontal ? 14 : 3);
  return (
    <g transform={`translate(${x},${y})`} fill={color} data-testid={testId}>
      {ticks.map((v) => {
        const label = format(v);
        const size = sign * (label === null ? tickSize / 2 : tickSize);
        return horizontal ? (
          <g key={v} transform={`translate(${scale(v)},0)`}>
            <line y2={size} stroke={color} />
            {label !== null && (
              <text y={textOffset} textAnchor={anchor}>
                {label}
              </text>
            )}
          </g>
        ) : (
          <g key={v} transform={`translate(0,${scale(v)})`}>
            <line x2={size} stroke={color} />
            {label !== null && (
              <text x={sign * textOffset} dy="0.32em" textAnchor={anchor}>
                {label}
              </text>
            )}
          </g>
        );
      })}
      {title !== undefined &&
        (horizontal ? (
          <text x={length / 2} y={titleOffset} textAnchor="middle">
            {title}
          </text>
        ) : (
          <text
            transform={`translate(${sign * titleOffset},${length / 2}) rotate(${90 * sign})`}
            textAnchor="middle"
          >
            {title}
          </text>
        ))}
    </g>
  );
}
