import { usePageLive } from '../app/useLiveGate';

/**
 * How far a replay from the seed has come: a bar with its step, for any trained view. Replays
 * wait while the page is paused (slide:stop, a hidden tab), and the bar says so.
 */
export function ReplayProgress({
  step,
  target,
  testId,
  text,
}: {
  step: number;
  target: number;
  testId: string;
  /** What the bar says; by default "replaying from the seed: step n of N". */
  text?: string | undefined;
}) {
  const live = usePageLive();
  return (
    <div
      className="replay-progress"
      data-paused={live ? undefined : 'true'}
      role="progressbar"
      data-testid={testId}
      aria-label={`replaying to step ${target}`}
      aria-valuemin={0}
      aria-valuemax={target}
      aria-valuenow={step}
    >
      <div
        className="replay-progress-bar"
        style={{ width: `${target > 0 ? (100 * step) / target : 0}%` }}
      />
      <span>
        {text ?? `replaying from the seed: step ${step} of ${target}`}
        {live ? '' : ' — paused'}
      </span>
    </div>
  );
}
