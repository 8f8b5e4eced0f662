/**
 * The collapse view's key numbers by test id, as one pure function of a frame, which feeds both
 * the readouts and the JSON export. Per-class ids (`norm-h-<k>`, `norm-w-<k>`, and
 * `theory-norm-h-<k>`, `theory-norm-w-<k>` where a closed form applies) follow K.
 */
import type { CollapseFrame } from './compute/collapseEngine';
import type { ClosedForm } from './science';

export const COLLAPSE_READOUTS = {
  ufm: [
    'step',
    'loss',
    'nc1',
    'nc2-equinorm',
    'nc2-equiangle',
    'etf-dist',
    'nc3',
    'nc4',
    'mean-cos',
  ],
} as const;

export type CollapseReadoutId = (typeof COLLAPSE_READOUTS.ufm)[number];

export interface ClassReadout {
  readonly k: number;
  readonly n: number;
  readonly normH: number;
  readonly normW: number;
  /** Closed-form ‖h_k‖ and ‖w_k‖, or null where no closed form applies. */
  readonly theoryH: number | null;
  readonly theoryW: number | null;
}

export interface CollapseReadouts {
  readonly scalars: Readonly<Record<CollapseReadoutId, number>>;
  readonly classes: readonly ClassReadout[];
  /** Why no theory values are shown (null when they are). */
  readonly noTheory: string | null;
}

/**
 * The closed form to draw, or why not: the deep-linear CE form is only the best ETF-shaped
 * point (GD finds lower, non-ETF optima at depth ≥ 2), so it is never drawn as theory.
 */
export function theoryOf(frame: CollapseFrame): ClosedForm | string {
  const t = frame.theory;
  if ('none' in t) return t.none;
  if (t.kind === 'ce-balanced' && t.etfRestricted)
    return 'deep CE: the ETF-shaped optimum is not the global one (GD finds lower, non-ETF points)';
  return t;
}

export function collapseReadouts(frame: CollapseFrame): CollapseReadouts {
  const m = frame.metrics;
  const theory = theoryOf(frame);
  const closed = typeof theory === 'string' ? null : theory;
  return {
    scalars: {
      step: frame.step,
      loss: frame.loss,
      nc1: m.nc1,
      'nc2-equinorm': m.equinormM,
      'nc2-equiangle': m.equiangleM,
      'etf-dist': m.etfDistW,
      nc3: m.nc3,
      nc4: m.nc4,
      'mean-cos': m.meanCos,
    },
    classes: frame.counts.map((n, k) => ({
      k,
      n,
      normH: m.normH[k] ?? NaN,
      normW: m.normW[k] ?? NaN,
      theoryH: closed ? Math.sqrt(closed.xNorm2[k] ?? NaN) : null,
      theoryW: closed ? Math.sqrt(closed.wNorm2[k] ?? NaN) : null,
    })),
    noTheory: typeof theory === 'string' ? theory : null,
  };
}

/** The minority-collapse threshold N·√(λ_Wλ_H) on √n_k (imbalanced MSE, depth 0), or null. */
export function collapseThreshold(frame: CollapseFrame): number | null {
  const t = frame.theory;
  return 'none' in t || t.kind !== 'mse-imbalanced' ? null : t.threshold;
}
