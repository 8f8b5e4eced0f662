/**
 * The JSON export: everything needed to recompute the picture elsewhere — the data and labels,
 * the architecture, θ, the two normalised directions, the axes and the grid of losses; and the
 * reader's pinned θ's with the pair the 1-D curve runs between (a link cannot carry them).
 */
import type { ViewExport } from '../../../app/exportJson';
import { describeProvenance } from '../../../gpu/choice';
import type { Shown } from '../compute/client';
import type { LandscapeParams } from '../link';
import { landscapeReadouts } from '../readouts';
import type { Pin } from './pins';

export function landscapeJson(
  s: Shown | null,
  p: LandscapeParams,
  done: boolean,
  pins: readonly Pin[],
): ViewExport {
  const backend = s?.slice ? describeProvenance(s.slice.provenance) : null;
  if (!s) {
    return { mode: p.mode, backend, results: {}, partial: true, missing: 'nothing computed yet' };
  }
  return {
    mode: p.mode,
    backend,
    partial: !done || s.coarse,
    missing: !done
      ? `training had reached step ${s.step} of ${p.step}`
      : 'the slice was still refining: its grid is a coarse preview',
    results: {
      readouts: landscapeReadouts(s),
      data: {
        n: s.samples.n,
        d: s.samples.d,
        x: Array.from(s.samples.x),
        y: Array.from(s.samples.y),
        classes: s.classes,
      },
      architecture: {
        inputs: s.samples.d,
        hidden: p.hidden,
        classes: s.classes,
        act: p.act,
        layout: 'per layer W (out×in, row-major) then b',
      },
      training: { backend: describeProvenance(s.trainProvenance), step: s.step },
      theta: Array.from(s.theta),
      directions: s.slice
        ? {
            delta: Array.from(s.slice.delta),
            eta: Array.from(s.slice.eta),
            dirs: p.dirs,
            norm: p.norm,
            bias: p.bias,
          }
        : null,
      slice: s.slice
        ? {
            alphas: Array.from(s.slice.alphas),
            betas: Array.from(s.slice.betas),
            loss: Array.from(s.slice.loss),
            layout: 'loss[j·alphas.length + i] = f(alphas[i], betas[j])',
          }
        : null,
      interpolation: s.interp
        ? {
            from: s.interp.from,
            to: s.interp.to,
            formula: 'loss[i] = L((1 − alphas[i])·θ_from + alphas[i]·θ_to)',
            alphas: Array.from(s.interp.alphas),
            loss: Array.from(s.interp.loss),
          }
        : null,
      pins: pins.map((pin) => ({ step: pin.step, theta: Array.from(pin.theta) })),
      pca: s.pca ? { explained: s.pca.explained, path: Array.from(s.pca.path) } : null,
      lossHistory: Array.from(s.fullHistory),
    },
  };
}
