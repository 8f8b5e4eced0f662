/**
 * The ghosts view's compute: zeros and radii (CPU worker, f64), then the plane field (WGSL
 * kernel, or the CPU worker without WebGPU). Only z, a, the window and the resolution
 * trigger work; τ, y and the colour mode are cheap and derived during render.
 */
import { useEffect, useMemo, useState } from 'react';
import { analyzeOnWorker } from '../compute/cpuWorker';
import type { LineAnalysis } from '../compute/cpuProtocol';
import { computePlane, type PlaneResult } from '../compute/planeCompute';
import { latestOnly } from '../../../worker/latest';
import { autoSpan, squareGrid } from '../compute/window';
import { GHOSTS_LIMITS } from '../link';

export interface GhostsRequest {
  z: number[];
  a: number[];
  span: number | null;
  pixels: number;
}

export interface GhostsResult {
  request: GhostsRequest;
  analysis: LineAnalysis;
  plane: PlaneResult;
  ms: number;
}

/** Null when the worker had a newer request: the newer result is on its way. */
async function run(req: GhostsRequest): Promise<GhostsResult | null> {
  const t0 = performance.now();
  const analysis = await analyzeOnWorker(req.z, req.a);
  if (analysis === null) return null;
  const span = req.span ?? autoSpan(analysis.rhoStar, GHOSTS_LIMITS.spanMax);
  const plane = await computePlane(squareGrid(span, req.pixels), req.z, req.a);
  if (plane === null) return null;
  return { request: req, analysis, plane, ms: performance.now() - t0 };
}

/** z and a must keep their identity while unchanged (they come from the store, which never mutates). */
export function useGhostsCompute(
  z: number[],
  a: number[],
  span: number | null,
  pixels: number,
  active: boolean,
): { result: GhostsResult | null; error: string | null; stale: boolean } {
  const [result, setResult] = useState<GhostsResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = useMemo(
    () =>
      latestOnly(
        run,
        (r) => {
          if (r === null) return;
          setResult(r);
          setError(null);
        },
        (e) => setError(e instanceof Error ? e.message : String(e)),
      ),
    [],
  );
  useEffect(() => {
    if (active && pixels > 0) submit({ z, a, span, pixels });
  }, [z, a, span, pixels, active, submit]);
  const r = result?.request;
  const stale = !r || r.z !== z || r.a !== a || r.span !== span || r.pixels !== pixels;
  return { result, error, stale };
}
