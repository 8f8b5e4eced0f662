/**
 * The ghosts view's key numbers by test id: the ids each mode shows, and the plane's values as
 * one pure function of its inputs, which feeds both the readouts and the JSON export.
 */
import type { NearestZero } from './science';
import { deltaA, horner, lineLoss, rhoA } from './science';

export const GHOSTS_READOUTS = {
  plane: [
    'delta-a',
    'rho-a',
    'rho-star',
    'zero-re',
    'zero-im',
    'r-ratio',
    'loss-at-tau',
    'taylor-at-tau',
    'taylor-rel-error',
  ],
  // r-ratio is the batch's ‖p‖/ρ_a(v) here; the modes are never on screen together.
  batch: ['batch-rho-a', 'step-norm', 'r-ratio', 'batch-test-accuracy'],
  sweep: ['sweep-acc-at-r1', 'sweep-acc-at-r10', 'sweep-loss-at-r1'],
  spike: ['acc-plain', 'acc-clip', 'acc-controller', 'spike-step'],
} as const;

export type PlaneReadoutId = (typeof GHOSTS_READOUTS.plane)[number];
/**
 * The plane's readouts, and τ/ρ* (which sets the verdict badge and goes to the export); null:
 * not computed yet (the nearest zero comes from the worker).
 */
export type PlaneReadouts = Record<PlaneReadoutId | 'tau-over-rho-star', number | null>;

/**
 * The plane's readouts at temperature T (zT = z/T, aT = a/T): Δ_a and ρ_a (Sao 2026 Eq. 12),
 * ρ* and the nearest zero from the worker's analysis, r = τ/ρ_a (Eq. 17), and the line loss
 * against its Taylor polynomial at τ.
 */
export function planeReadouts(
  zT: readonly number[],
  aT: readonly number[],
  y: number,
  tau: number,
  coeffs: readonly number[],
  analysis: NearestZero | null,
): PlaneReadouts {
  const rhoStar = analysis?.rhoStar ?? null;
  const loss = lineLoss(zT, aT, y, tau);
  const taylor = horner(coeffs, tau);
  return {
    'delta-a': deltaA(aT),
    'rho-a': rhoA(aT),
    'rho-star': rhoStar,
    'zero-re': analysis?.zero?.re ?? null,
    'zero-im': analysis?.zero?.im ?? null,
    'r-ratio': tau / rhoA(aT),
    'tau-over-rho-star': rhoStar === null ? null : tau / rhoStar,
    'loss-at-tau': loss,
    'taylor-at-tau': taylor,
    'taylor-rel-error': Math.abs(taylor - loss) / Math.abs(loss),
  };
}
