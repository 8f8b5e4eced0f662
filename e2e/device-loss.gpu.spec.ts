import { expect, test } from '@playwright/test';
import { distinctCanvasColors, ghostsReady, readValue } from './helpers';

test('a lost GPU device is announced, re-acquired, and the picture keeps working', async ({
  page,
}) => {
  await page.goto('./');
  await ghostsReady(page);
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'gpu');
  await page.evaluate(async () => {
    const api = (window as unknown as { softmaxAtlas: { loseDevice: () => Promise<boolean> } })
      .softmaxAtlas;
    await api.loseDevice();
  });
  await expect(page.getByTestId('notice').filter({ hasText: 'GPU device was lost' })).toBeVisible();
  await page.getByTestId('z-1-input').fill('1');
  await page.getByTestId('z-1-input').press('Enter');
  await ghostsReady(page);
  expect(await readValue(page, 'rho-star')).toBeGreaterThan(await readValue(page, 'rho-a'));
  expect(await distinctCanvasColors(page)).toBeGreaterThan(50);
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'gpu');
});
