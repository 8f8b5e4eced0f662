import { Readout } from '../../../ui/Readout';
import type { InterpResult } from '../compute/protocol';
import type { LandscapeReadoutId } from '../readouts';
import { endLabel } from './pins';

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
  'interp-at-1': 'L((1−α)θ₀ + αθ) at α = 1: θ itself, so the train loss again',
  'interp-min': 'the lowest loss on the line, α ∈ [−0.5, 1.5]',
};

/**
 * For a pair other than θ₀ → θ the two interp readouts are that pair's: interp-at-1 is the loss
 * at its end θ_b (no longer the train loss), interp-min the lowest loss on its line. The label
 * names θ_b and the hints the pair (the chart's legend names it too).
 */
function pairTexts(ip: InterpResult | null): {
  labels: Partial<Record<LandscapeReadoutId, string>>;
  hints: Partial<Record<LandscapeReadoutId, string>>;
} {
  if (!ip || (ip.from.kind === 'initial' && ip.to.kind === 'current'))
    return { labels: {}, hints: {} };
  const [a, b] = [endLabel(ip.from), endLabel(ip.to)];
  return {
    labels: { 'interp-at-1': `interp. at α = 1 (${b})` },
    hints: {
      'interp-at-1': `L((1−α)θ_a + αθ_b) at α = 1: ${b} itself`,
      'interp-min': `the lowest loss on the line ${a} → ${b}, α ∈ [−0.5, 1.5]`,
    },
  };
}

export function LandscapeReadouts(props: {
  values: Record<LandscapeReadoutId, number | null>;
  interp: InterpResult | null;
  compact: boolean;
}) {
  const pair = pairTexts(props.interp);
  return (
    <div
      className={props.compact ? 'readouts compact' : 'readouts'}
      data-testid="landscape-readouts"
    >
      <dl>
        {(Object.keys(LABELS) as LandscapeReadoutId[]).map((id) => {
          const hint = pair.hints[id] ?? HINTS[id];
          return (
            <Readout
              key={id}
              testId={id}
              label={pair.labels[id] ?? LABELS[id]}
              value={props.values[id]}
              {...(hint !== undefined ? { hint } : {})}
            />
          );
        })}
      </dl>
    </div>
  );
}
