/** How far a replay from the seed has come: a bar with its step, for any trained view. */
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
  return (
    <div
      className="replay-progress"
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
      <span>{text ?? `replaying from the seed: step ${step} of ${target}`}</span>
    </div>
  );
}
