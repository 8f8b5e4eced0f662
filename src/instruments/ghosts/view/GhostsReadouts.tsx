import { Readout } from '../../../ui/Readout';
import type { PlaneReadouts } from '../readouts';

/** Why ρ* is not current yet, or null when it is. */
export type Pending = 'updating' | 'paused' | null;

function badge(
  r: number,
  tauOverRhoStar: number | null,
  pending: Pending,
): { state: string; text: string } {
  if (r < 1) return { state: 'safe', text: 'safe: r < 1' };
  // Past ρ_a the verdict needs ρ*: never judge with a ρ* from earlier parameters.
  if (pending !== null) return { state: 'pending', text: `past ρ_a; ρ* ${pending}…` };
  if (tauOverRhoStar !== null && tauOverRhoStar < 1)
    return { state: 'beyond-bound', text: 'past ρ_a, still inside ρ*' };
  return { state: 'dangerous', text: 'dangerous: past the nearest ghost' };
}

export function GhostsReadoutList(props: {
  readouts: PlaneReadouts;
  certified: boolean | null;
  compact: boolean;
  /** Whether ρ* and the zero are from earlier parameters, and why. */
  pending: Pending;
}) {
  const { readouts: v, certified, compact, pending } = props;
  const stale = pending !== null;
  const b = badge(v['r-ratio'] ?? NaN, v['tau-over-rho-star'], pending);
  return (
    <div className={compact ? 'readouts compact' : 'readouts'}>
      <dl>
        <Readout
          testId="delta-a"
          label={
            <>
              Δ<sub>a</sub>
            </>
          }
          value={v['delta-a']}
          hint="max a − min a (of a/T at temperature T)"
        />
        <Readout
          testId="rho-a"
          label={
            <>
              ρ<sub>a</sub> = π/Δ<sub>a</sub>
            </>
          }
          value={v['rho-a']}
        />
        <Readout
          testId="rho-star"
          stale={stale}
          label="ρ* (nearest zero)"
          value={v['rho-star']}
          hint={
            certified === false
              ? 'not certified by the argument principle'
              : 'certified by the argument principle'
          }
        />
        <Readout testId="zero-re" stale={stale} label="zero: Re t" value={v['zero-re']} />
        <Readout testId="zero-im" stale={stale} label="zero: Im t" value={v['zero-im']} />
        <Readout
          testId="r-ratio"
          label={
            <>
              r = τ/ρ<sub>a</sub>
            </>
          }
          value={v['r-ratio']}
        />
      </dl>
      <p className="badge-row">
        <span className={`badge ${b.state}`} data-testid="r-badge" data-state={b.state}>
          {b.text}
        </span>
        {certified === false && (
          <span className="badge warn" data-testid="uncertified">
            ρ* not certified
          </span>
        )}
      </p>
    </div>
  );
}

/** The real-line panel's numbers at the step: the true loss, T_n and how far apart they are. */
export function TaylorReadoutList(props: { readouts: PlaneReadouts; order: number }) {
  const { readouts: v, order } = props;
  return (
    <div className="readouts" role="group" aria-label="Taylor polynomial at the step">
      <dl>
        <Readout testId="loss-at-tau" label="L(τ), true loss" value={v['loss-at-tau']} />
        <Readout
          testId="taylor-at-tau"
          label={
            <>
              T<sub>{order}</sub>(τ), Taylor
            </>
          }
          value={v['taylor-at-tau']}
        />
        <Readout
          testId="taylor-rel-error"
          label="relative error"
          value={v['taylor-rel-error']}
          hint="|T_n(τ) − L(τ)| / |L(τ)|"
        />
      </dl>
    </div>
  );
}
