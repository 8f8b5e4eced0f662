/** The collapse view's controls: model, loss, weight decay, step scale, classes and depth. */
import { useSetView } from '../../../state/store';
import { NumberSlider } from '../../../ui/NumberSlider';
import { Select } from '../../../ui/Select';
import { COLLAPSE_LIMITS, type CollapseParams } from '../link';

const L = COLLAPSE_LIMITS;
/** Three significant digits keep log-slider values (and links) tidy. */
const tidy = (x: number) => Number(x.toPrecision(3));

export function CollapseControls({ params: p }: { params: CollapseParams }) {
  const set = useSetView('collapse');
  const explicit = p.counts !== null;
  return (
    <form
      className="controls collapse-controls"
      aria-label="collapse controls"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset>
        <legend>Model</legend>
        <Select<CollapseParams['loss']>
          linkKeys="loss"
          label="loss"
          value={p.loss}
          testId="loss-select"
          options={[
            { value: 'ce', label: 'cross-entropy' },
            { value: 'mse', label: 'MSE (½‖Wh − y‖²)' },
          ]}
          onChange={(loss) => set({ loss })}
        />
        <Select<'0' | '1'>
          linkKeys="bias"
          label="bias"
          value={p.bias ? '1' : '0'}
          testId="bias-select"
          options={[
            { value: '0', label: 'none (closed forms)' },
            { value: '1', label: 'trainable b' },
          ]}
          onChange={(b) => set({ bias: b === '1' })}
        />
        <NumberSlider
          linkKeys="depth"
          label="depth"
          value={p.depth}
          min={0}
          max={L.depthMax}
          step={1}
          testId="depth"
          onChange={(v) => set({ depth: Math.round(v) })}
        />
        <NumberSlider
          linkKeys="lam-w"
          label="λ_W"
          value={p['lam-w']}
          min={L.lamMin}
          max={L.lamMax}
          log
          testId="lam-w"
          onChange={(v) => set({ 'lam-w': tidy(v) })}
        />
        <NumberSlider
          linkKeys="lam-h"
          label="λ_H"
          value={p['lam-h']}
          min={L.lamMin}
          max={L.lamMax}
          log
          testId="lam-h"
          onChange={(v) => set({ 'lam-h': tidy(v) })}
        />
        <NumberSlider
          linkKeys="lr"
          label="step scale α"
          value={p.lr}
          min={L.lrMin}
          max={L.lrMax}
          testId="lr"
          onChange={(v) => set({ lr: tidy(v) })}
        />
      </fieldset>
      <fieldset>
        <legend>Classes</legend>
        {explicit ? (
          <p className="collapse-counts">
            counts = {p.counts?.join(', ')}{' '}
            <button type="button" onClick={() => set({ counts: null })}>
              use K, n, ratio
            </button>
          </p>
        ) : (
          <>
            <NumberSlider
              linkKeys="K"
              label="K"
              value={p.K}
              min={L.kMin}
              max={L.kMax}
              step={1}
              testId="K"
              onChange={(v) => {
                const K = Math.round(v);
                set({ K, d: Math.max(p.d, K), major: Math.min(p.major, K - 1) });
              }}
            />
            <NumberSlider
              linkKeys="n"
              label="n per class"
              value={p.n}
              min={1}
              max={L.nMax}
              step={1}
              testId="n"
              onChange={(v) => set({ n: Math.round(v) })}
            />
            <NumberSlider
              linkKeys="ratio"
              label="imbalance ratio"
              value={p.ratio}
              min={1}
              max={L.ratioMax}
              log
              testId="ratio"
              onChange={(v) => set({ ratio: tidy(v) })}
            />
            <NumberSlider
              linkKeys="major"
              label="majority classes"
              value={p.major}
              min={1}
              max={p.K - 1}
              step={1}
              testId="major"
              onChange={(v) => set({ major: Math.round(v) })}
            />
          </>
        )}
        <NumberSlider
          linkKeys="d"
          label="d"
          value={p.d}
          min={p.counts?.length ?? p.K}
          max={L.dMax}
          step={1}
          testId="d"
          onChange={(v) => set({ d: Math.round(v) })}
        />
        <NumberSlider
          linkKeys="seed"
          label="seed"
          value={p.seed}
          min={0}
          max={999}
          step={1}
          testId="seed"
          onChange={(v) => set({ seed: Math.round(v) })}
        />
        <Select<CollapseParams['train']>
          linkKeys="train"
          label="train on"
          value={p.train}
          testId="train-select"
          options={[
            { value: 'auto', label: 'the faster of GPU and CPU' },
            { value: 'cpu', label: 'CPU (f64, exact anywhere)' },
          ]}
          onChange={(train) => set({ train })}
        />
      </fieldset>
    </form>
  );
}
