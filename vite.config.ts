import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

// Nothing leaves the page: the built site may only load from its own origin. (Dev mode is
// left alone because its hot-reload preamble is an inline script.)
const CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
  "script-src 'self'; worker-src 'self' blob:; connect-src 'self'";

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    // The bench page alone may compile WebAssembly: it times TensorFlow.js's wasm backend.
    transformIndexHtml: (_html, ctx) => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: ctx.path.startsWith('/bench/')
            ? CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")
            : CSP,
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// Kernel tests in Vitest use Dawn for Node on the SwiftShader Vulkan driver that Debian's
// chromium ships. The loader reads these at process start, so they are set here, before the
// test workers are spawned (a machine without them skips the kernel tests, see
// src/gpu/nodeDevice.test-util.ts).
const CHROMIUM_LIB = '/usr/lib/chromium';
if (existsSync(`${CHROMIUM_LIB}/vk_swiftshader_icd.json`)) {
  process.env.LD_LIBRARY_PATH = [CHROMIUM_LIB, process.env.LD_LIBRARY_PATH]
    .filter(Boolean)
    .join(':');
  process.env.VK_ICD_FILENAMES ??= `${CHROMIUM_LIB}/vk_swiftshader_icd.json`;
}

// base './' makes every asset URL relative, so the built site works from any sub-path
// of any static file server (e.g. a code host's project page).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        bench: resolve(import.meta.dirname, 'bench/index.html'),
      },
    },
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // No test may depend on wall-clock speed: property tests fix their numRuns, and every test
    // gets a budget that holds at a quarter of this machine's speed with browsers running beside
    // it (the slowest property, the zero finder's, takes ~3 s here alone).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
