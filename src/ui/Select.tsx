import { useId } from 'react';

export interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  testId?: string;
  /** The link keys this control sets, space-separated: an embed's `controls=` finds it by them. */
  linkKeys?: string;
  /** Hide the visible label (the control keeps its accessible name). */
  compact?: boolean;
}

export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
  linkKeys,
  compact = false,
}: SelectProps<T>) {
  const id = useId();
  return (
    <div className="select" data-link-keys={linkKeys}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        data-testid={testId}
        onChange={(e) => {
          const next = options.find((o) => o.value === e.currentTarget.value);
          if (next) onChange(next.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
