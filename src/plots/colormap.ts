/**
 * Colour maps for the complex plane as 256-entry lookup tables built once with d3, so that
 * colouring a 1024² field is one table lookup per pixel.
 */
import { rgb } from 'd3-color';
import { interpolateSinebow, interpolateViridis } from 'd3-scale-chromatic';

export type PlaneColorMode = 'domain' | 'modulus' | 'phase';

/** log|F e^{-s}| is at most log K; below this floor every pixel is "at a zero". */
export const LOG_MODULUS_FLOOR = -8;

function lut(interpolate: (t: number) => string): Uint8Array {
  const out = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const c = rgb(interpolate(i / 255));
    out.set([c.r, c.g, c.b], 3 * i);
  }
  return out;
}

export const PHASE_LUT = lut(interpolateSinebow);
export const MODULUS_LUT = lut(interpolateViridis);

export const phaseFraction = (phase: number): number => (phase + Math.PI) / (2 * Math.PI);

export const modulusFraction = (logMag: number, logMax: number): number =>
  Math.min(1, Math.max(0, (logMag - LOG_MODULUS_FLOOR) / (logMax - LOG_MODULUS_FLOOR)));

/**
 * Fills `out` (RGBA, as ImageData wants) from a field of (log|F e^{-s}|, arg F) pairs.
 * Domain colouring: hue from the phase, darkness towards zeros, and faint rings at every
 * doubling of |F| so that the modulus stays readable under the hue.
 */
export function colorizeField(
  field: Float32Array,
  mode: PlaneColorMode,
  logMax: number,
  out: Uint8ClampedArray,
): void {
  const n = field.length / 2;
  for (let p = 0; p < n; p++) {
    const logMag = field[2 * p] ?? 0;
    const phase = field[2 * p + 1] ?? 0;
    let r: number;
    let g: number;
    let b: number;
    if (mode === 'modulus') {
      const i = 3 * Math.round(255 * modulusFraction(logMag, logMax));
      r = MODULUS_LUT[i] ?? 0;
      g = MODULUS_LUT[i + 1] ?? 0;
      b = MODULUS_LUT[i + 2] ?? 0;
    } else {
      const i = 3 * Math.round(255 * phaseFraction(phase));
      let shade = 1;
      if (mode === 'domain') {
        const m = modulusFraction(logMag, logMax);
        const rings = logMag / Math.LN2 - Math.floor(logMag / Math.LN2);
        shade = (0.15 + 0.85 * Math.sqrt(m)) * (0.88 + 0.12 * rings);
      }
      r = (PHASE_LUT[i] ?? 0) * shade;
      g = (PHASE_LUT[i + 1] ?? 0) * shade;
      b = (PHASE_LUT[i + 2] ?? 0) * shade;
    }
    out[4 * p] = r;
    out[4 * p + 1] = g;
    out[4 * p + 2] = b;
    out[4 * p + 3] = 255;
  }
}
