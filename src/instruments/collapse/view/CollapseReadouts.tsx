/** The collapse view's readouts: the scalar metrics, and per class the norms with theory. */
import { Readout } from '../../../ui/Readout';
import type { CollapseReadouts as Values } from '../readouts';
import { classColor } from '../plots/projection';

export function CollapseReadoutList({
  values,
  compact,
}: {
  values: Values | null;
  compact: boolean;
}) {
  const s = values?.scalars ?? null;
  const v = (id: keyof NonNullable<typeof s>) => (s ? s[id] : null);
  return (
    <section className={compact ? 'readouts compact' : 'readouts'} aria-label="NC metrics">
      {!compact && <h2 className="readouts-title">At this step</h2>}
      <dl>
        <Readout testId="step" label="step" value={v('step')} />
        <Readout testId="loss" label="objective F" value={v('loss')} />
        <Readout testId="nc1" label="NC1 tr(Σ_W Σ_B†)/K" value={v('nc1')} />
        <Readout testId="nc2-equinorm" label="NC2 equinorm (means)" value={v('nc2-equinorm')} />
        <Readout testId="nc2-equiangle" label="NC2 equiangle" value={v('nc2-equiangle')} />
        <Readout testId="etf-dist" label="ETF distance (W)" value={v('etf-dist')} />
        <Readout testId="nc3" label="NC3 self-duality" value={v('nc3')} />
        <Readout testId="nc4" label="NC4 NCC mismatch" value={v('nc4')} />
        <Readout testId="mean-cos" label="mean cos (→ −1/(K−1))" value={v('mean-cos')} />
      </dl>
    </section>
  );
}

export function ClassNormList({ values }: { values: Values | null }) {
  if (!values) return null;
  return (
    <section className="readouts collapse-class-norms" aria-label="per-class norms">
      <h2 className="readouts-title">Per class: live (theory)</h2>
      {values.noTheory && <p className="collapse-note">No theory values: {values.noTheory}.</p>}
      <dl>
        {values.classes.map((c) => (
          <div key={c.k} className="collapse-class-row" style={{ borderColor: classColor(c.k) }}>
            <Readout testId={`norm-h-${c.k}`} label={`‖μ_${c.k}‖ (n=${c.n})`} value={c.normH} />
            {c.theoryH !== null && (
              <Readout testId={`theory-norm-h-${c.k}`} label="theory" value={c.theoryH} />
            )}
            <Readout testId={`norm-w-${c.k}`} label={`‖w_${c.k}‖`} value={c.normW} />
            {c.theoryW !== null && (
              <Readout testId={`theory-norm-w-${c.k}`} label="theory" value={c.theoryW} />
            )}
          </div>
        ))}
      </dl>
    </section>
  );
}
