/** The ghosts view's experiments, as tabs that write `mode` (and so the link). */
import { GHOSTS_MODES, spikeTotal, type GhostsMode } from '../link';
import { useAtlas, useSetView } from '../../../state/store';
import { DEFAULT_SWEEP_STEP } from './sweep/SweepPanel';

const MODE_LABELS: Record<GhostsMode, string> = {
  plane: 'complex plane',
  batch: 'per-sample radii',
  sweep: 'step sweep',
  spike: 'learning-rate spike',
};

export function ModeTabs({ mode }: { mode: GhostsMode }) {
  const setGhosts = useSetView('ghosts');
  // A sweep of an untrained model says little: entering the sweep at step 0 moves to the step
  // where the model is trained enough, and the link says so.
  const select = (m: GhostsMode) => {
    const g = useAtlas.getState().params.ghosts;
    // A spike run ends at at + hold: a step from another mode is brought within it.
    if (m === 'spike') setGhosts({ mode: m, step: Math.min(g.step, spikeTotal(g)) });
    else if (m === 'sweep' && g.step === 0)
      setGhosts({ mode: m, step: DEFAULT_SWEEP_STEP[g.data] });
    else setGhosts({ mode: m });
  };
  return (
    <div className="mode-tabs" role="tablist" aria-label="ghosts experiments">
      {GHOSTS_MODES.map((m, i) => (
        <button
          key={m}
          type="button"
          role="tab"
          aria-selected={m === mode}
          tabIndex={m === mode ? 0 : -1}
          data-testid={`mode-${m}`}
          onClick={() => select(m)}
          onKeyDown={(e) => {
            // Arrow keys move between tabs (WAI-ARIA tabs); other keys are left to the page.
            const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (step === 0) return;
            e.preventDefault();
            const n = GHOSTS_MODES.length;
            const next = GHOSTS_MODES[(i + step + n) % n] ?? m;
            select(next);
            const tabs = e.currentTarget.parentElement?.querySelectorAll('button');
            (tabs?.[(i + step + n) % n] as HTMLButtonElement | undefined)?.focus();
          }}
        >
          {MODE_LABELS[m]}
        </button>
      ))}
    </div>
  );
}
