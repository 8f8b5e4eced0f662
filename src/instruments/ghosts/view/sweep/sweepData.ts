/** Reading the sweep's curves at a chosen r. */

/**
 * The value at the grid point nearest r on a log scale (the default grid has r = 1 and r = 10 on
 * it exactly); null for an empty grid.
 */
export function valueAtR(
  rs: ArrayLike<number>,
  values: ArrayLike<number>,
  r: number,
): number | null {
  let best = -1;
  let gap = Infinity;
  for (let i = 0; i < rs.length; i++) {
    const d = Math.abs(Math.log((rs[i] ?? NaN) / r));
    if (d < gap) {
      gap = d;
      best = i;
    }
  }
  return best < 0 ? null : (values[best] ?? null);
}
