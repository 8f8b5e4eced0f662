/**
 * The partition function F(t) = sum_k e^{z_k + a_k t} along a line in parameter space, and the
 * cross-entropy along that line. Everything is scaled by the largest term so that logits of any
 * size stay finite.
 */
import type { Complex } from '../../../science/complex';

export interface ScaledPartition {
  /** F(t)·e^{-s}. */
  F: Complex;
  /** F'(t)·e^{-s}. */
  dF: Complex;
  /** s = max_k Re(z_k + a_k t), so the largest term of F·e^{-s} has modulus 1. */
  s: number;
}

/** A window of the complex t-plane sampled at pixel centres; row 0 is the top. */
export interface PlaneGrid {
  width: number;
  height: number;
  reMin: number;
  reMax: number;
  imMin: number;
  imMax: number;
}

/** log|F e^{-s}| never goes below this, so a pixel sitting on a zero stays finite (WGSL too). */
export const LOG_FLOOR = -30;

function checkLine(z: readonly number[], a: readonly number[]): void {
  if (z.length !== a.length) {
    throw new RangeError(`z and a differ in length (${z.length} vs ${a.length})`);
  }
}

/** F and F' at complex t, both scaled by e^{-s}; the ratio F/F' (a Newton step) is unscaled. */
export function partition(z: readonly number[], a: readonly number[], t: Complex): ScaledPartition {
  checkLine(z, a);
  let s = -Infinity;
  for (let k = 0; k < z.length; k++) s = Math.max(s, (z[k] ?? 0) + (a[k] ?? 0) * t.re);
  let fRe = 0;
  let fIm = 0;
  let dRe = 0;
  let dIm = 0;
  for (let k = 0; k < z.length; k++) {
    const ak = a[k] ?? 0;
    // Sao 2026, Eq. 8: F(t) = sum_k w_k e^{a_k t}, w_k = e^{z_k}; SPEC §1 step 2 scales by e^{-s}.
    const mag = Math.exp((z[k] ?? 0) + ak * t.re - s);
    const re = mag * Math.cos(ak * t.im);
    const im = mag * Math.sin(ak * t.im);
    fRe += re;
    fIm += im;
    // F'(t) = sum_k w_k a_k e^{a_k t} (SPEC §1 step 2).
    dRe += ak * re;
    dIm += ak * im;
  }
  return { F: { re: fRe, im: fIm }, dF: { re: dRe, im: dIm }, s };
}

/** Cross-entropy along the line, L(t) = logsumexp(z + t a) − z_y − a_y t, for real t. */
export function lineLoss(z: readonly number[], a: readonly number[], y: number, t: number): number {
  checkLine(z, a);
  const zy = z[y];
  const ay = a[y];
  if (zy === undefined || ay === undefined) throw new RangeError(`label ${y} is out of range`);
  // Subtracting z_y + a_y t inside the sum (not after it) avoids cancelling two huge numbers.
  const e = z.map((zk, k) => zk - zy + t * ((a[k] ?? 0) - ay));
  const m = Math.max(...e);
  let rest = 0;
  let skipped = false;
  for (const ek of e) {
    if (!skipped && ek === m) skipped = true;
    else rest += Math.exp(ek - m);
  }
  // Sao 2026, §3.2: L(t) = log F(t) − z_y − a_y t; log1p keeps tiny losses accurate.
  return m + Math.log1p(rest);
}

/**
 * CPU oracle of the plane kernel (shaders/plane.wgsl): per pixel [log|F e^{-s}|, arg F], row-major,
 * 2 floats per pixel. The column factor e^{z_k + a_k re − s} and row factor (cos, sin)(a_k im) are
 * the kernel's; keep them so f32 WGSL output can be compared with this.
 */
export function planeField(
  p: PlaneGrid,
  z: readonly number[],
  a: readonly number[],
  out?: Float32Array,
): Float32Array {
  checkLine(z, a);
  const { width, height } = p;
  const size = 2 * width * height;
  if (out !== undefined && out.length !== size) {
    throw new RangeError(`out holds ${out.length} floats; the grid needs ${size}`);
  }
  const field = out ?? new Float32Array(size);
  const kCount = z.length;
  const colExp = new Float64Array(width * kCount);
  for (let i = 0; i < width; i++) {
    const re = p.reMin + ((i + 0.5) * (p.reMax - p.reMin)) / width;
    let s = -Infinity;
    for (let k = 0; k < kCount; k++) s = Math.max(s, (z[k] ?? 0) + (a[k] ?? 0) * re);
    for (let k = 0; k < kCount; k++) {
      colExp[i * kCount + k] = Math.exp((z[k] ?? 0) + (a[k] ?? 0) * re - s);
    }
  }
  const rowCos = new Float64Array(height * kCount);
  const rowSin = new Float64Array(height * kCount);
  for (let j = 0; j < height; j++) {
    const im = p.imMax - ((j + 0.5) * (p.imMax - p.imMin)) / height;
    for (let k = 0; k < kCount; k++) {
      rowCos[j * kCount + k] = Math.cos((a[k] ?? 0) * im);
      rowSin[j * kCount + k] = Math.sin((a[k] ?? 0) * im);
    }
  }
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < kCount; k++) {
        const m = colExp[i * kCount + k] ?? 0;
        re += m * (rowCos[j * kCount + k] ?? 0);
        im += m * (rowSin[j * kCount + k] ?? 0);
      }
      const o = 2 * (j * width + i);
      field[o] = Math.max(Math.log(Math.hypot(re, im)), LOG_FLOOR);
      const arg = Math.atan2(im, re);
      // atan2 gives −π for a −0 imaginary part; the contract is (−π, π].
      field[o + 1] = arg === -Math.PI ? Math.PI : arg;
    }
  }
  return field;
}
