import { Readout } from '../../../ui/Readout';
import type { LandscapeReadoutId } from '../readouts';

const LABELS: Record<LandscapeReadoutId, string> = {
  step: 'step',
  'train-loss': 'train loss',
  'train-acc': 'train accuracy',
  'loss-center': 'f(0, 0)',
  'grid-min': 'grid minimum',
  'grid-min-alpha': 'at α',
  'grid-min-beta': 'at β',
  'interp-at-1': 'interp. at α = 1',
  'interp-min': 'interp. minimum',
};

const HINTS: Partial<Record<LandscapeReadoutId, string>> = {
  'train-loss': 'mean cross-entropy of all samples at θ, in f64',
  'loss-center': 'the slice at its centre, from the slice kernel: the train loss again',
  'interp-at-1': 'L((1−α)θ₀ + αθ) at α = 1: θ itself',
};

export function LandscapeReadouts(props: {
  values: Record<LandscapeReadoutId, number | null>;
  compact: boolean;
}) {
  return (
    <div
      className={props.compact ? 'readouts compact' : 'readouts'}
      data-testid="landscape-readouts"
    >
      <dl>
        {(Object.keys(LABELS) as LandscapeReadoutId[]).map((id) => (
          <Readout
            key={id}
            testId={id}
            label={LABELS[id]}
            value={props.values[id]}
            {...(HINTS[id] !== undefined ? { hint: HINTS[id] } : {})}
          />
        ))}
      </dl>
    </div>
  );
}
