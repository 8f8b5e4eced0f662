/**
 * The CPU engine of `task=seq` (seqProblem.ts), in f64. States are s = (position, previous
 * token); for one prompt, with π_s = softmax(z_s / T) and S_pos its allowed tokens:
 *   d_s      probability of visiting s           d_{0,0} = 1, d_{pos+1}(t) = Σ_prev d_s π_s(t)
 *   α_s      … with every token so far allowed   α_{pos+1}(t) = 1[t∈S_pos] Σ_prev α_s π_s(t)
 *   β_s      probability of finishing allowed    β_s = Σ_t π_s(t) g_s(t), g_s(t) = 1[t∈S_pos] β_{pos+1}(t)
 *   J = β_{0,0} (the expected reward: the answer is correct with this probability)
 *   ∂J/∂z_s = (1/T) α_s π_s ⊙ (g_s − β_s) = (1/T) d_s π_s ⊙ Ā_s, Ā_s = (α_s/d_s)(g_s − β_s),
 * the policy-gradient theorem with the averaged advantage of an aliased state. Each state is then
 * updated as a bandit (step.ts) with rewards r_s = (α_s/d_s) g_s: `pg` with η·d_s (so the step is
 * exactly η·∇J, and bonus and div are weighted by how often the state is visited), `npg` with η
 * (Kakade's tabular natural gradient divides the visitation out). `grpo` samples G answers
 * token by token from the counter RNG and applies the token rules to all G·L tokens of a prompt.
 * Entropy is per token: H = (1/L) Σ_s d_s H(π_s). C is such that −η·C is the first-order change
 * of that H for the step taken, including the change of the visitation d (a forward pass of the
 * tangent δd), not only the covariance term −Σ d_s Cov(log π_s, Δu_s).
 */
import type { StepMeans } from './engine';
import { softmaxRow } from './policy';
import { seqGrpoTokens, type SeqTokens } from './seqGrpo';
import type { SeqProblem } from './seqProblem';
import { Workspace, stepPrompt } from './step';
import type { UpdateParams } from './types';

type Mutable<T> = { -readonly [P in keyof T]: T[P] };
const VISITED = 1e-300;
/** Methods that act in every alg as an extra term of the update, not as a token rule. */
const KEEP_EXACT = new Set(['bonus', 'div']);

export class SeqEngine {
  readonly z: Float64Array;
  private readonly logRef: Float64Array | null;
  private readonly ws: Workspace;
  private readonly p: Mutable<UpdateParams>;
  private readonly stats = new Float64Array(4);
  private readonly zeros: Uint8Array;
  private readonly rRow: Float64Array;
  // Per prompt: π and log π of every state, H per state, d, α, β, δd and δπ (the tangent).
  private readonly pi: Float64Array;
  private readonly logPi: Float64Array;
  private readonly Hs: Float64Array;
  private readonly d: Float64Array;
  private readonly alpha: Float64Array;
  private readonly beta: Float64Array;
  private readonly dd: Float64Array;
  private readonly dpi: Float64Array;
  private readonly toks: SeqTokens;
  private steps = 0;

  constructor(
    readonly problem: SeqProblem,
    readonly params: UpdateParams,
    readonly seed: number,
  ) {
    const { B, K, L } = problem;
    this.z = Float64Array.from(problem.z0);
    this.ws = new Workspace(K, Math.max(1, params.G * L));
    this.p = { ...params };
    this.zeros = new Uint8Array(K);
    this.rRow = new Float64Array(K);
    const states = L * K;
    this.pi = new Float64Array(states * K);
    this.logPi = new Float64Array(states * K);
    this.Hs = new Float64Array(states);
    this.d = new Float64Array(states);
    this.alpha = new Float64Array(states);
    this.beta = new Float64Array((L + 1) * K);
    this.dd = new Float64Array(states);
    this.dpi = new Float64Array(states * K);
    this.toks = {
      act: new Int32Array(params.G * L),
      state: new Int32Array(params.G * L),
      reward: new Float64Array(params.G),
    };
    this.logRef = null;
    if (params.method === 'div') {
      this.logRef = new Float64Array(B * states * K);
      const scratch = new Float64Array(K);
      const lp = new Float64Array(K);
      for (let s = 0; s < B * states; s++) {
        softmaxRow(problem.z0, s * K, K, 1 / params.temp, scratch, lp);
        this.logRef.set(lp, s * K);
      }
    }
  }

  get step(): number {
    return this.steps;
  }

  advance(out: StepMeans): void {
    this.run(true, out);
    this.steps++;
  }

  measure(out: StepMeans): void {
    this.run(false, out);
  }

  /** Per-prompt probability that one sampled answer is correct (J_b), for pass@k. */
  promptPassRates(out: Float64Array = new Float64Array(this.problem.B)): Float64Array {
    for (let b = 0; b < this.problem.B; b++) {
      this.forward(b);
      out[b] = this.beta[0] ?? 0;
    }
    return out;
  }

  /** The first state (position 0) of prompt b: log π and the advantage Ā = g − J of each token. */
  firstState(b: number): { logPi: Float64Array; adv: Float64Array } {
    const { K } = this.problem;
    this.forward(b);
    const J = this.beta[0] ?? 0;
    const adv = new Float64Array(K);
    for (let t = 0; t < K; t++) adv[t] = this.g(b, 0, t) - J;
    return { logPi: this.logPi.slice(0, K), adv };
  }

  /** g_s(t) = 1[t ∈ S_pos]·β_{pos+1}(t). */
  private g(b: number, pos: number, t: number): number {
    const { K, L, allowed } = this.problem;
    return allowed[(b * L + pos) * K + t] === 1 ? (this.beta[(pos + 1) * K + t] ?? 0) : 0;
  }

  /** π, log π, H of every state of prompt b, and d, α, β. */
  private forward(b: number): void {
    const { K, L, allowed } = this.problem;
    const { pi, logPi, Hs, d, alpha, beta } = this;
    const invT = 1 / this.params.temp;
    const base = b * L * K;
    for (let s = 0; s < L * K; s++) {
      Hs[s] = softmaxRow(this.z, (base + s) * K, K, invT, this.ws.pi, this.ws.logPi);
      pi.set(this.ws.pi.subarray(0, K), s * K);
      logPi.set(this.ws.logPi.subarray(0, K), s * K);
    }
    d.fill(0);
    alpha.fill(0);
    d[0] = 1;
    alpha[0] = 1;
    for (let pos = 0; pos + 1 < L; pos++) {
      for (let prev = 0; prev < K; prev++) {
        const s = pos * K + prev;
        const ds = d[s] ?? 0;
        const as = alpha[s] ?? 0;
        if (ds === 0) continue;
        for (let t = 0; t < K; t++) {
          const q = pi[s * K + t] ?? 0;
          const n = (pos + 1) * K + t;
          d[n] = (d[n] ?? 0) + ds * q;
          if (allowed[(b * L + pos) * K + t] === 1) alpha[n] = (alpha[n] ?? 0) + as * q;
        }
      }
    }
    beta.fill(1, L * K, (L + 1) * K);
    for (let pos = L - 1; pos >= 0; pos--) {
      for (let prev = 0; prev < K; prev++) {
        const s = pos * K + prev;
        let v = 0;
        for (let t = 0; t < K; t++) v += (pi[s * K + t] ?? 0) * this.g(b, pos, t);
        beta[s] = v;
      }
    }
  }

  private run(update: boolean, out: StepMeans): void {
    const { B, K, L } = this.problem;
    let H = 0;
    let R = 0;
    let C = 0;
    for (let b = 0; b < B; b++) {
      this.forward(b);
      let hb = 0;
      for (let s = 0; s < L * K; s++) hb += (this.d[s] ?? 0) * (this.Hs[s] ?? 0);
      H += hb / L;
      R += this.beta[0] ?? 0;
      if (update) C += this.updatePrompt(b);
    }
    out.H = H / B;
    out.R = R / B;
    out.P = R / B;
    out.C = update ? C / B : 0;
  }

  /** Updates every visited state of prompt b; returns its C (see the header). */
  private updatePrompt(b: number): number {
    const { K, L } = this.problem;
    const { ws, p, d, Hs, dpi } = this;
    const eta = this.params.lr;
    const invT = 1 / this.params.temp;
    const key = { seed: this.seed >>> 0, step: this.steps, prompt: 0 };
    const grpo = this.params.alg === 'grpo';
    if (grpo)
      seqGrpoTokens(
        this.problem,
        b,
        this.params,
        this.steps,
        this.seed,
        this.pi,
        this.logPi,
        Hs,
        ws,
        this.toks,
      );
    dpi.fill(0);
    let covTerm = 0;
    for (let s = 0; s < L * K; s++) {
      const ds = d[s] ?? 0;
      if (ds < VISITED) continue;
      const pos = Math.floor(s / K);
      const row = (b * L * K + s) * K;
      const zRow = this.z.subarray(row, row + K);
      const ref = this.logRef ? this.logRef.subarray(row, row + K) : null;
      const scale = grpo ? 0 : (this.alpha[s] ?? 0) / ds;
      for (let t = 0; t < K; t++) this.rRow[t] = scale * this.g(b, pos, t);
      p.lr = this.params.alg === 'npg' ? eta : eta * ds;
      // grpo: zero rewards here, so stepPrompt applies only the bonus or div term (weighted by
      // d_s); the sampled token step of this state is added after it.
      p.alg = grpo ? 'pg' : this.params.alg;
      p.method = grpo && !KEEP_EXACT.has(this.params.method) ? 'none' : this.params.method;
      stepPrompt(zRow, this.rRow, this.zeros, ref, K, p, key, ws, true, this.stats);
      if (grpo) this.addTokenStep(zRow, s, eta * invT);
      // δπ_s = π ⊙ (Δu − ⟨π, Δu⟩), Δu = Δz/T, from the logits before and after.
      let mean = 0;
      for (let t = 0; t < K; t++) mean += (ws.pi[t] ?? 0) * (ws.dz[t] ?? 0) * invT;
      let cov = 0;
      for (let t = 0; t < K; t++) {
        const q = ws.pi[t] ?? 0;
        const du = (ws.dz[t] ?? 0) * invT;
        dpi[s * K + t] = q * (du - mean);
        cov += q * (ws.logPi[t] ?? 0) * du;
      }
      cov += (Hs[s] ?? 0) * mean;
      covTerm += ds * cov;
    }
    // δH = (1/L) Σ_s [δd_s H_s − d_s Cov_s]; δd by a forward pass of the tangent.
    const dd = this.dd;
    dd.fill(0);
    for (let pos = 0; pos + 1 < L; pos++)
      for (let prev = 0; prev < K; prev++) {
        const s = pos * K + prev;
        const ds = d[s] ?? 0;
        const dds = dd[s] ?? 0;
        for (let t = 0; t < K; t++) {
          const n = (pos + 1) * K + t;
          dd[n] = (dd[n] ?? 0) + dds * (this.pi[s * K + t] ?? 0) + ds * (dpi[s * K + t] ?? 0);
        }
      }
    let ddTerm = 0;
    for (let s = 0; s < L * K; s++) ddTerm += (dd[s] ?? 0) * (Hs[s] ?? 0);
    return -(ddTerm - covTerm) / L / eta;
  }

  /** grpo: adds (η/T)·Σ_{tokens at s} w_i (e_{y_i} − π_s) / (G·L) to the state's logits. */
  private addTokenStep(zRow: Float64Array, s: number, stepScale: number): void {
    const { K } = this.problem;
    const { ws, toks } = this;
    const n = toks.act.length;
    const acc = ws.work;
    acc.fill(0, 0, K);
    let sumW = 0;
    for (let i = 0; i < n; i++) {
      if (toks.state[i] !== s) continue;
      const w = ws.tokW[i] ?? 0;
      const a = toks.act[i] ?? 0;
      acc[a] = (acc[a] ?? 0) + w;
      sumW += w;
    }
    for (let t = 0; t < K; t++) {
      const step = (stepScale * ((acc[t] ?? 0) - (ws.pi[t] ?? 0) * sumW)) / n;
      zRow[t] = (zRow[t] ?? 0) + step;
      ws.dz[t] = (ws.dz[t] ?? 0) + step;
    }
  }
}
