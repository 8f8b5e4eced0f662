/**
 * The ghosts instrument: the complex step plane of F(t) = Σ exp(z_k + t a_k), its zeros,
 * the safe radius ρ_a = π/Δ_a, the nearest-zero radius ρ*, and the step τ (SPEC §1).
 */
import { useRef } from 'react';
import { useAtlas } from '../../state/store';
import { deltaA, rhoA } from '../../science/ghosts';
import { ComplexPlane, PLANE_MARGIN, type FigureHandle } from '../../plots/ComplexPlane';
import { useElementSize } from '../../ui/useElementSize';
import { useLiveGate } from '../../app/useLiveGate';
import type { ThemeColors } from '../../app/theme';
import { ExportBar } from '../../app/ExportBar';
import { useGhostsCompute } from './useGhostsCompute';
import { GhostsControls } from './GhostsControls';
import { GhostsReadoutList } from './GhostsReadouts';
import { ghostsJson, type GhostsReadouts } from './exportData';

const MIN_PIXELS = 512;
const MAX_PIXELS = 1536;

export function GhostsView({ embed, colors }: { embed: boolean; colors: ThemeColors }) {
  const g = useAtlas((s) => s.params.ghosts);
  const backend = useAtlas((s) => s.backend);
  const boxRef = useRef<HTMLDivElement>(null);
  const figureRef = useRef<FigureHandle>(null);
  const box = useElementSize(boxRef);
  const side = Math.max(
    160,
    Math.min(
      box.width - PLANE_MARGIN.left - PLANE_MARGIN.right,
      box.height - PLANE_MARGIN.top - PLANE_MARGIN.bottom,
      1100,
    ),
  );
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  // Multiples of 8 fill the kernel's 8×8 workgroups exactly; never below 512 device pixels.
  const pixels =
    box.width === 0
      ? 0
      : Math.min(MAX_PIXELS, Math.max(MIN_PIXELS, Math.ceil((side * dpr) / 8) * 8));
  const active = useLiveGate(boxRef);
  const { result, error, stale } = useGhostsCompute(g.z, g.a, g.span, pixels, active);

  const dA = deltaA(g.a);
  const rA = rhoA(g.a);
  // While a new result is computed the previous one stays on screen; data-ready says which.
  const analysis = result?.analysis ?? null;
  const rhoStar = analysis?.rhoStar ?? null;
  const r = g.tau / rA;
  const readouts: GhostsReadouts = {
    'delta-a': dA,
    'rho-a': rA,
    'rho-star': rhoStar,
    'zero-re': analysis?.zero?.re ?? null,
    'zero-im': analysis?.zero?.im ?? null,
    'r-ratio': r,
    'tau-over-rho-star': rhoStar === null ? null : g.tau / rhoStar,
  };
  const backendLabel = backend.kind === 'gpu' ? `gpu: ${backend.adapter}` : backend.kind;

  const figure = (
    <div className="figure-box" ref={boxRef}>
      {error && (
        <p className="figure-error" role="alert">
          The plane could not be computed: {error}
        </p>
      )}
      <ComplexPlane
        ref={figureRef}
        field={result?.plane.field ?? null}
        grid={result?.plane.grid ?? null}
        mode={g.color}
        logMax={Math.log(g.z.length)}
        side={side}
        colors={colors}
        title={`Complex step plane of F(t), K = ${g.z.length}`}
        overlay={{
          zeros: analysis?.zeros ?? [],
          nearest: analysis?.zero ?? null,
          rhoA: rA,
          rhoStar: rhoStar ?? Infinity,
          tau: g.tau,
          safe: r < 1,
        }}
      />
    </div>
  );

  return (
    <section
      className={embed ? 'view ghosts embed' : 'view ghosts'}
      data-testid="ghosts-view"
      data-ready={result !== null && !stale ? 'true' : 'false'}
      aria-label="ghosts: the complex zeros of the softmax partition function"
    >
      {!embed && <GhostsControls params={g} rhoA={rA} />}
      {figure}
      <aside className="readouts-panel">
        <GhostsReadoutList
          readouts={readouts}
          certified={analysis?.certified ?? null}
          compact={embed}
        />
        <ExportBar
          name="ghosts-plane"
          figure={figureRef}
          json={() => ghostsJson(g, readouts, result, location.href, backendLabel)}
          compact={embed}
        />
        {!embed && (
          <p className="explain">
            Along a step t·v the logits move as z + t·a. The loss is analytic until t meets a
            complex zero of F — a <em>ghost</em>. Its distance ρ* caps the Taylor radius of the
            loss; ρ<sub>a</sub> = π/Δ<sub>a</sub> is a lower bound that needs only the spread Δ
            <sub>a</sub> of a. Steps with r = τ/ρ<sub>a</sub> &lt; 1 stay inside it (Sao 2026, Thm
            4.6, Eq. 12 and 17).
          </p>
        )}
      </aside>
    </section>
  );
}
