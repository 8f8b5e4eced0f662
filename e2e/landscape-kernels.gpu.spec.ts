/**
 * The landscape kernels against their f64 oracles in real Chromium (SwiftShader here), through
 * the bench page's checks: the slice (1e-4 relative, SPEC §3's tolerance for WGSL f32 paths)
 * and the training gradient (1e-4 of its largest entry). Small grids: the f64 side is the cost.
 */
import { expect, test, type Page } from '@playwright/test';

async function openBench(page: Page): Promise<void> {
  await page.goto('/bench/');
  await page.waitForFunction(() => 'atlasBench' in window);
}

for (const act of ['tanh', 'relu', 'gelu'] as const) {
  test(`slice kernel agrees with lossSlice (${act}, 2→32→32→3 and 64→20→10)`, async ({ page }) => {
    test.setTimeout(120_000);
    await openBench(page);
    const toy = await page.evaluate(
      (a) =>
        window.atlasBench.sliceAgreement({ seed: 2, hidden: [32, 32], act: a, n: 256, grid: 7 }),
      act,
    );
    expect(toy.nonFinite).toBe(0);
    expect(toy.maxRelErr).toBeLessThan(1e-4);
    const digits = await page.evaluate(
      (a) =>
        window.atlasBench.sliceAgreement({
          seed: 2,
          hidden: [20],
          act: a,
          n: 200,
          grid: 5,
          data: 'digits-like',
        }),
      act,
    );
    expect(digits.nonFinite).toBe(0);
    expect(digits.maxRelErr).toBeLessThan(1e-4);
  });

  test(`gradient kernel agrees with lossAndGradient (${act})`, async ({ page }) => {
    test.setTimeout(120_000);
    await openBench(page);
    const r = await page.evaluate(
      (a) =>
        window.atlasBench.gradAgreement({ seed: 4, hidden: [32, 32], act: a, n: 1024, batch: 129 }),
      act,
    );
    expect(r.nonFinite).toBe(0);
    expect(r.maxRelErr).toBeLessThan(1e-4);
    expect(r.lossRelErr).toBeLessThan(1e-5);
  });
}
