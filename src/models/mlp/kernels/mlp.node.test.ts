/**
 * The MLP kernels against the f64 oracle in Node (Dawn on SwiftShader), through the same
 * agreement checks the browser suite runs (e2e/mlp-kernels.gpu.spec.ts): a broken kernel fails
 * here in seconds, before a browser starts. Tolerances are the browser suite's.
 */
import { expect, it } from 'vitest';
import { describeGpu, gpuDevice } from '../../../gpu/nodeDevice.test-util';
import { bench } from '../bench';

const ctx = async () => ({
  device: await gpuDevice(),
  adapter: 'dawn (node)',
  baseUrl: 'http://localhost/',
  show: () => undefined,
  tfjs: () => Promise.reject(new Error('no TensorFlow.js in the kernel tests')),
});

describeGpu('MLP kernels in Node', () => {
  for (const act of ['relu', 'tanh'] as const) {
    it(`JVP and Δ_a agree with Mlp.jvp (${act})`, async () => {
      const r = await bench.checks.mlpJvpAgreement(await ctx(), 1, act, 128);
      expect(r.nonFinite).toBe(0);
      expect(r.logitsRelErr).toBeLessThan(1e-4);
      expect(r.aRelErr).toBeLessThan(1e-4);
      expect(r.deltaARelErr).toBeLessThan(1e-4);
      expect(r.maxAbsA).toBeGreaterThan(0.01);
    });

    it(`the batch gradient agrees with Mlp.lossAndGrad (${act})`, async () => {
      const r = await bench.checks.mlpGradAgreement(await ctx(), 2, act, 128);
      expect(r.nonFinite).toBe(0);
      expect(r.gradRelErr).toBeLessThan(1e-3);
      expect(r.lossRelErr).toBeLessThan(1e-4);
    });
  }
});
