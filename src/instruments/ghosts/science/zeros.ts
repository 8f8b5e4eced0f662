/**
 * Complex zeros of the partition function F(t) = sum_k e^{z_k + a_k t}. The nearest one fixes the
 * exact radius of the linearized loss, ρ* (Sao 2026, Prop. 4.2, Eq. 9). The method is SPEC §1
 * "Finding the complex zeros" [D]: tropical seeds, scaled Newton, argument-principle check.
 */
import { cabs, cconj, type Complex } from '../../../science/complex';
import { partition } from './partition';

export interface NearestZero {
  /** The nearest zero with Im ≥ 0 (readouts show this one); null when F has no zeros. */
  zero: Complex | null;
  /** ρ* = |zero|, Infinity when F has no zeros (Δ_a = 0). */
  rhoStar: number;
  /** The argument principle agrees: no zero inside 0.999ρ*, at least two inside 1.001ρ*. */
  certified: boolean;
  /** A few nearest zeros (≤ 12), conjugates included, sorted by modulus then imaginary part. */
  zeros: Complex[];
}

/**
 * The same zeros in units where Δ_a = 1, t = τ / span. Merging classes of equal slope and
 * shifting z and a only multiply F by a nowhere-zero factor, so the zeros stay put, while the
 * work (seed counts, circle sampling) stops depending on the size of Δ_a.
 */
interface Normalized {
  /** Log-weights of the merged classes, largest 0. */
  z: number[];
  /** Distinct slopes (a − a_min)/Δ_a − 1/2, spanning exactly [−1/2, 1/2]. */
  b: number[];
  /** Δ_a of the original slopes. */
  span: number;
}

/** A pair of lines z_i + b_i u crossing at u, with slope gap g = |b_i − b_j|. */
interface Column {
  u: number;
  gap: number;
  onEnvelope: boolean;
}

const NEWTON_ITERS = 80;
/** SPEC §1 step 2: a candidate is a zero when |F e^{-s}| < 1e-9. */
const ACCEPT = 1e-9;
/** SPEC §1: distinct zeros are at least this far apart (relative beyond |t| = 1). */
const DEDUPE = 1e-7;
/** Hard caps so that extreme inputs cost bounded time in the worker. */
const MAX_SEEDS = 20000;
const MAX_SEED_ROUNDS = 8;
const MAX_HALF_POINTS = 1 << 18;
const MAX_REFINE_DEPTH = 24;
const NEAREST_KEPT = 6;

function normalize(z: readonly number[], a: readonly number[]): Normalized | null {
  if (z.length !== a.length) {
    throw new RangeError(`z and a differ in length (${z.length} vs ${a.length})`);
  }
  const order = a.map((_, k) => k).sort((i, j) => (a[i] ?? 0) - (a[j] ?? 0));
  const slopes: number[] = [];
  const logW: number[] = [];
  for (const k of order) {
    const ak = a[k] ?? 0;
    const zk = z[k] ?? 0;
    const last = slopes.length - 1;
    const prevZ = logW[last];
    if (slopes[last] === ak && prevZ !== undefined) {
      // Equal slopes add their weights: e^{z1} + e^{z2} = e^{logsumexp(z1, z2)}.
      const m = Math.max(prevZ, zk);
      logW[last] = m + Math.log(Math.exp(prevZ - m) + Math.exp(zk - m));
    } else {
      slopes.push(ak);
      logW.push(zk);
    }
  }
  const lo = slopes[0];
  const hi = slopes[slopes.length - 1];
  if (slopes.length < 2 || lo === undefined || hi === undefined) return null;
  const span = hi - lo;
  const zMax = Math.max(...logW);
  return {
    z: logW.map((v) => v - zMax),
    b: slopes.map((v) => (v - lo) / span - 0.5),
    span,
  };
}

function pairColumns(n: Normalized): Column[] {
  const { z, b } = n;
  const cols: Column[] = [];
  for (let i = 0; i < b.length; i++) {
    for (let j = i + 1; j < b.length; j++) {
      const bi = b[i] ?? 0;
      const bj = b[j] ?? 0;
      const zi = z[i] ?? 0;
      // SPEC §1 step 1: lines z_i + b_i u and z_j + b_j u cross at u_ij = (z_j − z_i)/(b_i − b_j).
      const u = ((z[j] ?? 0) - zi) / (bi - bj);
      const top = zi + bi * u;
      const tol = 1e-12 * (1 + Math.abs(top));
      let onEnvelope = true;
      for (let k = 0; k < b.length && onEnvelope; k++) {
        if ((z[k] ?? 0) + (b[k] ?? 0) * u > top + tol) onEnvelope = false;
      }
      cols.push({ u, gap: Math.abs(bi - bj), onEnvelope });
    }
  }
  return cols;
}

/** Tropical seeds with Im > 0 and rMin < |seed| ≤ rMax, nearest first. */
function tropicalSeeds(cols: readonly Column[], rMin: number, rMax: number): Complex[] {
  const perPair = Math.max(1, Math.floor(MAX_SEEDS / Math.max(1, cols.length)));
  const seeds: Complex[] = [];
  for (const { u, gap } of cols) {
    // A seed up to half a period beyond the disk can still fall into a zero inside it.
    const reach = rMax + Math.PI / gap;
    for (let m = 0; m < perPair; m++) {
      // Thm 4.3, Eq. 10: the two-term zeros sit at u + iπ(2m+1)/gap.
      const im = (Math.PI * (2 * m + 1)) / gap;
      const r = Math.hypot(u, im);
      if (r > reach) break;
      if (r > rMin) seeds.push({ re: u, im });
    }
  }
  return seeds.sort((p, q) => cabs(p) - cabs(q));
}

/** Cell centres of an nx × ny grid over the upper half of the disk |τ| ≤ r, above Im τ = π. */
function gridSeeds(r: number, nx: number, ny: number): Complex[] {
  const seeds: Complex[] = [];
  // Thm 4.6 (Lemma 4.5): zeros have |Im τ| ≥ π when Δ_a = 1, so the grid starts there.
  const imLo = Math.PI;
  for (let iy = 0; iy < ny; iy++) {
    const im = imLo + ((iy + 0.5) * Math.max(r - imLo, 0)) / ny;
    for (let ix = 0; ix < nx; ix++) {
      const re = -r + ((ix + 0.5) * 2 * r) / nx;
      if (Math.hypot(re, im) <= r) seeds.push({ re, im });
    }
  }
  return seeds;
}

/** Newton on the scaled F; null if it diverges past `limit` or does not reach |F e^{-s}| < 1e-9. */
function newton(n: Normalized, seed: Complex, limit: number): Complex | null {
  let t = seed;
  for (let it = 0; it < NEWTON_ITERS; it++) {
    const { F, dF } = partition(n.z, n.b, t);
    const d = dF.re * dF.re + dF.im * dF.im;
    if (!(d > 0) || !Number.isFinite(d)) return null;
    // SPEC §1 step 2: t ← t − F/F'; the common factor e^{-s} cancels in the ratio.
    const stepRe = (F.re * dF.re + F.im * dF.im) / d;
    const stepIm = (F.im * dF.re - F.re * dF.im) / d;
    t = { re: t.re - stepRe, im: t.im - stepIm };
    const r = cabs(t);
    if (!Number.isFinite(r) || r > limit) return null;
    if (Math.hypot(stepRe, stepIm) < 1e-14 * Math.max(1, r)) break;
  }
  return cabs(partition(n.z, n.b, t).F) < ACCEPT ? t : null;
}

/** Adds the upper-half representative of t unless a zero within the dedupe distance is known. */
function addZero(zeros: Complex[], t: Complex): void {
  const up = t.im < 0 ? cconj(t) : t;
  const tol = DEDUPE * Math.max(1, cabs(up));
  if (zeros.every((q) => Math.hypot(q.re - up.re, q.im - up.im) > tol)) zeros.push(up);
}

function runSeeds(n: Normalized, seeds: readonly Complex[], limit: number, zeros: Complex[]): void {
  for (const seed of seeds) {
    const t = newton(n, seed, limit);
    if (t !== null) addZero(zeros, t);
  }
}

const wrapAngle = (d: number): number => d - 2 * Math.PI * Math.round(d / (2 * Math.PI));

/**
 * Number of zeros in |τ| < r by the argument principle. F is real and positive on the real axis
 * and F(τ̄) = conj F(τ), so the winding is twice the phase change over the upper semicircle.
 */
function windingCount(n: Normalized, r: number, points: number): number {
  // On |τ| = r the phase of a single term turns at most r/2 per radian (|b| ≤ 1/2).
  const half = Math.min(Math.max(Math.ceil(points / 2), Math.ceil(3 * r)), MAX_HALF_POINTS);
  let budget = 16 * half;
  const phase = (theta: number): number => {
    budget--;
    const { F } = partition(n.z, n.b, { re: r * Math.cos(theta), im: r * Math.sin(theta) });
    return Math.atan2(F.im, F.re);
  };
  const arc = (th0: number, ph0: number, th1: number, ph1: number, depth: number): number => {
    const d = wrapAngle(ph1 - ph0);
    // Steps above π/4 may hide a zero close to the circle: bisect until the phase is resolved.
    if (Math.abs(d) <= Math.PI / 4 || depth >= MAX_REFINE_DEPTH || budget <= 0) return d;
    const thm = 0.5 * (th0 + th1);
    const phm = phase(thm);
    return arc(th0, ph0, thm, phm, depth + 1) + arc(thm, phm, th1, ph1, depth + 1);
  };
  let total = 0;
  let th0 = 0;
  let ph0 = 0;
  for (let k = 1; k <= half; k++) {
    const th1 = k === half ? Math.PI : (Math.PI * k) / half;
    const ph1 = k === half ? 0 : phase(th1);
    total += arc(th0, ph0, th1, ph1, 0);
    th0 = th1;
    ph0 = ph1;
  }
  // "+ 0" turns a −0 (a tiny negative total) into 0.
  return 2 * Math.round(total / (2 * Math.PI)) + 0;
}

const byModulusThenIm = (p: Complex, q: Complex): number => cabs(p) - cabs(q) || p.im - q.im;

/** Both conjugates of each upper zero, in t units, sorted by modulus then imaginary part. */
function toT(n: Normalized, upper: readonly Complex[]): Complex[] {
  const out: Complex[] = [];
  for (const q of upper) {
    const t = { re: q.re / n.span, im: q.im / n.span };
    out.push(cconj(t), t);
  }
  return out.sort(byModulusThenIm);
}

/**
 * Distinct zeros of F with |t| ≤ radius, sorted by modulus then imaginary part (the conjugate
 * with Im < 0 first). Work is capped: a disk holding more than ~20000 zeros returns those found.
 */
export function findZeros(z: readonly number[], a: readonly number[], radius: number): Complex[] {
  const n = normalize(z, a);
  if (n === null || !(radius > 0)) return [];
  const r = Math.min(radius * n.span, Number.MAX_VALUE);
  const limit = 2 * r + 4 * Math.PI;
  const zeros: Complex[] = [];
  runSeeds(n, tropicalSeeds(pairColumns(n), 0, r), limit, zeros);
  runSeeds(n, gridSeeds(r, 24, 12), limit, zeros);
  const inside = (): Complex[] => zeros.filter((q) => cabs(q) <= r);
  // The argument principle tells whether the seeds missed any; one denser sweep if they did.
  if (2 * inside().length < windingCount(n, r, 4096))
    runSeeds(n, gridSeeds(r, 96, 48), limit, zeros);
  return toT(n, inside()).filter((t) => cabs(t) <= radius);
}

/** Zeros of F inside |t| < R by the argument principle, sampling `points` points on the circle. */
export function countZerosInDisk(
  z: readonly number[],
  a: readonly number[],
  R: number,
  points = 4096,
): number {
  const n = normalize(z, a);
  if (n === null || !(R > 0)) return 0;
  return windingCount(n, R * n.span, points);
}

/** Upper-half zeros found by Newton from tropical seeds in growing disks, until one turns up. */
function seedSearch(n: Normalized): Complex[] {
  const cols = pairColumns(n);
  let rEnv = Infinity;
  for (const c of cols) if (c.onEnvelope) rEnv = Math.min(rEnv, Math.hypot(c.u, Math.PI / c.gap));
  // Zeros cluster near the envelope's tropical seeds; start a little beyond the nearest one
  // (a few periods at most, so that far-away columns with large logit gaps stay cheap).
  const r0 = Number.isFinite(rEnv) ? rEnv : Math.PI;
  let r = Math.min(1.5 * r0 + 2 * Math.PI, r0 + 10 * Math.PI);
  let rDone = 0;
  const zeros: Complex[] = [];
  for (let round = 0; round < MAX_SEED_ROUNDS; round++) {
    runSeeds(n, tropicalSeeds(cols, rDone, r), 4 * r, zeros);
    if (zeros.some((q) => cabs(q) <= r)) return zeros;
    runSeeds(n, gridSeeds(r, 16, 8), 4 * r, zeros);
    if (zeros.some((q) => cabs(q) <= r)) return zeros;
    rDone = r;
    r *= 2;
  }
  return zeros;
}

/**
 * The zero of F nearest the origin, ρ* = its modulus, and a few more for plotting. The result is
 * certified when the argument principle finds no zero inside 0.999ρ* and at least two (the zero
 * and its conjugate) inside 1.001ρ*; seeds get denser until that holds or the budget is spent.
 */
export function nearestZero(z: readonly number[], a: readonly number[]): NearestZero {
  const n = normalize(z, a);
  // One slope class: F = w e^{a t} never vanishes, so the loss is entire (exact, hence certified).
  if (n === null) return { zero: null, rhoStar: Infinity, certified: true, zeros: [] };
  const zeros = seedSearch(n);
  let certified = false;
  let densities = [16, 48, 128];
  for (;;) {
    zeros.sort(byModulusThenIm);
    const nearest = zeros[0];
    if (nearest === undefined) break;
    const rho = cabs(nearest);
    if (windingCount(n, 0.999 * rho, 4096) === 0) {
      certified = windingCount(n, 1.001 * rho, 4096) >= 2;
      break;
    }
    // A zero hides inside 0.999ρ*: sweep that disk with denser seeds until one turns up.
    for (;;) {
      const [g, ...rest] = densities;
      if (g === undefined) break;
      densities = rest;
      runSeeds(n, gridSeeds(rho, g, g / 2), 2 * rho, zeros);
      if (zeros.some((q) => cabs(q) < rho)) break;
    }
    if (!zeros.some((q) => cabs(q) < rho)) break;
  }
  zeros.sort(byModulusThenIm);
  const shown = toT(n, zeros.slice(0, NEAREST_KEPT));
  const zero = shown.find((t) => t.im >= 0) ?? null;
  const rhoStar = zero === null ? Infinity : cabs(zero);
  // ρ* beyond the largest double (Δ_a below ~1e-308) cannot be reported.
  if (zero === null || !Number.isFinite(rhoStar)) {
    return { zero: null, rhoStar: Infinity, certified: false, zeros: [] };
  }
  return { zero, rhoStar, certified, zeros: shown };
}
