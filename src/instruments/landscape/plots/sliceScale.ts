/**
 * Pure helpers of the slice picture: the log colour scale, grid ↔ plot coordinates, and the
 * d3-contour levels of log f as SVG paths.
 */
import { contours } from 'd3-contour';

/** log10 of the loss, floored so a zero loss still has a colour. */
export const logLoss = (v: number): number => Math.log10(Math.max(v, 1e-6));

export function logRange(loss: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < loss.length; i++) {
    const v = loss[i] ?? NaN;
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, logLoss(v));
    hi = Math.max(hi, logLoss(v));
  }
  if (!(hi > lo)) return [lo - 0.5, lo + 0.5];
  return [lo, hi];
}

/** Fills RGBA pixels (row 0 at the top, so β grows upwards) from the 256-entry LUT. */
export function paintSlice(
  loss: ArrayLike<number>,
  g: number,
  [lo, hi]: [number, number],
  lut: Uint8Array,
  out: Uint8ClampedArray,
): void {
  for (let j = 0; j < g; j++) {
    for (let i = 0; i < g; i++) {
      const v = loss[j * g + i] ?? NaN;
      const row = g - 1 - j;
      const p = 4 * (row * g + i);
      if (!Number.isFinite(v)) {
        out.set([255, 0, 255, 255], p);
        continue;
      }
      const t = Math.min(1, Math.max(0, (logLoss(v) - lo) / (hi - lo)));
      const k = 3 * Math.round(255 * t);
      out[p] = lut[k] ?? 0;
      out[p + 1] = lut[k + 1] ?? 0;
      out[p + 2] = lut[k + 2] ?? 0;
      out[p + 3] = 255;
    }
  }
}

/** Plot x of α (cells are centred on the axis values; the grid is symmetric about 0). */
export const gridScale =
  (span: number, g: number, size: number) =>
  (v: number): number =>
    ((((v + span) / (2 * span)) * (g - 1) + 0.5) / g) * size;

/**
 * Contour lines of log10 f at `levels` evenly spaced levels, as SVG paths in plot coordinates
 * (d3-contour works in grid units: cell i spans [i, i + 1]; rows are β, drawn upwards).
 */
export function contourPaths(
  loss: ArrayLike<number>,
  g: number,
  range: [number, number],
  levels: number,
  width: number,
  height: number,
): string[] {
  const values = Array.from({ length: g * g }, (_, i) => logLoss(loss[i] ?? NaN));
  const [lo, hi] = range;
  const thresholds = Array.from(
    { length: levels },
    (_, k) => lo + ((k + 1) * (hi - lo)) / (levels + 1),
  );
  const sx = width / g;
  const sy = height / g;
  return contours()
    .size([g, g])
    .thresholds(thresholds)(values)
    .map((mp) =>
      mp.coordinates
        .flatMap((poly) =>
          poly.map(
            (ring) =>
              'M' +
              ring
                .map(([x = 0, y = 0]) => `${(x * sx).toFixed(1)},${(height - y * sy).toFixed(1)}`)
                .join('L') +
              'Z',
          ),
        )
        .join(''),
    );
}
