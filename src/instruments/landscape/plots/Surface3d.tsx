/**
 * The slice as a rotatable 3-D surface (the picture Li et al. 2018 is known for): quads of the
 * grid, painter-sorted, coloured by the same log scale as the heat map, on a canvas. Drag to
 * rotate; with focus, the arrow keys rotate too (and only then: slide decks own the keys).
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { MODULUS_LUT } from '../../../plots/colormap';
import type { SliceResult } from '../compute/protocol';
import { logLoss, logRange } from './sliceScale';
import { clampPitch, project, type View3d } from './surface';

/** At most this many quads per side: a 201² grid is drawn every other point or so. */
const MAX_QUADS = 60;

export function Surface3d(props: {
  slice: SliceResult;
  width: number;
  height: number;
  background: string;
}) {
  const { slice, width, height, background } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [view, setView] = useState<View3d>({ yaw: -0.7, pitch: 0.75 });
  const drag = useRef<{ x: number; y: number; view: View3d } | null>(null);

  useEffect(() => {
    const c = canvasRef.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
    const g = slice.alphas.length;
    const step = Math.max(1, Math.ceil((g - 1) / MAX_QUADS));
    const [lo, hi] = logRange(slice.loss);
    const zOf = (i: number, j: number) => {
      const v = slice.loss[j * g + i] ?? NaN;
      return Number.isFinite(v) ? ((logLoss(v) - lo) / (hi - lo || 1)) * 1.2 - 0.6 : -0.6;
    };
    const scale = Math.min(width, height) / 3.2;
    const cx = width / 2;
    const cy = height / 2 + scale * 0.1;
    const idx: number[] = [];
    for (let j = 0; j + step < g; j += step)
      for (let i = 0; i + step < g; i += step) idx.push(j * g + i);
    const quads = idx.map((k) => {
      const i = k % g;
      const j = Math.floor(k / g);
      const corners = [
        [i, j],
        [i + step, j],
        [i + step, j + step],
        [i, j + step],
      ].map(([a = 0, b = 0]) =>
        project(view, (2 * a) / (g - 1) - 1, (2 * b) / (g - 1) - 1, zOf(a, b)),
      );
      const depth = corners.reduce((s, p) => s + p[2], 0) / 4;
      const t =
        (zOf(i, j) + zOf(i + step, j) + zOf(i + step, j + step) + zOf(i, j + step)) / 4.8 + 0.5;
      return { corners, depth, t };
    });
    quads.sort((a, b) => a.depth - b.depth);
    for (const q of quads) {
      const k = 3 * Math.round(255 * Math.min(1, Math.max(0, q.t)));
      ctx.fillStyle = `rgb(${MODULUS_LUT[k] ?? 0},${MODULUS_LUT[k + 1] ?? 0},${MODULUS_LUT[k + 2] ?? 0})`;
      ctx.strokeStyle = 'rgba(0,0,0,0.25)';
      ctx.beginPath();
      q.corners.forEach(([u, v], n) => {
        const sx = cx + u * scale;
        const sy = cy - v * scale;
        if (n === 0) ctx.moveTo(sx, sy);
        else ctx.lineTo(sx, sy);
      });
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
    }
  }, [slice, view, width, height, background]);

  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, view };
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (!d) return;
    setView({
      yaw: d.view.yaw + (e.clientX - d.x) * 0.01,
      pitch: clampPitch(d.view.pitch + (e.clientY - d.y) * 0.01),
    });
  };
  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const turn: Record<string, [number, number]> = {
      ArrowLeft: [-0.1, 0],
      ArrowRight: [0.1, 0],
      ArrowUp: [0, 0.1],
      ArrowDown: [0, -0.1],
    };
    const t = turn[e.key];
    if (!t) return;
    e.preventDefault();
    setView((v) => ({ yaw: v.yaw + t[0], pitch: clampPitch(v.pitch + t[1]) }));
  };
  return (
    <canvas
      ref={canvasRef}
      className="landscape-surface"
      data-testid="surface-canvas"
      data-yaw={view.yaw.toFixed(3)}
      data-pitch={view.pitch.toFixed(3)}
      style={{ width, height, touchAction: 'none' }}
      tabIndex={0}
      role="img"
      aria-label="loss surface in 3-D: drag or use the arrow keys to rotate"
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={() => (drag.current = null)}
      onKeyDown={onKey}
    />
  );
}
