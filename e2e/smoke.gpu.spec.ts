/**
 * The first browser check, so that nothing later can pass on a browser that silently has no
 * WebGPU or draws nothing: an adapter exists, a compute readback is exact, and the app's plane
 * canvas really shows an image in a screenshot.
 */
import { inflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

test('WebGPU adapter exists and a compute readback is exact', async ({ page }) => {
  await page.goto('/bench/');
  await page.waitForFunction(() => 'atlasBench' in window);
  const r = await page.evaluate(() => window.atlasBench.smoke());
  // If this fails the launch flags (playwright.config.ts, BROWSER.md) no longer give an adapter,
  // and every GPU test after it would be testing nothing.
  expect(r.adapter, `no adapter: ${r.error ?? ''}`).not.toBeNull();
  expect(r.readbackOk, `compute readback wrong: ${r.error ?? ''}`).toBe(true);
});

test('the app draws the complex plane into its canvas (not blank)', async ({ page }) => {
  await page.goto('/');
  const canvas = page.getByTestId('plane-canvas');
  await expect(canvas).toBeVisible({ timeout: 30_000 });
  // The first frames may still be empty while the kernel runs; wait for a real image. A heat
  // map of log|F| and arg F has thousands of colours; a blank or single-colour canvas has 1–2
  // (a few dozen at most from anti-aliased overlays).
  await expect
    .poll(async () => colourStats(decodePng(await canvas.screenshot())).distinct, {
      message: 'distinct colours in the plane canvas screenshot',
      timeout: 45_000,
    })
    .toBeGreaterThan(50);
  const stats = colourStats(decodePng(await canvas.screenshot()));
  expect(stats.dominantShare, 'share of pixels with the single most common colour').toBeLessThan(
    0.9,
  );
});

// ---------------------------------------------------------------------------------------------
// A tiny PNG reader for Playwright screenshots: 8-bit RGB or RGBA, not interlaced.

interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  rgba: Uint8Array;
}

function decodePng(png: Buffer): Image {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const bitDepth = data[8];
      const colourType = data[9];
      const interlace = data[12];
      if (bitDepth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6)) {
        throw new Error(`unsupported PNG: depth ${String(bitDepth)}, colour ${String(colourType)}`);
      }
      channels = colourType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const v = raw[src + x] ?? 0;
      const left = x >= channels ? (pixels[row + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[row - stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (pixels[row - stride + x - channels] ?? 0) : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
        default:
          throw new Error(`bad PNG filter ${String(filter)} in row ${String(y)}`);
      }
      pixels[row + x] = (v + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 4; c++) {
      rgba[4 * p + c] = c < channels ? (pixels[p * channels + c] ?? 0) : 255;
    }
  }
  return { width, height, rgba };
}

function colourStats(img: Image): { distinct: number; dominantShare: number } {
  const counts = new Map<number, number>();
  const n = img.width * img.height;
  for (let p = 0; p < n; p++) {
    const r = img.rgba[4 * p] ?? 0;
    const g = img.rgba[4 * p + 1] ?? 0;
    const b = img.rgba[4 * p + 2] ?? 0;
    const key = (r << 16) | (g << 8) | b;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let top = 0;
  for (const c of counts.values()) top = Math.max(top, c);
  return { distinct: counts.size, dominantShare: n > 0 ? top / n : 1 };
}
