/**
 * The hidden widths as text ("16,16"): applied when valid, otherwise said so beside the field.
 * The parent keys it by the value, so a new link value starts a fresh field.
 */
import { useId, useState } from 'react';
import { parseHidden } from '../science/shape';

export function HiddenField({
  value,
  onChange,
}: {
  value: number[];
  onChange: (h: number[]) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value.join(','));
  const parsed = parseHidden(text);
  return (
    <div className="select">
      <label htmlFor={id}>hidden widths</label>
      <input
        id={id}
        data-testid="hidden"
        value={text}
        aria-invalid={parsed === null}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={() => parsed && parsed.join(',') !== value.join(',') && onChange(parsed)}
        onKeyDown={(e) => e.key === 'Enter' && parsed && onChange(parsed)}
      />
      {parsed === null && <small className="field-error">1–4 widths, each 2–128</small>}
    </div>
  );
}
