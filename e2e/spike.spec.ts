/**
 * The learning-rate-spike mode in both projects (training runs on the CPU worker in each): a
 * short schedule replays deterministically from the link, single-steps, and shows the controller
 * keeping the accuracy that the 1000× spike destroys in plain Adam.
 */
import { expect, test, type Page } from '@playwright/test';
import { readValue, watchPage } from './helpers';

const LINK = './?v=1&view=ghosts&mode=spike&at=5&hold=10&step=15&spike=1000';
const ACC = ['acc-plain', 'acc-clip', 'acc-controller'] as const;

async function spikeDone(page: Page): Promise<void> {
  await expect(page.getByTestId('spike-view')).toHaveAttribute('data-state', 'done', {
    timeout: 30_000,
  });
}

async function accuracies(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (const id of ACC) out.push(await readValue(page, id));
  return out;
}

test('a spike link replays to its step, identically on reload, and single-steps', async ({
  page,
}) => {
  const watch = watchPage(page);
  await page.goto(LINK);
  await spikeDone(page);
  expect(await readValue(page, 'spike-step')).toBe(15);
  const first = await accuracies(page);
  for (const a of first) expect(a >= 0 && a <= 1).toBe(true);
  const [plain = NaN, , controller = NaN] = first;
  expect(controller).toBeGreaterThanOrEqual(plain);
  await expect(page.getByTestId('mode-spike')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('spike-backend')).toContainText('CPU');

  await page.reload();
  await spikeDone(page);
  expect(await accuracies(page)).toEqual(first);

  // The run ends at at + hold = 15: rewind one step, then single-step back to the same numbers.
  await page.goto(LINK.replace('step=15', 'step=14'));
  await spikeDone(page);
  expect(await readValue(page, 'spike-step')).toBe(14);
  await page.getByTestId('step-once').click();
  await expect.poll(() => readValue(page, 'spike-step')).toBe(15);
  await spikeDone(page);
  expect(await accuracies(page)).toEqual(first);
  await expect(page).toHaveURL(/step=15/);
  expect(watch.errors).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

test('the mode tabs switch between the plane and the spike experiment', async ({ page }) => {
  await page.goto('./?v=1&view=ghosts&at=3&hold=4');
  await page.getByTestId('mode-spike').click();
  await expect(page).toHaveURL(/mode=spike/);
  await spikeDone(page);
  expect(await readValue(page, 'spike-step')).toBe(0);
  await page.getByTestId('play').click();
  await expect.poll(() => readValue(page, 'spike-step'), { timeout: 30_000 }).toBe(7);
  await spikeDone(page);
  await expect(page.getByTestId('play')).toBeVisible();
  await page.getByTestId('reset').click();
  await expect.poll(() => readValue(page, 'spike-step')).toBe(0);
  await page.getByTestId('mode-plane').click();
  await expect(page.getByTestId('ghosts-view')).toBeVisible();
  await expect(page).not.toHaveURL(/mode=/);
});

test('the spike charts export as PNG and SVG and the records as JSON', async ({ page }) => {
  await page.goto('./?v=1&view=ghosts&mode=spike&at=3&hold=4&step=7');
  await spikeDone(page);
  const { readFileSync } = await import('node:fs');

  const png = page.waitForEvent('download');
  await page.getByTestId('export-png').click();
  expect(
    readFileSync(await (await png).path())
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');

  const svg = page.waitForEvent('download');
  await page.getByTestId('export-svg').click();
  const svgText = readFileSync(await (await svg).path(), 'utf8');
  expect(svgText).toContain('Test accuracy');
  expect(svgText).toContain('ρ_a controller: τ, ρ_a');

  const json = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const data = JSON.parse(readFileSync(await (await json).path(), 'utf8')) as {
    step: number;
    runs: { mode: string; finalTestAccuracy: number; loss: number[]; rhoA: number[] }[];
  };
  expect(data.step).toBe(7);
  expect(data.runs.map((r) => r.mode)).toEqual(['plain', 'clip', 'controller']);
  expect(data.runs[2]?.finalTestAccuracy).toBe(await readValue(page, 'acc-controller'));
  for (const r of data.runs) expect(r.loss).toHaveLength(7);
});
