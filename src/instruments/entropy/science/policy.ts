/**
 * One softmax policy row: π = softmax(z / T), log π, and its entropy. Works on slices of flat
 * Float64Arrays so the hot loops allocate nothing.
 */

/**
 * Writes π and log π of row `z[off .. off+K)` at temperature T into pi/logPi[0..K) and returns
 * H(π) in nats. H = lse − Σ π u with u = z/T, so no log of a probability is ever taken.
 */
export function softmaxRow(
  z: ArrayLike<number>,
  off: number,
  K: number,
  invTemp: number,
  pi: Float64Array,
  logPi: Float64Array,
): number {
  let max = -Infinity;
  for (let j = 0; j < K; j++) max = Math.max(max, (z[off + j] ?? 0) * invTemp);
  let sum = 0;
  for (let j = 0; j < K; j++) {
    const e = Math.exp((z[off + j] ?? 0) * invTemp - max);
    pi[j] = e;
    sum += e;
  }
  const lse = max + Math.log(sum);
  let piU = 0;
  for (let j = 0; j < K; j++) {
    const u = (z[off + j] ?? 0) * invTemp;
    const p = (pi[j] ?? 0) / sum;
    pi[j] = p;
    logPi[j] = u - lse;
    piU += p * u;
  }
  return lse - piU;
}

/** Entropy of a probability vector in nats (0·log 0 = 0). */
export function entropyOf(p: ArrayLike<number>): number {
  let h = 0;
  for (let j = 0; j < p.length; j++) {
    const v = p[j] ?? 0;
    if (v > 0) h -= v * Math.log(v);
  }
  return h;
}

/** Softmax of a plain vector (tests and small helpers; allocates). */
export function softmax(z: readonly number[], temp = 1): Float64Array {
  const pi = new Float64Array(z.length);
  softmaxRow(z, 0, z.length, 1 / temp, pi, new Float64Array(z.length));
  return pi;
}

/** Cov_{a∼π}(x, y) = Σ π x y − (Σ π x)(Σ π y) over the first K entries. */
export function covPi(
  pi: ArrayLike<number>,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  K: number,
): number {
  let ex = 0;
  let ey = 0;
  let exy = 0;
  for (let j = 0; j < K; j++) {
    const p = pi[j] ?? 0;
    const xj = x[j] ?? 0;
    const yj = y[j] ?? 0;
    ex += p * xj;
    ey += p * yj;
    exy += p * xj * yj;
  }
  return exy - ex * ey;
}
