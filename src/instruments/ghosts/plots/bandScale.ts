/**
 * The real line's y-axis: linear over the loss's own range and log-compressed beyond it (a symlog
 * about that band), so a Taylor polynomial that blows up past ρ* stays on the chart and the loss
 * itself stays readable.
 */
import { scaleLinear } from 'd3-scale';

/** Share of the plot height given to each log-compressed region (above and below the band). */
const COMPRESSED_SHARE = 0.24;
/** Magnitudes beyond band ± width·1e15 are drawn at the edge. */
const MAX_DECADES = 15;

export interface BandScale {
  (v: number): number;
  /** The linear band, in data units. */
  lo: number;
  hi: number;
  /** Whether a log-compressed region is drawn above / below the band. */
  up: boolean;
  down: boolean;
  ticks: number[];
}

/**
 * Linear over [lo, hi] (the loss, padded), and log10(1 + d/s) beyond it (d the distance past the
 * band, s its width) up to the data's extreme, so each extra decade of blow-up costs a fixed
 * number of pixels. `height` is the plot height; 0 is the top.
 */
export function bandScale(
  lossMin: number,
  lossMax: number,
  dataMin: number,
  dataMax: number,
  height: number,
): BandScale {
  const range = Math.max(lossMax - lossMin, 0.1 * Math.abs(lossMax), 1e-6);
  const lo = lossMin - 0.12 * range;
  const hi = lossMax + 0.12 * range;
  const s = hi - lo;
  const g = (d: number) => Math.log10(1 + d / s);
  const gMax = MAX_DECADES;
  // A little overshoot is drawn in the band's own scale; only real blow-up gets a log region.
  const up = dataMax > hi + 0.5 * s;
  const down = dataMin < lo - 0.5 * s;
  const gUp = up ? Math.min(g(dataMax - hi), gMax) : 1;
  const gDown = down ? Math.min(g(lo - dataMin), gMax) : 1;
  const top = up ? COMPRESSED_SHARE * height : 0;
  const bottom = down ? height * (1 - COMPRESSED_SHARE) : height;
  const linear = scaleLinear().domain([lo, hi]).range([bottom, top]);

  const f = (v: number): number => {
    if (Number.isNaN(v)) return NaN;
    if (v > hi) {
      if (!up) return Math.max(-4, linear(v));
      return top - top * Math.min(1, g(v - hi) / gUp);
    }
    if (v < lo) {
      if (!down) return Math.min(height + 4, linear(v));
      return bottom + (height - bottom) * Math.min(1, g(lo - v) / gDown);
    }
    return linear(v);
  };

  // Band ticks first, then ±10^k in the compressed regions, thinned to stay legible.
  const candidates = linear.ticks(4);
  const outside: number[] = [];
  for (let k = -2; k <= 300; k++) {
    const p = Math.pow(10, k);
    if (up && p > hi + 0.5 * s && g(p - hi) <= gUp) outside.push(p);
    if (down && -p < lo - 0.5 * s && g(lo + p) <= gDown) outside.push(-p);
  }
  // A region with no power of ten in it still gets one tick: its extreme, to two digits.
  const twoDigits = (v: number) => Number(v.toPrecision(2));
  if (up && !outside.some((v) => v > 0)) {
    const top2 = twoDigits(dataMax);
    candidates.push(top2 <= dataMax ? top2 : twoDigits(dataMax * 0.95));
  }
  if (down && !outside.some((v) => v < 0)) {
    const bottom2 = twoDigits(dataMin);
    candidates.push(bottom2 >= dataMin ? bottom2 : twoDigits(dataMin * 0.95));
  }
  candidates.push(...outside);
  const ticks: number[] = [];
  for (const v of candidates) {
    const y = f(v);
    if (y >= -1 && y <= height + 1 && ticks.every((w) => Math.abs(f(w) - y) >= 15)) ticks.push(v);
  }
  return Object.assign(f, { lo, hi, up, down, ticks });
}
