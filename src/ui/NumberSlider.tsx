/**
 * A labelled slider with a numeric field beside it. The slider may be logarithmic; the field
 * always shows and accepts the real value, and rejects what is not a finite number in range.
 */
import { useId, useState } from 'react';
import { formatNumber, parseNumber } from './format';

export interface NumberSliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  log?: boolean;
  onChange: (value: number) => void;
  testId?: string;
  /** Hide the visible label (the control keeps its accessible name). */
  compact?: boolean;
  /** The link keys this control sets, space-separated: an embed's `controls=` finds it by them. */
  linkKeys?: string;
}

const LOG_STEPS = 1000;

export function NumberSlider(props: NumberSliderProps) {
  const {
    label,
    value,
    min,
    max,
    step = 0.01,
    log = false,
    onChange,
    testId,
    compact = false,
  } = props;
  const id = useId();
  const [text, setText] = useState(formatNumber(value));
  const [invalid, setInvalid] = useState(false);

  // A new value from outside (slider, link, host page) replaces whatever was being typed.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(formatNumber(value));
    setInvalid(false);
  }

  const toSlider = (v: number) => (log ? (LOG_STEPS * Math.log(v / min)) / Math.log(max / min) : v);
  const fromSlider = (s: number) => (log ? min * Math.pow(max / min, s / LOG_STEPS) : s);

  const commit = (raw: string) => {
    // Tabbing through leaves the shown text: the value stays exact, not rounded to the display.
    if (raw === formatNumber(value)) {
      setInvalid(false);
      return;
    }
    const v = parseNumber(raw);
    if (!Number.isFinite(v) || v < min || v > max) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onChange(v);
  };

  return (
    <div
      className={compact ? 'number-slider compact' : 'number-slider'}
      data-link-keys={props.linkKeys}
    >
      <label htmlFor={`${id}-range`} className={compact ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={`${id}-range`}
        type="range"
        min={log ? 0 : min}
        max={log ? LOG_STEPS : max}
        step={log ? 1 : step}
        value={toSlider(value)}
        // A log slider's position (0…1000) means nothing to a listener: announce the value as shown.
        aria-valuetext={formatNumber(value)}
        data-testid={testId ? `${testId}-slider` : undefined}
        onChange={(e) => onChange(fromSlider(Number(e.currentTarget.value)))}
      />
      <input
        type="text"
        inputMode="decimal"
        aria-label={`${label} value`}
        aria-invalid={invalid}
        title={invalid ? `Enter a number from ${min} to ${max}` : undefined}
        className={invalid ? 'number-field invalid' : 'number-field'}
        value={text}
        data-testid={testId ? `${testId}-input` : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
    </div>
  );
}
