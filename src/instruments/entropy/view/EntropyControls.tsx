/** The entropy view's controls: the problem, the update, the intervention and its knobs. */
import { useSetView } from '../../../state/store';
import { NumberSlider } from '../../../ui/NumberSlider';
import { Select } from '../../../ui/Select';
import { ENTROPY_LIMITS, type EntropyParams, type TrainId } from '../link';
import type { Alg, Divergence, Method } from '../science';

const L = ENTROPY_LIMITS;
const tidy = (x: number) => Number(x.toPrecision(3));
const SEED_SLIDER_MAX = 999;

const METHOD_OPTIONS: { value: Method; label: string }[] = [
  { value: 'none', label: 'none' },
  { value: 'bonus', label: 'entropy bonus' },
  { value: 'clip-cov', label: 'Clip-Cov' },
  { value: 'kl-cov', label: 'KL-Cov' },
  { value: 'steer', label: 'STEER' },
  { value: 'div', label: 'divergence to π₀' },
];

export function EntropyControls({ params: e }: { params: EntropyParams }) {
  const set = useSetView('entropy');
  const explicit = e.rewards !== null;
  return (
    <form className="controls" aria-label="entropy controls" onSubmit={(ev) => ev.preventDefault()}>
      <fieldset>
        <legend>Problem</legend>
        <Select<EntropyParams['task']>
          linkKeys="task"
          label="task"
          value={e.task}
          testId="task"
          options={[
            { value: 'bandit', label: 'bandit (one action)' },
            { value: 'seq', label: 'sequence of L tokens' },
          ]}
          onChange={(task) => set({ task })}
        />
        {explicit ? (
          <p className="hint">One bandit with rewards {e.rewards?.join(', ')} (from the link).</p>
        ) : (
          <>
            <NumberSlider
              linkKeys="B"
              label="prompts B"
              value={e.B}
              min={1}
              max={e.task === 'seq' ? L.seqBMax : L.bMax}
              step={1}
              log
              testId="B"
              onChange={(v) => set({ B: Math.round(v) })}
            />
            <NumberSlider
              linkKeys="K"
              label={e.task === 'seq' ? 'vocabulary K' : 'actions K'}
              value={e.K}
              min={2}
              max={e.task === 'seq' ? L.seqKMax : L.kMax}
              step={1}
              log
              testId="K"
              onChange={(v) => set({ K: Math.round(v) })}
            />
          </>
        )}
        {e.task === 'seq' && !explicit && (
          <NumberSlider
            linkKeys="L"
            label="length L"
            value={e.L}
            min={L.lMin}
            max={L.lMax}
            step={1}
            testId="L"
            onChange={(v) => set({ L: Math.round(v) })}
          />
        )}
        <Select<EntropyParams['init']>
          linkKeys="init"
          label="initial logits"
          value={e.init}
          testId="init"
          options={[
            { value: 'zero', label: 'zero (uniform π)' },
            { value: 'random', label: 'random' },
          ]}
          onChange={(init) => set({ init })}
        />
        <NumberSlider
          linkKeys="seed"
          label="seed"
          value={Math.min(e.seed, SEED_SLIDER_MAX)}
          min={0}
          max={SEED_SLIDER_MAX}
          step={1}
          testId="seed"
          onChange={(v) => set({ seed: Math.round(v) })}
        />
      </fieldset>
      <fieldset>
        <legend>Update</legend>
        <Select<Alg>
          linkKeys="alg"
          label="algorithm"
          value={e.alg}
          testId="alg"
          options={[
            { value: 'pg', label: 'exact policy gradient' },
            { value: 'npg', label: 'natural PG' },
            { value: 'grpo', label: 'GRPO (sampled)' },
          ]}
          onChange={(alg) => set({ alg })}
        />
        <NumberSlider
          linkKeys="lr"
          label="lr η"
          value={e.lr}
          min={1e-3}
          max={100}
          log
          testId="lr"
          onChange={(v) => set({ lr: tidy(v) })}
        />
        <NumberSlider
          linkKeys="temp"
          label="temperature"
          value={e.temp}
          min={0.05}
          max={10}
          log
          testId="temp"
          onChange={(v) => set({ temp: tidy(v) })}
        />
        {e.alg === 'grpo' && (
          <NumberSlider
            linkKeys="G"
            label="rollouts G"
            value={e.G}
            min={L.gMin}
            max={L.gMax}
            step={1}
            testId="G"
            onChange={(v) => set({ G: Math.round(v) })}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>Intervention</legend>
        <Select<Method>
          linkKeys="method"
          label="method"
          value={e.method}
          testId="method"
          options={METHOD_OPTIONS}
          onChange={(method) => set({ method })}
        />
        <MethodKnobs e={e} />
      </fieldset>
      <fieldset>
        <legend>Readouts and backend</legend>
        <NumberSlider
          linkKeys="k"
          label="pass@k: k"
          value={e.k}
          min={1}
          max={256}
          step={1}
          log
          testId="k"
          onChange={(v) => set({ k: Math.round(v) })}
        />
        <Select<TrainId>
          linkKeys="train"
          label="train on"
          value={e.train}
          testId="train"
          options={[
            { value: 'auto', label: 'GPU if available (f32)' },
            { value: 'cpu', label: 'CPU (f64, exact anywhere)' },
          ]}
          onChange={(train) => set({ train })}
        />
      </fieldset>
    </form>
  );
}

function MethodKnobs({ e }: { e: EntropyParams }) {
  const set = useSetView('entropy');
  switch (e.method) {
    case 'bonus':
      return (
        <NumberSlider
          linkKeys="coef"
          label="coef"
          value={e.coef}
          min={1e-4}
          max={10}
          log
          testId="coef"
          onChange={(v) => set({ coef: tidy(v) })}
        />
      );
    case 'clip-cov':
      return (
        <>
          <NumberSlider
            linkKeys="clip-r"
            label="clip r"
            value={e['clip-r']}
            min={1e-5}
            max={1}
            log
            testId="clip-r"
            onChange={(v) => set({ 'clip-r': tidy(v) })}
          />
          <NumberSlider
            linkKeys="w-low"
            label="ω low"
            value={e['w-low']}
            min={-10}
            max={10}
            testId="w-low"
            onChange={(v) => set({ 'w-low': tidy(v) })}
          />
          <NumberSlider
            linkKeys="w-high"
            label="ω high"
            value={e['w-high']}
            min={-10}
            max={10}
            testId="w-high"
            onChange={(v) => set({ 'w-high': tidy(v) })}
          />
        </>
      );
    case 'kl-cov':
      return (
        <>
          <NumberSlider
            linkKeys="kl-k"
            label="k (fraction)"
            value={e['kl-k']}
            min={1e-5}
            max={1}
            log
            testId="kl-k"
            onChange={(v) => set({ 'kl-k': tidy(v) })}
          />
          <NumberSlider
            linkKeys="kl-beta"
            label="β"
            value={e['kl-beta']}
            min={0}
            max={10}
            testId="kl-beta"
            onChange={(v) => set({ 'kl-beta': tidy(v) })}
          />
        </>
      );
    case 'steer':
      return (
        <NumberSlider
          linkKeys="steer-w"
          label="w min"
          value={e['steer-w']}
          min={0.01}
          max={1}
          testId="steer-w"
          onChange={(v) => set({ 'steer-w': tidy(v) })}
        />
      );
    case 'div':
      return (
        <>
          <Select<Divergence>
            linkKeys="div"
            label="divergence"
            value={e.div}
            testId="div"
            options={[
              { value: 'fkl', label: 'forward KL(π₀‖π)' },
              { value: 'rkl', label: 'reverse KL(π‖π₀)' },
              { value: 'js', label: 'Jensen–Shannon' },
            ]}
            onChange={(div) => set({ div })}
          />
          <NumberSlider
            linkKeys="div-coef"
            label="coef"
            value={e['div-coef']}
            min={1e-4}
            max={100}
            log
            testId="div-coef"
            onChange={(v) => set({ 'div-coef': tidy(v) })}
          />
        </>
      );
    default:
      return <p className="hint">The plain update: what the baseline runs too.</p>;
  }
}
