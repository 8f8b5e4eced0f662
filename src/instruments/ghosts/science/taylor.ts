/**
 * Taylor series of the line loss about t = 0. log F(t) − log F(0) is the cumulant generating
 * function of a under p = softmax(z), so c_n = κ_n/n! for n ≥ 2 (SPEC §1 [D]).
 */

/** c_0..c_n of L(t) = Σ c_n tⁿ; stable in f64 up to n = 40. */
export function taylorCoeffs(
  z: readonly number[],
  a: readonly number[],
  y: number,
  n: number,
): number[] {
  if (z.length !== a.length || z.length === 0) {
    throw new RangeError(`z and a need the same, nonzero length (${z.length} vs ${a.length})`);
  }
  const zy = z[y];
  const ay = a[y];
  if (zy === undefined || ay === undefined) throw new RangeError(`label ${y} is out of range`);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`order ${n} is not a whole number`);
  // Shifting z by its max keeps every weight in (0, 1].
  const zMax = Math.max(...z);
  const w = z.map((v) => Math.exp(v - zMax));
  const wSum = w.reduce((acc, v) => acc + v, 0);
  // Cumulants of order ≥ 2 do not see a shift of a; centring on the mean removes most of the
  // cancellation in the recursion (essential when a is clustered far from 0).
  const mean = w.reduce((acc, wk, k) => acc + wk * (a[k] ?? 0), 0) / wSum;
  const f: number[] = [wSum];
  const pow = w.slice();
  for (let j = 1; j <= n; j++) {
    let fj = 0;
    for (let k = 0; k < pow.length; k++) {
      const next = ((pow[k] ?? 0) * ((a[k] ?? 0) - mean)) / j;
      pow[k] = next;
      fj += next;
    }
    // SPEC §1: f_j = Σ_k w_k a_kʲ / j!.
    f.push(fj);
  }
  const g: number[] = [Math.log(wSum)];
  for (let j = 1; j <= n; j++) {
    let acc = j * (f[j] ?? 0);
    for (let i = 1; i < j; i++) acc -= i * (g[i] ?? 0) * (f[j - i] ?? 0);
    // SPEC §1 series log: j·g_j·f_0 = j f_j − Σ_{i=1}^{j−1} i·g_i·f_{j−i}.
    g.push(acc / (j * wSum));
  }
  // c_0 = log Σ e^z − z_y and c_1 = E_p[a] − a_y; the mean comes back in the first slot.
  const c = g.slice();
  c[0] = zMax - zy + (g[0] ?? 0);
  if (n >= 1) c[1] = (g[1] ?? 0) + (mean - ay);
  return c;
}

/** Σ c_k t^k by Horner's rule. */
export function horner(c: readonly number[], t: number): number {
  let acc = 0;
  for (let k = c.length - 1; k >= 0; k--) acc = acc * t + (c[k] ?? 0);
  return acc;
}
