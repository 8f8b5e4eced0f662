/**
 * What the user chose, as plain data: the shape of the store's params and of a permalink.
 * The permalink codec (./permalink.ts) validates against these types, limits and defaults.
 */

/** Bump when a link's meaning changes, and add a migration step in ./permalink.ts. */
export const LINK_VERSION = 1;

export const VIEWS = ['ghosts'] as const;
/** Named in notices and navigation so a link to one of them says "not yet" rather than "wrong". */
export const PLANNED_VIEWS = ['landscape', 'entropy', 'collapse'] as const;

export type ViewId = (typeof VIEWS)[number];
export type PlannedViewId = (typeof PLANNED_VIEWS)[number];
export type ColorMode = 'domain' | 'modulus' | 'phase';
export type Theme = 'system' | 'light' | 'dark';

export const COLOR_MODES: readonly ColorMode[] = ['domain', 'modulus', 'phase'];
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export interface GhostsParams {
  /** Logits, one per class; K = z.length. */
  z: number[];
  /** Directional derivatives a = ∇z·v, same length as z. */
  a: number[];
  /** The label: a class index in [0, K). */
  y: number;
  /** The step along the direction. */
  tau: number;
  /** Half-width of the complex window; null lets the view choose it from ρ*. */
  span: number | null;
  color: ColorMode;
  /** Order of the Taylor polynomial T_n drawn on the real line. */
  n: number;
  /** Temperature: the view uses logits z/T and slopes a/T, so ρ_a(T) = πT/Δ_a (Sao 2026 §6.4). */
  T: number;
}

export interface AppParams {
  view: ViewId;
  embed: boolean;
  theme: Theme;
  ghosts: GhostsParams;
}

/** `message` is shown to a person: it says what was wrong and what was used instead. */
export interface ParamIssue {
  param: string;
  message: string;
}

export interface GhostsLimits {
  readonly kMin: number;
  readonly kMax: number;
  readonly zAbs: number;
  readonly aAbs: number;
  readonly tauMin: number;
  readonly tauMax: number;
  readonly spanMin: number;
  readonly spanMax: number;
  /** r = τ/ρ_a, the range the paper sweeps (SPEC §1 UI ranges). */
  readonly rMin: number;
  readonly rMax: number;
  /** Taylor order n (SPEC §1 UI ranges: 1–40; the recursion is stable in f64 to 40). */
  readonly nMin: number;
  readonly nMax: number;
  /** Temperature T, on a log slider. */
  readonly tempMin: number;
  readonly tempMax: number;
}

export const GHOSTS_LIMITS: GhostsLimits = {
  kMin: 2,
  kMax: 16,
  zAbs: 8,
  aAbs: 5,
  tauMin: 1e-4,
  tauMax: 1e4,
  spanMin: 0.05,
  spanMax: 1000,
  rMin: 0.01,
  rMax: 100,
  nMin: 1,
  nMax: 40,
  tempMin: 0.05,
  tempMax: 20,
};

export const DEFAULT_GHOSTS: GhostsParams = {
  z: [2, 0.5, -1],
  a: [1.5, -0.3, -1.2],
  y: 0,
  tau: 0.93,
  span: null,
  color: 'domain',
  n: 8,
  T: 1,
};

export const DEFAULT_PARAMS: AppParams = {
  view: 'ghosts',
  embed: false,
  theme: 'system',
  ghosts: DEFAULT_GHOSTS,
};
