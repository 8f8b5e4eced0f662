// The slice kernel against its f64 oracle (lossSlice) in Node on SwiftShader: SPEC §3's golden
// slice; the realistic shapes (2→32→32→3 over 1,024 samples, 64→128→10 over 1,797) for
// every activation, on a small grid because the f64 oracle is what costs here; one net too big
// for workgroup memory (the 'storage' variant); each of the workgroup variant's three forward
// passes (straight-line, streamed, looped); and a 128×128 grid on a tiny net, so the grid
// indexing and dispatch split are checked at full size. Tolerance: 1e-4 relative (SPEC: WGSL
// f32 paths ~1e-4), the f32 sums over ≤ 1,797 samples stay well inside it. A failure means the
// GPU picture is not the loss landscape.
import { expect, it } from 'vitest';
import { describeGpu, gpuDevice } from '../../../gpu/nodeDevice.test-util';
import { normaliseDirection } from '../science/directions';
import {
  GOLDEN_AXIS,
  GOLDEN_SHAPE,
  GOLDEN_SLICE,
  goldenData,
  goldenDelta,
  goldenEta,
  goldenTheta,
} from '../science/golden.test-util';
import { lossAndAccuracy } from '../science/forward';
import type { Activation } from '../science/shape';
import { SliceKernel } from './slice';
import { sliceAgreement } from './sliceAgreement';

describeGpu('slice kernel in Node (Dawn, SwiftShader)', () => {
  it('reproduces the SPEC §3 golden slice to 1e-5 relative', async () => {
    const device = await gpuDevice();
    const theta = goldenTheta();
    const dn = normaliseDirection(GOLDEN_SHAPE, goldenDelta(), theta, 'filter', 'ignore');
    const en = normaliseDirection(GOLDEN_SHAPE, goldenEta(), theta, 'filter', 'ignore');
    const kernel = await SliceKernel.create(device, GOLDEN_SHAPE, goldenData(), 5);
    const { loss, accuracy } = await kernel.evaluate(theta, dn, en, GOLDEN_AXIS, GOLDEN_AXIS);
    GOLDEN_SLICE.forEach((row, ia) =>
      row.forEach((v, ib) => {
        expect(Math.abs((loss[ib * 5 + ia] ?? NaN) - v) / v).toBeLessThan(1e-5);
      }),
    );
    const centre = lossAndAccuracy(GOLDEN_SHAPE, theta, goldenData());
    expect(accuracy[12]).toBeCloseTo(centre.accuracy, 6);
    kernel.destroy();
  }, 60_000);

  const cases: [Activation, number[], 'spirals' | 'digits-like', number, number][] = [
    ['tanh', [16, 16], 'spirals', 97, 9],
    ['relu', [8], 'spirals', 64, 9],
    ['gelu', [12, 7, 5], 'spirals', 50, 9],
    ['tanh', [20], 'digits-like', 41, 9],
    // Wider than UNROLL_WIDEST with two layers: the looped forward pass ([128] is streamed,
    // the nets of width ≤ 32 straight-line).
    ['relu', [48, 40], 'spirals', 64, 7],
    // Later weights 4,355 > 4,096 f32: the storage variant.
    ['tanh', [64, 64], 'spirals', 50, 7],
    ['tanh', [32, 32], 'spirals', 1024, 7],
    ['relu', [32, 32], 'spirals', 1024, 7],
    ['gelu', [32, 32], 'spirals', 1024, 7],
    ['tanh', [128], 'digits-like', 1797, 5],
    ['relu', [128], 'digits-like', 1797, 5],
    ['gelu', [128], 'digits-like', 1797, 5],
    ['tanh', [4], 'spirals', 16, 128],
  ];
  for (const [act, hidden, data, n, grid] of cases) {
    it(`agrees with lossSlice to 1e-4 relative (${act}, hidden ${hidden.join(',')}, ${data}, n ${n}, grid ${grid})`, async () => {
      const device = await gpuDevice();
      const r = await sliceAgreement(device, {
        seed: 3,
        hidden,
        act,
        n,
        grid,
        span: 1.5,
        data: data === 'spirals' ? 'spirals' : 'digits-like',
      });
      expect(r.nonFinite).toBe(0);
      expect(r.maxRelErr).toBeLessThan(1e-4);
      expect(r.maxAccErr).toBeLessThanOrEqual(1 / n + 1e-6);
    }, 120_000);
  }
});
