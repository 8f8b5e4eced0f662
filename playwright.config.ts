/**
 * Browser tests run against the production build (`npm run build` first), served by
 * `vite preview`, in Chromium with software WebGPU (SwiftShader). See
 * shared/testing/BROWSER.md (beside the repository) for why each launch flag is there.
 *
 * File-name convention for specs:
 *   *.gpu.spec.ts  run only in the `webgpu` project (they need an adapter);
 *   *.cpu.spec.ts  run only in the `cpu` project (they test the no-WebGPU fallback);
 *   *.spec.ts      run in both.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const CI = Boolean(process.env.CI);
// ATLAS_DIST and ATLAS_PORT let several people test their own builds on one machine at once
// (`vite build --outDir .scratch/dist-x`): a shared dist/ rebuilt mid-run breaks the others.
const PORT = Number(process.env.ATLAS_PORT ?? 4173);
const DIST = process.env.ATLAS_DIST ?? 'dist';
const BASE_URL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium on these machines; on a laptop with Playwright's own browsers installed
// the path is absent and Playwright's bundled Chromium is used instead.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(chromiumPath) ? { executablePath: chromiumPath } : {};

const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// All three of Vulkan / use-vulkan / use-angle are needed for a webgpu canvas to appear in
// screenshots; --enable-unsafe-webgpu alone gives compute but a blank canvas.
const WEBGPU_ARGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-angle=swiftshader',
];

export default defineConfig({
  testDir: 'e2e',
  // SwiftShader runs shaders on the CPU: a 512² plane dispatch takes a good fraction of a
  // second, so allow more than Playwright's defaults, but keep the whole suite to minutes.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // Two cores: two browsers at once is the most that helps (each SwiftShader device is itself
  // multi-threaded, so more workers only fight over the same cores).
  workers: 2,
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'webgpu',
      testIgnore: '**/*.cpu.spec.ts',
      use: {
        browserName: 'chromium',
        launchOptions: { ...executablePath, args: [...WEBGPU_ARGS, ...COMMON_ARGS] },
      },
    },
    {
      // Same browser without the WebGPU flags: navigator.gpu exists but requestAdapter()
      // returns null, which is exactly the no-WebGPU fallback a user can meet.
      name: 'cpu',
      testIgnore: '**/*.gpu.spec.ts',
      use: {
        browserName: 'chromium',
        launchOptions: { ...executablePath, args: COMMON_ARGS },
      },
    },
  ],
  webServer: {
    // Serves dist/ as built by `npm run build`; building is not this config's job.
    command: `npx vite preview --outDir ${DIST} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: BASE_URL,
    reuseExistingServer: !CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
