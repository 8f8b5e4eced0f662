/**
 * Golden SVG files for the plot kit (src/plots/__snapshots__): each chart below is rendered with
 * seeded data and compared with its committed file. A failure means the picture changed: look at
 * the new file (vitest -u rewrites it) and commit it only if the change is meant.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import { Rng } from '../science/rng';
import { Axis } from './axes';
import { LineLegend, diamondMark, lineMark, type LegendItem } from './legend';
import { SeriesChart, type SeriesChartProps } from './SeriesChart';
import { renderSvg, svgIds } from './snapshot.test-util';
import { decadeTickLabel } from './ticks';

const COLORS = { text: '#1f2328', background: '#ffffff', muted: '#8c959f' };
const svg = (width: number, height: number, ...children: ReturnType<typeof h>[]) =>
  h('svg', { width, height, fontSize: 12, fontFamily: 'system-ui, sans-serif' }, ...children);

/** A seeded noisy decay with a spike at steps 40–49, like a loss under a learning-rate spike. */
function seededLoss(seed: number, n: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from(
    { length: n },
    (_, i) => 2 * Math.exp(-i / 30) * (1 + 0.2 * rng.uniform()) + (i >= 40 && i < 50 ? 25 : 0),
  );
}

function seriesProps(log: boolean): SeriesChartProps {
  const a = seededLoss(1, 120);
  const b = seededLoss(2, 120).map((v) => v / 2);
  return {
    testId: 'series',
    title: 'Loss under a spike',
    yLabel: 'loss',
    width: 420,
    height: 300,
    total: 150,
    log,
    lines: [
      { key: 'a', color: '#e0812b', values: a },
      { key: 'b', color: '#2f8fdf', values: b, dash: '4 2' },
    ],
    points: [{ key: 'r', values: a.slice(0, 60), color: (i) => (i % 2 ? '#17a34a' : '#e5484d') }],
    band: { from: 40, to: 50, label: 'lr × 30' },
    cursor: 100,
    legend: [
      { key: 'a', label: 'plain', width: 64, mark: lineMark('#e0812b') },
      { key: 'b', label: 'controller', width: 92, mark: lineMark('#2f8fdf', 2.5, '4 2') },
    ],
    colors: COLORS,
  };
}

describe('plot kit snapshots (golden SVG files)', () => {
  it('series chart, linear y', async () => {
    await expect(renderSvg(h(SeriesChart, seriesProps(false)))).toMatchFileSnapshot(
      '__snapshots__/series-linear.svg',
    );
  });

  it('series chart, log y', async () => {
    await expect(renderSvg(h(SeriesChart, seriesProps(true)))).toMatchFileSnapshot(
      '__snapshots__/series-log.svg',
    );
  });

  it('axes: bottom linear, left log with minor ticks, right with fixed labels', async () => {
    const x = scaleLinear().domain([-2.5, 2.5]).range([0, 300]);
    const y = scaleLog().domain([1e-3, 10]).range([200, 0]);
    const r = scaleLinear().domain([-Math.PI, Math.PI]).range([200, 0]);
    const labels = new Map([
      [-Math.PI, '−π'],
      [0, '0'],
      [Math.PI, 'π'],
    ]);
    const markup = renderSvg(
      svg(
        420,
        280,
        h(
          'g',
          { transform: 'translate(60,20)' },
          h(Axis, {
            orient: 'bottom',
            y: 200,
            scale: x,
            ticks: x.ticks(7),
            color: COLORS.text,
            length: 300,
            title: 'Re t',
            titleOffset: 38,
          }),
          h(Axis, {
            orient: 'left',
            scale: y,
            ticks: y.ticks(),
            format: decadeTickLabel,
            color: COLORS.text,
            length: 200,
            title: 'loss (log)',
            titleOffset: 44,
          }),
          h(Axis, {
            orient: 'right',
            x: 300,
            scale: r,
            ticks: [...labels.keys()],
            format: (v: number) => labels.get(v) ?? '',
            tickSize: 5,
            color: COLORS.text,
            length: 200,
            title: 'arg F',
            titleOffset: 40,
          }),
        ),
      ),
    );
    await expect(markup).toMatchFileSnapshot('__snapshots__/axes.svg');
  });

  it('legend wraps to a second row under a narrow plot', async () => {
    const items: LegendItem[] = [
      { key: 'loss', label: 'L(t), true loss', width: 124, mark: lineMark('#2f8fdf') },
      { key: 'taylor', label: 'T_8(t), Taylor', width: 124, mark: lineMark('#e5484d', 2, '5 3') },
      { key: 'tau', label: 'step τ', width: 64, mark: diamondMark('#17a34a') },
    ];
    const markup = renderSvg(
      svg(
        280,
        60,
        h(LineLegend, { testId: 'legend', y: 12, maxWidth: 260, color: COLORS.text, items }),
      ),
    );
    expect(markup.match(/translate\(12,18\)/g)).toHaveLength(1);
    await expect(markup).toMatchFileSnapshot('__snapshots__/legend.svg');
  });
});

describe('per-instance SVG ids', () => {
  it('gives two series charts on one page different clip ids that each resolve, else the second chart clips to the first', () => {
    const props = seriesProps(false);
    const markup = renderSvg(h('div', null, h(SeriesChart, props), h(SeriesChart, props)));
    const { ids, refs } = svgIds(markup);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(refs).toHaveLength(2);
    for (const ref of refs) expect(ids).toContain(ref);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
  });
});
