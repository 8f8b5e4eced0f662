/**
 * Every available instrument, read from the registry: its default link opens without a
 * notice or a console error, shows its first mode's readouts with numbers, loads nothing from
 * another origin, and navigation offers it. A new instrument is covered by registering it.
 */
import { expect, test } from '@playwright/test';
import { AVAILABLE, INSTRUMENTS } from '../src/instruments/registry';
import { watchPage } from './helpers';

for (const inst of AVAILABLE) {
  test(`${inst.id}: the default link renders its readouts with no notice or error`, async ({
    page,
  }) => {
    const watch = watchPage(page);
    await page.goto(`./?view=${inst.id}`);
    await expect(page.getByTestId('app')).toBeVisible();
    const first = Object.values(inst.readouts)[0] ?? [];
    for (const id of first) {
      await expect(page.getByTestId(id).first()).not.toHaveAttribute('data-value', '', {
        timeout: 60_000,
      });
    }
    await expect(page.getByTestId('notice')).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`view=${inst.id}`));
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
  });
}

test('navigation lists every instrument, the planned ones as coming', async ({ page }) => {
  await page.goto('./');
  const nav = page.getByRole('navigation', { name: 'instruments' });
  for (const inst of INSTRUMENTS) {
    const item = nav.getByText(inst.title, { exact: true });
    await expect(item).toBeVisible();
    // The link carries the view's parameters as this session left them.
    if (inst.status === 'available')
      await expect(item).toHaveAttribute('href', new RegExp(`[?&]view=${inst.id}(&|$)`));
    else await expect(item).toHaveAttribute('title', /in preparation/);
  }
});
