/**
 * The learning-rate-spike mode in both projects (training on the WGSL kernels in a worker in
 * `webgpu`, on the f64 CPU oracle in `cpu`): a short schedule replays deterministically from the
 * link, single-steps, and shows the controller keeping the accuracy that the 1000× spike destroys
 * in plain Adam; GPU training tracks the oracle, and `train=cpu` selects the oracle.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { readValue, watchPage } from './helpers';

const LINK = './?v=1&view=ghosts&mode=spike&at=5&hold=10&step=15&spike=1000';
const ACC = ['acc-plain', 'acc-clip', 'acc-controller'] as const;

async function spikeDone(page: Page): Promise<void> {
  await expect(page.getByTestId('spike-view')).toHaveAttribute('data-state', 'done', {
    timeout: 30_000,
  });
}

/** Where the project's page trains by default: on the GPU where WebGPU is on. */
const defaultBackend = (info: TestInfo): string => (info.project.name === 'webgpu' ? 'GPU' : 'CPU');

interface SpikeJson {
  step: number;
  backend: string;
  params: { train: string };
  runs: { mode: string; finalTestAccuracy: number; loss: number[]; rhoA: number[] }[];
}

/** The export envelope's spike results, with its backend and params beside them. */
async function exportJson(page: Page): Promise<SpikeJson> {
  const { readFileSync } = await import('node:fs');
  const json = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const e = JSON.parse(readFileSync(await (await json).path(), 'utf8')) as {
    mode: string;
    backend: string;
    params: { train: string };
    results: { step: number; runs: SpikeJson['runs'] };
  };
  expect(e.mode).toBe('spike');
  return { step: e.results.step, backend: e.backend, params: e.params, runs: e.results.runs };
}

async function accuracies(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (const id of ACC) out.push(await readValue(page, id));
  return out;
}

test('a spike link replays to its step, identically on reload, and single-steps', async ({
  page,
}, info) => {
  const watch = watchPage(page);
  await page.goto(LINK);
  await spikeDone(page);
  expect(await readValue(page, 'spike-step')).toBe(15);
  const first = await accuracies(page);
  for (const a of first) expect(a >= 0 && a <= 1).toBe(true);
  const [plain = NaN, , controller = NaN] = first;
  expect(controller).toBeGreaterThanOrEqual(plain);
  await expect(page.getByTestId('mode-spike')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('spike-backend')).toContainText(defaultBackend(info));

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

  const data = await exportJson(page);
  expect(data.step).toBe(7);
  expect(data.runs.map((r) => r.mode)).toEqual(['plain', 'clip', 'controller']);
  expect(data.runs[2]?.finalTestAccuracy).toBe(await readValue(page, 'acc-controller'));
  for (const r of data.runs) expect(r.loss).toHaveLength(7);
});

test('GPU training tracks the f64 oracle before the spike, and train=cpu selects the oracle', async ({
  page,
}, info) => {
  const link = './?v=1&view=ghosts&mode=spike&at=8&hold=4&step=12';
  await page.goto(link);
  await spikeDone(page);
  await expect(page.getByTestId('spike-backend')).toContainText(defaultBackend(info));
  const auto = await exportJson(page);
  expect(auto.backend).toMatch(info.project.name === 'webgpu' ? /^gpu: / : /^cpu: /);

  await page.getByTestId('spike-train-on').selectOption('cpu');
  await expect(page).toHaveURL(/train=cpu/);
  await spikeDone(page);
  await expect(page.getByTestId('spike-backend')).toContainText('CPU');
  const cpu = await exportJson(page);
  expect(cpu.params.train).toBe('cpu');
  expect(cpu.step).toBe(12);
  // Before the spike (lr 1e-3, 8 steps) f32 kernels and the f64 oracle differ by ~1e-7 of the
  // loss; a wrong gradient or a wrong batch order would be off by far more.
  for (const [r, run] of cpu.runs.entries()) {
    for (let t = 0; t < 8; t++) {
      const want = run.loss[t] ?? NaN;
      const got = auto.runs[r]?.loss[t] ?? NaN;
      expect(Math.abs(got - want) / want).toBeLessThan(1e-4);
    }
  }
  // Without WebGPU both links run the same oracle: the same numbers, bit for bit.
  if (info.project.name !== 'webgpu') expect(auto.runs).toEqual(cpu.runs);
});
