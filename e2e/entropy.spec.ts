/**
 * The entropy view in both projects (the bandit trains on the WGSL kernels in a worker in
 * `webgpu`, on the f64 CPU path in `cpu`): a `step=` link replays to the same readouts after a
 * reload, every method (and grpo, and task=seq) runs, single-step moves on by one, and bad
 * values fall back alone and are named in the notice.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { readValue, watchPage } from './helpers';

const READOUTS = [
  'step',
  'entropy',
  'reward',
  'cov',
  'dh-pred',
  'dh-actual',
  'fit-a',
  'fit-b',
  'fit-r2',
  'ceiling',
  'pass-at-1',
  'pass-at-k',
  'base-entropy',
  'base-reward',
] as const;

async function entropyDone(page: Page): Promise<void> {
  await expect(page.getByTestId('entropy-view')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
}

async function readAll(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of READOUTS) out[id] = await readValue(page, id);
  return out;
}

const expected = (info: TestInfo): string => (info.project.name === 'webgpu' ? 'gpu' : 'cpu');

test('a step= link restores the same readouts after reload, and steps on by one', async ({
  page,
}, info) => {
  const watch = watchPage(page);
  await page.goto('./?v=1&view=entropy&B=64&K=8&lr=1&method=bonus&coef=0.05&step=40');
  await entropyDone(page);
  await expect(page.getByTestId('entropy-backend')).toHaveAttribute('data-backend', expected(info));
  const first = await readAll(page);
  expect(first.step).toBe(40);
  for (const id of READOUTS) expect(Number.isFinite(first[id]), id).toBe(true);
  // The bonus keeps entropy above the plain baseline from the same seed.
  expect(first.entropy).toBeGreaterThan(first['base-entropy'] ?? Infinity);

  await page.reload();
  await entropyDone(page);
  expect(await readAll(page)).toEqual(first);

  await page.getByTestId('step-once').click();
  await expect.poll(() => readValue(page, 'step'), { timeout: 30_000 }).toBe(41);
  await entropyDone(page);
  await expect(page).toHaveURL(/step=41/);
  expect(watch.errors).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

const RUNS = [
  'method=none',
  'method=bonus',
  'method=clip-cov&clip-r=0.1&w-low=0.001',
  'method=kl-cov&kl-k=0.2',
  'method=steer',
  'method=div&div=rkl',
  'method=div&div=fkl',
  'method=div&div=js',
  'alg=npg&lr=0.5&method=kl-cov&kl-k=0.2',
  'alg=grpo&G=8&method=clip-cov&clip-r=0.1&w-low=0.05',
  'alg=grpo&G=8&method=steer',
];

test('each method runs (pg, npg and grpo)', async ({ page }) => {
  test.setTimeout(240_000);
  const watch = watchPage(page);
  for (const run of RUNS) {
    await page.goto(`./?v=1&view=entropy&B=16&K=8&step=6&${run}`);
    await entropyDone(page);
    expect(await readValue(page, 'step'), run).toBe(6);
    expect(Number.isFinite(await readValue(page, 'entropy')), run).toBe(true);
    expect(Number.isFinite(await readValue(page, 'dh-pred')), run).toBe(true);
  }
  expect(watch.errors).toEqual([]);
});

test('task=seq runs on the CPU path and says so', async ({ page }) => {
  await page.goto('./?v=1&view=entropy&task=seq&B=16&K=4&L=3&step=20');
  await entropyDone(page);
  await expect(page.getByTestId('entropy-backend')).toHaveAttribute('data-backend', 'cpu');
  expect(await readValue(page, 'step')).toBe(20);
  const h = await readValue(page, 'entropy');
  expect(h).toBeGreaterThan(0);
  expect(h).toBeLessThan(Math.log(4) + 1e-9);
});

test('bad values fall back alone and are named in the notice', async ({ page }) => {
  await page.goto('./?v=1&view=entropy&alg=foo&K=0&rewards=1,x&B=32&step=3');
  await entropyDone(page);
  const notices = page.getByTestId('notice');
  await expect(notices.first()).toBeVisible();
  const text = (await notices.allTextContents()).join(' ');
  for (const param of ['alg', 'K', 'rewards']) expect(text).toContain(param);
  // The good values in the same link are kept.
  expect(await readValue(page, 'step')).toBe(3);
  await expect(page.getByTestId('alg')).toHaveValue('pg');
  await expect(page.getByTestId('entropy-view')).toContainText('B 32 × K 2');
});
