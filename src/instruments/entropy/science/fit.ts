/**
 * The empirical law of Cui et al. 2025 (arXiv:2505.22617, abstract): R = −a·e^H + b, fitted by
 * linear least squares of R on x = e^H (slope −a, intercept b); the ceiling is R(H=0) = b − a.
 */

export interface ExpLawFit {
  readonly a: number;
  readonly b: number;
  /** Coefficient of determination of the linear fit in x = e^H. */
  readonly r2: number;
  readonly ceiling: number;
  readonly n: number;
}

const NO_FIT = (n: number): ExpLawFit => ({ a: NaN, b: NaN, r2: NaN, ceiling: NaN, n });

/** Two-pass fit over the first n points (all equally weighted). */
export function fitExpLaw(H: ArrayLike<number>, R: ArrayLike<number>, n = H.length): ExpLawFit {
  const acc = new ExpLawAccumulator();
  for (let i = 0; i < n; i++) acc.add(H[i] ?? 0, R[i] ?? 0);
  return acc.fit();
}

/**
 * Online fit: Welford-style co-moments (Welford 1962; the pairwise update of Chan et al.), so a
 * running trajectory refits in O(1) per step without the cancellation of raw sums.
 */
export class ExpLawAccumulator {
  private n = 0;
  private mx = 0;
  private my = 0;
  private sxx = 0;
  private sxy = 0;
  private syy = 0;

  add(H: number, R: number): void {
    const x = Math.exp(H);
    this.n++;
    const dx = x - this.mx;
    const dy = R - this.my;
    this.mx += dx / this.n;
    this.my += dy / this.n;
    this.sxx += dx * (x - this.mx);
    this.sxy += dx * (R - this.my);
    this.syy += dy * (R - this.my);
  }

  fit(): ExpLawFit {
    if (this.n < 2 || !(this.sxx > 0)) return NO_FIT(this.n);
    const slope = this.sxy / this.sxx;
    const a = -slope;
    const b = this.my - slope * this.mx;
    const r2 = this.syy > 0 ? (this.sxy * this.sxy) / (this.sxx * this.syy) : 1;
    return { a, b, r2, ceiling: b - a, n: this.n };
  }
}
