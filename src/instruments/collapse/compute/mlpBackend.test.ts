import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { parseDigitsCsv } from '../../../science/data/digits';
import { ncMetrics } from '../science';
import { MlpBackend } from './mlpBackend';

const digits = () =>
  parseDigitsCsv(gunzipSync(readFileSync('public/data/digits.csv.gz')).toString('utf8'));

it(
  'trains the digits MLP: NC1 of its penultimate features falls and replay exactly',
  { timeout: 120_000 },
  async () => {
    const data = digits();
    const b = new MlpBackend(data, 0, 5e-3, 1, { kind: 'cpu', reason: 'test' });
    const m0 = await b.measure(false);
    await b.seek(150);
    const m1 = await b.measure(false);
    const nc0 = ncMetrics(m0.stats, m0.W).nc1;
    const nc1 = ncMetrics(m1.stats, m1.W).nc1;
    expect(nc1).toBeLessThan(0.9 * nc0);
    expect(m1.stats.mismatches / data.n).toBeLessThan(0.2);
    // A rewind replays from a snapshot to the same state.
    await b.seek(120);
    await b.seek(150);
    expect((await b.measure(false)).loss).toBe(m1.loss);
  },
);
