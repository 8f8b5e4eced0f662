/**
 * The reader's own data: a CSV dropped on the view or picked with the file input. A bad file is
 * named (row and column of the first problem) and the current data stays; a good one replaces
 * the data for this session only — it cannot travel in a link, so the notice says so (the JSON
 * export carries it).
 */
import { useState, type DragEvent, type ReactNode } from 'react';
import { useAtlas } from '../../../state/store';
import { parseLandscapeCsv } from '../science/csv';
import type { OwnData } from './useLandscape';

let counter = 0;

export async function readOwnCsv(file: File): Promise<{ own: OwnData } | { problem: string }> {
  const r = parseLandscapeCsv(await file.text());
  if (!r.ok) return { problem: `${file.name}: ${r.problem.message}` };
  counter += 1;
  return { own: { key: `own:${counter}:${file.name}`, name: file.name, samples: r.data } };
}

export function CsvDrop(props: {
  onData: (own: OwnData) => void;
  onClear: () => void;
  own: OwnData | null;
  /** Embedded: drop only, no file row (the frame has no room for it). */
  embed: boolean;
  children: ReactNode;
}) {
  const notify = useAtlas((s) => s.notify);
  const [problem, setProblem] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const take = async (file: File | undefined) => {
    if (!file) return;
    const r = await readOwnCsv(file);
    if ('problem' in r) {
      setProblem(r.problem);
      notify('error', `${r.problem} — the current data is kept`);
      return;
    }
    setProblem(null);
    props.onData(r.own);
    notify(
      'info',
      `training on your file ${r.own.name} (${r.own.samples.n} rows): own data cannot travel in a link — the link keeps the other settings, the JSON export carries the data`,
    );
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={over ? 'landscape-drop over' : 'landscape-drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {props.children}
      <div className="landscape-csv" hidden={props.embed}>
        <label>
          own data (CSV: x₁,x₂,label or 64 pixels,label){' '}
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="csv-input"
            onChange={(e) => void take(e.currentTarget.files?.[0])}
          />
        </label>
        {props.own && (
          <button type="button" data-testid="csv-clear" onClick={props.onClear}>
            back to the link's data
          </button>
        )}
        {problem && (
          <p className="landscape-csv-problem" role="alert" data-testid="csv-problem">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
}
