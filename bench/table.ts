/** The bench page's table of results, newest first (index.html's #results). */

const MAX_ROWS = 30;

export function show(run: string, value: string): void {
  const body = document.getElementById('results');
  if (!(body instanceof HTMLTableSectionElement)) return;
  const row = document.createElement('tr');
  const name = document.createElement('td');
  name.textContent = `${new Date().toLocaleTimeString()}  ${run}`;
  const cell = document.createElement('td');
  cell.className = 'value';
  cell.textContent = value;
  row.append(name, cell);
  body.prepend(row);
  while (body.rows.length > MAX_ROWS) body.deleteRow(-1);
}

/** A button in #buttons that runs `run` and shows a failure in the table. */
export function button(label: string, run: () => Promise<unknown>): void {
  const bar = document.getElementById('buttons');
  if (!bar) return;
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', () => {
    run().catch((err: unknown) => show(label, `FAILED: ${String(err)}`));
  });
  bar.append(b);
}
