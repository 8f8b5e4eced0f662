/**
 * The 1-D panel's controls: pin the θ on screen (labelled by its step), remove pins, and choose
 * the two ends of the interpolation among θ₀, the current θ and the pins.
 */
import { Select } from '../../../ui/Select';
import { PIN_LIMIT, pinId, type EndId, type PairIds, type Pin } from './pins';

export interface PinBarProps {
  pins: readonly Pin[];
  pair: PairIds;
  /** The step of the θ shown, or null while there is none for this run (pinning is off). */
  shownStep: number | null;
  onPin: () => void;
  onUnpin: (step: number) => void;
  onPair: (pair: PairIds) => void;
}

export function PinBar({ pins, pair, shownStep, onPin, onUnpin, onPair }: PinBarProps) {
  const full = pins.length >= PIN_LIMIT;
  const pinned = shownStep !== null && pins.some((p) => p.step === shownStep);
  const ends: { value: EndId; label: string }[] = [
    { value: 'initial', label: 'θ₀ (initial)' },
    { value: 'current', label: 'θ (current)' },
    ...pins.map((p) => ({ value: pinId(p.step), label: `pin @ step ${p.step}` })),
  ];
  // Each picker leaves out the other's choice: a line from a θ to itself is flat.
  const others = (id: EndId) => ends.filter((e) => e.value !== id);
  return (
    <div className="landscape-pins" role="group" aria-label="checkpoints and the 1-D pair">
      <button
        type="button"
        data-testid="pin-theta"
        disabled={shownStep === null || pinned || full}
        title={
          full
            ? `${PIN_LIMIT} pins at most: remove one first`
            : pinned
              ? 'this step is pinned'
              : 'keep the θ shown, to interpolate to or from it later'
        }
        onClick={onPin}
      >
        Pin θ{shownStep === null ? '' : ` @ step ${shownStep}`}
      </button>
      <ul className="landscape-pin-list" data-testid="pin-list" aria-label="pinned checkpoints">
        {pins.map((p) => (
          <li key={p.step} data-testid={`pin-${p.step}`}>
            step {p.step}
            <button
              type="button"
              data-testid={`unpin-${p.step}`}
              aria-label={`remove the pin at step ${p.step}`}
              onClick={() => onUnpin(p.step)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <span className="landscape-pair">
        <Select
          label="1-D from"
          value={pair[0]}
          options={others(pair[1])}
          testId="interp-from"
          onChange={(from) => onPair([from, pair[1]])}
        />
        <Select
          label="to"
          value={pair[1]}
          options={others(pair[0])}
          testId="interp-to"
          onChange={(to) => onPair([pair[0], to])}
        />
      </span>
      <p className="hint landscape-pins-hint" data-testid="pins-hint">
        Pins stay in this tab: a link replays from the seed and cannot carry them (the JSON export
        does).
      </p>
    </div>
  );
}
