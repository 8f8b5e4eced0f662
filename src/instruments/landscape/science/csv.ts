/**
 * A reader's own data as CSV: rows of `x1,x2,label` (2-D) or 64 pixel columns then the label.
 * A bad file is never half-read: the result names the row and column of the first problem, so
 * the view can say so and keep the data it has.
 */
import type { Dataset } from '../../../science/data/digits';

export interface CsvProblem {
  /** 1-based line in the file. */
  readonly row: number;
  /** 1-based column (cell) in that line. */
  readonly column: number;
  readonly message: string;
}

export type CsvResult =
  | { readonly ok: true; readonly data: Dataset; readonly classes: number }
  | { readonly ok: false; readonly problem: CsvProblem };

/** Accepted feature counts: a 2-D point or an 8×8 image. */
export const CSV_FEATURES: readonly number[] = [2, 64];
export const CSV_MAX_CLASSES = 10;
export const CSV_MAX_ROWS = 20000;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function fail(row: number, column: number, message: string): CsvResult {
  return {
    ok: false,
    problem: { row, column, message: `row ${row}, column ${column}: ${message}` },
  };
}

export function parseLandscapeCsv(text: string): CsvResult {
  const lines = text.split(/\r?\n/);
  const rows: { line: number; cells: string[] }[] = [];
  lines.forEach((line, i) => {
    if (line.trim() !== '') rows.push({ line: i + 1, cells: line.split(',').map((c) => c.trim()) });
  });
  // An optional header: a first row with no number in it.
  const first = rows[0];
  if (first && first.cells.every((c) => !NUMBER.test(c))) rows.shift();
  const head = rows[0];
  if (!head) return fail(1, 1, 'no data rows');
  const width = head.cells.length;
  const d = width - 1;
  if (!CSV_FEATURES.includes(d)) {
    // The first cell that cannot belong to either layout: one past a short row, else the 4th
    // (too long for x1,x2,label) or the 66th (too long for 64 pixels and a label).
    const column = width < 65 ? Math.min(width + 1, 4) : 66;
    return fail(head.line, column, `expected 3 columns (x1,x2,label) or 65, got ${width}`);
  }
  if (rows.length > CSV_MAX_ROWS) {
    return fail(rows[CSV_MAX_ROWS]?.line ?? 1, 1, `more than ${CSV_MAX_ROWS} rows`);
  }
  const n = rows.length;
  const x = new Float32Array(n * d);
  const y = new Uint8Array(n);
  let classes = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    if (!row) continue;
    if (row.cells.length !== width) {
      const col = Math.min(row.cells.length, width) + 1;
      return fail(
        row.line,
        col,
        `expected ${width} columns like the first row, got ${row.cells.length}`,
      );
    }
    for (let c = 0; c < width; c++) {
      const s = row.cells[c] ?? '';
      const v = NUMBER.test(s) ? Number(s) : NaN;
      if (!Number.isFinite(v)) return fail(row.line, c + 1, `"${s}" is not a number`);
      if (c < d) {
        x[r * d + c] = v;
        continue;
      }
      if (!Number.isInteger(v) || v < 0 || v >= CSV_MAX_CLASSES) {
        return fail(row.line, c + 1, `label "${s}" is not an integer 0–${CSV_MAX_CLASSES - 1}`);
      }
      y[r] = v;
      classes = Math.max(classes, v + 1);
    }
  }
  if (classes < 2) return fail(head.line, width, 'every label is 0: need at least two classes');
  return { ok: true, data: { x, y, n, d }, classes };
}
