/** The figures of one state, laid out in the box the view gives them. */
import type { Ref } from 'react';
import type { ThemeColors } from '../../../app/theme';
import type { FigureHandle } from '../../../plots/figure';
import type { Shown } from '../compute/client';
import { REGION_GRID } from '../compute/protocol';
import { DataPlot } from '../plots/DataPlot';
import { InterpChart } from '../plots/InterpChart';
import { SliceHeatmap } from '../plots/SliceHeatmap';
import { Surface3d } from '../plots/Surface3d';
import { endLabel } from './pins';
import { usePlotScale } from '../../../plots/scale';

export function LandscapeFigures({
  state: s,
  span,
  surface,
  embed,
  colors,
  width: boxWidth,
  height: boxHeight,
  ref,
}: {
  state: Shown;
  span: number;
  surface: boolean;
  embed: boolean;
  width: number;
  height: number;
  colors: ThemeColors;
  ref?: Ref<FigureHandle>;
}) {
  // An embed's frame may be as small as 480×270: there the figures shrink rather than spill.
  const width = Math.max(embed ? 160 : 300, boxWidth);
  const height = Math.max(embed ? 100 : 200, boxHeight);
  // The slice takes the left (a square plus its colour bar); the side column holds the data
  // with its decision regions and the 1-D panel; a small embed shows the slice alone.
  const showSide = !embed || width >= 420;
  // Chart units: the charts are drawn at the plot scale, so their column is as much wider.
  const scale = usePlotScale();
  const sideW = Math.max(150, Math.min(embed ? 200 : 240, Math.round(width * 0.36)));
  const mainW = showSide ? width - sideW - 16 : width;
  const pca = s.pca;
  const names: [string, string] = pca
    ? [
        `α: PC1 (${(100 * pca.explained[0]).toFixed(1)}% of variance)`,
        `β: PC2 (${(100 * pca.explained[1]).toFixed(1)}%)`,
      ]
    : ['α (along δ)', 'β (along η)'];
  const dataH = s.regions ? Math.min(sideW, Math.round(height * 0.48)) : 0;
  const mainH = height - (pca ? 22 : 0);
  const ip = s.interp;
  const ends = ip ? ([endLabel(ip.from), endLabel(ip.to)] as const) : null;
  return (
    <div
      className="landscape-grid"
      data-testid="landscape-figures"
      data-step={s.step}
      data-coarse={s.coarse ? '1' : '0'}
    >
      <div className="landscape-slice">
        {s.slice && !surface && (
          <SliceHeatmap
            ref={ref}
            slice={s.slice}
            span={span}
            path={pca?.path ?? null}
            axisNames={names}
            width={mainW}
            height={mainH}
            colors={colors}
          />
        )}
        {s.slice && surface && (
          <Surface3d slice={s.slice} width={mainW} height={mainH} background={colors.background} />
        )}
        {pca && (
          <p className="landscape-pca" data-testid="pca-explained">
            PCA of the trajectory: PC1 explains {(100 * pca.explained[0]).toFixed(1)}%, PC2{' '}
            {(100 * pca.explained[1]).toFixed(1)}%
          </p>
        )}
      </div>
      {showSide && (
        <div className="landscape-side" style={{ width: sideW * scale }}>
          {s.regions && (
            <DataPlot
              samples={s.samples}
              regions={s.regions}
              bounds={s.bounds}
              grid={REGION_GRID}
              size={dataH}
              colors={colors}
            />
          )}
          {ip && ends && (
            <InterpChart
              title={
                ip.from.kind === 'initial' && ip.to.kind === 'current'
                  ? '1-D: L((1−α)θ₀ + αθ)'
                  : '1-D: L((1−α)θ_a + αθ_b)'
              }
              ends={ends}
              lines={[
                {
                  key: 'pair',
                  label: `${ends[0]} → ${ends[1]}`,
                  color: colors.loss,
                  alphas: ip.alphas,
                  loss: ip.loss,
                },
              ]}
              width={sideW}
              height={Math.max(140, height - dataH - 8)}
              colors={colors}
            />
          )}
        </div>
      )}
    </div>
  );
}
