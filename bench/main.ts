/**
 * The kernel bench page: runs the WGSL kernels and their CPU oracles side by side on seeded
 * inputs, for `npm run bench` (timings, bench/run.mjs) and the browser tests (agreement, smoke).
 * Everything is exposed on `window.atlasBench`, assembled from BENCH_MODULES; the page shows the
 * last results in a table.
 */
import { benchContext, runWorkload } from './harness';
import { BENCH_MODULES } from './modules';
import { smoke } from './smoke';
import { button, show } from './table';
import type {
  BenchCheck,
  BenchModule,
  BenchParams,
  BenchWorkload,
  ChecksOf,
  SmokeResult,
  WorkloadInfo,
  WorkloadReport,
} from './types';

export type { SmokeResult, WorkloadInfo, WorkloadReport } from './types';

/** The harness's own calls, beside every module's checks. */
export interface BenchApi {
  smoke(): Promise<SmokeResult>;
  /** Every workload of every module, in list order. */
  workloads(): WorkloadInfo[];
  /** Times one workload (by id), with its own params and reps unless given. */
  runWorkload(id: string, params?: BenchParams, reps?: number): Promise<WorkloadReport>;
}

export type AtlasBench = BenchApi & ChecksOf<typeof BENCH_MODULES>;

declare global {
  interface Window {
    atlasBench: AtlasBench;
  }
}

const modules: readonly BenchModule[] = BENCH_MODULES;

function findWorkload(id: string): { module: BenchModule; workload: BenchWorkload } {
  for (const module of modules) {
    const workload = module.workloads.find((w) => w.id === id);
    if (workload) return { module, workload };
  }
  throw new Error(`no bench workload '${id}'`);
}

async function smokeAndShow(): Promise<SmokeResult> {
  const r = await smoke();
  show(
    'smoke',
    r.readbackOk
      ? `adapter ${r.adapter ?? '—'}; compute readback exact`
      : `adapter ${r.adapter ?? 'none'}; FAILED: ${r.error ?? 'unknown error'}`,
  );
  return r;
}

const api: BenchApi = {
  smoke: smokeAndShow,
  workloads: () =>
    modules.flatMap((m) =>
      m.workloads.map((w) => ({
        id: w.id,
        module: m.id,
        name: w.name,
        params: w.params,
        reps: w.reps,
        perSecond: w.perSecond === true,
      })),
    ),
  runWorkload: (id, params, reps) => {
    const { module, workload } = findWorkload(id);
    return runWorkload(module, workload, { ...workload.params, ...params }, reps);
  },
};

/** The checks, context bound; a name used twice (or by the harness) is an error at load. */
function boundChecks(): Record<string, (...args: never[]) => Promise<unknown>> {
  const out: Record<string, (...args: never[]) => Promise<unknown>> = {};
  const ids = new Set<string>();
  for (const module of modules) {
    for (const w of module.workloads) {
      if (ids.has(w.id)) throw new Error(`bench workload id '${w.id}' is used twice`);
      ids.add(w.id);
    }
    for (const [name, check] of Object.entries<BenchCheck>(module.checks)) {
      if (name in api || name in out) {
        throw new Error(`bench check '${name}' of ${module.id} is already taken`);
      }
      out[name] = async (...args) => check(await benchContext(), ...args);
    }
  }
  return out;
}

// The cast is where ChecksOf meets the loop above: each bound check has its module's signature.
window.atlasBench = { ...boundChecks(), ...api } as AtlasBench;

button('Smoke', smokeAndShow);
for (const w of api.workloads()) {
  button(`${w.name} (${String(w.reps)} reps)`, () => api.runWorkload(w.id));
}
void smokeAndShow();
