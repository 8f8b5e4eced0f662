/** The landscape view's settings: data, model, training and slice, each written to the link. */
import { useSetView } from '../../../state/store';
import { NumberSlider } from '../../../ui/NumberSlider';
import { Select } from '../../../ui/Select';
import { ACTIVATIONS } from '../science/shape';
import {
  BIAS_RULES,
  DATA_IDS,
  DIRS,
  LANDSCAPE_LIMITS as L,
  NORMS,
  OPTIMISERS,
  type LandscapeParams,
} from '../link';
import { GRID, SPAN } from '../science/slice';
import { HiddenField } from './HiddenField';

const tidy = (x: number) => Number(x.toPrecision(3));
const opts = <T extends string>(vs: readonly T[]) => vs.map((v) => ({ value: v, label: v }));

export function LandscapeControls({ p, ownName }: { p: LandscapeParams; ownName: string | null }) {
  const set = useSetView('landscape');
  // A new model or data set starts again from step 0.
  const train = (patch: Partial<LandscapeParams>) => set({ ...patch, step: 0 });
  return (
    <form className="controls" aria-label="landscape controls" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Data</legend>
        <Select
          linkKeys="data"
          label={ownName ? `data (own file in use: ${ownName})` : 'data'}
          value={p.data}
          options={opts(DATA_IDS)}
          testId="data"
          onChange={(data) => train({ data })}
        />
        {p.data !== 'digits' && (
          <>
            <NumberSlider
              linkKeys="n"
              label="points"
              value={p.n}
              min={L.nMin}
              max={L.nMax}
              step={1}
              testId="n"
              onChange={(n) => train({ n: Math.round(n) })}
            />
            <NumberSlider
              linkKeys="noise"
              label="noise"
              value={p.noise}
              min={0}
              max={L.noiseMax}
              step={0.01}
              testId="noise"
              onChange={(noise) => train({ noise: tidy(noise) })}
            />
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>Model and training</legend>
        <HiddenField
          key={p.hidden.join(',')}
          value={p.hidden}
          onChange={(hidden) => train({ hidden })}
        />
        <Select
          linkKeys="act"
          label="activation"
          value={p.act}
          options={opts(ACTIVATIONS)}
          testId="act"
          onChange={(act) => train({ act })}
        />
        <Select
          linkKeys="opt"
          label="optimiser"
          value={p.opt}
          options={opts(OPTIMISERS)}
          testId="opt"
          onChange={(opt) => train({ opt })}
        />
        <NumberSlider
          linkKeys="lr"
          label="learning rate"
          value={p.lr}
          min={1e-4}
          max={1}
          log
          testId="lr"
          onChange={(lr) => train({ lr: tidy(lr) })}
        />
        <NumberSlider
          linkKeys="wd"
          label="weight decay"
          value={p.wd}
          min={0}
          max={0.1}
          step={0.001}
          testId="wd"
          onChange={(wd) => train({ wd: tidy(wd) })}
        />
        <NumberSlider
          linkKeys="batch"
          label="batch (0 = full)"
          value={p.batch}
          min={0}
          max={512}
          step={1}
          testId="batch"
          onChange={(b) => train({ batch: Math.round(b) })}
        />
        <NumberSlider
          linkKeys="seed"
          label="seed"
          value={p.seed}
          min={0}
          max={999}
          step={1}
          testId="seed"
          onChange={(seed) => train({ seed: Math.round(seed) })}
        />
        <Select
          linkKeys="train"
          label="train on"
          value={p.train}
          options={[
            { value: 'auto', label: 'auto (GPU if any)' },
            { value: 'cpu', label: 'CPU (f64, exact)' },
          ]}
          testId="train"
          onChange={(t) => train({ train: t })}
        />
      </fieldset>
      <fieldset>
        <legend>Slice</legend>
        <Select
          linkKeys="dirs"
          label="directions"
          value={p.dirs}
          options={opts(DIRS)}
          testId="dirs"
          onChange={(dirs) => set({ dirs })}
        />
        <Select
          linkKeys="norm"
          label="normalisation"
          value={p.norm}
          options={opts(NORMS)}
          testId="norm"
          onChange={(norm) => set({ norm })}
        />
        <Select
          linkKeys="bias"
          label="biases"
          value={p.bias}
          options={opts(BIAS_RULES)}
          testId="bias"
          onChange={(bias) => set({ bias })}
        />
        <NumberSlider
          linkKeys="span"
          label="span ±"
          value={p.span}
          min={SPAN.min}
          max={SPAN.max}
          step={0.05}
          testId="span"
          onChange={(span) => set({ span: tidy(span) })}
        />
        <NumberSlider
          linkKeys="grid"
          label="grid"
          value={p.grid}
          min={GRID.min}
          max={GRID.max}
          step={2}
          testId="grid"
          onChange={(g) => set({ grid: Math.round(g) | 1 })}
        />
      </fieldset>
    </form>
  );
}
