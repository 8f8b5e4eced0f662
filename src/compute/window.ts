import type { PlaneGrid } from '../science/ghosts';

const NICE = [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** Smallest "nice" number ≥ v, so the automatic window only jumps now and then while dragging. */
export function niceCeil(v: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  const m = v / p;
  return (NICE.find((n) => n >= m - 1e-12) ?? 10) * p;
}

/** SPEC §1 UI ranges: the window spans ±4ρ* or more, so the next row of ghosts shows too. */
export function autoSpan(rhoStar: number, maxSpan: number): number {
  if (!Number.isFinite(rhoStar)) return 8;
  return Math.min(maxSpan, niceCeil(4 * rhoStar));
}

export function squareGrid(span: number, pixels: number): PlaneGrid {
  return { width: pixels, height: pixels, reMin: -span, reMax: span, imMin: -span, imMax: span };
}
