/**
 * What an instrument's `bench.ts` exports, and what the harness hands it. Types only: an
 * instrument imports them with `import type`, so no instrument code depends on bench/ at run
 * time, and the harness (bench/harness.ts) is the only place that times anything.
 *
 * An instrument registers its bench by exporting `bench` (`{ ... } satisfies BenchModule`, not
 * `: BenchModule`, so that its checks keep their argument and result types) and adding it to
 * BENCH_MODULES in bench/modules.ts.
 */

import type { Tf, TfjsSide } from './tfjs';

/** What the harness passes to every workload and check. */
export interface BenchContext {
  device: GPUDevice;
  /** Adapter description ("swiftshader", a vendor name…). */
  adapter: string;
  /** The site root (where public/ lands), e.g. for the digits under data/. */
  baseUrl: string;
  /** Adds a row to the bench page's table of results. */
  show(run: string, value: string): void;
  /** TensorFlow.js with one of its backends active, for a workload's library sides. */
  tfjs(side: TfjsSide): Promise<Tf>;
}

/**
 * The sides of one workload, each doing one rep's whole work (upload, dispatch, readback): the
 * WGSL kernel, the CPU path, and optionally the same work written with a library a user would
 * otherwise reach for (keyed by a name such as 'tfjs-wasm'). A library side should be checked
 * against the CPU path in `setup`, so that the comparison is of equal work.
 */
export interface BenchSides {
  gpu(): Promise<unknown>;
  cpu(): unknown;
  libraries?: Readonly<Record<string, () => Promise<unknown>>>;
}

/** A workload's parameters: a plain object of numbers and strings, written to latest.json. */
export type BenchParams = Readonly<Record<string, number | string>>;

/**
 * One timed workload: `setup` builds the seeded inputs (and engines) once, and returns the two
 * sides; the harness warms each side up once, then alternates them for `reps` reps.
 */
export interface BenchWorkload<P extends BenchParams = BenchParams> {
  /** Stable key: `atlasBench.runWorkload(id)` and latest.json's `id`. */
  readonly id: string;
  /** Printed in the table. */
  readonly name: string;
  readonly params: P;
  readonly reps: number;
  /** Also report 1000 / median as steps per second (a rep is one training step). */
  readonly perSecond?: boolean;
  // Method syntax on purpose: it lets a BenchWorkload<{ n: number }> sit in a BenchWorkload[].
  setup(ctx: BenchContext, params: P): Promise<BenchSides>;
}

/**
 * A GPU/CPU agreement check (or any other in-page check a browser test calls): the harness
 * binds the context, so `window.atlasBench.<name>(...args)` calls `check(ctx, ...args)`.
 */
export type BenchCheck = (ctx: BenchContext, ...args: never[]) => Promise<unknown>;

export interface BenchModule {
  /** The instrument (or shared model) it belongs to, for the table. */
  readonly id: string;
  readonly workloads: readonly BenchWorkload[];
  readonly checks: Readonly<Record<string, BenchCheck>>;
}

/** A module's checks as `window.atlasBench` offers them: the context bound. */
export type BoundChecks<C> = {
  [K in keyof C]: C[K] extends (ctx: BenchContext, ...args: infer A) => infer R
    ? (...args: A) => R
    : never;
};

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never;

/** Every check of every module in the list, bound, under its own name. */
export type ChecksOf<M extends readonly BenchModule[]> = UnionToIntersection<
  BoundChecks<M[number]['checks']>
>;

export interface SmokeResult {
  /** Adapter description, or null when the browser offers no WebGPU adapter. */
  adapter: string | null;
  /** A tiny compute shader's readback matched its expected values exactly. */
  readbackOk: boolean;
  error?: string;
}

/** Spread of one side's per-rep times. */
export interface Timing {
  medianMs: number;
  /** First and third quartiles: the middle half of the reps. */
  q1Ms: number;
  q3Ms: number;
  minMs: number;
  maxMs: number;
}

/** One workload's result, as `npm run bench` prints it and writes it to latest.json. */
export interface WorkloadReport {
  id: string;
  module: string;
  name: string;
  params: BenchParams;
  reps: number;
  adapter: string;
  gpuMedianMs: number;
  cpuMedianMs: number;
  cpuOverGpu: number;
  gpu: Timing;
  cpu: Timing;
  gpuStepsPerSecond?: number;
  cpuStepsPerSecond?: number;
  /** Per rep, after one warm-up of each side. */
  gpuMs: number[];
  cpuMs: number[];
  /** Each library side's spread, per-rep times, and its median over the GPU's. */
  libraries?: Record<string, Timing & { ms: number[]; overGpu: number }>;
  /** The table's line for this workload (what run.mjs prints). */
  summary: string;
}

export interface WorkloadInfo {
  id: string;
  module: string;
  name: string;
  params: BenchParams;
  reps: number;
  perSecond: boolean;
}
