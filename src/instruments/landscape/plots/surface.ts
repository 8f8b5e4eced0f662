/** The 3-D surface's projection: a rotation (yaw about z, then pitch about x) and an orthographic view. */

export interface View3d {
  /** Rotation about the vertical axis, radians. */
  yaw: number;
  /** Tilt towards the viewer, radians (0: seen from the side, π/2: from above). */
  pitch: number;
}

/** (x, y, z) in [−1, 1]³ → screen (u, v) in [−1.8, 1.8]-ish, and depth (larger is nearer). */
export function project(view: View3d, x: number, y: number, z: number): [number, number, number] {
  const cy = Math.cos(view.yaw);
  const sy = Math.sin(view.yaw);
  const xr = cy * x - sy * y;
  const yr = sy * x + cy * y;
  const cp = Math.cos(view.pitch);
  const sp = Math.sin(view.pitch);
  // Screen up is z tilted back by the pitch; depth is towards the viewer.
  const v = z * cp + yr * sp;
  const depth = -yr * cp + z * sp;
  return [xr, v, depth];
}

export const clampPitch = (p: number): number => Math.max(0.05, Math.min(1.5, p));
