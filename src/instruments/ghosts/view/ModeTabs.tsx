/** The ghosts view's experiments, as tabs that write `mode` (and so the link). */
import { GHOSTS_MODES, type GhostsMode } from '../link';
import { useSetView } from '../../../state/store';

const MODE_LABELS: Record<GhostsMode, string> = {
  plane: 'complex plane',
  batch: 'per-sample radii',
  sweep: 'step sweep',
  spike: 'learning-rate spike',
};

export function ModeTabs({ mode }: { mode: GhostsMode }) {
  const setGhosts = useSetView('ghosts');
  const select = (m: GhostsMode) => setGhosts({ mode: m });
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
