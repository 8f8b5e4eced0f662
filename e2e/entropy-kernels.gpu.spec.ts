/**
 * The entropy kernels against the f64 CPU path in real Chromium with WebGPU (SwiftShader here),
 * through the bench page: every alg and method, and the counter RNG bit for bit. Tolerances as
 * in src/instruments/entropy/kernels/entropyGpu.node.test.ts (1e-4 relative on the per-step
 * means H, R, P: f32 arithmetic over a few steps stays one to two decades below it).
 */
import { expect, test } from '@playwright/test';

const CASES = [
  { alg: 'pg', method: 'none' },
  { alg: 'pg', method: 'kl-cov' },
  { alg: 'pg', method: 'div', div: 'js' },
  { alg: 'npg', method: 'clip-cov' },
  { alg: 'npg', method: 'steer' },
  { alg: 'grpo', method: 'none' },
  { alg: 'grpo', method: 'kl-cov' },
  { alg: 'grpo', method: 'bonus' },
] as const;

test('entropy kernels agree with the CPU path, and the RNG is bit-exact', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/bench/');
  await page.waitForFunction(() => 'atlasBench' in window);
  const rng = await page.evaluate(() => window.atlasBench.counterRngAgreement(4096));
  expect(rng.differ).toBe(0);
  for (const c of CASES) {
    const r = await page.evaluate(
      (o) =>
        window.atlasBench.entropyStepAgreement({
          seed: 11,
          B: 24,
          K: 37,
          steps: 6,
          lr: o.alg === 'npg' ? 0.5 : 2,
          temp: 0.9,
          G: 16,
          coef: 0.2,
          clipR: 0.1,
          wLow: o.alg === 'grpo' ? 0.05 : 0.0005,
          klK: 0.2,
          divCoef: 0.5,
          ...o,
        }),
      c,
    );
    const label = JSON.stringify(c);
    expect.soft(r.nonFinite, label).toBe(0);
    expect.soft(r.mismatchedPrompts, label).toBe(0);
    expect.soft(r.maxRelErrH, label).toBeLessThan(1e-4);
    expect.soft(r.maxRelErrR, label).toBeLessThan(1e-4);
    expect.soft(r.maxRelErrC, label).toBeLessThan(1e-3);
  }
});
