import { expect, type Page } from '@playwright/test';

/** Collects console errors and any request that leaves the page's own origin. */
export function watchPage(page: Page): { errors: string[]; foreign: string[] } {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (
      !['127.0.0.1', 'localhost'].includes(url.hostname) &&
      !['data:', 'blob:'].includes(url.protocol)
    )
      foreign.push(req.url());
  });
  return { errors, foreign };
}

/** Waits until the ghosts view shows numbers computed for the current parameters. */
export async function ghostsReady(page: Page): Promise<void> {
  await expect(page.getByTestId('ghosts-view')).toHaveAttribute('data-ready', 'true', {
    timeout: 30_000,
  });
}

export async function readValue(page: Page, testId: string): Promise<number> {
  const v = await page.getByTestId(testId).getAttribute('data-value');
  if (v === null || v === '') throw new Error(`readout ${testId} has no value`);
  return Number(v);
}

export const READOUTS = ['delta-a', 'rho-a', 'rho-star', 'zero-re', 'zero-im', 'r-ratio'] as const;

export async function readAll(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of READOUTS) out[id] = await readValue(page, id);
  return out;
}

/** Counts distinct colours on the plane canvas: a blank or flat canvas has very few. */
export async function distinctCanvasColors(page: Page): Promise<number> {
  return page.getByTestId('plane-canvas').evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) {
      seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    }
    return seen.size;
  });
}
