/**
 * The MLP kernels against their CPU oracles in src/science/mlp, in real Chromium with WebGPU
 * (SwiftShader here), on the digits-sized network 64→128→10 with seeded parameters, inputs,
 * labels and a unit direction v, n = 256 samples; ReLU (the app's network) and tanh; and the
 * whole digits batch, n = 1797, which leaves a partial block of 4 samples in the kernels.
 *
 * Tolerance: 1e-4 relative to the largest |value| of each output. The kernels work in f32 (unit
 * roundoff u = 6e-8), the oracle in f64 on the same f32 inputs. A logit or an a_c is a chain of
 * ~64 + 128 sequential f32 multiply-adds of terms no larger than the output scale, so its error
 * is at most ~200·u ≈ 1e-5 of that scale; 1e-4 leaves a 10× margin for ulp differences between
 * GPUs, while a wrong index, a missing term or a transposed weight gives errors of order 1.
 * (A ReLU unit whose pre-activation lies within ~1e-6 of 0 could switch sides between f32 and
 * f64; on these seeds none does, and the test would flag it if one did.)
 * The gradient sums n per-sample terms of both signs whose magnitudes exceed the result, so it
 * gets GRAD_TOLERANCE = 1e-3 (n/4 blocked terms: ~450·u times a cancellation ratio of ~10).
 * Measured on SwiftShader: logits, a, Δa ≈ 3e-7; loss ≈ 3e-7; gradient ≈ 7e-7.
 * Values must also be non-trivial (max |a| > 0.01 and so on), so that a kernel writing zeros
 * cannot pass.
 */
import { expect, test, type Page } from '@playwright/test';

const TOLERANCE = 1e-4;
const GRAD_TOLERANCE = 1e-3;
const SEEDS = [1, 2, 3];
const N = 256;
const ACTIVATIONS = ['relu', 'tanh'] as const;

async function openBench(page: Page): Promise<void> {
  await page.goto('/bench/');
  await page.waitForFunction(() => 'atlasBench' in window);
}

const CASES = [
  ...ACTIVATIONS.map((activation) => ({ activation, seeds: SEEDS, n: N })),
  { activation: 'relu' as const, seeds: [4], n: 1797 },
];

for (const { activation, seeds, n } of CASES) {
  const name = `${activation}, n ${String(n)}`;
  test(`MLP JVP kernel agrees with Mlp.jvp and sampleRadii (${name})`, async ({ page }) => {
    await openBench(page);
    for (const seed of seeds) {
      const r = await page.evaluate(
        ([s, act, nn]) => window.atlasBench.mlpJvpAgreement(s, act, nn),
        [seed, activation, n] as const,
      );
      const label = `seed ${String(seed)}: ${JSON.stringify(r)}`;
      expect.soft(r.nonFinite, `${label}: NaN/Inf in the kernel output`).toBe(0);
      expect.soft(r.logitsRelErr, `${label}: logits`).toBeLessThan(TOLERANCE);
      expect.soft(r.aRelErr, `${label}: a`).toBeLessThan(TOLERANCE);
      expect.soft(r.deltaARelErr, `${label}: Δa`).toBeLessThan(TOLERANCE);
      expect.soft(r.maxAbsLogit, `${label}: logits are non-trivial`).toBeGreaterThan(0.01);
      expect.soft(r.maxAbsA, `${label}: a is non-trivial`).toBeGreaterThan(0.01);
      expect.soft(r.maxDeltaA, `${label}: Δa is non-trivial`).toBeGreaterThan(0.01);
    }
  });

  test(`MLP gradient kernel agrees with Mlp.lossAndGrad (${name})`, async ({ page }) => {
    await openBench(page);
    for (const seed of seeds) {
      const r = await page.evaluate(
        ([s, act, nn]) => window.atlasBench.mlpGradAgreement(s, act, nn),
        [seed, activation, n] as const,
      );
      const label = `seed ${String(seed)}: ${JSON.stringify(r)}`;
      expect.soft(r.nonFinite, `${label}: NaN/Inf in the kernel output`).toBe(0);
      expect.soft(r.gradRelErr, `${label}: gradient`).toBeLessThan(GRAD_TOLERANCE);
      expect.soft(r.lossRelErr, `${label}: loss`).toBeLessThan(TOLERANCE);
      // Accuracy counts argmax hits: one hit more or less moves it by 1/n; below that is only
      // the f32 rounding of hits/n (and two logits tying to within f32 rounding would show).
      expect.soft(r.accuracyDiff, `${label}: accuracy`).toBeLessThan(0.5 / n);
      expect.soft(r.maxAbsGrad, `${label}: gradient is non-trivial`).toBeGreaterThan(1e-3);
      expect.soft(r.loss, `${label}: loss is non-trivial`).toBeGreaterThan(0.1);
    }
  });
}

/*
 * The JVP kernel against central differences of the kernel's own logits along v, (z(θ+hv) −
 * z(θ−hv))/2h: a check that does not lean on the CPU oracle. Measured on SwiftShader (seeds 1–3,
 * n 256): tanh (h 1e-2) max 2e-4 of max |a|; ReLU (h 1e-3) p99 1.3e-3, max 1.8e-2 — a few
 * samples have a unit whose pre-activation crosses 0 within ±h, where the difference is not a
 * derivative. A kernel with a wrong index or a missing term is off by order 1 nearly everywhere.
 */
for (const activation of ACTIVATIONS) {
  test(`MLP JVP kernel agrees with finite differences of its logits (${activation})`, async ({
    page,
  }) => {
    await openBench(page);
    for (const seed of SEEDS) {
      const r = await page.evaluate(
        ([s, act, n]) => window.atlasBench.mlpJvpFiniteDiff(s, act, n),
        [seed, activation, N] as const,
      );
      expect(r.maxAbsA).toBeGreaterThan(0.05);
      expect(r.relErrP99).toBeLessThan(5e-3);
      expect(r.relErr).toBeLessThan(activation === 'relu' ? 5e-2 : 2e-3);
    }
  });
}
