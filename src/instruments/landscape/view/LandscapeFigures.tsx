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
  const width = Math.max(300, boxWidth);
  const height = Math.max(240, boxHeight);
  // The slice takes a square on the left; the side column holds the data and the 1-D panel.
  const main = Math.min(height, Math.round(width * (embed ? 0.62 : 0.58)));
  const side = Math.max(160, width - main - 16);
  const pca = s.pca;
  const names: [string, string] = pca
    ? [
        `α (PC1, ${(100 * pca.explained[0]).toFixed(1)}% of variance)`,
        `β (PC2, ${(100 * pca.explained[1]).toFixed(1)}%)`,
      ]
    : ['α (δ)', 'β (η)'];
  const dataH = s.regions ? Math.min(side, Math.round(height * 0.5)) : 0;
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
            width={main + 120}
            height={main}
            colors={colors}
          />
        )}
        {s.slice && surface && (
          <Surface3d
            slice={s.slice}
            width={main + 120}
            height={main}
            background={colors.background}
          />
        )}
        {pca && (
          <p className="landscape-pca" data-testid="pca-explained">
            PCA of the trajectory: PC1 explains {(100 * pca.explained[0]).toFixed(1)}%, PC2{' '}
            {(100 * pca.explained[1]).toFixed(1)}%
          </p>
        )}
      </div>
      <div className="landscape-side" style={{ width: side - 120 }}>
        {s.regions && (
          <DataPlot
            samples={s.samples}
            regions={s.regions}
            bounds={s.bounds}
            grid={REGION_GRID}
            size={Math.max(120, Math.min(side - 120, dataH))}
            colors={colors}
          />
        )}
        {s.interp && (
          <InterpChart
            lines={[
              {
                key: 'now',
                label: `θ₀ → θ (step ${s.step})`,
                color: colors.loss,
                alphas: s.interp.alphas,
                loss: s.interp.loss,
              },
            ]}
            width={Math.max(160, side - 120)}
            height={Math.max(150, height - (s.regions ? Math.min(side - 120, dataH) : 0) - 8)}
            colors={colors}
          />
        )}
      </div>
    </div>
  );
}
