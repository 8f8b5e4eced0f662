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
        <Readout
          testId="nc1"
          label="NC1"
          hint="within-class variability tr(Σ_W Σ_B†)/K"
          value={v('nc1')}
        />
        <Readout
          testId="nc2-equinorm"
          label="NC2 equinorm"
          hint="std/mean of ‖μ_k − μ_G‖"
          value={v('nc2-equinorm')}
        />
        <Readout
          testId="nc2-equiangle"
          label="NC2 equiangle"
          hint="std of the pairwise cosines of the centred means"
          value={v('nc2-equiangle')}
        />
        <Readout
          testId="etf-dist"
          label="ETF dist (W)"
          hint="‖WWᵀ/‖WWᵀ‖_F − (I − 11ᵀ/K)/√(K−1)‖_F"
          value={v('etf-dist')}
        />
        <Readout testId="nc3" label="NC3" hint="self-duality ‖Wᵀ/‖W‖ − M̄/‖M̄‖‖²" value={v('nc3')} />
        <Readout
          testId="nc4"
          label="NC4"
          hint="share of samples where the classifier and the nearest class mean disagree"
          value={v('nc4')}
        />
        <Readout
          testId="mean-cos"
          label="mean cos"
          hint="mean pairwise cosine of the centred means; −1/(K−1) at an ETF"
          value={v('mean-cos')}
        />
      </dl>
    </section>
  );
}

export function ClassNormList({ values }: { values: Values | null }) {
  if (!values) return null;
  return (
    <section className="collapse-class-norms" aria-label="per-class norms">
      <h2 className="readouts-title">
        Per class: live norms{values.noTheory ? '' : ' and the closed form'}
      </h2>
      {values.noTheory && <p className="collapse-note">No theory values: {values.noTheory}.</p>}
      <div className="collapse-class-cards">
        {values.classes.map((c) => (
          <dl key={c.k} className="collapse-class-card" style={{ borderColor: classColor(c.k) }}>
            <Readout testId={`norm-h-${c.k}`} label={`‖μ${c.k}‖ (n=${c.n})`} value={c.normH} />
            {c.theoryH !== null && (
              <Readout testId={`theory-norm-h-${c.k}`} label="theory" value={c.theoryH} />
            )}
            <Readout testId={`norm-w-${c.k}`} label={`‖w${c.k}‖`} value={c.normW} />
            {c.theoryW !== null && (
              <Readout testId={`theory-norm-w-${c.k}`} label="theory" value={c.theoryW} />
            )}
          </dl>
        ))}
      </div>
    </section>
  );
}
