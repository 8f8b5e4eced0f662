import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import { renderSvg, svgIds } from '../../../plots/snapshot.test-util';
import { realLine } from '../science';
import { ComplexPlane, type ComplexPlaneProps } from './ComplexPlane';
import { TaylorLine, type TaylorLineProps } from './TaylorLine';

const colors = {
  text: '#1f2328',
  background: '#ffffff',
  muted: '#8c959f',
  rhoA: '#000000',
  rhoStar: '#c96a00',
  loss: '#2f8fdf',
  taylor: '#e5484d',
};

const plane: ComplexPlaneProps = {
  field: null,
  grid: { width: 8, height: 8, reMin: -2, reMax: 2, imMin: -2, imMax: 2 },
  mode: 'modulus',
  logMax: Math.log(3),
  overlay: { zeros: [], nearest: null, rhoA: 1.1, rhoStar: 1.3, tau: 0.9, safe: true },
  side: 300,
  colors,
  title: 'plane',
};

const line: TaylorLineProps = {
  curves: realLine([2, 0.5, -1], [1.5, -0.3, -1.2], 0, 8, -4, 4, 101),
  span: 4,
  order: 8,
  rhoA: 1.16,
  rhoStar: 1.4,
  tau: 0.93,
  safe: true,
  width: 600,
  height: 300,
  colors,
  title: 'line',
};

describe('ghosts charts side by side', () => {
  it('give every clip path and gradient its own id, each url(#…) resolving to one on the page, else the second copy clips to or paints with the first', () => {
    const markup = renderSvg(
      h(
        'div',
        null,
        h(ComplexPlane, plane),
        h(ComplexPlane, plane),
        h(TaylorLine, line),
        h(TaylorLine, line),
      ),
    );
    const { ids, refs } = svgIds(markup);
    // Per plane a clip and a colour-bar gradient, per line a clip.
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(ids.length);
    expect(refs).toHaveLength(6);
    for (const ref of refs) expect(ids).toContain(ref);
  });
});
