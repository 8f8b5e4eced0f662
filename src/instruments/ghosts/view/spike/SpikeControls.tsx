import { GHOSTS_LIMITS, type GhostsParams } from '../../link';
import { useSetView } from '../../../../state/store';
import { NumberSlider } from '../../../../ui/NumberSlider';
import { SPIKE_LR, spikeTotal } from '../../compute/spikeEngine';
import { TrainOnSelect } from '../TrainOnSelect';

const L = GHOSTS_LIMITS;
/** Three significant digits keep log-slider values (and links) tidy. */
const tidy = (x: number) => Number(x.toPrecision(3));
/** The seed slider covers the first thousand seeds; a link may carry any 32-bit seed. */
const SEED_SLIDER_MAX = 999;

export function SpikeControls({ params: g }: { params: GhostsParams }) {
  const setGhosts = useSetView('ghosts');
  // A shorter schedule pulls the step back inside it, so the link says what the charts show.
  const schedule = (at: number, hold: number) =>
    setGhosts({ at, hold, step: Math.min(g.step, spikeTotal({ at, hold })) });
  return (
    <form
      className="controls"
      aria-label="learning-rate spike controls"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset>
        <legend>Schedule</legend>
        <NumberSlider
          linkKeys="lr"
          label="base lr"
          value={g.lr ?? SPIKE_LR}
          min={L.lrMin}
          max={L.lrMax}
          log
          testId="lr"
          onChange={(lr) => setGhosts({ lr: tidy(lr) })}
        />
        <NumberSlider
          linkKeys="spike"
          label="spike ×"
          value={g.spike}
          min={L.spikeMin}
          max={L.spikeMax}
          log
          testId="spike"
          onChange={(spike) => setGhosts({ spike: tidy(spike) })}
        />
        <NumberSlider
          linkKeys="at"
          label="spike at step"
          value={g.at}
          min={0}
          max={L.atMax}
          step={1}
          testId="at"
          onChange={(v) => schedule(Math.round(v), g.hold)}
        />
        <NumberSlider
          linkKeys="hold"
          label="hold (steps)"
          value={g.hold}
          min={0}
          max={L.holdMax}
          step={1}
          testId="hold"
          onChange={(v) => schedule(g.at, Math.round(v))}
        />
        <p className="hint">
          The run lasts at + hold = {g.at + g.hold} steps; the learning rate is lr × spike on steps{' '}
          {g.at} to {g.at + g.hold - 1}.
        </p>
      </fieldset>
      <fieldset>
        <legend>Seed</legend>
        <NumberSlider
          linkKeys="seed"
          label="seed"
          value={Math.min(g.seed, SEED_SLIDER_MAX)}
          min={0}
          max={SEED_SLIDER_MAX}
          step={1}
          testId="seed"
          onChange={(seed) => setGhosts({ seed: Math.round(seed) })}
        />
        <p className="hint">
          One seed fixes the initial weights, the batch order and the train/test split, the same for
          all three runs; a link replays them bit for bit.
        </p>
      </fieldset>
      <fieldset>
        <legend>Model</legend>
        <p className="hint">
          MLP 64→128→10 (ReLU) on the 8×8 digits, Adam, batch 64, 20% held out for test accuracy
          (measured after every step).
        </p>
        <TrainOnSelect
          value={g.train}
          testId="spike-train-on"
          onChange={(train) => setGhosts({ train })}
        />
        <p className="hint">
          On the GPU the passes run in f32, and a link replays to the same numbers on the same
          device; after a 1000× spike, other GPUs (or the CPU) can end a few points apart. The f64
          CPU path gives the same numbers on every machine.
        </p>
      </fieldset>
    </form>
  );
}
