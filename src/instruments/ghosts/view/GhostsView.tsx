/**
 * The ghosts instrument: the complex step plane of F(t) = Σ exp(z_k + t a_k), its zeros,
 * the safe radius ρ_a = π/Δ_a, the nearest-zero radius ρ*, and the step τ (SPEC §1).
 */
import { useMemo, useRef } from 'react';
import './ghosts.css';
import { useAtlas, useSetView } from '../../../state/store';
import { atTemperature, realLine, realLineSpan, rhoA, taylorCoeffs } from '../science';
import type { FigureHandle } from '../../../plots/figure';
import { ComplexPlane, PLANE_MARGIN } from '../plots/ComplexPlane';
import { TaylorLine } from '../plots/TaylorLine';
import { usePlotBox } from '../../../plots/scale';
import { formatNumber } from '../../../ui/format';
import { useLiveGate } from '../../../app/useLiveGate';
import type { ThemeColors } from '../../../app/theme';
import { ExportBar } from '../../../app/ExportBar';
import { BackendBadge } from '../../../ui/BackendBadge';
import { useGhostsCompute } from './useGhostsCompute';
import { GhostsControls } from './GhostsControls';
import { GhostsReadoutList, TaylorReadoutList } from './GhostsReadouts';
import { ghostsJson } from './exportData';
import { planeReadouts } from '../readouts';
import { ModeTabs } from './ModeTabs';
import { SpikePanel } from './spike/SpikePanel';
import { BatchPanel } from './batch/BatchPanel';
import { SweepPanel } from './sweep/SweepPanel';
import { useShowsControls } from '../../../app/controlsFilter';

const MIN_PIXELS = 512;
const MAX_PIXELS = 1536;
/** Samples of the real-line curves: smooth at any chart width, and cheap (600 × 40 terms). */
const LINE_POINTS = 600;
const LINE_HEIGHT = 300;

/** The ghosts view: a mode switcher over the plane (default), the spike experiment and more. */
export function GhostsView({ embed, colors }: { embed: boolean; colors: ThemeColors }) {
  const g = useAtlas((s) => s.params.ghosts);
  const setGhosts = useSetView('ghosts');
  const mode = g.mode;
  return (
    <div className="ghosts-shell">
      {!embed && <ModeTabs mode={mode} />}
      {mode === 'spike' && <SpikePanel embed={embed} colors={colors} />}
      {mode === 'plane' && <PlaneView embed={embed} colors={colors} />}
      {mode === 'batch' && (
        <BatchPanel
          seed={g.seed}
          data={g.data}
          dir={g.dir}
          step={g.step}
          lr={g.lr}
          train={g.train}
          colors={colors}
          onStep={(step) => setGhosts({ step })}
          onData={(data) => setGhosts({ data })}
          onDir={(dir) => setGhosts({ dir })}
          onTrain={(train) => setGhosts({ train })}
          // The model's logits are at temperature 1.
          onLoadSample={(z, a, y, tau) => setGhosts({ z, a, y, tau, T: 1, mode: 'plane' })}
        />
      )}
      {mode === 'sweep' && (
        <SweepPanel
          seed={g.seed}
          data={g.data}
          step={g.step}
          lr={g.lr}
          train={g.train}
          onTrain={(train) => setGhosts({ train })}
          colors={colors}
        />
      )}
    </div>
  );
}

/** The complex step plane and the real line. */
function PlaneView({ embed, colors }: { embed: boolean; colors: ThemeColors }) {
  const showsControls = useShowsControls(embed);
  const g = useAtlas((s) => s.params.ghosts);
  const boxRef = useRef<HTMLDivElement>(null);
  const figureRef = useRef<FigureHandle>(null);
  const lineBoxRef = useRef<HTMLDivElement>(null);
  const lineRef = useRef<FigureHandle>(null);
  const box = usePlotBox(boxRef);
  const lineBox = usePlotBox(lineBoxRef);
  // Temperature, in one place: everything below sees the logits z/T and slopes a/T (so
  // ρ_a(T) = πT/Δ_a, Sao 2026 §6.4). The editors keep showing the raw z and a. The memos keep
  // the arrays' identity while z, a and T are unchanged, which the compute hook relies on.
  const zT = useMemo(() => atTemperature(g.z, g.T), [g.z, g.T]);
  const aT = useMemo(() => atTemperature(g.a, g.T), [g.a, g.T]);
  // An embed's frame may be small (480×270): there the plane shrinks rather than spill over.
  const side = Math.max(
    embed ? 80 : 160,
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
  const { result, error, stale } = useGhostsCompute(zT, aT, g.span, pixels, active);

  const rA = rhoA(aT);
  // While a new result is computed the previous one stays on screen; data-ready says which.
  const analysis = result?.analysis ?? null;
  const rhoStar = analysis?.rhoStar ?? null;
  // ρ* and the zero shown are for earlier z, a until the new analysis is back (or, paused, later).
  const analysisStale = result !== null && (result.request.z !== zT || result.request.a !== aT);
  const pending = analysisStale ? (active ? 'updating' : 'paused') : null;
  const r = g.tau / rA;

  // The real line (f64, CPU): microseconds, so it is derived during render.
  const coeffs = useMemo(() => taylorCoeffs(zT, aT, g.y, g.n), [zT, aT, g.y, g.n]);
  const lineSpan = realLineSpan(rhoStar ?? Infinity, g.tau);
  const curves = useMemo(
    () =>
      embed || analysis === null
        ? null
        : realLine(zT, aT, g.y, g.n, -lineSpan, lineSpan, LINE_POINTS),
    [embed, analysis, zT, aT, g.y, g.n, lineSpan],
  );

  const readouts = planeReadouts(zT, aT, g.y, g.tau, coeffs, analysis);
  const temperatureNote = g.T === 1 ? '' : ` (T = ${formatNumber(g.T)})`;

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
        title={`Complex step plane of F(t), K = ${g.z.length}${temperatureNote}`}
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
      {showsControls && <GhostsControls params={g} rhoA={rA} />}
      <div className="figure-column">
        {figure}
        {!embed && (
          <section className="line-panel" aria-label="the real line" data-testid="taylor-panel">
            <div className="line-box" ref={lineBoxRef}>
              <TaylorLine
                ref={lineRef}
                curves={curves}
                span={lineSpan}
                order={g.n}
                rhoA={rA}
                rhoStar={rhoStar}
                tau={g.tau}
                safe={r < 1}
                width={Math.max(320, Math.min(lineBox.width, 1100))}
                height={LINE_HEIGHT}
                colors={colors}
                title={`Real line: loss L(t) and Taylor polynomial T_${g.n}(t)${temperatureNote}`}
              />
            </div>
            <ExportBar
              name="ghosts-real-line"
              figure={lineRef}
              json={() => ghostsJson(g, readouts, result)}
              compact
              figureOnly
              testIdPrefix="taylor-"
              label="export the real-line chart"
            />
          </section>
        )}
      </div>
      <aside className="readouts-panel">
        <BackendBadge provenance={result?.plane.provenance ?? null} />
        <GhostsReadoutList
          readouts={readouts}
          certified={analysis?.certified ?? null}
          compact={embed}
          pending={pending}
        />
        {!embed && <TaylorReadoutList readouts={readouts} order={g.n} />}
        <ExportBar
          name="ghosts-plane"
          figure={figureRef}
          json={() => ghostsJson(g, readouts, result)}
          compact={embed}
        />
        {!embed && (
          <p className="explain">
            Along a step t·v the logits move as z + t·a. The loss is analytic until t meets a
            complex zero of F — a <em>ghost</em>. Its distance ρ* caps the Taylor radius of the
            loss; ρ<sub>a</sub> = π/Δ<sub>a</sub> is a lower bound that needs only the spread Δ
            <sub>a</sub> of a. Steps with r = τ/ρ<sub>a</sub> &lt; 1 stay inside it (Sao 2026, Thm
            4.6, Eq. 12 and 17). On the real line below, the Taylor polynomials T<sub>n</sub> hug
            the loss inside ±ρ* and blow up beyond it, however large n is.
          </p>
        )}
      </aside>
    </section>
  );
}
