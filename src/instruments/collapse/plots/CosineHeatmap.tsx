/**
 * The K×K cosines of the centred class means as a heat map (diverging, −1 to 1), with class
 * colours along the edges and a colour bar that marks the simplex-ETF value −1/(K−1).
 */
import { interpolateRdBu } from 'd3-scale-chromatic';
import type { Ref } from 'react';
import { FigureSvg, useSvgFigure, type FigureHandle } from '../../../plots/figure';
import { formatNumber } from '../../../ui/format';
import { classColor } from './projection';

const M = { left: 22, right: 56, top: 30, bottom: 22 };

/** −1 → blue, 0 → white, 1 → red (RdBu reversed so positive reads warm). */
const cosColor = (c: number): string => interpolateRdBu(0.5 - 0.5 * Math.max(-1, Math.min(1, c)));

export function CosineHeatmap(props: {
  cos: Float64Array | null;
  K: number;
  size: number;
  colors: { text: string; background: string; muted: string };
  ref?: Ref<FigureHandle>;
}) {
  const { cos, K, size, colors, ref } = props;
  const svgRef = useSvgFigure(ref, colors.background);
  const side = Math.max(40, Math.min(size - M.left - M.right, size - M.top - M.bottom));
  const cell = side / Math.max(1, K);
  const target = -1 / (K - 1);
  const barY = (c: number) => side * (0.5 - 0.5 * c);
  const showValues = K <= 5 && cell >= 34;
  return (
    <FigureSvg
      ref={svgRef}
      data-testid="collapse-cosines"
      data-chart="cosines"
      width={size}
      height={side + M.top + M.bottom}
      title="cos of centred class means"
      plot={M}
      titleX={4}
      titleColor={colors.text}
    >
      {cos &&
        Array.from({ length: K * K }, (_, e) => {
          const a = Math.floor(e / K);
          const b = e % K;
          const c = cos[e] ?? 0;
          return (
            <g key={e}>
              <rect x={b * cell} y={a * cell} width={cell} height={cell} fill={cosColor(c)}>
                <title>{`classes ${a}, ${b}: ${formatNumber(c)}`}</title>
              </rect>
              {showValues && (
                <text
                  x={(b + 0.5) * cell}
                  y={(a + 0.5) * cell}
                  dy="0.32em"
                  textAnchor="middle"
                  fontSize={11}
                  fill={Math.abs(c) > 0.6 ? '#ffffff' : '#1d2330'}
                >
                  {c.toFixed(2)}
                </text>
              )}
            </g>
          );
        })}
      {Array.from({ length: K }, (_, k) => (
        <g key={k}>
          <rect x={-10} y={k * cell + 1} width={6} height={cell - 2} fill={classColor(k)} />
          <rect x={k * cell + 1} y={side + 4} width={cell - 2} height={6} fill={classColor(k)} />
        </g>
      ))}
      <rect width={side} height={side} fill="none" stroke={colors.muted} />
      <g transform={`translate(${side + 10},0)`}>
        {Array.from({ length: 40 }, (_, i) => {
          const c = 1 - (2 * i) / 40;
          return (
            <rect key={i} y={barY(c)} width={10} height={side / 40 + 0.5} fill={cosColor(c)} />
          );
        })}
        <rect width={10} height={side} fill="none" stroke={colors.muted} />
        {[1, 0, -1].map((v) => (
          <text key={v} x={14} y={barY(v)} dy="0.32em" fontSize={10} fill={colors.text}>
            {v}
          </text>
        ))}
        <line
          x1={-3}
          x2={13}
          y1={barY(target)}
          y2={barY(target)}
          stroke={colors.text}
          strokeWidth={2}
          data-testid="collapse-cosines-target"
        />
        <text x={14} y={barY(target) + 12} fontSize={10} fill={colors.text}>
          ETF
        </text>
        <text x={14} y={barY(target) + 24} fontSize={10} fill={colors.text}>
          {formatNumber(target)}
        </text>
      </g>
    </FigureSvg>
  );
}
