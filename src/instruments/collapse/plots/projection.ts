/**
 * The 3-D view's camera: a rotation by yaw (about the vertical axis) then pitch (about the
 * horizontal one), an orthographic projection with a mild perspective for depth cues, and the
 * class colours every panel shares. Pure, so it is tested without a DOM.
 */
import { schemeTableau10 } from 'd3-scale-chromatic';

export interface Camera {
  /** Radians about the screen's vertical axis. */
  yaw: number;
  /** Radians about the screen's horizontal axis, kept within ±85°. */
  pitch: number;
}

export const PITCH_LIMIT = (85 * Math.PI) / 180;
export const DEFAULT_CAMERA: Camera = { yaw: 0.6, pitch: 0.35 };

export const clampPitch = (p: number): number => Math.max(-PITCH_LIMIT, Math.min(PITCH_LIMIT, p));

/** Screen position (x right, y up, unit scale) and depth (towards the viewer positive). */
export interface Projected {
  x: number;
  y: number;
  depth: number;
}

/** Rotates p = (x, y, z) by the camera and projects it; `perspective` is 1/distance. */
export function project(
  px: number,
  py: number,
  pz: number,
  cam: Camera,
  perspective = 0.15,
): Projected {
  const cy = Math.cos(cam.yaw);
  const sy = Math.sin(cam.yaw);
  const x1 = cy * px + sy * pz;
  const z1 = -sy * px + cy * pz;
  const cp = Math.cos(cam.pitch);
  const sp = Math.sin(cam.pitch);
  const y2 = cp * py - sp * z1;
  const z2 = sp * py + cp * z1;
  const f = 1 / (1 - perspective * z2);
  return { x: x1 * f, y: y2 * f, depth: z2 };
}

/** One colour per class, the same in every panel (Tableau 10 covers K ≤ 10). */
export const classColor = (k: number): string =>
  schemeTableau10[k % schemeTableau10.length] ?? '#888888';

/** Largest row norm of a K×3 array (the scale a set is drawn at). */
export function maxRowNorm(a: ArrayLike<number>, rows: number): number {
  let m = 0;
  for (let k = 0; k < rows; k++)
    m = Math.max(m, Math.hypot(a[3 * k] ?? 0, a[3 * k + 1] ?? 0, a[3 * k + 2] ?? 0));
  return m;
}
