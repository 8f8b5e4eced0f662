import { formatNumber } from './format';

export interface ReadoutProps {
  testId: string;
  label: React.ReactNode;
  value: number | null;
  hint?: string;
  /** The value belongs to earlier parameters (its update is pending or paused): marked so. */
  stale?: boolean;
}

/** A key number: rounded text for people, the full-precision value in data-value for tests. */
export function Readout({ testId, label, value, hint, stale = false }: ReadoutProps) {
  return (
    <div className="readout" title={stale ? 'from the previous parameters; updating' : hint}>
      <dt>{label}</dt>
      <dd
        data-testid={testId}
        data-value={value === null ? '' : String(value)}
        data-stale={stale ? 'true' : undefined}
      >
        {value === null ? '…' : formatNumber(value)}
      </dd>
    </div>
  );
}
