/** The readouts of the view, with the exact test ids of issue 9. */
import { Readout } from '../../../ui/Readout';
import type { EntropyReadouts } from '../readouts';

export function EntropyReadoutList({
  readouts: r,
  k,
  compact,
}: {
  readouts: EntropyReadouts | null;
  k: number;
  compact: boolean;
}) {
  const v = (id: keyof EntropyReadouts) => r?.[id] ?? null;
  return (
    <section className={compact ? 'readouts compact' : 'readouts'} aria-label="readouts">
      <h2 className="readouts-title">At this step</h2>
      <dl>
        <Readout testId="step" label="step" value={v('step')} />
        <Readout
          testId="entropy"
          label="entropy H"
          value={v('entropy')}
          hint="mean over prompts, nats"
        />
        <Readout
          testId="reward"
          label="reward R"
          value={v('reward')}
          hint="mean expected reward Σπ·r"
        />
        <Readout testId="cov" label="Cov (last step)" value={v('cov')} />
        <Readout testId="dh-pred" label="ΔH predicted" value={v('dh-pred')} hint="−η·Cov" />
        <Readout testId="dh-actual" label="ΔH actual" value={v('dh-actual')} />
        <Readout testId="fit-a" label="fit a" value={v('fit-a')} />
        <Readout testId="fit-b" label="fit b" value={v('fit-b')} />
        <Readout testId="fit-r2" label="fit R²" value={v('fit-r2')} />
        <Readout testId="ceiling" label="ceiling b − a" value={v('ceiling')} />
        <Readout testId="pass-at-1" label="pass@1" value={v('pass-at-1')} />
        <Readout testId="pass-at-k" label={`pass@${k}`} value={v('pass-at-k')} />
        <Readout testId="base-entropy" label="baseline H" value={v('base-entropy')} />
        <Readout testId="base-reward" label="baseline R" value={v('base-reward')} />
      </dl>
    </section>
  );
}
