import { useSetView } from '../../../state/store';
import { GHOSTS_LIMITS, type ColorMode, type GhostsParams } from '../link';
import { NumberSlider } from '../../../ui/NumberSlider';
import { Select } from '../../../ui/Select';
import { VectorEditor } from '../../../ui/VectorEditor';

const L = GHOSTS_LIMITS;
const COLOR_OPTIONS: { value: ColorMode; label: string }[] = [
  { value: 'domain', label: 'domain colouring (phase + modulus)' },
  { value: 'modulus', label: 'log |F| only' },
  { value: 'phase', label: 'phase only' },
];

export function GhostsControls({ params: g, rhoA }: { params: GhostsParams; rhoA: number }) {
  const setGhosts = useSetView('ghosts');
  const rFinite = Number.isFinite(rhoA);
  const clampTau = (t: number) => Math.min(L.tauMax, Math.max(L.tauMin, t));

  return (
    <form className="controls" aria-label="ghosts controls" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Logits z and directional derivatives a = ∇z·v</legend>
        <VectorEditor
          linkKeys="z a y"
          columns={[
            { name: 'z', label: 'z_k', values: g.z, min: -L.zAbs, max: L.zAbs },
            { name: 'a', label: 'a_k', values: g.a, min: -L.aAbs, max: L.aAbs },
          ]}
          rowLabel={(i) => `class ${i}`}
          picked={{ label: 'label y', index: g.y, onPick: (y) => setGhosts({ y }) }}
          minRows={L.kMin}
          maxRows={L.kMax}
          onChange={(name, values) => setGhosts(name === 'z' ? { z: values } : { a: values })}
          onAddRow={() => setGhosts({ z: [...g.z, 0], a: [...g.a, 0] })}
          onRemoveRow={(i) =>
            setGhosts({
              z: g.z.filter((_, k) => k !== i),
              a: g.a.filter((_, k) => k !== i),
              y: g.y === i ? 0 : g.y > i ? g.y - 1 : g.y,
            })
          }
        />
      </fieldset>
      <fieldset>
        <legend>Step</legend>
        <NumberSlider
          linkKeys="tau"
          label="step τ"
          value={g.tau}
          min={L.tauMin}
          max={L.tauMax}
          log
          testId="tau"
          onChange={(tau) => setGhosts({ tau })}
        />
        {rFinite ? (
          <NumberSlider
            linkKeys="r"
            label="r = τ/ρ_a"
            value={g.tau / rhoA}
            min={L.rMin}
            max={L.rMax}
            log
            testId="r"
            onChange={(r) => setGhosts({ tau: clampTau(r * rhoA) })}
          />
        ) : (
          <p className="hint">All a_k are equal: F has no zeros and every step is safe.</p>
        )}
      </fieldset>
      <fieldset>
        <legend>Temperature and Taylor order</legend>
        <NumberSlider
          linkKeys="T"
          label="temperature T"
          value={g.T}
          min={L.tempMin}
          max={L.tempMax}
          log
          testId="temperature"
          // Four significant digits keep slider positions (and links) tidy: T = 1, not 1.0000000002.
          onChange={(T) => setGhosts({ T: Number(T.toPrecision(4)) })}
        />
        <NumberSlider
          linkKeys="n"
          label="Taylor order n"
          value={g.n}
          min={L.nMin}
          max={L.nMax}
          step={1}
          testId="order"
          onChange={(n) => setGhosts({ n: Math.round(n) })}
        />
        <p className="hint">
          T divides z and a: ρ<sub>a</sub>(T) = πT/Δ<sub>a</sub>. n is the order of the Taylor
          polynomial on the real line.
        </p>
      </fieldset>
      <fieldset>
        <legend>Picture</legend>
        <label className="checkbox" data-link-keys="span">
          <input
            type="checkbox"
            checked={g.span === null}
            data-testid="span-auto"
            onChange={(e) => setGhosts({ span: e.currentTarget.checked ? null : 8 })}
          />
          automatic window (±2.5ρ*, rounded)
        </label>
        {g.span !== null && (
          <NumberSlider
            linkKeys="span"
            label="window half-width"
            value={g.span}
            min={L.spanMin}
            max={L.spanMax}
            log
            testId="span"
            onChange={(span) => setGhosts({ span })}
          />
        )}
        <Select
          linkKeys="color"
          label="colour"
          value={g.color}
          options={COLOR_OPTIONS}
          testId="color-mode"
          onChange={(color) => setGhosts({ color })}
        />
      </fieldset>
    </form>
  );
}
