import { formatNumber } from './format';

export interface ReadoutProps {
  testId: string;
  label: React.ReactNode;
  value: number | null;
  hint?: string;
}

/** A key number: rounded text for people, the full-precision value in data-value for tests. */
export function Readout({ testId, label, value, hint }: ReadoutProps) {
  return (
    <div className="readout" title={hint}>
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={value === null ? '' : String(value)}>
        {value === null ? '…' : formatNumber(value)}
      </dd>
    </div>
  );
}
