/**
 * Exports that describe themselves, links that say what the controls show, and first contact:
 * the link inside an exported SVG (its caption) and inside the JSON envelope reopens the same
 * readouts; the caption can be left off; exported links never carry an embed's keys; copy
 * link and embed code confirm, or fall back to a focused field when the clipboard refuses;
 * a guided preset changes the readouts; Back after a mode or view switch stays in the app.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AVAILABLE } from '../src/instruments/registry';
import { ghostsReady, readAll, readValue, watchPage } from './helpers';

interface Envelope {
  app: string;
  version: number;
  view: string;
  mode: string | null;
  link: string;
  backend: string | null;
  params: Record<string, unknown>;
  partial: boolean;
  missing?: string;
  results: Record<string, unknown>;
}

async function download(page: Page, testId: string): Promise<string> {
  const file = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return readFileSync(await (await file).path(), 'utf8');
}

const exportJson = async (page: Page): Promise<Envelope> =>
  JSON.parse(await download(page, 'export-json')) as Envelope;

/** The SVG's caption text and the link it carries (the caption's <a href>). */
async function exportSvg(page: Page): Promise<{ caption: string; link: string | null }> {
  const text = await download(page, 'export-svg');
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const caption = doc.querySelector('[data-caption]');
    return {
      caption: caption?.textContent ?? '',
      link: doc.querySelector('[data-caption-link]')?.getAttribute('href') ?? null,
    };
  }, text);
}

/** Replaces the clipboard: every write resolves (and is recorded) or is refused. */
async function stubClipboard(page: Page, allow: boolean): Promise<void> {
  await page.addInitScript((ok) => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      value: {
        writeText: (text: string) => {
          if (!ok) return Promise.reject(new DOMException('refused', 'NotAllowedError'));
          w.copied.push(text);
          return Promise.resolve();
        },
      },
    });
  }, allow);
}

const copied = (page: Page) =>
  page.evaluate(() => (window as unknown as { copied: string[] }).copied);

test('ghosts: the SVG caption and the JSON carry the link, and both reopen the same readouts', async ({
  page,
  context,
}) => {
  const watch = watchPage(page);
  await page.goto('./?v=1&view=ghosts&z=0.3,1.2,-0.4,0&a=0.8,-1.1,0.4,2&y=2&tau=1.7');
  await ghostsReady(page);
  // A slider move: the value it writes has more digits than the control shows.
  await page.getByTestId('tau-slider').press('ArrowRight');
  await expect(page).not.toHaveURL(/tau=1\.7(&|$)/);
  await ghostsReady(page);
  const tau = /tau=([^&]+)/.exec(page.url())?.[1] ?? '';
  expect(tau.replace(/^0\.0*|\./g, '').length).toBeLessThanOrEqual(6);
  const first = await readAll(page);

  const svg = await exportSvg(page);
  expect(svg.caption).toContain('view=ghosts, mode=plane');
  expect(svg.caption).toContain(`tau=${tau}`);
  expect(svg.caption).toContain('z=0.3,1.2,-0.4,0');
  expect(svg.link).toContain(`tau=${tau}`);

  const json = await exportJson(page);
  expect(Object.keys(json)).toEqual([
    'app',
    'version',
    'view',
    'mode',
    'link',
    'backend',
    'params',
    'partial',
    'results',
  ]);
  expect(json).toMatchObject({
    app: 'softmax-atlas',
    view: 'ghosts',
    mode: 'plane',
    partial: false,
  });
  expect(json.link).toBe(svg.link);

  for (const link of [svg.link ?? '', json.link]) {
    const other = await context.newPage();
    await other.goto(link);
    await ghostsReady(other);
    expect(await readAll(other)).toEqual(first);
    await other.close();
  }
  expect(watch.errors).toEqual([]);
});

test('collapse: the exported link at link precision reopens the same readouts', async ({
  page,
  context,
}) => {
  const ids = AVAILABLE.find((i) => i.id === 'collapse')?.readouts['ufm'] ?? [];
  const done = (p: Page) =>
    expect(p.getByTestId('collapse-view')).toHaveAttribute('data-state', 'done', {
      timeout: 60_000,
    });
  const read = async (p: Page) => Promise.all(ids.map((id) => readValue(p, id)));
  await page.goto('./?v=1&view=collapse&lr=0.123456789&step=20');
  await done(page);
  await expect(page).toHaveURL(/lr=0\.123457(&|$)/);
  const first = await read(page);
  const json = await exportJson(page);
  expect(json).toMatchObject({ view: 'collapse', mode: 'ufm', partial: false });
  expect(json.link).toContain('lr=0.123457');
  const svg = await exportSvg(page);
  expect(svg.caption).toContain('view=collapse, mode=ufm');
  expect(svg.link).toBe(json.link);
  const other = await context.newPage();
  await other.goto(json.link);
  await done(other);
  expect(await read(other)).toEqual(first);
});

test('the caption toggle leaves the caption off the SVG', async ({ page }) => {
  await page.goto('./?view=ghosts');
  await ghostsReady(page);
  await page.getByTestId('export-caption').uncheck();
  const svg = await exportSvg(page);
  expect(svg.caption).toBe('');
  expect(svg.link).toBeNull();
});

test('an embed exports full-page links: no embed, controls or origin', async ({ page }) => {
  await page.goto('./?view=ghosts&embed=1&controls=tau&origin=https://example.org&tau=1.2');
  await ghostsReady(page);
  const json = await exportJson(page);
  const svg = await exportSvg(page);
  for (const link of [json.link, svg.link ?? '']) {
    expect(link).toContain('tau=1.2');
    expect(link).not.toMatch(/embed=|controls=|origin=/);
  }
  await expect(page.getByTestId('open-full-view')).not.toHaveAttribute('href', /embed=|controls=/);
});

test('copy link confirms; a refused clipboard leaves the link focused and selected', async ({
  browser,
}) => {
  const ok = await browser.newPage();
  await stubClipboard(ok, true);
  await ok.goto('./?view=ghosts&tau=1.2');
  await ghostsReady(ok);
  await ok.getByTestId('copy-link').click();
  await expect(ok.getByTestId('copy-link')).toHaveText(/Copied/);
  expect((await copied(ok))[0]).toMatch(/view=ghosts.*tau=1\.2/);
  await ok.getByTestId('copy-embed').click();
  await expect(ok.getByTestId('copy-embed')).toHaveText(/Copied/);
  const code = (await copied(ok))[1] ?? '';
  expect(code).toMatch(/^<iframe src="[^"]*embed=1[^"]*"/);
  expect(code).toContain('allow="clipboard-write"');
  expect(code).toMatch(/width="\d+" height="\d+" title="Softmax Atlas: ghosts"/);
  await ok.close();

  const refused = await browser.newPage();
  await stubClipboard(refused, false);
  await refused.goto('./?view=ghosts&tau=1.2');
  await ghostsReady(refused);
  await refused.getByTestId('copy-link').click();
  const field = refused.getByTestId('permalink');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(/view=ghosts.*tau=1\.2/);
  await expect(refused.getByTestId('copy-link')).toHaveText('Copy link');
  const selected = await field.evaluate((el) => {
    const input = el as HTMLInputElement;
    return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
  });
  expect(selected).toBe(await field.inputValue());
  await refused.close();
});

test('a guided preset changes the readouts, and Back returns to the previous step', async ({
  page,
}) => {
  await page.goto('./?view=ghosts');
  await ghostsReady(page);
  await expect(page.getByTestId('about')).toHaveAttribute('open', '');
  const before = await readValue(page, 'r-ratio');
  expect(before).toBeLessThan(1);
  await page.getByTestId('preset-1').click(); // past ρ_a, inside ρ*
  await expect(page).toHaveURL(/tau=1\.4/);
  await ghostsReady(page);
  const r = await readValue(page, 'r-ratio');
  expect(r).toBeGreaterThan(1);
  expect(1.4).toBeLessThan(await readValue(page, 'rho-star'));
  await page.goBack();
  await expect(page).not.toHaveURL(/tau=/);
  await ghostsReady(page);
  expect(await readValue(page, 'r-ratio')).toBe(before);
});

test('Back after a mode switch and a view switch stays in the app', async ({ page }) => {
  await page.goto('./?view=ghosts&tau=1.2');
  await ghostsReady(page);
  await page.getByTestId('mode-spike').click();
  await expect(page).toHaveURL(/mode=spike/);
  await page.getByRole('navigation', { name: 'instruments' }).getByText('collapse').click();
  await expect(page).toHaveURL(/view=collapse/);
  await expect(page.getByTestId('collapse-view')).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/view=ghosts.*mode=spike/);
  await page.goBack();
  await expect(page).toHaveURL(/view=ghosts/);
  await expect(page).not.toHaveURL(/mode=/);
  await ghostsReady(page);
  await expect(page.getByTestId('tau-input')).toHaveValue('1.2');
  // The title keeps the picture's parameters.
  await expect(page.getByTestId('app-title')).toHaveAttribute('href', /view=ghosts.*tau=1\.2/);
});
