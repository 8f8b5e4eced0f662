import type { PlaneGrid } from '../science';

const NICE = [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** Smallest "nice" number ≥ v, so the automatic window only jumps now and then while dragging. */
export function niceCeil(v: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  const m = v / p;
  return (NICE.find((n) => n >= m - 1e-12) ?? 10) * p;
}

/**
 * ±2.5ρ* (rounded up): the circles stay large enough to read on a projector and the next
 * ghosts still show. SPEC §1 suggests ±4ρ* or larger; the window slider reaches that.
 */
export function autoSpan(rhoStar: number, maxSpan: number): number {
  if (!Number.isFinite(rhoStar)) return 8;
  return Math.min(maxSpan, niceCeil(2.5 * rhoStar));
}

export function squareGrid(span: number, pixels: number): PlaneGrid {
  return { width: pixels, height: pixels, reMin: -span, reMax: span, imMin: -span, imMax: span };
}
