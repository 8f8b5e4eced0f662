/** The model's predicted class on a grid over a 2-D box: the decision regions under the points. */
import { logits } from '../science/forward';
import type { MlpShape } from '../science/shape';

/** cls[j·grid + i] for x = x0 + (i + ½)·w/grid, y = y0 + (j + ½)·h/grid. */
export function argmaxClass(
  shape: MlpShape,
  theta: Float64Array,
  [x0, x1, y0, y1]: [number, number, number, number],
  grid: number,
): Uint8Array {
  const n = grid * grid;
  const x = new Float32Array(2 * n);
  for (let j = 0; j < grid; j++) {
    for (let i = 0; i < grid; i++) {
      x[2 * (j * grid + i)] = x0 + ((i + 0.5) * (x1 - x0)) / grid;
      x[2 * (j * grid + i) + 1] = y0 + ((j + 0.5) * (y1 - y0)) / grid;
    }
  }
  const z = logits(shape, theta, { x, y: new Uint8Array(n), n, d: 2 });
  const k = shape.classes;
  const out = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    let best = 0;
    for (let c = 1; c < k; c++) if ((z[p * k + c] ?? 0) > (z[p * k + best] ?? 0)) best = c;
    out[p] = best;
  }
  return out;
}
