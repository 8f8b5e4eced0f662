/**
 * The collapse kernels (one UFM gradient step and the NC statistics, f32) against the f64
 * science in real Chromium with WebGPU, through the bench page's `collapseStepAgreement`.
 * Tolerance 1e-4 normwise, as in the Node kernel test (the spread there is ~3e-7).
 */
import { expect, test } from '@playwright/test';

const CASES = [
  { seed: 1, loss: 'ce', counts: { kind: 'balanced', K: 4, n: 30 }, d: 8 },
  { seed: 2, loss: 'mse', counts: { kind: 'explicit', counts: [40, 10, 5] }, d: 5 },
  { seed: 3, loss: 'ce', counts: { kind: 'balanced', K: 10, n: 20 }, d: 32, bias: true },
  { seed: 5, loss: 'ce', counts: { kind: 'balanced', K: 3, n: 20 }, d: 3, warmSteps: 300 },
] as const;

test('collapse step and metrics agree with the f64 science', async ({ page }) => {
  await page.goto('/bench/');
  await page.waitForFunction(() => 'atlasBench' in window);
  for (const c of CASES) {
    const a = await page.evaluate((o) => window.atlasBench.collapseStepAgreement(o), c);
    const label = JSON.stringify(c);
    expect.soft(a.nonFinite, label).toBe(0);
    expect.soft(a.mismatchDiff, label).toBe(0);
    for (const [name, e] of Object.entries(a.maxRelErr))
      expect.soft(e, `${label}: ${name}`).toBeLessThan(1e-4);
  }
});
