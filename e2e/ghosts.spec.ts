/**
 * The ghosts view as a user meets it, in both projects: with WebGPU (SwiftShader) and
 * without it (the CPU path). Numbers must agree with SPEC §1 (E4 is the default state).
 */
import { expect, test } from '@playwright/test';
import { distinctCanvasColors, ghostsReady, readAll, readValue, watchPage } from './helpers';

// SPEC §1, golden E4: z=(2,0.5,−1), a=(1.5,−0.3,−1.2).
const E4 = {
  rhoStar: 1.708092882245,
  rhoA: 1.16355283466,
  zeroRe: -0.748710794679,
  zeroIm: 1.535256799466,
};

test('default view renders a non-blank plane with the E4 readouts and no console errors', async ({
  page,
}, info) => {
  const watch = watchPage(page);
  await page.goto('./');
  await ghostsReady(page);
  const v = await readAll(page);
  expect(v['delta-a']).toBeCloseTo(2.7, 12);
  expect(v['rho-a']).toBeCloseTo(E4.rhoA, 9);
  expect(v['rho-star']).toBeCloseTo(E4.rhoStar, 9);
  expect(v['zero-re']).toBeCloseTo(E4.zeroRe, 9);
  expect(v['zero-im']).toBeCloseTo(E4.zeroIm, 9);
  expect(v['r-ratio']).toBeCloseTo(0.93 / E4.rhoA, 9);
  await expect(page.getByTestId('r-badge')).toHaveAttribute('data-state', 'safe');
  expect(await distinctCanvasColors(page)).toBeGreaterThan(50);
  const canvasWidth = await page
    .getByTestId('plane-canvas')
    .evaluate((c) => (c as HTMLCanvasElement).width);
  expect(canvasWidth).toBeGreaterThanOrEqual(512);
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', info.project.name === 'cpu' ? 'cpu' : 'gpu');
  await expect(page.getByTestId('zero-marker').first()).toBeVisible();
  expect(watch.errors).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

test('moving the step and the logits updates the readouts and the badge', async ({ page }) => {
  await page.goto('./');
  await ghostsReady(page);
  await page.getByTestId('r-input').fill('1.2');
  await page.getByTestId('r-input').press('Enter');
  await expect(page.getByTestId('r-badge')).toHaveAttribute('data-state', 'beyond-bound');
  // τ = 1.2ρ_a is held to the six digits the τ field shows.
  expect(await readValue(page, 'r-ratio')).toBeCloseTo(1.2, 5);
  await page.getByTestId('tau-input').fill('3');
  await page.getByTestId('tau-input').press('Enter');
  await expect(page.getByTestId('r-badge')).toHaveAttribute('data-state', 'dangerous');

  const before = await readValue(page, 'rho-star');
  // E3 has a closed form: z=a=(1,0,−1) puts the nearest zeros at −1 ± 2πi/3.
  for (const [name, values] of [
    ['z', [1, 0, -1]],
    ['a', [1, 0, -1]],
  ] as const) {
    for (const [i, v] of values.entries()) {
      await page.getByTestId(`${name}-${i}-input`).fill(String(v));
      await page.getByTestId(`${name}-${i}-input`).press('Enter');
    }
  }
  await ghostsReady(page);
  await expect.poll(() => readValue(page, 'rho-star')).toBeCloseTo(2.320881480155, 9);
  expect(before).not.toBeCloseTo(2.320881480155, 3);
  expect(await readValue(page, 'zero-re')).toBeCloseTo(-1, 9);

  // The keyboard moves a slider too.
  const slider = page.getByTestId('a-1-slider');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await ghostsReady(page);
  expect(await readValue(page, 'delta-a')).toBeCloseTo(2, 12);
  await expect(page).toHaveURL(/a=1%2C0\.01%2C-1|a=1,0\.01,-1/);
});

test('adding and removing a class changes K and keeps the label valid', async ({ page }) => {
  await page.goto('./?v=1&view=ghosts&y=2');
  await ghostsReady(page);
  await page.getByTestId('add-row').click();
  await expect(page.getByTestId('z-3-input')).toBeVisible();
  await page.getByTestId('a-3-input').fill('-4');
  await page.getByTestId('a-3-input').press('Enter');
  await ghostsReady(page);
  expect(await readValue(page, 'delta-a')).toBeCloseTo(5.5, 12);
  await page.getByTestId('remove-row-2').click();
  await ghostsReady(page);
  await expect(page.getByTestId('pick-0')).toBeChecked();
  await expect(page.getByTestId('z-3-input')).toHaveCount(0);
});

test('a permalink round-trips to identical numbers', async ({ page, context }) => {
  await page.goto('./?v=1&view=ghosts&z=0.3,1.2,-0.4,0&a=0.8,-1.1,0.4,2&y=2&tau=1.7&color=modulus');
  await ghostsReady(page);
  const first = await readAll(page);
  // SPEC §1 E5.
  expect(first['rho-star']).toBeCloseTo(1.396687763231, 9);
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('permalink').inputValue();
  expect(link).toContain('z=0.3,1.2,-0.4,0');
  const other = await context.newPage();
  await other.goto(link);
  await ghostsReady(other);
  expect(await readAll(other)).toEqual(first);
  await expect(other.getByTestId('color-mode')).toHaveValue('modulus');
});

const BAD_LINKS: [string, string][] = [
  ['z=abc', 'z'],
  ['z=1,2,3&a=1,2', 'a'],
  [`z=${Array.from({ length: 500 }, (_, i) => i % 7).join(',')}`, 'z'],
  ['tau=-1', 'tau'],
  ['tau=NaN', 'tau'],
  ['bogus=1', 'bogus'],
  [`junk=${'%7Bx'.repeat(2500)}`, 'junk'],
  ['view=atlas', 'view'],
];

for (const [query, param] of BAD_LINKS) {
  test(`a bad link (${query.slice(0, 30)}) names ${param} and still shows a working view`, async ({
    page,
  }) => {
    const watch = watchPage(page);
    await page.goto(`./?${query}`);
    const notice = page.getByTestId('notice').first();
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(param);
    await ghostsReady(page);
    const v = await readAll(page);
    for (const x of Object.values(v)) expect(Number.isFinite(x)).toBe(true);
    expect(await distinctCanvasColors(page)).toBeGreaterThan(50);
    expect(watch.errors).toEqual([]);
  });
}

test('embed mode fills an 800×450 frame without scrolling and links to the full view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 450 });
  await page.goto('./?v=1&view=ghosts&embed=1');
  await ghostsReady(page);
  await expect(page.getByTestId('app')).toHaveAttribute('data-embed', 'true');
  const scroll = await page.evaluate(() => ({
    w: document.documentElement.scrollWidth,
    h: document.documentElement.scrollHeight,
  }));
  expect(scroll.w).toBeLessThanOrEqual(800);
  expect(scroll.h).toBeLessThanOrEqual(450);
  const full = page.getByTestId('open-full-view');
  await expect(full).toBeVisible();
  expect(await full.getAttribute('href')).not.toContain('embed=1');
  await expect(page.getByTestId('rho-star')).toBeVisible();
  await expect(page.getByTestId('plane-canvas')).toBeVisible();
  // Keys belong to the host deck until the frame is focused: nothing may cancel them.
  const prevented = await page.evaluate(() => {
    const ev = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    document.body.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
  expect(prevented).toBe(false);
});

test('a host page drives the embedded view through postMessage', async ({ page }) => {
  await page.goto('./?v=1&view=ghosts&embed=1');
  await ghostsReady(page);
  await page.evaluate(() =>
    window.postMessage(
      { type: 'softmax-atlas', version: 1, action: 'set', params: { tau: '3' } },
      '*',
    ),
  );
  await expect.poll(() => readValue(page, 'r-ratio')).toBeCloseTo(3 / 1.16355283466, 9);
  await page.evaluate(() =>
    window.postMessage(
      { type: 'softmax-atlas', version: 1, action: 'set', params: { tau: '-5' } },
      '*',
    ),
  );
  await expect(page.getByTestId('notice').first()).toContainText('tau');
});

test('PNG, SVG and JSON exports download real files', async ({ page }) => {
  await page.goto('./');
  await ghostsReady(page);
  const png = page.waitForEvent('download');
  await page.getByTestId('export-png').click();
  const pngFile = await (await png).path();
  const { readFileSync } = await import('node:fs');
  const pngBytes = readFileSync(pngFile);
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  // 2× scale: the IHDR width is twice the figure's CSS width.
  const svgWidth = await page
    .getByTestId('plane-svg')
    .evaluate((s) => (s as SVGSVGElement).width.baseVal.value);
  expect(pngBytes.readUInt32BE(16)).toBe(Math.round(svgWidth * 2));

  const svg = page.waitForEvent('download');
  await page.getByTestId('export-svg').click();
  const svgText = readFileSync(await (await svg).path(), 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('data:image/png;base64');
  expect(svgText).toContain('Re t');

  const json = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const data = JSON.parse(readFileSync(await (await json).path(), 'utf8')) as {
    view: string;
    link: string;
    results: { readouts: Record<string, number> };
  };
  expect(data.view).toBe('ghosts');
  expect(data.link).not.toContain('embed=');
  expect(data.results.readouts['rho-star']).toBeCloseTo(1.708092882245, 9);
  expect(data.results.readouts['rho-star']).toBe(await readValue(page, 'rho-star'));
});

test('the theme follows the system and can be switched', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-toggle').click(); // system → light
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page).toHaveURL(/theme=light/);
});
