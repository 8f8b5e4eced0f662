// `npm run bench` = `vite build && node bench/run.mjs`: serves the production build, opens
// /bench/ in Chromium with software WebGPU, runs each workload of each instrument's bench.ts
// (listed in bench/modules.ts) through the WGSL kernel and the CPU path, prints medians,
// quartiles and ratios, and writes bench/out/latest.json.
//
// `npm run bench -- landscape entropy-pg` runs only the workloads whose module or id starts with
// one of the words (a partial run writes bench/out/partial.json, leaving latest.json alone).
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
const FILTERS = process.argv.slice(2);
const OUT_FILE = join(ROOT, 'bench', 'out', FILTERS.length > 0 ? 'partial.json' : 'latest.json');

const selected = (w) =>
  FILTERS.length === 0 || FILTERS.some((f) => w.module.startsWith(f) || w.id.startsWith(f));

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
    [
      'vite',
      'preview',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
      // A private build (as for the browser tests): `vite build --outDir X` then ATLAS_DIST=X.
      ...(process.env.ATLAS_DIST ? ['--outDir', process.env.ATLAS_DIST] : []),
    ],
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

    // The workloads come from the page: bench/modules.ts lists each instrument's bench.ts, and
    // the harness there times them and formats their lines.
    const workloads = (await page.evaluate(() => window.atlasBench.workloads())).filter(selected);
    if (workloads.length === 0) throw new Error(`no workload matches ${FILTERS.join(', ')}`);
    const results = [];
    for (const w of workloads) {
      console.log(`bench: ${w.module}: ${w.name} …`);
      const r = await page.evaluate((id) => window.atlasBench.runWorkload(id), w.id);
      results.push(r);
      console.log(r.summary.replace(/^/gm, '  '));
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
