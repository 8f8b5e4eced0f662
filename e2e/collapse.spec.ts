/**
 * The collapse view in both projects (the worker picks its backend: the f64 CPU path on the
 * software adapter and without WebGPU): a step= link replays to the same readouts after a
 * reload, the 3-D view rotates by drag and by keyboard, and a bad counts falls back alone.
 */
import { expect, test, type Page } from '@playwright/test';
import { readValue, watchPage } from './helpers';

const LINK = './?v=1&view=collapse&loss=mse&counts=40,10,5&lam-w=0.01&lam-h=0.01&step=300';
const IDS = ['step', 'loss', 'nc1', 'nc2-equinorm', 'nc2-equiangle', 'etf-dist', 'nc3', 'nc4'];

async function collapseDone(page: Page): Promise<void> {
  await expect(page.getByTestId('collapse-view')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
}

async function readouts(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of [...IDS, 'mean-cos', 'norm-h-0', 'norm-w-2', 'theory-norm-h-0'])
    out[id] = await readValue(page, id);
  return out;
}

test('a step= link replays to the same readouts after a reload', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(LINK);
  await collapseDone(page);
  const first = await readouts(page);
  expect(first.step).toBe(300);
  expect(first.loss).toBeGreaterThan(0);
  await page.reload();
  await collapseDone(page);
  expect(await readouts(page)).toEqual(first);
  // Single-stepping moves the link and the readouts together.
  await page.getByTestId('step-once').click();
  await expect.poll(() => readValue(page, 'step'), { timeout: 30_000 }).toBe(301);
  await expect(page).toHaveURL(/step=301/);
  expect(watch.errors).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

test('the 3-D view rotates by drag and by keyboard', async ({ page }) => {
  await page.goto('./?v=1&view=collapse&step=50');
  await collapseDone(page);
  const view = page.getByTestId('collapse-3d');
  const yaw = async () => Number(await view.getAttribute('data-yaw'));
  const pitch = async () => Number(await view.getAttribute('data-pitch'));
  const y0 = await yaw();
  const box = await view.boundingBox();
  if (!box) throw new Error('no 3-D view');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 30, { steps: 6 });
  await page.mouse.up();
  await expect.poll(yaw).toBeGreaterThan(y0 + 0.5);
  await view.focus();
  const y1 = await yaw();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(yaw).toBeLessThan(y1);
  const p1 = await pitch();
  await page.keyboard.press('ArrowDown');
  await expect.poll(pitch).toBeGreaterThan(p1);
});

test('a bad counts=5,x falls back alone and is named', async ({ page }) => {
  await page.goto('./?v=1&view=collapse&counts=5,x&loss=mse&K=3&step=20');
  await collapseDone(page);
  const notices = page.locator('.notice');
  await expect(notices).toContainText('counts');
  await expect(notices).toContainText('"x"');
  await expect(notices).not.toContainText('loss');
  // The other keys were kept: K = 3 classes, MSE (its closed form gives theory values).
  await expect(page.getByTestId('norm-h-2')).toBeVisible();
  await expect(page.getByTestId('norm-h-3')).toHaveCount(0);
  await expect(page.getByTestId('theory-norm-h-0')).toBeVisible();
  expect(await readValue(page, 'step')).toBe(20);
});

test('play advances the run and pause stops it', async ({ page }) => {
  await page.goto('./?v=1&view=collapse&step=10');
  await collapseDone(page);
  await page.getByTestId('play').click();
  await expect.poll(() => readValue(page, 'step'), { timeout: 30_000 }).toBeGreaterThan(12);
  await page.getByTestId('pause').click();
  await collapseDone(page);
  const stopped = await readValue(page, 'step');
  await expect(page).toHaveURL(new RegExp(`step=${String(stopped)}`));
  await page.getByTestId('reset').click();
  await expect.poll(() => readValue(page, 'step'), { timeout: 30_000 }).toBe(0);
});

test('embed mode fits 800×450 without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 450 });
  await page.goto('./?v=1&view=collapse&embed=1&K=10&d=32&step=200');
  await collapseDone(page);
  await expect(page.getByTestId('collapse-3d')).toBeVisible();
  const size = await page.evaluate(() => ({
    h: document.documentElement.scrollHeight,
    w: document.documentElement.scrollWidth,
  }));
  expect(size.h).toBeLessThanOrEqual(450);
  expect(size.w).toBeLessThanOrEqual(800);
});
