// The gradient kernel against its f64 oracle (lossAndGradient) in Node on SwiftShader, for every
// activation, depths 1–3, the shapes (2→32→32→3 over 1,024 samples, 64→128→10 over
// 1,797), a mini-batch and a batch that is not a multiple of 4. Tolerance: 1e-4 of the largest
// gradient entry (f32 sums of ≤ 1,797 terms; entries near zero are differences of large terms),
// and the loss to 1e-5 relative.
import { expect, it } from 'vitest';
import { describeGpu, gpuDevice } from '../../../gpu/nodeDevice.test-util';
import type { Activation } from '../science/shape';
import { gradAgreement } from './gradAgreement';

describeGpu('gradient kernel in Node (Dawn, SwiftShader)', () => {
  const cases: [Activation, number[], 'spirals' | 'digits-like', number, number?][] = [
    ['tanh', [16, 16], 'spirals', 97],
    ['relu', [8], 'spirals', 64, 30],
    ['gelu', [12, 7, 5], 'spirals', 50],
    ['tanh', [32, 32], 'spirals', 1024],
    ['relu', [32, 32], 'spirals', 1024, 128],
    ['gelu', [32, 32], 'spirals', 1024],
    ['tanh', [128], 'digits-like', 1797],
    ['relu', [128], 'digits-like', 1797],
    ['gelu', [128], 'digits-like', 1797, 101],
  ];
  for (const [act, hidden, data, n, batch] of cases) {
    it(`agrees with lossAndGradient (${act}, hidden ${hidden.join(',')}, ${data}, n ${n}, batch ${batch ?? 'all'})`, async () => {
      const device = await gpuDevice();
      const r = await gradAgreement(device, {
        seed: 5,
        hidden,
        act,
        n,
        data,
        ...(batch !== undefined ? { batch } : {}),
      });
      expect(r.nonFinite).toBe(0);
      expect(r.maxRelErr).toBeLessThan(1e-4);
      expect(r.lossRelErr).toBeLessThan(1e-5);
    }, 120_000);
  }
});
