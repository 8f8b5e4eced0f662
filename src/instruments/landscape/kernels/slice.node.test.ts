// The slice kernel against its f64 oracle (lossSlice) in Node on SwiftShader: SPEC §3's golden
// slice, and seeded nets of every activation and several depths, including one whose weights are
// too many for workgroup memory. A failure means the GPU picture is not the loss landscape.
import { describe, expect, it } from 'vitest';
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

// Opt-in for now: on this machine Dawn for Node aborts the worker (std::system_error, futex and
// mutex assertions) on a share of runs, the existing plane kernel test included, and larger
// shapes stalled; see the phase-1 report. LANDSCAPE_GPU_TESTS=1 runs them.
const describeSlice: (name: string, body: () => void) => void =
  process.env.LANDSCAPE_GPU_TESTS === '1'
    ? describeGpu
    : (name, body) => describe.skip(`${name} (set LANDSCAPE_GPU_TESTS=1)`, body);

describeSlice('slice kernel in Node (Dawn, SwiftShader)', () => {
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

  const cases: [Activation, number[], 'spirals' | 'digits-like', number][] = [
    ['tanh', [16, 16], 'spirals', 97],
    ['relu', [8], 'spirals', 64],
    ['gelu', [12, 7, 5], 'spirals', 50],
    ['tanh', [20], 'digits-like', 41],
  ];
  for (const [act, hidden, data, n] of cases) {
    it(`agrees with lossSlice to 1e-4 relative (${act}, hidden ${hidden.join(',')}, ${data}, n ${n})`, async () => {
      const device = await gpuDevice();
      const r = await sliceAgreement(device, {
        seed: 3,
        hidden,
        act,
        n,
        grid: 9,
        span: 1.5,
        data: data === 'spirals' ? 'spirals' : 'digits-like',
      });
      expect(r.nonFinite).toBe(0);
      expect(r.maxRelErr).toBeLessThan(1e-4);
      expect(r.maxAccErr).toBeLessThanOrEqual(1 / n + 1e-6);
    }, 60_000);
  }
});
