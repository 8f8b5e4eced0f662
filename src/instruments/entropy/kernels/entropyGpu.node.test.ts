/**
 * The entropy kernels against the f64 CPU path in Node (Dawn on SwiftShader), for every alg,
 * every method and every divergence; the WGSL counter RNG against the TypeScript one, bit for
 * bit; and the fit of R = −a·e^H + b from GPU trajectories against the exact recursion.
 * A failure means the GPU view would show other numbers than the CPU fallback.
 *
 * Tolerance, 1e-4 relative on the per-step means H, R, P (SPEC: "WGSL f32 paths should match to
 * ~1e-4 relative"): the kernel is f32 (unit roundoff 6e-8); one step's softmax, entropy and
 * row sums over K ≤ 1024 (four running sums, one per vec4 lane) carry a relative error of order
 * 1e-6, and the
 * logits integrate those errors over the steps, so a few steps stay one to two decades below
 * 1e-4. C is a covariance, a difference of near-equal sums, so its error is relative to max|C|
 * over the run (1e-3). Sampled modes additionally need the same tokens on both sides: an f32
 * prefix sum could send a draw that lands within ~1e-7 of a boundary to the neighbouring action,
 * which `mismatchedPrompts` would count (it is 0 on these seeds).
 */
import { expect, it } from 'vitest';
import { describeGpu, gpuDevice } from '../../../gpu/nodeDevice.test-util';
import { counterU32, counterUniform } from '../../../science/counterRng';
import { EntropyRun } from '../science/runner';
import { fitExpLaw } from '../science/fit';
import {
  ALGS,
  DEFAULT_UPDATE,
  METHODS,
  type Alg,
  type Divergence,
  type Method,
} from '../science/types';
import { entropyStepAgreement } from './agreement';
import { EntropyGpu } from './entropyGpu';
import { buildProblem } from '../science/problem';
import { counterRngGpu, rngTestKeys } from './rngGpu';

const CASES: { alg: Alg; method: Method; div: Divergence }[] = [];
for (const alg of ALGS) {
  for (const method of METHODS) CASES.push({ alg, method, div: 'fkl' });
  CASES.push({ alg, method: 'div', div: 'rkl' }, { alg, method: 'div', div: 'js' });
}

describeGpu('entropy kernels in Node (Dawn, SwiftShader)', () => {
  it('the WGSL counter RNG equals the TypeScript one bit for bit', async () => {
    const keys = rngTestKeys(4096);
    const gpu = await counterRngGpu(await gpuDevice(), keys);
    let diffU = 0;
    let diffF = 0;
    const f = new Float32Array(1);
    const bits = new Uint32Array(f.buffer);
    keys.forEach((k, i) => {
      if (gpu.u32[i] !== counterU32(...k)) diffU++;
      f[0] = counterUniform(...k);
      if (gpu.uniformBits[i] !== bits[0]) diffF++;
    });
    expect(diffU).toBe(0);
    expect(diffF).toBe(0);
  });

  for (const { alg, method, div } of CASES)
    it(`${alg} ${method}${method === 'div' ? ` ${div}` : ''} agrees with the CPU path`, async () => {
      const device = await gpuDevice();
      const a = await entropyStepAgreement(device, {
        seed: 11,
        B: 24,
        K: 37,
        steps: 6,
        alg,
        method,
        div,
        lr: alg === 'npg' ? 0.5 : 2,
        temp: 0.9,
        G: 16,
        coef: 0.2,
        // Windows and fractions wide enough that every rule selects something here.
        clipR: 0.1,
        wLow: alg === 'grpo' ? 0.05 : 0.0005,
        wHigh: 5,
        klK: 0.2,
        divCoef: 0.5,
      });
      expect(a.nonFinite).toBe(0);
      expect(a.mismatchedPrompts).toBe(0);
      expect(a.maxRelErrH).toBeLessThan(1e-4);
      expect(a.maxRelErrR).toBeLessThan(1e-4);
      expect(a.maxRelErrP).toBeLessThan(1e-4);
      expect(a.maxRelErrC).toBeLessThan(1e-3);
      expect(a.maxAbsErrPi).toBeLessThan(1e-4);
    });

  // Rows that are not whole vec4s (K = 2, 37: padding slots), and steps so large (η = 10,
  // T = 0.05: logits move by up to 200 nats) that step.wgsl cannot measure the new row shifted
  // by the old lse and measures it again from its maximum.
  for (const [alg, K, lr, temp] of [
    ['pg', 2, 1, 1],
    ['npg', 37, 10, 0.05],
    ['grpo', 37, 10, 0.05],
  ] as const)
    it(`${alg} with K = ${K}, lr ${lr}, temp ${temp} agrees with the CPU path`, async () => {
      const a = await entropyStepAgreement(await gpuDevice(), {
        seed: 3,
        B: 16,
        K,
        steps: 6,
        alg,
        lr,
        temp,
        G: 8,
      });
      expect(a.nonFinite).toBe(0);
      expect(a.mismatchedPrompts).toBe(0);
      expect(a.maxRelErrH).toBeLessThan(1e-4);
      expect(a.maxRelErrR).toBeLessThan(1e-4);
      expect(a.maxRelErrC).toBeLessThan(1e-3);
      expect(a.maxAbsErrPi).toBeLessThan(1e-4);
    });

  // rewards=1,0.8,0.2,0 (SPEC §4 golden trajectory): fit-a/fit-b over steps 0…200 from the GPU's
  // f32 means equal the exact f64 recursion to 1e-4 relative (issue 9).
  for (const alg of ['pg', 'npg'] as const)
    it(`rewards= fit-a and fit-b from the GPU (${alg}) equal the exact recursion to 1e-4`, async () => {
      const steps = 200;
      const update = { ...DEFAULT_UPDATE, alg, lr: alg === 'pg' ? 1 : 0.1 };
      const problem = {
        seed: 0,
        B: 1,
        K: 4,
        init: 'zero' as const,
        initScale: 1,
        rewards: [1, 0.8, 0.2, 0],
      };
      const cpu = new EntropyRun({ problem, update });
      cpu.stepTo(steps);
      const exact = cpu.method.fit();
      const gpu = await EntropyGpu.create(await gpuDevice(), buildProblem(problem), update, 0);
      try {
        const { history } = await gpu.run(steps);
        const H = Float64Array.from({ length: steps + 1 }, (_, t) => history[4 * t] ?? NaN);
        const R = Float64Array.from({ length: steps + 1 }, (_, t) => history[4 * t + 1] ?? NaN);
        const fit = fitExpLaw(H, R);
        expect(Math.abs(fit.a - exact.a) / Math.abs(exact.a)).toBeLessThan(1e-4);
        expect(Math.abs(fit.b - exact.b) / Math.abs(exact.b)).toBeLessThan(1e-4);
      } finally {
        gpu.destroy();
      }
    });
});
