/**
 * Edits several vectors of one length side by side (one row per component), with a slider
 * and a numeric field per entry, optional "pick one row" radio, and add/remove of rows.
 */
import { NumberSlider } from './NumberSlider';

export interface VectorColumn {
  /** Short name used in test ids and labels ("z", "a"). */
  name: string;
  label: string;
  values: readonly number[];
  min: number;
  max: number;
}

export interface VectorEditorProps {
  columns: readonly VectorColumn[];
  rowLabel: (i: number) => string;
  /** Picked row (e.g. the label y), shown as a radio per row. */
  picked?: { label: string; index: number; onPick: (i: number) => void };
  minRows: number;
  maxRows: number;
  onChange: (column: string, values: number[]) => void;
  onAddRow: () => void;
  onRemoveRow: (i: number) => void;
  /** The link keys this editor sets, space-separated: an embed's `controls=` finds it by them. */
  linkKeys?: string;
}

export function VectorEditor(props: VectorEditorProps) {
  const { columns, rowLabel, picked, minRows, maxRows, onChange, onAddRow, onRemoveRow } = props;
  const rows = columns[0]?.values.length ?? 0;
  return (
    <div className="vector-editor" data-link-keys={props.linkKeys}>
      <table>
        <thead>
          <tr>
            <th scope="col">class</th>
            {picked && <th scope="col">{picked.label}</th>}
            {columns.map((c) => (
              <th key={c.name} scope="col">
                {c.label}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              <th scope="row">{rowLabel(i)}</th>
              {picked && (
                <td>
                  <input
                    type="radio"
                    name="vector-editor-pick"
                    aria-label={`${picked.label} = ${rowLabel(i)}`}
                    checked={picked.index === i}
                    data-testid={`pick-${i}`}
                    onChange={() => picked.onPick(i)}
                  />
                </td>
              )}
              {columns.map((c) => (
                <td key={c.name}>
                  <NumberSlider
                    compact
                    label={`${c.name} of ${rowLabel(i)}`}
                    value={c.values[i] ?? 0}
                    min={c.min}
                    max={c.max}
                    step={0.01}
                    testId={`${c.name}-${i}`}
                    onChange={(v) => {
                      const next = [...c.values];
                      next[i] = v;
                      onChange(c.name, next);
                    }}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`remove ${rowLabel(i)}`}
                  title={`remove ${rowLabel(i)}`}
                  disabled={rows <= minRows}
                  data-testid={`remove-row-${i}`}
                  onClick={() => onRemoveRow(i)}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" disabled={rows >= maxRows} data-testid="add-row" onClick={onAddRow}>
        + add class
      </button>
    </div>
  );
}
