/**
 * Token-level rules of the covariance interventions on one batch of sampled tokens.
 * Sources: verl/trainer/ppo/core_algos.py `compute_policy_loss_clip_cov` / `_kl_cov`
 * (PRIME-RL/Entropy-Mechanism-of-RL) and zz-haooo/STEER `compute_token_weights` (SPEC §4).
 *
 * The batch: in verl it is every response token of the one shared model's mini-batch. Here each
 * prompt has its own tabular policy, so the batch of a policy is its own G rollouts: means,
 * counts N and selections are per prompt. That keeps prompts independent (one GPU workgroup
 * each) and is what the SPEC golden batch (10 tokens of one policy) computes.
 */

/** Cov_i = (A_i − mean A)(log π(y_i) − mean log π) over the batch [SPEC §4, C]. */
export function tokenCov(
  A: ArrayLike<number>,
  logp: ArrayLike<number>,
  n: number,
  out: Float64Array,
): void {
  let mA = 0;
  let mL = 0;
  for (let i = 0; i < n; i++) {
    mA += A[i] ?? 0;
    mL += logp[i] ?? 0;
  }
  mA /= n;
  mL /= n;
  for (let i = 0; i < n; i++) out[i] = ((A[i] ?? 0) - mA) * ((logp[i] ?? 0) - mL);
}

/** Tokens a rule may select: max(1, ⌊f·N⌋) as the verl code counts them. */
export const selectCount = (fraction: number, n: number): number =>
  Math.max(1, Math.floor(fraction * n));

/**
 * KL-Cov: marks the top max(1, ⌊k·N⌋) tokens by Cov_i (ties go to the lower index, as a stable
 * descending sort would). Here k is a fraction; the code's `k_percent` is a percentage.
 */
export function klCovSelect(cov: ArrayLike<number>, n: number, k: number, sel: Uint8Array): void {
  const count = selectCount(k, n);
  for (let i = 0; i < n; i++) {
    const c = cov[i] ?? 0;
    let rank = 0;
    for (let j = 0; j < n; j++) {
      const d = cov[j] ?? 0;
      if (d > c || (d === c && j < i)) rank++;
    }
    sel[i] = rank < count ? 1 : 0;
  }
}

/**
 * Clip-Cov: candidates are tokens with ω_low < Cov_i < ω_high (on-policy the PPO ratio is 1, so
 * the PPO clip has clipped none); max(1, ⌊r·N⌋) of them are picked uniformly at random. "At
 * random" is: the candidates with the smallest counter-RNG keys, so GPU and CPU pick alike.
 */
export function clipCovSelect(
  cov: ArrayLike<number>,
  keys: ArrayLike<number>,
  n: number,
  r: number,
  wLow: number,
  wHigh: number,
  sel: Uint8Array,
): void {
  const count = selectCount(r, n);
  const isCand = (i: number): boolean => {
    const c = cov[i] ?? 0;
    return c > wLow && c < wHigh;
  };
  for (let i = 0; i < n; i++) {
    if (!isCand(i)) {
      sel[i] = 0;
      continue;
    }
    const key = keys[i] ?? 0;
    let rank = 0;
    for (let j = 0; j < n; j++) {
      const kj = keys[j] ?? 0;
      if (isCand(j) && (kj < key || (kj === key && j < i))) rank++;
    }
    sel[i] = rank < count ? 1 : 0;
  }
}

/**
 * STEER weights (Hao et al. arXiv:2510.10150; SPEC §4 [C]), exponential mode, on-policy
 * (π = π_old, so the 1/π_old factor cancels one π): Ω_i = A_i (1 − π_i)(log π_i + H_i),
 * λ_i = clip(exp(−k|Ω_i|), w_min, 1) with k = −ln(w_min) / max(max|Ω|, 0.02).
 */
export function steerWeights(
  A: ArrayLike<number>,
  piTok: ArrayLike<number>,
  logPiTok: ArrayLike<number>,
  Htok: ArrayLike<number>,
  n: number,
  wMin: number,
  out: Float64Array,
): void {
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const omega = steerOmega(A[i] ?? 0, piTok[i] ?? 0, logPiTok[i] ?? 0, Htok[i] ?? 0);
    out[i] = omega;
    maxAbs = Math.max(maxAbs, Math.abs(omega));
  }
  const k = -Math.log(wMin) / Math.max(maxAbs, 0.02);
  for (let i = 0; i < n; i++) out[i] = steerLambda(out[i] ?? 0, k, wMin);
}

export const steerOmega = (A: number, pi: number, logPi: number, H: number): number =>
  A * (1 - pi) * (logPi + H);

export const steerLambda = (omega: number, k: number, wMin: number): number =>
  Math.min(1, Math.max(wMin, Math.exp(-k * Math.abs(omega))));

/**
 * KL-Cov's penalised token loss −A·ratio + β|log π − log π_old| has a zero gradient at the
 * on-policy point (d|x|/dx at 0 is 0 in autograd), yet over verl's several mini-batch updates
 * per batch it holds log π near log π_old. The subgradient flow of −A·Δ + β|Δ| from Δ = 0 moves
 * at the soft-threshold S_β(A) = sign(A)·max(|A| − β, 0): the limit of many small steps, and
 * what this on-policy toy uses as the selected tokens' advantage.
 */
export const softThreshold = (A: number, beta: number): number =>
  Math.sign(A) * Math.max(Math.abs(A) - beta, 0);
