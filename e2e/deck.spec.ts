/**
 * The app in a real reveal.js deck (e2e/fixtures/deck.html), served with reveal.js's dist files
 * from disk under /__deck/ on the app's own origin: the deck keeps its keyboard after a click
 * into an embed, leaving a slide stops its live work, and coming back shows the same picture.
 */
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { READOUTS, watchPage } from './helpers';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** Serves the deck from e2e/fixtures and reveal.js from node_modules, both under /__deck/. */
async function openDeck(page: Page, hash = ''): Promise<void> {
  await page.route('**/__deck/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/__deck\//, '');
    const file = path.startsWith('reveal/')
      ? join('node_modules/reveal.js/dist', normalize(path.slice('reveal/'.length)))
      : join('e2e/fixtures', normalize(path));
    await route.fulfill({
      body: readFileSync(file),
      contentType: TYPES[extname(file)] ?? 'application/octet-stream',
    });
  });
  await page.goto(`/__deck/deck.html${hash}`);
  await page.waitForFunction(() => (window as unknown as { Reveal?: unknown }).Reveal);
}

const slide = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      (window as unknown as { Reveal: { getIndices: () => { h: number } } }).Reveal.getIndices().h,
  );

async function value(frame: FrameLocator, testId: string): Promise<number> {
  const v = await frame.getByTestId(testId).getAttribute('data-value');
  if (v === null || v === '') throw new Error(`readout ${testId} has no value`);
  return Number(v);
}

const planeReady = (frame: FrameLocator) =>
  expect(frame.getByTestId('ghosts-view')).toHaveAttribute('data-ready', 'true', {
    timeout: 30_000,
  });

test('after a click into an embed the deck still takes ArrowRight, ArrowLeft and Space', async ({
  page,
}) => {
  const watch = watchPage(page);
  await openDeck(page);
  const plane = page.frameLocator('#plane-frame');
  await planeReady(plane);
  // A click on the plane, as a lecturer would, at a point inside the figure.
  await page.locator('#plane-frame').click({ position: { x: 300, y: 200 } });
  // The click put the focus inside the embed: the keys below are typed into it, not the deck.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('plane-frame');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slide(page)).toBe(1);

  await page.locator('#spike-frame').click({ position: { x: 400, y: 300 } });
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('spike-frame');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => slide(page)).toBe(0);
  await page.keyboard.press(' ');
  await expect.poll(() => slide(page)).toBe(1);
  expect(watch.foreign).toEqual([]);
});

test('leaving a slide stops its replay; coming back finishes it and keeps the other slide’s picture', async ({
  page,
}) => {
  await openDeck(page);
  const plane = page.frameLocator('#plane-frame');
  await planeReady(plane);
  const before: Record<string, number> = {};
  for (const id of READOUTS) before[id] = await value(plane, id);

  // To the spike slide, whose link asks for step 200: a replay from the seed runs.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slide(page)).toBe(1);
  const spike = page.frameLocator('#spike-frame');
  const progress = spike.getByTestId('spike-progress');
  const at = async () => Number(await progress.getAttribute('aria-valuenow'));
  const first = await at();
  await expect.poll(at, { timeout: 60_000 }).toBeGreaterThan(first);

  // Away: reveal.js posts slide:stop to the spike frame.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slide(page)).toBe(2);
  await expect(progress).toHaveAttribute('data-paused', 'true');
  await expect(progress).toContainText('paused');
  // Steps already under way when the pause arrived may land; after that, none.
  await page.waitForTimeout(1000);
  const held = await at();
  await page.waitForTimeout(3000);
  expect(await at()).toBe(held);
  expect(held).toBeLessThan(200);
  await expect(spike.getByTestId('spike-view')).toHaveAttribute('data-state', 'running');

  // Back: slide:start, and the replay goes on from where it stood to the link's step.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => slide(page)).toBe(1);
  await expect(spike.getByTestId('spike-view')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
  expect(await value(spike, 'spike-step')).toBe(200);
  for (const id of ['acc-plain', 'acc-clip', 'acc-controller']) {
    const acc = await value(spike, id);
    expect(acc).toBeGreaterThan(0);
    expect(acc).toBeLessThanOrEqual(1);
  }

  // And the first slide shows the picture it showed before.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => slide(page)).toBe(0);
  await planeReady(plane);
  for (const id of READOUTS) expect(await value(plane, id)).toBe(before[id]);
});

test('a host drives the view: play, pause and step reach the live loop on screen', async ({
  page,
}) => {
  await openDeck(page, '#/1');
  const spike = page.frameLocator('#spike-frame');
  const send = (action: string) =>
    page.evaluate(
      (a) =>
        (document.getElementById('spike-frame') as HTMLIFrameElement).contentWindow?.postMessage(
          { type: 'softmax-atlas', version: 1, action: a },
          '*',
        ),
      action,
    );
  // Reset to step 0 through the API, then one step, then play until it moves on, then pause.
  await page.evaluate(() =>
    (document.getElementById('spike-frame') as HTMLIFrameElement).contentWindow?.postMessage(
      { type: 'softmax-atlas', version: 1, action: 'set', params: { step: '0' } },
      '*',
    ),
  );
  await expect(spike.getByTestId('spike-view')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
  await send('step');
  await expect.poll(() => value(spike, 'spike-step'), { timeout: 30_000 }).toBe(1);
  await send('play');
  await expect(spike.getByTestId('pause')).toBeVisible();
  await expect.poll(() => value(spike, 'spike-step'), { timeout: 30_000 }).toBeGreaterThan(2);
  await send('pause');
  await expect(spike.getByTestId('play')).toBeVisible();
});
