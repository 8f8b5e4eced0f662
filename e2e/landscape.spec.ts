/**
 * The landscape view (mode=param) as a user meets it: a step= link restores the same readouts
 * after a reload, a bad CSV is named and changes nothing, every data set and dirs=pca render,
 * the surface rotates, embed fits 800×450, and pinned checkpoints become the 1-D pair and travel
 * in the JSON export. Runs in both projects (webgpu and cpu); waits on data-state, never on
 * sleeps.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readValue, watchPage } from './helpers';

const IDS = [
  'step',
  'train-loss',
  'train-acc',
  'loss-center',
  'grid-min',
  'grid-min-alpha',
  'grid-min-beta',
  'interp-at-1',
  'interp-min',
] as const;

async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('landscape-view')).toHaveAttribute('data-state', 'done', {
    timeout: 80_000,
  });
}

async function readAll(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of IDS) out[id] = await readValue(page, id);
  return out;
}

// Small shapes and grids: SwiftShader and the f64 path are slow on two shared cores.
const SMALL = 'n=128&hidden=8,8&grid=21';

test('a step= link restores the same readouts after reload', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(`./?view=landscape&${SMALL}&step=12&seed=3`);
  await ready(page);
  const first = await readAll(page);
  expect(first.step).toBe(12);
  // f(0,0) is the training loss, by the slice kernel (f32 on the GPU, f64 on the CPU).
  const loss = first['train-loss'] ?? NaN;
  const rel = (id: string) => Math.abs((first[id] ?? NaN) - loss) / loss;
  expect(rel('loss-center')).toBeLessThan(1e-6);
  expect(rel('interp-at-1')).toBeLessThan(1e-6);
  expect(first['grid-min'] ?? NaN).toBeLessThanOrEqual((first['loss-center'] ?? NaN) + 1e-12);
  await page.reload();
  await ready(page);
  const again = await readAll(page);
  for (const id of IDS) expect(again[id], id).toBe(first[id]);
  expect(watch.errors).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

test('a bad CSV is named by row and column and nothing is lost', async ({ page }) => {
  await page.goto(`./?view=landscape&${SMALL}&step=3`);
  await ready(page);
  const before = await readAll(page);
  await page.getByTestId('csv-input').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('0.1,0.2,0\n0.3,oops,1\n'),
  });
  await expect(page.getByTestId('csv-problem')).toContainText('row 2, column 2');
  await ready(page);
  expect(await readAll(page)).toEqual(before);
  await expect(page).toHaveURL(/step=3/);
});

for (const data of ['spirals', 'moons', 'blobs', 'xor', 'circles'] as const) {
  test(`data=${data} renders`, async ({ page }) => {
    await page.goto(`./?view=landscape&${SMALL}&data=${data}&step=2`);
    await ready(page);
    expect(await readValue(page, 'train-loss')).toBeGreaterThan(0);
    await expect(page.getByTestId('slice-canvas')).toBeVisible();
    await expect(page.getByTestId('regions-canvas')).toBeVisible();
  });
}

test('data=digits renders', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./?view=landscape&data=digits&hidden=16&grid=21&step=1');
  await expect(page.getByTestId('landscape-view')).toHaveAttribute('data-state', 'done', {
    timeout: 170_000,
  });
  expect(await readValue(page, 'train-loss')).toBeGreaterThan(0);
  await expect(page.getByTestId('slice-canvas')).toBeVisible();
  // 64-pixel data has no plane to draw decision regions on.
  await expect(page.getByTestId('regions-canvas')).toHaveCount(0);
});

test('dirs=pca draws the projected trajectory and its explained variance', async ({ page }) => {
  await page.goto(`./?view=landscape&${SMALL}&dirs=pca&step=10`);
  await ready(page);
  await expect(page.getByTestId('pca-path')).toBeVisible();
  await expect(page.getByTestId('pca-explained')).toContainText('%');
});

test('the surface view rotates by drag and by keys', async ({ page }) => {
  await page.goto(`./?view=landscape&${SMALL}&step=2`);
  await ready(page);
  await page.getByTestId('surface-toggle').check();
  const canvas = page.getByTestId('surface-canvas');
  const yaw0 = await canvas.getAttribute('data-yaw');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no surface');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 10, { steps: 4 });
  await page.mouse.up();
  await expect(canvas).not.toHaveAttribute('data-yaw', yaw0 ?? '');
  const yaw1 = await canvas.getAttribute('data-yaw');
  await canvas.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(canvas).not.toHaveAttribute('data-yaw', yaw1 ?? '');
});

test('embed fits 800×450 without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 450 });
  await page.goto(`./?view=landscape&${SMALL}&step=2&embed=1`);
  await ready(page);
  const overflow = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
  expect(overflow.x).toBeLessThanOrEqual(0);
  expect(overflow.y).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('loss-center')).toBeVisible();
});

test('pinned checkpoints become the 1-D pair, and the JSON export carries them', async ({
  page,
}) => {
  const watch = watchPage(page);
  await page.goto(`./?view=landscape&${SMALL}&step=4`);
  await ready(page);
  const loss4 = await readValue(page, 'train-loss');
  await expect(page.getByTestId('pins-hint')).toContainText('link');
  await page.getByTestId('pin-theta').click();
  await expect(page.getByTestId('pin-4')).toBeVisible();
  await expect(page.getByTestId('pin-theta')).toBeDisabled(); // step 4 is pinned already
  for (let i = 0; i < 3; i++) await page.getByTestId('step-once').click();
  await expect(page.getByTestId('step')).toHaveAttribute('data-value', '7');
  await ready(page);
  const loss7 = await readValue(page, 'train-loss');
  await page.getByTestId('pin-theta').click();
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('step')).toHaveAttribute('data-value', '8');
  await ready(page);
  const loss8 = await readValue(page, 'train-loss');
  // The default pair is θ₀ → θ: at α = 1 it is the train loss.
  const near = (a: number, b: number) => Math.abs(a - b) / b;
  expect(near(await readValue(page, 'interp-at-1'), loss8)).toBeLessThan(1e-6);

  await page.getByTestId('interp-from').selectOption('pin-4');
  await page.getByTestId('interp-to').selectOption('pin-7');
  await expect(page.getByTestId('interp-end-a')).toHaveText('pin @ 4');
  await expect(page.getByTestId('interp-end-b')).toHaveText('pin @ 7');
  await ready(page);
  // Now interp-at-1 is the loss at the pin of step 7, and the line's minimum is no higher than
  // either end.
  const at1 = await readValue(page, 'interp-at-1');
  expect(near(at1, loss7)).toBeLessThan(1e-6);
  expect(near(at1, loss8)).toBeGreaterThan(1e-6);
  expect(await readValue(page, 'interp-min')).toBeLessThanOrEqual(
    Math.min(loss4, loss7) * (1 + 1e-6),
  );
  await expect(page).not.toHaveURL(/pin/);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const data = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
    results: {
      theta: number[];
      pins: { step: number; theta: number[] }[];
      interpolation: { from: unknown; to: unknown; alphas: number[]; loss: number[] };
      readouts: Record<string, number>;
    };
  };
  const r = data.results;
  expect(r.pins.map((p) => p.step)).toEqual([4, 7]);
  for (const p of r.pins) expect(p.theta).toHaveLength(r.theta.length);
  expect(r.pins[0]?.theta).not.toEqual(r.pins[1]?.theta);
  expect(r.interpolation.from).toEqual({ kind: 'pin', step: 4 });
  expect(r.interpolation.to).toEqual({ kind: 'pin', step: 7 });
  expect(r.readouts['interp-at-1']).toBe(at1);

  // Removing a pinned end falls back to θ₀ at the start.
  await page.getByTestId('unpin-4').click();
  await expect(page.getByTestId('pin-4')).toHaveCount(0);
  await expect(page.getByTestId('interp-end-a')).toHaveText('θ₀');
  await expect(page.getByTestId('interp-end-b')).toHaveText('pin @ 7');
  expect(watch.errors).toEqual([]);
});
