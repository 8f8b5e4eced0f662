/**
 * A collapse run as a steppable engine: the metric history on a fixed log-spaced schedule (so a
 * replay from the seed and a run played step by step record the same rows), and a frame of the
 * current state (readouts, display coordinates, a sample of the features). No DOM.
 */
import {
  centredMeans,
  closedFormFor,
  displayCoords,
  ncMetrics,
  type ClassCounts,
  type ClosedForm,
  type CollapseConfig,
  type NcMetrics,
} from '../science';
import { collapseConfig } from '../science/config';
import type { Measured, StepBackend } from './backend';

/** What decides the numbers: the same settings on the same backend give the same run. */
export interface CollapseSettings {
  readonly loss: 'ce' | 'mse';
  readonly bias: boolean;
  readonly lamW: number;
  readonly lamH: number;
  readonly alpha: number;
  readonly seed: number;
  readonly depth: number;
  readonly counts: ClassCounts;
  readonly d: number;
  readonly train: 'auto' | 'cpu';
  /** `ufm`, or `mlp` (the digits MLP's penultimate layer, trained from `dataUrl`). */
  readonly model: 'ufm' | 'mlp';
  readonly dataUrl: string | null;
}

export const settingsKey = (s: CollapseSettings): string => JSON.stringify(s);

export function configOf(s: CollapseSettings): CollapseConfig {
  return collapseConfig({
    seed: s.seed,
    loss: s.loss,
    counts: s.counts,
    d: s.d,
    lamW: s.lamW,
    lamH: s.lamH,
    bias: s.bias,
    depth: s.depth,
    alpha: s.alpha,
  });
}

/** The scalar metrics drawn against steps. */
export const HISTORY_KEYS = [
  'loss',
  'nc1',
  'equinormM',
  'equinormW',
  'equiangleM',
  'etfDistM',
  'etfDistW',
  'nc3',
  'nc4',
  'meanCos',
] as const;
export type HistoryKey = (typeof HISTORY_KEYS)[number];

/** History rows from index `from` on (what the worker streams: append-only). */
export interface HistoryRows {
  readonly key: string;
  readonly from: number;
  readonly steps: Float64Array;
  readonly cols: Readonly<Record<HistoryKey, Float64Array>>;
}

/** Steps recorded in the history: every step below 100, then 90 per decade (10, 100, … apart). */
export function recordAt(t: number): boolean {
  if (t < 100) return true;
  const stride = 10 ** (String(Math.floor(t)).length - 2);
  return t % stride === 0;
}

/** The next recorded step after t. */
export function nextRecord(t: number): number {
  let s = t + 1;
  while (!recordAt(s)) s++;
  return s;
}

/** Features drawn in the 3-D view at most (a deterministic stride over the samples). */
export const MAX_POINTS = 600;

export interface CollapseFrame {
  readonly key: string;
  readonly step: number;
  readonly loss: number;
  readonly metrics: NcMetrics;
  readonly theory: ClosedForm | { readonly none: string };
  readonly counts: readonly number[];
  readonly method: 'gram-schmidt' | 'pca';
  /** K×3 centred class means, classifier rows and the nearest ETF, in one basis. */
  readonly means: Float64Array;
  readonly classifiers: Float64Array;
  readonly etf: Float64Array;
  /** Sampled features minus the global mean, in the same basis (P×3), and their classes. */
  readonly points: Float32Array;
  readonly pointLabels: Uint8Array;
}

type Row = Record<HistoryKey, number>;

function rowOf(m: Measured, metrics: NcMetrics): Row {
  return {
    loss: m.loss,
    nc1: metrics.nc1,
    equinormM: metrics.equinormM,
    equinormW: metrics.equinormW,
    equiangleM: metrics.equiangleM,
    etfDistM: metrics.etfDistM,
    etfDistW: metrics.etfDistW,
    nc3: metrics.nc3,
    nc4: metrics.nc4,
    meanCos: metrics.meanCos,
  };
}

export class CollapseEngine {
  readonly key: string;
  readonly counts: readonly number[];
  private readonly steps: number[] = [];
  private readonly rows: Row[] = [];
  /** The last measurement and its step: a frame at a recorded step reuses it. */
  private last: { step: number; m: Measured } | null = null;

  constructor(
    readonly settings: CollapseSettings,
    readonly cfg: CollapseConfig,
    readonly backend: StepBackend,
    /** The closed form to compare with (or why there is none). */
    readonly theory: ClosedForm | { readonly none: string } = closedFormFor(cfg),
  ) {
    this.key = settingsKey(settings);
    this.counts = backend.counts;
  }

  get step(): number {
    return this.backend.step;
  }

  /** History rows recorded so far. */
  get recorded(): number {
    return this.rows.length;
  }

  /** Rewinds to `n` (dropping later history rows), or moves forward to the next record ≤ n. */
  async stepToward(n: number): Promise<void> {
    if (n < this.step) {
      this.last = null;
      await this.backend.seek(n);
      let keep = this.steps.length;
      while (keep > 0 && (this.steps[keep - 1] ?? 0) > n) keep--;
      this.steps.length = keep;
      this.rows.length = keep;
      return;
    }
    if (this.steps.length === 0) await this.record();
    if (this.step >= n) return;
    const next = Math.min(n, nextRecord(this.step));
    await this.backend.seek(next);
    if (recordAt(next) && (this.steps[this.steps.length - 1] ?? -1) < next) await this.record();
  }

  /** Measures the current state once per step (the features come along when asked). */
  private async measure(withFeatures: boolean): Promise<Measured> {
    const last = this.last;
    if (last && last.step === this.step && (last.m.X !== null || !withFeatures)) return last.m;
    const m = await this.backend.measure(withFeatures);
    this.last = { step: this.step, m };
    return m;
  }

  private async record(): Promise<void> {
    const m = await this.measure(false);
    this.steps.push(this.step);
    this.rows.push(rowOf(m, ncMetrics(m.stats, m.W)));
  }

  historyFrom(from: number): HistoryRows {
    const start = Math.max(0, Math.min(from, this.rows.length));
    const slice = this.rows.slice(start);
    const cols = Object.fromEntries(
      HISTORY_KEYS.map((k) => [k, Float64Array.from(slice, (r) => r[k])]),
    ) as Record<HistoryKey, Float64Array>;
    return { key: this.key, from: start, steps: Float64Array.from(this.steps.slice(start)), cols };
  }

  async frame(): Promise<CollapseFrame> {
    const m = await this.measure(true);
    const { K, d } = m.stats;
    const metrics = ncMetrics(m.stats, m.W);
    const mc = centredMeans(m.stats.means, m.stats.counts, d);
    const coords = displayCoords(mc, m.W, K, d);
    const N = this.counts.reduce((a, b) => a + b, 0);
    const mg = new Float64Array(d);
    for (let k = 0; k < K; k++)
      for (let j = 0; j < d; j++)
        mg[j] = (mg[j] ?? 0) + ((this.counts[k] ?? 0) * (m.stats.means[k * d + j] ?? 0)) / N;
    const stride = Math.max(1, Math.ceil(N / MAX_POINTS));
    const P = Math.ceil(N / stride);
    const points = new Float32Array(P * 3);
    const pointLabels = new Uint8Array(P);
    const labels = m.labels;
    const X = m.X ?? [];
    for (let p = 0; p < P; p++) {
      const i = p * stride;
      pointLabels[p] = labels[i] ?? 0;
      for (let r = 0; r < 3; r++) {
        let s = 0;
        for (let j = 0; j < d; j++)
          s += ((X[i * d + j] ?? 0) - (mg[j] ?? 0)) * (coords.basis[r * d + j] ?? 0);
        points[p * 3 + r] = s;
      }
    }
    return {
      key: this.key,
      step: this.step,
      loss: m.loss,
      metrics,
      theory: this.theory,
      counts: this.counts,
      method: coords.method,
      means: coords.means,
      classifiers: coords.classifiers,
      etf: coords.etf,
      points,
      pointLabels,
    };
  }
}
