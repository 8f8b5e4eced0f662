// The 1-D panel's curve on the slice kernel (one row, δ = θ_b − θ_a) against the f64 path, in
// Node on SwiftShader, for the default pair and for pinned ends either way round. Tolerance
// 1e-4 relative, the kernel's f32 bound (SPEC §3). A failure means the GPU draws another line
// than the one between the θ's the reader chose.
import { expect, it } from 'vitest';
import { describeGpu, gpuDevice } from '../../../gpu/nodeDevice.test-util';
import { SliceKernel } from '../kernels/slice';
import type { MlpShape } from '../science/shape';
import { runData } from './data';
import { interp } from './picture';
import type { InterpPair, TrainSettings } from './protocol';
import { LandscapeRun } from './run';

const TRAIN: TrainSettings = {
  data: 'spirals',
  n: 200,
  noise: 0.1,
  hidden: [12, 12],
  act: 'tanh',
  opt: 'adam',
  lr: 0.03,
  wd: 0,
  batch: 0,
  seed: 2,
  train: 'cpu',
  own: null,
};

describeGpu('the 1-D curve on the slice kernel (Dawn, SwiftShader)', () => {
  it('agrees with the f64 path for θ₀ → θ and for pinned pairs', async () => {
    const { samples, classes } = await runData(TRAIN, '');
    const shape: MlpShape = { inputs: 2, hidden: TRAIN.hidden, classes, act: 'tanh' };
    const run = new LandscapeRun(TRAIN, shape, samples, null);
    for (let t = 0; t < 15; t++) await run.advance();
    const pin15 = { kind: 'pin' as const, step: 15, theta: run.theta.slice() };
    for (let t = 0; t < 25; t++) await run.advance();
    const kernel = await SliceKernel.create(await gpuDevice(), shape, samples);
    const pairs: InterpPair[] = [
      { from: { kind: 'initial' }, to: { kind: 'current' } },
      { from: pin15, to: { kind: 'current' } },
      { from: { kind: 'current' }, to: pin15 },
    ];
    for (const pair of pairs) {
      const gpu = await interp(run, kernel, pair);
      const cpu = await interp(run, null, pair);
      expect(gpu.from).toEqual(cpu.from);
      expect(gpu.to).toEqual(cpu.to);
      // The f64 curve's α's are every other point of the kernel's.
      let compared = 0;
      cpu.alphas.forEach((a, i) => {
        const j = gpu.alphas.indexOf(a);
        expect(j).toBeGreaterThanOrEqual(0);
        const want = cpu.loss[i] ?? NaN;
        expect(Math.abs((gpu.loss[j] ?? NaN) - want) / want).toBeLessThan(1e-4);
        compared++;
      });
      expect(compared).toBe(cpu.alphas.length);
      expect(Math.abs(gpu.min.loss - cpu.min.loss) / cpu.min.loss).toBeLessThan(1e-4);
    }
    kernel.destroy();
  }, 120_000);
});
