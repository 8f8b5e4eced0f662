/**
 * The bench harness: the one timing loop (warm-up, alternating reps, median and spread) and the
 * GPU context every workload and check receives. Instruments never time anything themselves:
 * their bench.ts (see types.ts) only builds seeded inputs and says what one rep does.
 */
import { acquireGpu } from '../src/gpu/device';
import { show } from './table';
import { tfjs } from './tfjs';
import type {
  BenchContext,
  BenchModule,
  BenchSides,
  BenchWorkload,
  Timing,
  WorkloadReport,
} from './types';

/** The GPU and the page, for workloads and checks; throws when there is no WebGPU device. */
export async function benchContext(): Promise<BenchContext> {
  const gpu = await acquireGpu();
  if (gpu.kind !== 'gpu') throw new Error(`no WebGPU device: ${gpu.reason}`);
  return {
    device: gpu.ctx.device,
    adapter: gpu.ctx.adapterName,
    // The bench page is /bench/ under the site root, wherever the site is served from.
    baseUrl: new URL('..', document.baseURI).href,
    show,
    tfjs,
  };
}

/** The q-quantile (0 ≤ q ≤ 1) of xs, interpolating between order statistics; NaN when empty. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((x, y) => x - y);
  const at = q * (s.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = s[lo] ?? NaN;
  const b = s[hi] ?? NaN;
  return a + (b - a) * (at - lo);
}

/** The median: the mean of the two middle values for an even count. */
export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

export function timing(ms: readonly number[]): Timing {
  return {
    medianMs: median(ms),
    q1Ms: quantile(ms, 0.25),
    q3Ms: quantile(ms, 0.75),
    minMs: quantile(ms, 0),
    maxMs: quantile(ms, 1),
  };
}

/**
 * The timing loop: one warm-up of each side (the first GPU run compiles pipelines and fills
 * caches, the first CPU run wakes the JIT), then `reps` reps alternating GPU and CPU, so that
 * any drift in machine load hits both alike. A GPU rep includes its readback.
 */
export async function timeSides(
  sides: BenchSides,
  reps: number,
): Promise<{ gpuMs: number[]; cpuMs: number[]; libMs: Record<string, number[]> }> {
  const libs = Object.entries(sides.libraries ?? {});
  await sides.gpu();
  await sides.cpu();
  for (const [, run] of libs) await run();
  const gpuMs: number[] = [];
  const cpuMs: number[] = [];
  const libMs: Record<string, number[]> = Object.fromEntries(libs.map(([name]) => [name, []]));
  const time = async (run: () => unknown, into: number[]): Promise<void> => {
    const t0 = performance.now();
    await run();
    into.push(performance.now() - t0);
  };
  for (let r = 0; r < reps; r++) {
    await time(sides.gpu, gpuMs);
    await time(sides.cpu, cpuMs);
    for (const [name, run] of libs) await time(run, libMs[name] ?? []);
  }
  return { gpuMs, cpuMs, libMs };
}

const ms = (t: number): string => `${t.toFixed(1)} ms`;
const spread = (t: Timing): string => `[${t.q1Ms.toFixed(1)}–${t.q3Ms.toFixed(1)}]`;

/** Runs one workload through the timing loop and shows its line in the page's table. */
export async function runWorkload(
  module: BenchModule,
  workload: BenchWorkload,
  params: BenchWorkload['params'] = workload.params,
  reps = workload.reps,
): Promise<WorkloadReport> {
  const ctx = await benchContext();
  const sides = await workload.setup(ctx, params);
  const { gpuMs, cpuMs, libMs } = await timeSides(sides, reps);
  const gpu = timing(gpuMs);
  const cpu = timing(cpuMs);
  const cpuOverGpu = cpu.medianMs / gpu.medianMs;
  let summary =
    `GPU median ${ms(gpu.medianMs)} ${spread(gpu)}   CPU median ${ms(cpu.medianMs)} ${spread(cpu)}   ` +
    `CPU/GPU ${cpuOverGpu.toFixed(2)}×   (${String(reps)} reps; [quartiles])`;
  const report: WorkloadReport = {
    id: workload.id,
    module: module.id,
    name: workload.name,
    params,
    reps,
    adapter: ctx.adapter,
    gpuMedianMs: gpu.medianMs,
    cpuMedianMs: cpu.medianMs,
    cpuOverGpu,
    gpu,
    cpu,
    gpuMs,
    cpuMs,
    summary,
  };
  const libNames = Object.keys(libMs);
  if (libNames.length > 0) {
    report.libraries = {};
    for (const name of libNames) {
      const t = timing(libMs[name] ?? []);
      const overGpu = t.medianMs / gpu.medianMs;
      report.libraries[name] = { ...t, ms: libMs[name] ?? [], overGpu };
      summary += `\n${name} median ${ms(t.medianMs)} ${spread(t)}   ${name}/GPU ${overGpu.toFixed(2)}×`;
    }
    report.summary = summary;
  }
  if (workload.perSecond === true) {
    report.gpuStepsPerSecond = 1000 / gpu.medianMs;
    report.cpuStepsPerSecond = 1000 / cpu.medianMs;
    summary += `\nsteps/s: GPU ${report.gpuStepsPerSecond.toFixed(1)}, CPU ${report.cpuStepsPerSecond.toFixed(1)}`;
    report.summary = summary;
  }
  show(`${module.id}: ${workload.name}`, `${summary}\n${ctx.adapter}`);
  return report;
}
