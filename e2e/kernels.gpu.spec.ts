/**
 * WGSL kernels against their science/ CPU oracles, in real Chromium with WebGPU (SwiftShader
 * here), on seeded inputs: z ∈ [−8, 8]^K, a ∈ [−5, 5]^K, the window ±4 around the origin.
 * If these fail, the picture the app draws on the GPU is not the one science/ defines.
 *
 * Tolerance: 2e-3 on log|F e^{-s}| and on arg F (radians), on pixels where the CPU value is
 * above −6. The kernel works in f32 (unit roundoff 6e-8), the oracle in f64. F e^{-s} is a sum
 * of K terms of modulus ≤ 1, so an f32 kernel with ulp-accurate exp/sin/cos carries an absolute
 * error of order K·1e-7 in the sum; log and phase inherit it divided by |F e^{-s}| ≥ e^{−6}.
 * An f32 emulation and the kernel itself both stay below 3e-5 on these inputs, so 2e-3 is a
 * wide margin for ulp-level differences between GPUs — but not for sin/cos with the 2^-11
 * absolute error that WGSL allows its built-ins (SwiftShader's are off by ~1.9e-4, giving up
 * to ~6e-3 here): the kernels must not rely on built-in trig accuracy.
 * Nearer a zero of F the relative error grows without bound (cancellation), which is why those
 * pixels are skipped rather than compared — and why they must stay a small minority.
 */
import { expect, test, type Page } from '@playwright/test';

const TOLERANCE = 2e-3;
const SEEDS = [1, 2, 3, 4, 5];
const KS = [2, 3, 10, 16];

async function openBench(page: Page): Promise<void> {
  await page.goto('/bench/');
  await page.waitForFunction(() => 'atlasBench' in window);
}

async function checkAgreement(page: Page, seed: number, k: number, size: number): Promise<void> {
  const r = await page.evaluate(([s, kk, n]) => window.atlasBench.planeAgreement(s, kk, n), [
    seed,
    k,
    size,
  ] as const);
  const label = `seed ${String(seed)}, K ${String(k)}, ${String(size)}²`;
  const worst = JSON.stringify(r.worst);
  expect.soft(r.total, `${label}: pixel count`).toBe(size * size);
  expect.soft(r.nonFinite, `${label}: NaN/Inf in the kernel output`).toBe(0);
  expect.soft(r.maxAbsLogDiff, `${label}: log-modulus, worst ${worst}`).toBeLessThan(TOLERANCE);
  expect.soft(r.maxPhaseDiff, `${label}: phase, worst ${worst}`).toBeLessThan(TOLERANCE);
  // Nearly all pixels must be compared; a kernel returning the floor everywhere would
  // otherwise "agree" by being skipped.
  expect.soft(r.checked / r.total, `${label}: share of pixels checked`).toBeGreaterThan(0.9);
}

test.describe('plane kernel agrees with planeField', () => {
  for (const k of KS) {
    test(`K ${String(k)}, seeds ${SEEDS.join(',')}, 128²`, async ({ page }) => {
      await openBench(page);
      for (const seed of SEEDS) await checkAgreement(page, seed, k, 128);
    });
  }

  test('K 10, seed 7, 512²', async ({ page }) => {
    await openBench(page);
    await checkAgreement(page, 7, 10, 512);
  });
});
