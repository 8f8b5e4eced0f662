// `npm run bench` = `vite build && node bench/run.mjs`: serves the production build, opens
// /bench/ in Chromium with software WebGPU, runs each workload below through the WGSL kernel
// and the science/ CPU path, prints medians and ratios, and writes bench/out/latest.json.
//
// Numbers from a software adapter (SwiftShader) are for ratios within one run, never absolute
// claims. Set CHROMIUM_PATH to use another browser binary.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_FILE = join(ROOT, 'bench', 'out', 'latest.json');

const WEBGPU_ARGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-angle=swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The workloads. Each runs in the page (`window.atlasBench`) and returns per-rep times for the
 * GPU and the CPU path; add an entry here for each new kernel.
 */
const WORKLOADS = [
  {
    name: 'plane 512² K=10',
    params: { size: 512, k: 10, reps: 15 },
    run: (page, params) => page.evaluate((p) => window.atlasBench.benchPlane(p), params),
  },
  {
    name: 'per-sample JVP + radius, digits batch 1797',
    params: { n: 1797, reps: 15 },
    run: (page, params) => page.evaluate((p) => window.atlasBench.benchMlpJvp(p), params),
  },
  {
    name: 'one training step gradient, batch 1797',
    params: { n: 1797, reps: 15 },
    run: (page, params) => page.evaluate((p) => window.atlasBench.benchMlpGrad(p), params),
  },
  {
    name: 'training step, digits spike engine (3 runs × batch 64 + JVP + test eval)',
    params: { steps: 30 },
    run: (page, params) => page.evaluate((p) => window.atlasBench.benchTraining(p), params),
    perSecond: true,
  },
];

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(address.port));
    });
  });
}

async function waitForServer(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs / 1000} s`);
}

function startPreview(port) {
  console.log(`bench: starting vite preview on 127.0.0.1:${port}`);
  // Its own process group, so that killing the group also ends the node process npx starts.
  const child = spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return child;
}

function stopPreview(child) {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function main() {
  const port = await freePort();
  const server = startPreview(port);
  let browser;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(`${base}/bench/`, server, 60_000);

    const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    browser = await chromium.launch({
      ...(existsSync(chromiumPath) ? { executablePath: chromiumPath } : {}),
      args: WEBGPU_ARGS,
    });
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`${msg.text()} (${msg.location().url})`);
    });
    await page.goto(`${base}/bench/`);
    await page.waitForFunction(() => 'atlasBench' in window, null, { timeout: 30_000 });

    const smoke = await page.evaluate(() => window.atlasBench.smoke());
    if (!smoke.adapter || !smoke.readbackOk) {
      throw new Error(`WebGPU smoke test failed: ${JSON.stringify(smoke)}`);
    }
    console.log(`bench: adapter ${smoke.adapter}`);

    const results = [];
    for (const w of WORKLOADS) {
      console.log(`bench: ${w.name} …`);
      const r = await w.run(page, w.params);
      const gpuMedianMs = median(r.gpuMs);
      const cpuMedianMs = median(r.cpuMs);
      const entry = {
        name: w.name,
        params: w.params,
        adapter: r.adapter,
        gpuMedianMs,
        cpuMedianMs,
        cpuOverGpu: cpuMedianMs / gpuMedianMs,
        gpuMs: r.gpuMs,
        cpuMs: r.cpuMs,
      };
      if (w.perSecond) {
        entry.gpuStepsPerSecond = 1000 / gpuMedianMs;
        entry.cpuStepsPerSecond = 1000 / cpuMedianMs;
      }
      results.push(entry);
      console.log(
        `  GPU median ${gpuMedianMs.toFixed(1)} ms   CPU median ${cpuMedianMs.toFixed(1)} ms   ` +
          `CPU/GPU ${entry.cpuOverGpu.toFixed(2)}×   (${r.gpuMs.length} reps)` +
          (w.perSecond
            ? `\n  steps/s: GPU ${entry.gpuStepsPerSecond.toFixed(1)}, CPU ${entry.cpuStepsPerSecond.toFixed(1)}`
            : ''),
      );
    }
    if (pageErrors.length > 0) throw new Error(`errors in the page:\n${pageErrors.join('\n')}`);

    const report = {
      date: new Date().toISOString(),
      adapter: smoke.adapter,
      browser: browser.version(),
      note: 'Software adapters are slow: compare ratios within one run, not absolute times.',
      results,
    };
    await mkdir(dirname(OUT_FILE), { recursive: true });
    await writeFile(OUT_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`bench: wrote ${OUT_FILE}`);
  } finally {
    await browser?.close();
    stopPreview(server);
  }
}

main().catch((err) => {
  console.error(`bench failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
