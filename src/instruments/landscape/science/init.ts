/** Seeded initial weights for the landscape MLP. */
import { Rng } from '../../../science/rng';
import { mlpLayout, type MlpShape } from './shape';

/**
 * W ~ N(0, g²/fan_in) with g = 1 for tanh (LeCun/Xavier scale) and g = √2 for relu and gelu
 * (He et al. 2015, Eq. 10); biases 0. Drawn layer by layer, row by row, from Rng(seed).
 */
export function initParams(shape: MlpShape, seed: number): Float64Array {
  const layout = mlpLayout(shape);
  const theta = new Float64Array(layout.size);
  const rng = new Rng(seed);
  const gain = shape.act === 'tanh' ? 1 : Math.SQRT2;
  for (const L of layout.layers) {
    const std = gain / Math.sqrt(L.in);
    for (let j = 0; j < L.out * L.in; j++) theta[L.w + j] = std * rng.normal();
  }
  return theta;
}
