import { expect, test, type Page } from '@playwright/test';
import { ghostsReady, readValue } from './helpers';

const send = (page: Page, data: unknown) => page.evaluate((d) => window.postMessage(d, '*'), data);

test('work pauses on slide:stop and resumes on slide:start', async ({ page }) => {
  await page.goto('./?v=1&view=ghosts&embed=1');
  await ghostsReady(page);
  await send(page, 'slide:stop');
  // E3 (z = a = (1,0,−1)) has ρ* = √(1 + (2π/3)²); a paused view must not compute it yet.
  await send(page, {
    type: 'softmax-atlas',
    version: 1,
    action: 'set',
    params: { z: '1,0,-1', a: '1,0,-1' },
  });
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('ghosts-view')).toHaveAttribute('data-ready', 'false');
  expect(await readValue(page, 'rho-star')).toBeCloseTo(1.708092882245, 9);
  await send(page, 'slide:start');
  await ghostsReady(page);
  expect(await readValue(page, 'rho-star')).toBeCloseTo(2.320881480155, 9);
});

test('work pauses while the tab is hidden', async ({ page }) => {
  await page.goto('./');
  await ghostsReady(page);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await send(page, { type: 'softmax-atlas', version: 1, action: 'set', params: { a: '1,0,-1' } });
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('ghosts-view')).toHaveAttribute('data-ready', 'false');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await ghostsReady(page);
  expect(await readValue(page, 'delta-a')).toBe(2);
});
