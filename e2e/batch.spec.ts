/**
 * The trained-model modes of the ghosts view, in both projects (trained on the GPU kernels in
 * `webgpu`, on the CPU oracle in `cpu`, in a worker either way): `mode=batch` (per-sample radii of a live MLP) and `mode=sweep` (one step at a
 * chosen r, Sao 2026 Figure 1).
 */
import { expect, test, type Page } from '@playwright/test';
import { ghostsReady, readValue, watchPage } from './helpers';

const panelReady = (page: Page, id: 'batch-panel' | 'sweep-panel') =>
  expect(page.getByTestId(id)).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });

async function checkBatch(page: Page): Promise<void> {
  await panelReady(page, 'batch-panel');
  await expect(page.getByTestId('radius-histogram')).toBeVisible();
  expect(await page.getByTestId('histogram-bar').count()).toBeGreaterThan(3);
  await expect(page.getByTestId('histogram-bound')).toBeVisible();
  const rho = await readValue(page, 'batch-rho-a');
  const stepNorm = await readValue(page, 'step-norm');
  const r = await readValue(page, 'r-ratio');
  for (const v of [rho, stepNorm, r]) {
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThan(0);
  }
  expect(r).toBeCloseTo(stepNorm / rho, 9);
  const listed = page.locator('[data-testid^="bound-sample-"]');
  expect(await listed.count()).toBe(10);
  for (const el of await listed.all()) {
    const sampleRho = Number(await el.getAttribute('data-rho-a'));
    expect(rho).toBeLessThanOrEqual(sampleRho);
  }
}

test('batch mode on spirals: histogram, finite readouts, and a bound sample opens in the plane', async ({
  page,
}) => {
  const watch = watchPage(page);
  await page.goto('./?v=1&view=ghosts&mode=batch&data=spirals&seed=3&step=200');
  await checkBatch(page);
  const first = page.getByTestId('bound-sample-0');
  // The first listed sample sets the bound.
  expect(Number(await first.getAttribute('data-rho-a'))).toBe(await readValue(page, 'batch-rho-a'));
  const sampleRho = Number(await page.getByTestId('bound-sample-2').getAttribute('data-rho-a'));
  const tau = await readValue(page, 'step-norm');
  // Keyboard activation loads it as well as a click.
  await page.getByTestId('bound-sample-2').focus();
  await page.keyboard.press('Enter');
  await ghostsReady(page);
  await expect(page).toHaveURL(/mode=plane|^(?!.*mode=)/);
  // The plane computes from the link, whose numbers carry 6 significant digits: its Δ_a is the
  // sample's to about 1e-6 of the largest |a_k| over Δ_a, so 1e-5 relative.
  const deltaA = await readValue(page, 'delta-a');
  expect(Math.abs(deltaA - Math.PI / sampleRho) / deltaA).toBeLessThan(1e-5);
  expect(Math.abs((await readValue(page, 'rho-a')) - sampleRho) / sampleRho).toBeLessThan(1e-5);
  const tauHere = await page.getByTestId('tau-input').inputValue();
  expect(Math.abs(Number(tauHere) - tau) / tau).toBeLessThan(1e-3);
  expect(watch.errors).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

test('batch mode on the digits trains, switches direction, and clicks through', async ({
  page,
}, info) => {
  await page.goto('./?v=1&view=ghosts&mode=batch&data=digits&step=40');
  await checkBatch(page);
  await expect(page.getByTestId('batch-backend')).toContainText(
    info.project.name === 'webgpu' ? 'GPU' : 'CPU',
  );
  const before = await readValue(page, 'batch-rho-a');
  await page.getByTestId('batch-dir').selectOption('random');
  await checkBatch(page);
  expect(await readValue(page, 'batch-rho-a')).not.toBe(before);
  await page.getByTestId('batch-train-by').selectOption('20');
  await page.getByTestId('batch-train').click();
  await expect(page.getByTestId('batch-step')).toHaveText('60');
  await checkBatch(page);
  await expect(page).toHaveURL(/step=60/);
  const sampleRho = Number(await page.getByTestId('bound-sample-0').getAttribute('data-rho-a'));
  await page.getByTestId('bound-sample-0').click();
  await ghostsReady(page);
  const deltaA = await readValue(page, 'delta-a');
  expect(Math.abs(deltaA - Math.PI / sampleRho) / deltaA).toBeLessThan(1e-6);
});

test('sweep mode draws one curve per direction with the r = 1 line', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('./?v=1&view=ghosts&mode=sweep&data=spirals&seed=1&step=600');
  await panelReady(page, 'sweep-panel');
  await expect(page.getByTestId('sweep-chart')).toBeVisible();
  // The r = 1 line (zero-width, so checked by position rather than visibility).
  const r1 = Number(await page.getByTestId('sweep-r1-acc').getAttribute('x1'));
  expect(r1).toBeGreaterThan(0);
  for (const d of ['update', 'gradient', 'random-0', 'random-1', 'random-2']) {
    for (const panel of ['acc', 'loss']) {
      const path = await page.getByTestId(`sweep-curve-${panel}-${d}`).getAttribute('d');
      expect(path?.length ?? 0).toBeGreaterThan(50);
    }
  }
  const at1 = await readValue(page, 'sweep-acc-at-r1');
  // Retained accuracy is after/before: one step can fix a sample or two, so allow a hair over 1.
  expect(at1).toBeGreaterThanOrEqual(0);
  expect(at1).toBeLessThanOrEqual(1.05);
  const at10 = await readValue(page, 'sweep-acc-at-r10');
  expect(Number.isFinite(at10)).toBe(true);
  expect(await readValue(page, 'sweep-loss-at-r1')).toBeGreaterThan(0);

  // The oracle on request: the link says so and the status names the backend that ran.
  await page.getByTestId('sweep-train-on').selectOption('cpu');
  await expect(page).toHaveURL(/train=cpu/);
  await panelReady(page, 'sweep-panel');
  await expect(page.getByTestId('sweep-status')).toContainText('CPU, f64');
  expect(watch.errors).toEqual([]);
});
